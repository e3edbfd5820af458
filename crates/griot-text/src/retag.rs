//! Rules over the tagger's output for verbs news relies on and the tagger, trained on all of
//! Brown (fiction as much as news), gets wrong in news: a base verb after a modal read as a
//! noun ("Libya must hand over"), a clause's only verb read as a participle ("Police used tear
//! gas"). Each rule is narrow; `tests/pos_accuracy.rs` reports held-out Brown accuracy with and
//! without them so a rule that hurts shows.

use crate::lemma::Lemmatizer;
use griot_model::PosTag;

/// Applies the rules to one sentence's tags.
pub fn retag(lemmatizer: &Lemmatizer, words: &[&str], tags: &mut [PosTag]) {
    let n = tags.len().min(words.len());
    verbs_after_modals(lemmatizer, &words[..n], &mut tags[..n]);
    first_word_read_as_verb(&words[..n], &mut tags[..n]);
    main_verb_read_as_participle(&words[..n], &mut tags[..n]);
    capitalised_word_read_as_verb(&words[..n], &mut tags[..n]);
}

/// Function words a title-case headline capitalises ("Is Algeria Involved?").
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by",
    "with", "over", "after", "before", "amid", "against", "into", "as", "about", "under", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "should", "must", "not", "its", "his", "her", "their", "it", "they", "he",
    "she", "who", "what", "that", "this", "says", "said", "new", "more",
];

/// "Mali Arrests Soldiers Over Coup Plot, Is Algeria Involved?": a headline in title case
/// reads as a row of proper nouns. Returns the words to tag instead, in sentence case: a
/// capitalised function word or verb form (its lemma a verb the tables know) is lowered, and
/// every other word (names, nouns that are no verbs) keeps its capital, so names stay names.
/// `None` when the sentence is not in title case.
pub fn sentence_case(lemmatizer: &Lemmatizer, words: &[&str]) -> Option<Vec<String>> {
    let title = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
    };
    let capitalised = words.iter().filter(|w| title(w)).count();
    let alphabetic = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .count();
    if alphabetic < 4 || capitalised * 4 < alphabetic * 3 {
        return None;
    }
    let lowered = words
        .iter()
        .map(|&w| {
            if !title(w) {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            let verb_form = [
                PosTag::VB,
                PosTag::VBZ,
                PosTag::VBD,
                PosTag::VBN,
                PosTag::VBG,
            ]
            .iter()
            .any(|&tag| lemmatizer.is_base_verb(&lemmatizer.lemma(&lower, tag)));
            if FUNCTION_WORDS.contains(&lower.as_str()) || verb_form {
                lower
            } else {
                w.to_string()
            }
        })
        .collect();
    Some(lowered)
}

/// "Kuwait granted women the vote": a sentence's capitalised first word read as a verb, with
/// a verb right after it, is that verb's subject (an imperative has its object next). The
/// second verb is then the clause's (see `main_verb_read_as_participle`).
fn first_word_read_as_verb(words: &[&str], tags: &mut [PosTag]) {
    if tags.len() > 2
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words[0].chars().skip(1).all(char::is_lowercase)
        && matches!(
            tags[0],
            PosTag::VB | PosTag::VBP | PosTag::VBZ | PosTag::VBD
        )
        && matches!(
            tags[1],
            PosTag::VBD | PosTag::VBZ | PosTag::VBP | PosTag::MD | PosTag::VBN
        )
    {
        tags[0] = PosTag::NNP;
    }
}

