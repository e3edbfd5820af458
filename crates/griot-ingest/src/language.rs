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

pub(crate) fn detect(text: &str) -> Language {
    if text.split_whitespace().take(MIN_WORDS).count() < MIN_WORDS {
        return Language::Unknown;
    }
    match whatlang::detect(text) {
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
}
