//! Base phrase chunks (NP, VP, PP, ADJP, ADVP, SBAR, PRT) from Penn tags.
//!
//! A small finite-state chunker in the CoNLL-2000 style, with two departures that suit the
//! coder: a possessive stays inside its noun phrase ("the country ’s military leaders" is one NP,
//! headed by "leaders"), and coordinated premodifiers stay together ("Moroccan and Malian
//! intelligence agencies"), while coordinated nouns are separate NPs for the coder to combine.

use griot_model::{Chunk, ChunkKind, PosTag};

/// Words tagged IN that introduce a clause rather than a noun phrase.
const SUBORDINATORS: &[&str] = &[
    "that", "whether", "if", "because", "although", "though", "unless", "while", "whereas",
];

/// Approximators that belong to the number they precede ("about 50 soldiers").
const APPROXIMATORS: &[&str] = &[
    "about", "around", "nearly", "almost", "some", "roughly", "over",
];

pub fn chunk(words: &[&str], tags: &[PosTag], out: &mut Vec<Chunk>) {
    let n = tags.len().min(words.len());
    let mut i = 0;
    while i < n {
        let (kind, end) = if let Some(end) = noun_phrase(words, tags, i) {
            (ChunkKind::NP, end)
        } else if let Some(end) = verb_phrase(tags, i) {
            (ChunkKind::VP, end)
        } else {
            match tags[i] {
                PosTag::IN if SUBORDINATORS.contains(&words[i].to_lowercase().as_str()) => {
                    (ChunkKind::SBAR, i + 1)
                }
                PosTag::IN | PosTag::TO => (ChunkKind::PP, i + 1),
                PosTag::RP => (ChunkKind::PRT, i + 1),
                t if t.is_adjective() => (ChunkKind::ADJP, run(tags, i, PosTag::is_adjective)),
                t if t.is_adverb() => {
                    let end = run(tags, i, PosTag::is_adverb);
                    if end < n && tags[end].is_adjective() {
                        (ChunkKind::ADJP, run(tags, end, PosTag::is_adjective))
                    } else {
                        (ChunkKind::ADVP, end)
                    }
                }
                _ => {
                    i += 1;
                    continue;
                }
            }
        };
        out.push(Chunk {
            kind,
            start: i,
            end,
            head: head(kind, tags, i, end),
        });
        i = end;
    }
}

fn run(tags: &[PosTag], start: usize, pred: fn(PosTag) -> bool) -> usize {
    let mut end = start;
    while end < tags.len() && pred(tags[end]) {
        end += 1;
    }
    end
}

fn is_determiner(t: PosTag) -> bool {
    matches!(t, PosTag::DT | PosTag::PDT | PosTag::PRPS | PosTag::WPS)
}

fn is_premodifier(t: PosTag) -> bool {
    t.is_adjective()
        || matches!(
            t,
            PosTag::CD | PosTag::VBN | PosTag::VBG | PosTag::Dollar | PosTag::Hash
        )
}

/// The end of a noun phrase starting at `i`, if one starts there.
fn noun_phrase(words: &[&str], tags: &[PosTag], i: usize) -> Option<usize> {
    let n = tags.len();
    if matches!(tags[i], PosTag::PRP | PosTag::EX | PosTag::WP | PosTag::WDT) {
        return Some(i + 1);
    }
    let mut j = i;
    // "about 50 soldiers": an approximator only opens a NP right before a number.
    if j + 1 < n
        && matches!(tags[j], PosTag::RB | PosTag::IN)
        && tags[j + 1] == PosTag::CD
        && APPROXIMATORS.contains(&words[j].to_lowercase().as_str())
    {
        j += 1;
    }
    while j < n && is_determiner(tags[j]) {
        j += 1;
    }
    let mut last_noun = None;
    let mut k = j;
    loop {
        // Premodifiers, with coordination between adjectives ("Moroccan and Malian").
        while k < n {
            let adverb_before_adjective =
                tags[k].is_adverb() && k + 1 < n && tags[k + 1].is_adjective() && k > j;
            let coordinated_adjective = tags[k] == PosTag::CC
                && k > j
                && tags[k - 1].is_adjective()
                && k + 1 < n
                && tags[k + 1].is_adjective();
            // A participle followed by a number or determiner takes an object ("arrested 12
            // herders", "seized the town"): it is a verb, not a premodifier.
            let verb_with_object = matches!(tags[k], PosTag::VBN | PosTag::VBG)
                && k + 1 < n
                && matches!(
                    tags[k + 1],
                    PosTag::CD | PosTag::DT | PosTag::PRPS | PosTag::PDT
                );
            if (is_premodifier(tags[k]) && !verb_with_object)
                || adverb_before_adjective
                || coordinated_adjective
            {
                k += 1;
            } else {
                break;
            }
        }
        let nouns_start = k;
        while k < n && (tags[k].is_noun() || tags[k] == PosTag::CD && k > nouns_start) {
            k += 1;
        }
        if k > nouns_start {
            last_noun = Some(k);
        } else {
            break;
        }
        // A possessive continues the phrase: "the country ’s military leaders".
        if k < n && tags[k] == PosTag::POS {
            k += 1;
            last_noun = Some(k);
            continue;
        }
        // A proper noun before capitalised adjectives and a noun: "the South Korean army" (but
        // not "Germany last month").
        if tags[k - 1].is_proper_noun() {
            let adjectives_end = run(tags, k, PosTag::is_adjective);
            let capitalised = (k..adjectives_end)
                .all(|a| words[a].chars().next().is_some_and(char::is_uppercase));
            if adjectives_end > k
                && capitalised
                && adjectives_end < n
                && tags[adjectives_end].is_noun()
            {
                k = adjectives_end;
                continue;
            }
        }
        break;
    }
    match last_noun {
        Some(end) => Some(end),
        // "the poor", "the former", "these", "50": a determiner, adjective or number alone.
        None if k > i && !matches!(tags[k - 1], PosTag::VBN | PosTag::VBG) && j > i => Some(k),
        None if k > i && tags[k - 1] == PosTag::CD => Some(k),
        None if j > i && k == j => Some(j),
        None => None,
    }
}