/// "to help Zimbabwean refugees": inside a sentence, after a word or a comma, a capitalised
/// word the tagger read as a verb is a name or a name's adjective (an adjective when a noun
/// follows). A verb opening a quotation ("said: \"Stop the war\"") stands after a quotation
/// mark or colon and is left alone, as are words inside quotation marks, abbreviations
/// ("Inc.") and every word of a title-case headline.
fn capitalised_word_read_as_verb(words: &[&str], tags: &mut [PosTag]) {
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    };
    let title_case = words.iter().filter(|w| capitalised(w)).count() * 2 > words.len();
    if title_case {
        return;
    }
    let mut quoted = false;
    for i in 1..tags.len() {
        // Inside quotation marks a capitalised verb is a title's ("\"The House I Live In\"").
        match tags[i - 1] {
            PosTag::OpenQuote => quoted = true,
            PosTag::CloseQuote => quoted = false,
            _ => {}
        }
        let verb = !quoted
            && !words[i].ends_with('.')
            && matches!(
                tags[i],
                PosTag::VB | PosTag::VBP | PosTag::VBZ | PosTag::VBD | PosTag::VBN | PosTag::VBG
            );
        let after_word = tags[i - 1] == PosTag::Comma
            || words[i - 1]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if verb && after_word && capitalised(words[i]) {
            let noun_follows = tags.get(i + 1).is_some_and(|t| t.is_noun());
            tags[i] = if noun_follows {
                PosTag::JJ
            } else {
                PosTag::NNP
            };
        }
    }
}

/// "Libya must hand over the suspects": after a modal (and an adverb), a lower-case word
/// tagged as a noun or adjective that is a verb's base form is that verb.
fn verbs_after_modals(lemmatizer: &Lemmatizer, words: &[&str], tags: &mut [PosTag]) {
    for i in 1..tags.len() {
        let after_modal = tags[i - 1] == PosTag::MD
            || i >= 2 && tags[i - 2] == PosTag::MD && tags[i - 1] == PosTag::RB;
        if after_modal
            && matches!(tags[i], PosTag::NN | PosTag::JJ)
            && words[i].bytes().all(|b| b.is_ascii_lowercase())
            && lemmatizer.is_base_verb(words[i])
        {
            tags[i] = PosTag::VB;
        }
    }
}

