//! Sentence boundaries over tokens, and datelines at paragraph starts.
//!
//! A sentence ends at `.`, `!`, `?` or `...` (plus any closing quotes or brackets right after it)
//! when the next token opens a sentence: a capital, a digit, an opening quote or bracket. A
//! lower-case continuation ("“Is it over?” asked …") keeps the sentence going. Abbreviations keep
//! their period in the token; those that may end a sentence ("U.S.", "Inc.") end one only before a
//! typical sentence opener. Paragraph breaks always end a sentence, so headlines without a final
//! stop stand alone.

use crate::abbreviations::{self, Abbreviation};
use crate::tokenize::RawToken;
use regex::Regex;
use std::sync::OnceLock;

/// Token index ranges `[start, end)` of the sentences in one paragraph's tokens.
pub fn split(text: &str, tokens: &[RawToken]) -> Vec<(usize, usize)> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let word = &text[tokens[i].start..tokens[i].end];
        let terminal = matches!(word, "." | "!" | "?" | "..." | "…" | "?!" | "!?");
        let abbreviation_end = tokens[i].abbreviation == Some(Abbreviation::MayEnd);
        if !terminal && !abbreviation_end {
            i += 1;
            continue;
        }
        // Swallow closers glued to the terminal: `."`, `?”`, `.)`.
        let mut end = i + 1;
        while end < tokens.len()
            && tokens[end].start == tokens[end - 1].end
            && is_closer(&text[tokens[end].start..tokens[end].end])
        {
            end += 1;
        }
        let Some(next) = tokens.get(end) else { break };
        let next_word = &text[next.start..next.end];
        let opens = if terminal {
            opens_sentence(next_word)
        } else {
            abbreviations::is_sentence_starter(next_word) || next_word.starts_with(['"', '“', '‘'])
        };
        if opens {
            sentences.push((start, end));
            start = end;
        }
        i = end;
    }
    if start < tokens.len() {
        sentences.push((start, tokens.len()));
    }
    sentences
}

fn is_closer(word: &str) -> bool {
    matches!(word, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

fn opens_sentence(word: &str) -> bool {
    word.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '[' | '\'')
    })
}

/// A dateline found at the start of a paragraph: byte length of the whole prefix (dash and
/// following spaces included) and the byte range of its place part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatelineMatch {
    pub len: usize,
    pub place: (usize, usize),
}

/// Finds "BAMAKO (Reuters) -", "NAIROBI, Kenya —", "GAO, Mali, Jan. 5 (AP) —" at the start of a
/// paragraph. The place must open with an all-capital word so that ordinary sentences beginning
/// with a name and a dash are left alone.
pub fn dateline(paragraph: &str) -> Option<DatelineMatch> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let re = RE
        .get_or_init(|| {
            Regex::new(concat!(
                r"^(?P<place>\p{Lu}[\p{Lu}'’.\-]+(?:\s\p{Lu}[\p{Lu}'’.\-]+)*",
                r"(?:,\s\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)*)?)",
                r"(?:,?\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2})?",
                r"\s*(?:\([\p{L}\s.&]{2,40}\)\s*)?(?:-|—|–|--)\s+",
            ))
            .ok()
        })
        .as_ref()?;
    let caps = re.captures(paragraph)?;
    let place = caps.name("place")?;
    let whole = caps.get(0)?;
    // Something must follow: a paragraph that is only a dateline is a headline, not a dateline.
    (whole.end() < paragraph.len()).then_some(DatelineMatch {
        len: whole.end(),
        place: (place.start(), place.end()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sentences(text: &str) -> Vec<String> {
        let mut tokens = Vec::new();
        tokenize(text, 0, &mut tokens);
        split(text, &tokens)
            .into_iter()
            .map(|(s, e)| text[tokens[s].start..tokens[e - 1].end].to_string())
            .collect()
    }

    #[test]
    fn keeps_abbreviations_inside_sentences() {
        assert_eq!(
            sentences("Lt. Col. Assimi Goita met Mr. Smith at 3 p.m. on Jan. 5 in the U.S. embassy. He left."),
            [
                "Lt. Col. Assimi Goita met Mr. Smith at 3 p.m. on Jan. 5 in the U.S. embassy.",
                "He left."
            ]
        );
        assert_eq!(
            sentences("The force is based in the U.S. The U.N. said No. 5 was hit."),
            [
                "The force is based in the U.S.",
                "The U.N. said No. 5 was hit."
            ]
        );
    }

    #[test]
    fn handles_quotes() {
        assert_eq!(
            sentences("“Is it over?” asked the colonel. “Yes.” He nodded."),
            ["“Is it over?” asked the colonel.", "“Yes.”", "He nodded."]
        );
    }

    #[test]
    fn finds_datelines() {
        let p = "BAMAKO (Reuters) - Mali's junta said on Monday.";
        let m = dateline(p).map(|m| (&p[..m.len], &p[m.place.0..m.place.1]));
        assert_eq!(m, Some(("BAMAKO (Reuters) - ", "BAMAKO")));
        let p = "NAIROBI, Kenya — Police fired tear gas.";
        let m = dateline(p).map(|m| &p[m.place.0..m.place.1]);
        assert_eq!(m, Some("NAIROBI, Kenya"));
        assert_eq!(dateline("Mali - a country in crisis"), None);
        assert_eq!(dateline("The UN - which has troops there - said"), None);
    }
}