/// The end of a verb group starting at `i`: modals, auxiliaries, adverbs between them, `to`.
fn verb_phrase(tags: &[PosTag], i: usize) -> Option<usize> {
    let n = tags.len();
    let mut k = i;
    let mut last_verb = None;
    while k < n {
        let t = tags[k];
        if t.is_verb() || t == PosTag::MD {
            k += 1;
            last_verb = Some(k);
        } else if (t == PosTag::TO || t.is_adverb() && t != PosTag::WRB)
            && k + 1 < n
            && (tags[k + 1].is_verb()
                || tags[k + 1] == PosTag::RB && k + 2 < n && tags[k + 2].is_verb())
        {
            k += 1;
        } else {
            break;
        }
    }
    last_verb
}

fn head(kind: ChunkKind, tags: &[PosTag], start: usize, end: usize) -> usize {
    let pick = |pred: &dyn Fn(PosTag) -> bool| (start..end).rev().find(|&k| pred(tags[k]));
    match kind {
        ChunkKind::NP => pick(&|t| {
            t.is_noun() || matches!(t, PosTag::PRP | PosTag::WP | PosTag::WDT | PosTag::EX)
        })
        .or_else(|| pick(&|t| t == PosTag::CD || t.is_adjective())),
        ChunkKind::VP => pick(&|t| t.is_verb() || t == PosTag::MD),
        ChunkKind::ADJP => pick(&|t| t.is_adjective()),
        _ => None,
    }
    .unwrap_or(end.saturating_sub(1).max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(tagged: &str) -> Vec<String> {
        let pairs: Vec<(&str, PosTag)> = tagged
            .split_whitespace()
            .filter_map(|wt| {
                let (w, t) = wt.rsplit_once('/')?;
                Some((w, t.parse().ok()?))
            })
            .collect();
        let words: Vec<&str> = pairs.iter().map(|p| p.0).collect();
        let tags: Vec<PosTag> = pairs.iter().map(|p| p.1).collect();
        let mut out = Vec::new();
        chunk(&words, &tags, &mut out);
        out.iter()
            .map(|c| format!("{}[{}]", c.kind.as_str(), words[c.start..c.end].join(" ")))
            .collect()
    }

    #[test]
    fn chunks_the_seed_sentence() {
        assert_eq!(
            chunks("Malian/JJ authorities/NNS have/VBP arrested/VBN lately/RB dozens/NNS of/IN soldiers/NNS accused/VBN of/IN plotting/VBG to/TO topple/VB the/DT country/NN ’s/POS military/JJ leaders/NNS"),
            [
                "NP[Malian authorities]", "VP[have arrested]", "ADVP[lately]", "NP[dozens]",
                "PP[of]", "NP[soldiers]", "VP[accused]", "PP[of]", "VP[plotting to topple]",
                "NP[the country ’s military leaders]"
            ]
        );
    }

    #[test]
    fn keeps_coordinated_premodifiers_and_numbers() {
        assert_eq!(
            chunks("the/DT Moroccan/JJ and/CC Malian/JJ intelligence/NN agencies/NNS freed/VBD about/RB 50/CD soldiers/NNS"),
            ["NP[the Moroccan and Malian intelligence agencies]", "VP[freed]", "NP[about 50 soldiers]"]
        );
        assert_eq!(
            chunks("The/DT South/NNP Korean/JJ army/NN fired/VBD at/IN Algeria/NNP responsible/JJ"),
            [
                "NP[The South Korean army]",
                "VP[fired]",
                "PP[at]",
                "NP[Algeria]",
                "ADJP[responsible]"
            ]
        );
        assert_eq!(
            chunks("rebels/NNS that/WDT are/VBP not/RB sovereign/JJ ,/, which/WDT he/PRP said/VBD"),
            [
                "NP[rebels]",
                "NP[that]",
                "VP[are]",
                "ADJP[not sovereign]",
                "NP[which]",
                "NP[he]",
                "VP[said]"
            ]
        );
    }
}