/// Subordinators that open a clause ("since the army deposed …", "after rebels seized …").
fn opens_clause(word: &str, tag: PosTag) -> bool {
    const SUBORDINATORS: &[&str] = &[
        "since", "after", "before", "because", "although", "though", "while", "unless", "until",
        "when", "whereas",
    ];
    matches!(tag, PosTag::IN | PosTag::WRB)
        && SUBORDINATORS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// "Police used tear gas", "The United States suspended part of the programme": a participle
/// right after the subject noun, followed by its object, in a clause with no finite verb
/// before it nor after it (up to a comma or "and" that may open the next clause), is the
/// clause's past-tense verb. A reduced relative ("the man arrested last week was freed") has a
/// finite verb after it and stays a participle.
fn main_verb_read_as_participle(words: &[&str], tags: &mut [PosTag]) {
    let mut seen_finite = tags.first().is_some_and(|t| t.is_finite());
    for i in 1..tags.len() {
        if tags[i] != PosTag::VBN {
            seen_finite |= tags[i].is_finite();
            // "… since the army deposed/VBN the president": a subordinator opens a clause
            // with a finite verb of its own.
            if opens_clause(words[i], tags[i]) {
                seen_finite = false;
            }
            continue;
        }
        // "agents sexually abused …": an adverb may stand between subject and verb.
        let subject_end = if tags[i - 1] == PosTag::RB && i >= 2 {
            i - 2
        } else {
            i - 1
        };
        let after_subject = matches!(
            tags[subject_end],
            PosTag::NN | PosTag::NNS | PosTag::NNP | PosTag::NNPS | PosTag::PRP
        );
        let object_follows = tags.get(i + 1).is_some_and(|t| {
            matches!(
                t,
                PosTag::DT
                    | PosTag::PRPS
                    | PosTag::CD
                    | PosTag::JJ
                    | PosTag::NN
                    | PosTag::NNS
                    | PosTag::NNP
                    | PosTag::NNPS
            )
        });
        // "Turkish forces fired on a convoy": with a preposition after it, only when the
        // sentence has no finite verb at all ("civilians killed in the raid were buried" has).
        let prepositional =
            tags.get(i + 1) == Some(&PosTag::IN) && !tags.iter().any(|t| t.is_finite());
        if !after_subject || !(object_follows || prepositional) || seen_finite {
            continue;
        }
        // Finite verbs after a comma, "and", or a relative or "that" clause belong to
        // another clause ("offered concessions that the negotiator believed …").
        let later = (i + 1..tags.len())
            .take_while(|&k| {
                !matches!(
                    tags[k],
                    PosTag::Comma | PosTag::CC | PosTag::WDT | PosTag::WP
                ) && !words[k].eq_ignore_ascii_case("that")
            })
            .find(|&k| tags[k].is_finite());
        // "The United States suspended/VBN part of a program for Bosnia aimed/VBD at …": a
        // past tense between a noun and a preposition is the reduced relative the tagger
        // swapped with the main verb.
        // Not when a time phrase follows the participle ("a man arrested last week appeared
        // in court"): that is the reduced relative, and the later verb the main one.
        let time_next = words.get(i + 1).is_some_and(|w| {
            [
                "last",
                "this",
                "next",
                "yesterday",
                "earlier",
                "today",
                "on",
                "in",
            ]
            .iter()
            .any(|t| t.eq_ignore_ascii_case(w))
        });
        let swapped = later.filter(|&k| {
            !time_next
                && tags[k] == PosTag::VBD
                && tags[k - 1].is_noun()
                && tags.get(k + 1) == Some(&PosTag::IN)
                && !words[k + 1].eq_ignore_ascii_case("that")
        });
        if later.is_none() || swapped.is_some() {
            tags[i] = PosTag::VBD;
            seen_finite = true;
            if let Some(k) = swapped {
                tags[k] = PosTag::VBN;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PosTag::*;

    #[test]
    fn a_title_case_headline_is_tagged_in_sentence_case() {
        let lemmatizer = Lemmatizer::builtin().expect("built-in lemmatizer");
        let words = ["Mali", "Arrests", "Generals", "Over", "Coup", "Plot"];
        let cased = sentence_case(lemmatizer, &words).expect("title case");
        // Names and nouns that are no verbs keep their capital; verb forms and function
        // words are lowered.
        assert_eq!(
            [&cased[0], &cased[1], &cased[3], &cased[4]],
            ["Mali", "arrests", "over", "Coup"]
        );
        // An ordinary sentence is left alone.
        let words = ["Mali", "arrested", "soldiers", "over", "a", "coup", "plot"];
        assert!(sentence_case(lemmatizer, &words).is_none());
    }

    #[test]
    fn a_first_word_read_as_verb_before_a_verb_is_the_subject() {
        let words = ["Kuwait", "granted", "women", "the", "vote"];
        let mut tags = [VB, VBN, NNS, DT, NN];
        first_word_read_as_verb(&words, &mut tags);
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!(tags[..2], [NNP, VBD]);
        // An imperative keeps its verb: its object comes next.
        let words = ["Stop", "the", "war"];
        let mut tags = [VB, DT, NN];
        first_word_read_as_verb(&words, &mut tags);
        assert_eq!(tags[0], VB);
    }

    #[test]
    fn a_sentence_without_a_finite_verb_gets_one_before_a_preposition() {
        let words = ["Turkish", "forces", "fired", "on", "a", "convoy"];
        let mut tags = [JJ, NNS, VBN, IN, DT, NN];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!(tags[2], VBD);
        // "civilians killed in the raid were buried": the sentence has its finite verb.
        let words = ["civilians", "killed", "in", "the", "raid", "were", "buried"];
        let mut tags = [NNS, VBN, IN, DT, NN, VBD, VBN];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!(tags[1], VBN);
    }

    #[test]
    fn a_clause_without_a_finite_verb_gets_one() {
        let words = [
            "Police", "used", "tear", "gas", "to", "disperse", "the", "crowd",
        ];
        let mut tags = [NNS, VBN, NN, NN, TO, VB, DT, NN];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!(tags[1], VBD);
        // "the man arrested the day before was freed": the participle stays.
        let words = [
            "the", "man", "arrested", "the", "day", "before", "was", "freed",
        ];
        let mut tags = [DT, NN, VBN, DT, NN, RB, VBD, VBN];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!(tags[2], VBN);
        // "Rebels have captured the town": already finite.
        // An adverb before the verb, a "that" clause with its own verb after the object.
        let words = ["agents", "sexually", "abused", "migrants"];
        let mut tags = [NNS, RB, VBN, NNS];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!(tags[2], VBD);
        let words = [
            "An",
            "official",
            "offered",
            "concessions",
            "that",
            "he",
            "believed",
        ];
        let mut tags = [DT, NN, VBN, NNS, IN, PRP, VBD];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!(tags[2], VBD);
        let words = ["Rebels", "have", "captured", "the", "town"];
        let mut tags = [NNS, VBP, VBN, DT, NN];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!(tags[2], VBN);
    }

    #[test]
    fn a_capitalised_word_inside_a_sentence_is_no_verb() {
        // "Donors offered to help Eritrean migrants": the demonym is the noun's adjective.
        let words = ["Donors", "offered", "to", "help", "Eritrean", "migrants"];
        let mut tags = [NNS, VBD, TO, VB, VB, NNS];
        capitalised_word_read_as_verb(&words, &mut tags);
        assert_eq!(tags[4], JJ);
        // Opening a quotation, a capitalised verb stays one.
        let words = ["He", "said", ":", "``", "Stop", "the", "shelling", "''"];
        let mut tags = [PRP, VBD, Colon, OpenQuote, VB, DT, NN, CloseQuote];
        capitalised_word_read_as_verb(&words, &mut tags);
        assert_eq!(tags[4], VB);
        // A title-case headline is left as tagged.
        let words = ["Rebels", "Seize", "Northern", "Town"];
        let mut tags = [NNS, VBP, JJ, NN];
        capitalised_word_read_as_verb(&words, &mut tags);
        assert_eq!(tags[1], VBP);
    }

    #[test]
    fn a_subordinate_clause_gets_its_own_finite_verb() {
        // "… was the worst attack since the army deposed the president"
        let words = [
            "It",
            "was",
            "the",
            "worst",
            "attack",
            "since",
            "the",
            "army",
            "deposed",
            "the",
            "president",
        ];
        let mut tags = [PRP, VBD, DT, JJS, NN, IN, DT, NN, VBN, DT, NN];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!(tags[8], VBD);
        // Without the subordinator the participle stays ("It was the army deposed …" is rare,
        // "the troops were the men trained the year before" is a reduced relative).
        let words = ["It", "was", "the", "army", "deposed", "the", "president"];
        let mut tags = [PRP, VBD, DT, NN, VBN, DT, NN];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!(tags[4], VBN);
    }

    #[test]
    fn a_main_verb_swapped_with_a_reduced_relative_is_swapped_back() {
        // "Japan suspended/VBN part of a loan scheme for Laos aimed/VBD at …"
        let words = [
            "Japan",
            "suspended",
            "part",
            "of",
            "a",
            "loan",
            "scheme",
            "for",
            "Laos",
            "aimed",
            "at",
            "roads",
        ];
        let mut tags = [NNP, VBN, NN, IN, DT, NN, NN, IN, NNP, VBD, IN, NNS];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!((tags[1], tags[9]), (VBD, VBN));
        // A later past tense with an object is a verb of its own: nothing is swapped.
        let words = [
            "officials",
            "confirmed",
            "reports",
            "Laos",
            "closed",
            "roads",
        ];
        let mut tags = [NNS, VBN, NNS, NNP, VBD, NNS];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!((tags[1], tags[4]), (VBN, VBD));
    }

    #[test]
    fn a_reduced_relative_before_a_time_phrase_is_not_swapped() {
        let words = [
            "A", "man", "arrested", "last", "week", "appeared", "in", "court",
        ];
        let mut tags = [DT, NN, VBN, JJ, NN, VBD, IN, NN];
        main_verb_read_as_participle(&words, &mut tags);
        assert_eq!((tags[2], tags[5]), (VBN, VBD));
    }
}
