//! Qualifiers: who claims an event (attribution) and how sure the text is (certainty).
//!
//! Cues come from the lexicon (`data/cues.tsv`), matched by lemma or word. Their scope decides
//! which events they qualify:
//! - `sentence` ("according to press reports"): every event of the sentence;
//! - `complement` ("X said", "reports that", "citing"): events after the cue; a cue that closes
//!   the sentence (", officials said.") qualifies the events before it;
//! - `clause` ("allegedly", "could", "did not"): events within a few tokens after the cue, in
//!   the same verb group or clause;
//! - `object` ("suspected of", "accused of"): the event named right after the cue;
//! - `question`: a sentence ending in "?".
//!
//! The claimant of an attribution cue is the noun phrase after "according to", the noun phrase
//! that holds a cue noun ("alarming reports"), else the nearest actor mention before a cue verb
//! (its subject). With no attribution cue the outlet asserts the event. Where several cues
//! apply, the most specific certainty wins (negated, denied, question, hypothetical, future,
//! suspected, alleged, reported, asserted).

use super::roles::Slot;
use crate::index::{lower, norm};
use griot_lexicon::cues::{CueKind, CueRow, CueScope, Cues};
use griot_model::{Attribution, Certainty, ChunkKind, Document, PosTag, Sentence, Span};

/// A cue found in a sentence.
#[derive(Debug, Clone)]
pub struct CueHit<'a> {
    pub row: &'a CueRow,
    pub start: usize,
    pub end: usize,
}

/// Tokens a clause-scoped cue may stand before its event.
const CLAUSE_REACH: usize = 5;

pub fn find_cues<'a>(
    s: &Sentence,
    cues: &'a Cues,
    starts: &rustc_hash::FxHashMap<String, Vec<usize>>,
) -> Vec<CueHit<'a>> {
    let mut hits = Vec::new();
    for i in 0..s.tokens.len() {
        let (lemma, text) = (&s.tokens[i].lemma, &s.tokens[i].text);
        // Most tokens start no cue: look them up before building anything.
        if !starts.contains_key(lemma.as_str())
            && !starts.contains_key(text.as_str())
            && !text.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        let keys = [lower(lemma), lower(text)];
        let mut best: Option<CueHit<'a>> = None;
        for key in &keys {
            let rows = starts.get(key.as_ref()).into_iter().flatten();
            for row in rows.filter_map(|&r| cues.rows().get(r)) {
                let found = match_cue(s, i, &row.words).or_else(|| {
                    (row.scope == CueScope::Object)
                        .then(|| match_across_object(s, i, &row.words))
                        .flatten()
                });
                if let Some(end) = found {
                    if best.as_ref().is_none_or(|b| end > b.end) {
                        best = Some(CueHit { row, start: i, end });
                    }
                }
            }
        }
        hits.extend(best);
    }
    hits
}

