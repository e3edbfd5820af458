//! Event scores, as `../shared/README.md` defines them:
//! - **type**: per sentence, predicted PLOVER types against gold types, micro P/R/F1; a list of
//!   gold types accepts any member; optional gold events neither count nor penalise, and
//!   neither do gold events whose type is null (CAMEO categories PLOVER drops);
//! - **triple**: (type, source country, recipient country), micro P/R/F1; a gold side with no
//!   country accepts any;
//! - **sector**: on matched triples, the share of gold actors with a sector whose sector griot
//!   gives too;
//! - **qualifiers**: on matched triples, certainty and attribution agreement where gold has
//!   them (attribution null means the outlet; otherwise griot's claimant must overlap the gold
//!   claimant's words).

use super::gold::{GoldActor, GoldEvent, GoldRecord};
use griot_coder::Lexicon;
use griot_model::{Attribution, Document, Event};

#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Debug, Default)]
pub struct EventScore {
    pub sentences: usize,
    pub predicted: usize,
    pub kind: Counts,
    pub triple: Counts,
    pub sector: (usize, usize),
    pub certainty: (usize, usize),
    pub attribution: (usize, usize),
    pub errors: Vec<String>,
}

/// Scores one coded document against its gold record.
pub fn score(doc: &Document, record: &GoldRecord, lex: &Lexicon, out: &mut EventScore) {
    // Which sentence each gold event belongs to.
    let sentence_of = |g: &GoldEvent| -> Option<usize> {
        match &g.sentence {
            None => None,
            Some(text) => {
                let want = normalise(text);
                doc.sentences
                    .iter()
                    .find(|s| normalise(&s.text) == want)
                    .or_else(|| {
                        doc.sentences.iter().find(|s| {
                            normalise(&s.text).contains(&want) || want.contains(&normalise(&s.text))
                        })
                    })
                    .map(|s| s.index)
            }
        }
    };
    let groups: Vec<Option<usize>> = if record.events.iter().any(|g| g.sentence.is_some()) {
        doc.sentences.iter().map(|s| Some(s.index)).collect()
    } else {
        vec![None]
    };
    for group in groups {
        out.sentences += 1;
        let gold: Vec<&GoldEvent> = record
            .events
            .iter()
            .filter(|g| group.is_none() || sentence_of(g) == group)
            .collect();
        let predicted: Vec<&Event> = doc
            .events
            .iter()
            .filter(|e| group.is_none_or(|i| e.sentence == i))
            .collect();
        out.predicted += predicted.len();
        score_group(doc, record, lex, &gold, &predicted, out);
    }
}

