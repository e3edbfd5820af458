//! Mention recall against gold actors: of the gold actors that have a text and a country code,
//! the share for which griot finds a mention overlapping that text with the same country
//! (CAMEO country codes that differ from ISO, such as JAP or UKG, mapped to ISO first).

use super::gold::GoldRecord;
use griot_coder::Lexicon;
use griot_model::{Document, Span};
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct MentionScore {
    pub gold: usize,
    pub found: usize,
    /// Of the found actors whose gold has a sector: how many griot gives that sector too.
    pub with_sector: usize,
    pub sector_agrees: usize,
    /// Misses by kind: "no mention", "no country", "other country".
    pub misses: BTreeMap<&'static str, usize>,
    pub errors: Vec<String>,
}

impl MentionScore {
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.found as f64 / self.gold as f64
        }
    }
}

/// Scores one coded document against its gold record.
pub fn score(doc: &Document, record: &GoldRecord, lex: &Lexicon, out: &mut MentionScore) {
    for event in &record.events {
        for actor in event
            .source
            .iter()
            .flatten()
            .chain(event.target.iter().flatten())
        {
            let (Some(text), Some(code)) = (&actor.text, &actor.code) else {
                continue;
            };
            let Some(span) = find(&doc.text, text) else {
                continue;
            };
            let code = lex
                .gazetteer
                .iso3_of_cameo(code)
                .unwrap_or(code)
                .to_string();
            out.gold += 1;
            let overlapping: Vec<_> = doc
                .mentions
                .iter()
                .filter(|m| m.span.overlaps(&span))
                .collect();
            let codes: Vec<&str> = overlapping
                .iter()
                .flat_map(|m| {
                    m.actors
                        .iter()
                        .filter_map(|a| a.code.as_deref())
                        .chain(m.place.as_ref().and_then(|p| p.country.as_deref()))
                })
                .collect();
            if codes.iter().any(|c| *c == code) {
                out.found += 1;
                if let Some(sector) = &actor.sector {
                    out.with_sector += 1;
                    let agrees = overlapping.iter().any(|m| {
                        m.actors.iter().any(|a| {
                            a.code.as_deref() == Some(code.as_str())
                                && a.sector.as_deref() == Some(sector.as_str())
                        })
                    });
                    if agrees {
                        out.sector_agrees += 1;
                    } else {
                        let griot: Vec<String> = overlapping
                            .iter()
                            .flat_map(|m| m.actors.iter().map(|a| format!("{:?}", a.sector)))
                            .collect();
                        out.errors.push(format!(
                            "{}: sector: {text:?} gold {sector}, griot {griot:?}",
                            record.id
                        ));
                    }
                }
                continue;
            }
            let kind = if overlapping.is_empty() {
                "no mention"
            } else if codes.is_empty() {
                "no country"
            } else {
                "other country"
            };
            *out.misses.entry(kind).or_default() += 1;
            out.errors.push(format!(
                "{}: {kind}: {text:?} gold {code}, griot {:?}",
                record.id, codes
            ));
        }
    }
}

/// The character span of `needle` in `hay` (case-sensitive first, then ignoring case).
pub fn find(hay: &str, needle: &str) -> Option<Span> {
    let at = hay.find(needle).or_else(|| {
        let lower = hay.to_lowercase();
        // Lower-casing can change byte lengths; only trust it when it did not.
        (lower.len() == hay.len())
            .then(|| lower.find(&needle.to_lowercase()))
            .flatten()
    })?;
    let start = hay[..at].chars().count();
    Some(Span::new(start, start + needle.chars().count()))
}
