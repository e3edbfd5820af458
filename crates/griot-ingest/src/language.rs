//! Language identification on the clean text.

/// Fewer words than this and trigram statistics say little; such texts are taken as English.
const MIN_WORDS: usize = 20;

/// What detection concluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Language {
    /// Too short or not reliably identified: no code, read as English.
    Unknown,
    English,
    /// ISO 639-3 code of another language.
    Other(String),
}

impl Language {
    /// The code to store on the document.
    pub(crate) fn code(&self) -> Option<String> {
        match self {
            Language::Unknown => None,
            Language::English => Some(ENGLISH.to_string()),
            Language::Other(code) => Some(code.clone()),
        }
    }
}

const ENGLISH: &str = "eng";

/// English function words. In running English they are a quarter or more of the words; in
/// other languages written in Latin script they are rare (a few borrowed "the"s in a French
/// text), so a high share settles the question without trigram statistics.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "was", "were", "said", "by",
    "has", "have", "it", "as", "at", "from", "are", "be", "this", "which", "its",
];

/// Share of function words above which a text is taken as English without running whatlang.
const ENGLISH_SHARE: f64 = 0.15;

/// Words looked at for the shortcut, and bytes handed to whatlang: its cost grows with the
/// text, and a few kilobytes identify a language as well as a whole article does.
const SAMPLE_WORDS: usize = 300;
const SAMPLE_BYTES: usize = 4096;

pub(crate) fn detect(text: &str) -> Language {
    if text.split_whitespace().take(MIN_WORDS).count() < MIN_WORDS {
        return Language::Unknown;
    }
    // Language detection was a fifth of the per-document cost of `griot ingest` on news
    // wires; most inputs are plainly English and are settled by this count.
    let (mut words, mut function) = (0usize, 0usize);
    for word in text.split_whitespace().take(SAMPLE_WORDS) {
        words += 1;
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if ENGLISH_FUNCTION_WORDS
            .iter()
            .any(|f| f.eq_ignore_ascii_case(word))
        {
            function += 1;
        }
    }
    if function as f64 >= ENGLISH_SHARE * words as f64 {
        return Language::English;
    }
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match whatlang::detect(&text[..end]) {
        Some(info) if info.is_reliable() => match info.lang().code() {
            ENGLISH => Language::English,
            code => Language::Other(code.to_string()),
        },
        _ => Language::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_unknown() {
        assert_eq!(
            detect("Soldiers were arrested in Bamako."),
            Language::Unknown
        );
    }

    #[test]
    fn english_and_french() {
        let en = "Malian authorities have arrested dozens of soldiers accused of plotting to \
                  topple the country's military leaders amid reports that rebels are gaining \
                  ground in the north of the country.";
        assert_eq!(detect(en), Language::English);
        let fr = "Les autorités maliennes ont arrêté des dizaines de soldats accusés d'avoir \
                  comploté pour renverser les dirigeants militaires du pays, alors que des \
                  rebelles gagnent du terrain dans le nord du pays selon plusieurs sources.";
        assert_eq!(detect(fr), Language::Other("fra".into()));
    }

    #[test]
    fn english_with_few_function_words_still_goes_to_whatlang() {
        // Headline-style English, well under the function-word share.
        let en = "Mali junta arrests generals; Algeria denies backing Tuareg rebels; Morocco \
                  pledges aid; Bamako protesters rally; ECOWAS summit postponed; prices soar; \
                  farmers flee drought; soldiers killed near Gao; Niger closes border crossings.";
        // Whatlang may call it English or be unsure (read as English): never another language.
        assert!(matches!(detect(en), Language::English | Language::Unknown));
        let es = "Las autoridades malienses detuvieron a decenas de soldados acusados de \
                  conspirar para derrocar a los dirigentes militares del país, mientras los \
                  rebeldes ganan terreno en el norte según varias fuentes locales y diplomáticas.";
        assert_eq!(detect(es), Language::Other("spa".into()));
    }
}
