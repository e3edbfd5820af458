//! Which period-final words are abbreviations, and which of those may still end a sentence.
//!
//! Kept as plain lists rather than a learned model (Punkt) because news abbreviations are a small,
//! stable set and a wrong split ("Gen. | Abass Dembele") costs the coder a whole event.

/// Abbreviations that never end a sentence: titles before names, and words that precede a number
/// or a name. The tokenizer keeps their period attached.
const TITLES: &[&str] = &[
    "Adm.", "Amb.", "Brig.", "Capt.", "Cdr.", "Cmdr.", "Col.", "Cpl.", "Dr.", "Fr.", "Gen.",
    "Gov.", "Hon.", "Insp.", "Lt.", "Maj.", "Messrs.", "Mme.", "Mlle.", "Mr.", "Mrs.", "Ms.",
    "Msgr.", "Pres.", "Prof.", "Pte.", "Pvt.", "Rep.", "Rev.", "Sen.", "Sgt.", "Sr.", "St.",
    "Supt.", "Mt.", "Ft.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
    "Oct.", "Nov.", "Dec.", "vs.", "v.", "cf.", "approx.", "ca.", "Dept.", "Univ.", "Assn.",
];

/// Abbreviations that precede a number ("No. 5", "Art. 3"); elsewhere the period is a full stop.
const BEFORE_NUMBER: &[&str] = &[
    "No.", "no.", "Nos.", "Art.", "art.", "Vol.", "vol.", "p.", "pp.", "Fig.", "fig.", "Sec.",
    "Ch.", "Para.", "para.",
];

/// Abbreviations that may end a sentence ("…based in the U.S. The …").
const MAY_END: &[&str] = &[
    "Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "Jr.", "Plc.", "plc.", "etc.", "al.", "Ala.", "Ariz.",
    "Calif.", "Colo.", "Conn.", "Fla.", "Kan.", "Mich.", "Minn.", "Neb.", "Nev.", "Okla.", "Tenn.",
    "Tex.",
];

/// Words that usually open a sentence; after an abbreviation that may end one ("U.S.", "Inc."),
/// one of these capitalised means the sentence did end.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "After",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "But",
    "By",
    "During",
    "Earlier",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Meanwhile",
    "My",
    "No",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "We",
    "What",
    "When",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// Never ends a sentence.
    Title,
    /// Ends a sentence only when a sentence starter follows.
    MayEnd,
}

/// Classifies a word that ends in a period. `next_starts_with_digit` decides "No. 5" vs "said no.".
pub fn classify(word: &str, next_starts_with_digit: bool) -> Option<Abbreviation> {
    if TITLES.contains(&word) {
        return Some(Abbreviation::Title);
    }
    if BEFORE_NUMBER.contains(&word) {
        return next_starts_with_digit.then_some(Abbreviation::Title);
    }
    if MAY_END.contains(&word) {
        return Some(Abbreviation::MayEnd);
    }
    dotted_letters(word)
}

/// "U.S.", "U.N.", "e.g.", "a.m." (letter-period pairs) and single initials ("J.").
fn dotted_letters(word: &str) -> Option<Abbreviation> {
    let bytes = word.as_bytes();
    if bytes.len() < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs_ok = bytes
        .chunks(2)
        .all(|p| p[0].is_ascii_alphabetic() && p[1] == b'.');
    if !pairs_ok {
        return None;
    }
    if bytes.len() == 2 {
        // A lone capital initial belongs to a name ("J. Smith"); a lone lower-case letter does not.
        return bytes[0].is_ascii_uppercase().then_some(Abbreviation::Title);
    }
    Some(Abbreviation::MayEnd)
}

pub fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_news_abbreviations() {
        assert_eq!(classify("Gen.", false), Some(Abbreviation::Title));
        assert_eq!(classify("U.S.", false), Some(Abbreviation::MayEnd));
        assert_eq!(classify("p.m.", false), Some(Abbreviation::MayEnd));
        assert_eq!(classify("J.", false), Some(Abbreviation::Title));
        assert_eq!(classify("No.", true), Some(Abbreviation::Title));
        assert_eq!(classify("No.", false), None);
        assert_eq!(classify("Mali.", false), None);
        assert_eq!(classify("a.", false), None);
    }
}