fn normalise(s: &str) -> String {
    s.replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn score_group(
    doc: &Document,
    record: &GoldRecord,
    lex: &Lexicon,
    gold: &[&GoldEvent],
    predicted: &[&Event],
    out: &mut EventScore,
) {
    let required: Vec<&GoldEvent> = gold
        .iter()
        .copied()
        .filter(|g| !g.optional && !g.kind.is_none())
        .collect();
    let optional: Vec<&GoldEvent> = gold.iter().copied().filter(|g| g.optional).collect();
    // Type: greedy one-to-one matching.
    let mut used = vec![false; required.len()];
    for e in predicted {
        let kind = e.kind.as_str();
        if let Some(i) = (0..required.len()).find(|&i| !used[i] && required[i].kind.accepts(kind)) {
            used[i] = true;
            out.kind.tp += 1;
        } else if optional
            .iter()
            .any(|g| g.kind.accepts(kind) || g.kind.is_none())
        {
            // An optional gold event: neither counted nor penalised.
        } else {
            out.kind.fp += 1;
            out.errors.push(format!(
                "{}: false alarm {} «{}» in: {}",
                record.id,
                kind,
                doc.slice(e.evidence.trigger),
                sentence_text(doc, e.sentence)
            ));
        }
    }
    for (i, g) in required.iter().enumerate() {
        if !used[i] {
            out.kind.fn_ += 1;
            out.errors.push(format!(
                "{}: missed {:?} {}",
                record.id,
                g.kind,
                describe(g)
            ));
        }
    }
    // Triples, then sectors and qualifiers on the matched ones.
    let mut used = vec![false; required.len()];
    for e in predicted {
        let kind = e.kind.as_str();
        let found = (0..required.len()).find(|&i| {
            !used[i]
                && required[i].kind.accepts(kind)
                && side_ok(lex, &required[i].source, &e.source)
                && side_ok(lex, &required[i].target, &e.target)
        });
        match found {
            Some(i) => {
                used[i] = true;
                out.triple.tp += 1;
                let g = required[i];
                sectors(lex, &g.source, &e.source, &mut out.sector);
                sectors(lex, &g.target, &e.target, &mut out.sector);
                if let Some(c) = &g.certainty {
                    out.certainty.1 += 1;
                    let ours = serde_json::to_value(e.certainty).ok();
                    if ours.as_ref().and_then(|v| v.as_str()) == Some(c.as_str()) {
                        out.certainty.0 += 1;
                    } else {
                        out.errors.push(format!(
                            "{}: certainty gold {c}, griot {:?} «{}»",
                            record.id,
                            e.certainty,
                            doc.slice(e.evidence.trigger)
                        ));
                    }
                }
                if g.certainty.is_some() || g.attribution.is_some() {
                    out.attribution.1 += 1;
                    if attribution_ok(g.attribution.as_deref(), &e.attribution) {
                        out.attribution.0 += 1;
                    } else {
                        out.errors.push(format!(
                            "{}: attribution gold {:?}, griot {:?}",
                            record.id,
                            g.attribution,
                            claimant(&e.attribution)
                        ));
                    }
                }
            }
            None => {
                let optional_match = optional
                    .iter()
                    .any(|g| g.kind.accepts(kind) || g.kind.is_none());
                if !optional_match {
                    out.triple.fp += 1;
                    if let Some(g) = required.iter().find(|g| g.kind.accepts(kind)) {
                        let ours = |a: &[griot_model::Actor]| {
                            a.iter()
                                .map(|x| format!("{}:{}", x.text, x.code.as_deref().unwrap_or("-")))
                                .collect::<Vec<_>>()
                                .join("+")
                        };
                        out.errors.push(format!(
                            "{}: roles {kind}: gold {}, griot {} → {} [{}]",
                            record.id,
                            describe(g),
                            ours(&e.source),
                            ours(&e.target),
                            e.rule
                        ));
                    }
                }
            }
        }
    }
    out.triple.fn_ += used.iter().filter(|u| !**u).count();
}

fn sentence_text(doc: &Document, i: usize) -> &str {
    doc.sentences.get(i).map_or("", |s| s.text.as_str())
}

fn describe(g: &GoldEvent) -> String {
    let side = |a: &Option<Vec<GoldActor>>| {
        a.iter()
            .flatten()
            .map(|x| {
                format!(
                    "{}:{}",
                    x.text.as_deref().unwrap_or("?"),
                    x.code.as_deref().unwrap_or("-")
                )
            })
            .collect::<Vec<_>>()
            .join("+")
    };
    format!("{} → {}", side(&g.source), side(&g.target))
}

fn iso(lex: &Lexicon, code: &str) -> String {
    lex.gazetteer
        .iso3_of_cameo(code)
        .unwrap_or(code)
        .to_string()
}

fn side_ok(lex: &Lexicon, gold: &Option<Vec<GoldActor>>, ours: &[griot_model::Actor]) -> bool {
    let codes: Vec<String> = gold
        .iter()
        .flatten()
        .filter_map(|a| a.code.as_deref())
        .map(|c| iso(lex, c))
        .collect();
    codes.is_empty()
        || ours.iter().any(|a| {
            a.code
                .as_deref()
                .is_some_and(|c| codes.iter().any(|g| g == c))
        })
}

fn sectors(
    lex: &Lexicon,
    gold: &Option<Vec<GoldActor>>,
    ours: &[griot_model::Actor],
    out: &mut (usize, usize),
) {
    for g in gold.iter().flatten() {
        let Some(sector) = g.sector.as_deref().filter(|s| s.len() == 3 && *s != "***") else {
            continue;
        };
        out.1 += 1;
        let code = g.code.as_deref().map(|c| iso(lex, c));
        if ours
            .iter()
            .any(|a| a.sector.as_deref() == Some(sector) && (code.is_none() || a.code == code))
        {
            out.0 += 1;
        }
    }
}

fn claimant(a: &Attribution) -> Option<&str> {
    match a {
        Attribution::Outlet => None,
        Attribution::Claimant { text, .. } => Some(text),
    }
}

fn attribution_ok(gold: Option<&str>, ours: &Attribution) -> bool {
    match (gold, claimant(ours)) {
        (None, None) => true,
        (Some(g), Some(o)) => {
            let words = |s: &str| -> Vec<String> {
                s.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.len() > 2)
                    .map(str::to_lowercase)
                    .collect()
            };
            let (g, o) = (words(g), words(o));
            g.iter().any(|w| o.contains(w))
        }
        _ => false,
    }
}