fn match_cue(s: &Sentence, i: usize, words: &[String]) -> Option<usize> {
    let mut k = i;
    for w in words {
        let t = s.tokens.get(k)?;
        let w = norm(w);
        if lower(&t.lemma) != w && lower(&t.text) != w {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// Tokens an object may span between a cue's verb and its preposition.
const OBJECT_REACH: usize = 10;

/// "accused Algeria of backing the rebels", "charged two officers with torturing detainees":
/// a verb-and-preposition cue whose verb has its object in between. The preposition is the
/// last one before the next verb, comma or clause word ("convicted the son of the former
/// president of Liberia of torturing …").
fn match_across_object(s: &Sentence, i: usize, words: &[String]) -> Option<usize> {
    let [verb, prep] = words else {
        return None;
    };
    let t = s.tokens.get(i)?;
    if !t.tag.is_verb() || (lower(&t.lemma) != norm(verb) && lower(&t.text) != norm(verb)) {
        return None;
    }
    let mut end = None;
    for k in i + 1..(i + 1 + OBJECT_REACH).min(s.tokens.len()) {
        let x = &s.tokens[k];
        if lower(&x.text) == norm(prep) && k > i + 1 {
            end = Some(k + 1);
            continue;
        }
        if x.tag.is_verb() || matches!(x.text.as_str(), "," | ";" | ":" | "that") {
            break;
        }
    }
    end
}

fn rank(c: Certainty) -> u8 {
    match c {
        Certainty::Asserted => 0,
        Certainty::Reported => 1,
        Certainty::Alleged => 2,
        Certainty::Suspected => 3,
        Certainty::Future => 4,
        Certainty::Hypothetical => 5,
        Certainty::Question => 6,
        Certainty::Denied => 7,
        Certainty::Negated => 8,
    }
}

/// The certainty and attribution of an event whose trigger covers tokens `[start, end)`.
pub fn qualify(
    doc: &Document,
    s: &Sentence,
    cues: &[CueHit<'_>],
    trigger: (usize, usize),
    actors: &[Slot],
) -> (Certainty, Attribution) {
    let (start, _end) = trigger;
    let mut certainty = Certainty::Asserted;
    let mut attribution: Option<(usize, Attribution)> = None;
    let last_is_question = s.tokens.last().is_some_and(|t| t.text == "?");
    // "offers to help refugees evicted from the church": what a participle reports of its noun
    // has happened; the intent, modality or negation of the clause around it is not its own.
    let said_of_noun = s.tokens[start].tag.is_verb() && super::triggers::postnominal(s, start);
    for cue in cues {
        if said_of_noun
            && cue.row.kind != CueKind::Attribution
            && matches!(
                cue.row.scope,
                CueScope::Complement | CueScope::Clause | CueScope::Object
            )
        {
            continue;
        }
        let applies = match cue.row.scope {
            CueScope::Question => last_is_question,
            // A cue such as "citing" whose object is not a source ("citing in this regard the
            // support …") speaks for the subject, about what follows it.
            CueScope::Sentence => source_after(s, cue, actors) || cue.end <= start,
            CueScope::Complement => {
                cue.end <= start
                    && !participle_clause_between(s, cue.end, start)
                    && !main_verb_after_reduced_cue(s, cue, start)
                    || closes_sentence(s, cue.end) && cue.start > start
            }
            CueScope::Clause => {
                cue.end <= start
                    && start - cue.end <= CLAUSE_REACH
                    && !crosses_clause(s, cue.end, start)
                    && !main_verb_after_reduced_cue(s, cue, start)
            }
            CueScope::Object => {
                cue.end <= start
                    && start - cue.end <= 3
                    && !main_verb_after_reduced_cue(s, cue, start)
            }
        };
        if !applies {
            continue;
        }
        if rank(cue.row.value) > rank(certainty) {
            certainty = cue.row.value;
        }
        if cue.row.kind == CueKind::Attribution {
            // The nearest governing cue names the claimant.
            let distance = start.abs_diff(cue.start);
            if attribution.as_ref().is_none_or(|(d, _)| distance < *d) {
                attribution = Some((distance, claimant(doc, s, cue, actors)));
            }
        }
    }
    // "any attack against Syria would be reckless": an event noun under "any" is no event
    // that took place, only one that might.
    if s.tokens[start].tag.is_noun()
        && generic_determiner(s, start)
        && rank(Certainty::Hypothetical) > rank(certainty)
    {
        certainty = Certainty::Hypothetical;
    }
    if last_is_question && rank(Certainty::Question) > rank(certainty) {
        certainty = Certainty::Question;
    }
    (
        certainty,
        attribution.map_or(Attribution::Outlet, |(_, a)| a),
    )
}

/// Whether the noun phrase of the noun at `i` opens with "any" ("any military attack") or
/// calls the event only possible ("a potential Turkish incursion").
pub(crate) fn generic_determiner(s: &Sentence, i: usize) -> bool {
    s.tokens[..i]
        .iter()
        .rev()
        .take(4)
        .take_while(|t| {
            matches!(
                t.tag,
                PosTag::DT | PosTag::JJ | PosTag::NN | PosTag::NNP | PosTag::VBN
            )
        })
        .any(|t| {
            t.tag == PosTag::DT && t.text.eq_ignore_ascii_case("any")
                || t.tag == PosTag::JJ
                    && matches!(
                        lower(&t.text).as_ref(),
                        "potential" | "possible" | "eventual" | "hypothetical"
                    )
        })
}

/// Nouns that name where a claim comes from ("according to officials", "citing sources").
const SOURCE_NOUNS: &[&str] = &[
    "source",
    "report",
    "official",
    "witness",
    "resident",
    "analyst",
    "medium",
    "statement",
    "document",
    "figure",
    "agency",
    "ministry",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "police",
    "army",
    "military",
    "diplomat",
    "expert",
    "observer",
    "monitor",
    "survey",
    "poll",
    "estimate",
    "data",
    "study",
];

/// Whether the cue is followed, within three tokens, by an actor or a source noun.
fn source_after(s: &Sentence, cue: &CueHit<'_>, actors: &[Slot]) -> bool {
    let limit = (cue.end + 3).min(s.tokens.len());
    actors.iter().any(|m| m.start >= cue.end && m.start < limit)
        || (cue.end..limit).any(|k| SOURCE_NOUNS.contains(&lower(&s.tokens[k].lemma).as_ref()))
}

/// A cue followed only by punctuation: ", officials said."
fn closes_sentence(s: &Sentence, end: usize) -> bool {
    s.tokens[end..].iter().all(|t| t.tag.is_punctuation())
}

/// "refused to meet the king in Tel Aviv, saying he would welcome him in Jerusalem": a
/// participle clause set off by a comma says something of the subject's own, outside the
/// complement of the verb before it.
fn participle_clause_between(s: &Sentence, a: usize, b: usize) -> bool {
    a < b
        && s.tokens[a..b]
            .windows(2)
            .any(|w| w[0].text == "," && w[1].tag == PosTag::VBG)
}

/// "Soldiers suspected of theft were arrested": the complement of a cue that describes its
/// noun ends where the sentence's own verb begins.
fn main_verb_after_reduced_cue(s: &Sentence, cue: &CueHit<'_>, start: usize) -> bool {
    super::triggers::postnominal(s, cue.start)
        && s.tokens[cue.end..start].iter().any(|t| t.tag.is_finite())
}

fn crosses_clause(s: &Sentence, a: usize, b: usize) -> bool {
    a < b
        && s.tokens[a..b]
            .iter()
            .any(|t| matches!(t.text.as_str(), "," | ";" | ":") || t.tag == PosTag::WDT)
}

fn claimant(doc: &Document, s: &Sentence, cue: &CueHit<'_>, actors: &[Slot]) -> Attribution {
    let np_at = |k: usize| {
        s.chunks
            .iter()
            .find(|c| c.kind == ChunkKind::NP && c.start <= k && k < c.end)
            .map(|c| (c.start, c.end))
    };
    // "Rebels were accused of torturing prisoners", "soldiers suspected of looting": a
    // passive cue verb's claimant is its "by" agent, else no one named (never its subject,
    // who is the accused).
    let cue_verb = &s.tokens[cue.start];
    let passive_cue = cue_verb.tag == PosTag::VBN
        && cue.start > 0
        && s.tokens[..cue.start]
            .iter()
            .rev()
            .take(3)
            .skip_while(|t| t.tag == PosTag::RB)
            .take(1)
            .any(|t| matches!(t.lemma.as_str(), "be" | "get") || t.tag.is_noun());
    let phrase = if passive_cue {
        (cue.start + 1..(cue.start + 4).min(s.tokens.len()))
            .find(|&k| s.tokens[k].text.eq_ignore_ascii_case("by"))
            .and_then(|k| np_at(k + 1))
    } else if cue.row.scope == CueScope::Sentence && source_after(s, cue, actors) {
        // "according to press reports,": up to the next comma.
        let end = (cue.end..s.tokens.len())
            .find(|&k| s.tokens[k].tag.is_punctuation())
            .unwrap_or(s.tokens.len());
        (cue.end < end).then_some((cue.end, end))
    } else if cue.end - cue.start == cue.row.words.len()
        && s.tokens[cue.start..cue.end].iter().any(|t| t.tag.is_noun())
    {
        // (A cue matched across its verb's object, "accused Algeria of", holds that object's
        // nouns, not a cue noun.)
        // "alarming reports that …": the phrase holding the cue noun.
        (cue.start..cue.end).find_map(np_at)
    } else {
        // "…, citing …", "…, saying …": the participle speaks for the sentence's subject.
        let participle = s.tokens[cue.start].tag == PosTag::VBG
            && cue.start > 0
            && s.tokens[cue.start - 1].text == ",";
        let first_verb = s
            .chunks
            .iter()
            .find(|c| c.kind == ChunkKind::VP)
            .map(|c| c.start);
        if let Some(subject) = first_verb
            .filter(|_| participle)
            .and_then(|v| super::roles::subject(s, v, actors))
        {
            Some((subject.start, subject.end))
        } else {
            // "X said": the phrase right before the cue ("…, the military said" is the
            // military even when it is no known actor), else the nearest actor mention
            // before the cue in the same stretch between commas.
            let adjacent = cue
                .start
                .checked_sub(1)
                .and_then(np_at)
                .filter(|&(_, end)| end == cue.start);
            adjacent.or_else(|| {
                actors
                    .iter()
                    .filter(|m| m.end <= cue.start && cue.start - m.end <= 8)
                    .filter(|m| !s.tokens[m.end..cue.start].iter().any(|t| t.text == ","))
                    .max_by_key(|m| m.end)
                    .map(|m| (m.start, m.end))
                    .or_else(|| cue.start.checked_sub(1).and_then(np_at))
            })
        }
    };
    let Some((a, b)) = phrase else {
        return Attribution::Claimant {
            text: s.tokens[cue.start..cue.end]
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            actor: None,
            span: None,
        };
    };
    let span = Span::new(s.tokens[a].span.start, s.tokens[b - 1].span.end);
    let actor = actors
        .iter()
        .find(|m| m.start >= a && m.end <= b)
        .and_then(|m| doc.mentions.get(m.mention))
        .and_then(|m| m.actors.first().cloned());
    Attribution::Claimant {
        // Byte offsets slice in constant time; `Document::slice` walks the text from its start.
        text: doc
            .text
            .get(s.tokens[a].bytes.0..s.tokens[b - 1].bytes.1)
            .unwrap_or_default()
            .to_string(),
        actor,
        span: Some(span),
    }
}
