//! Mention recall against gold actors: of the gold actors that have a text and a country code,
//! the share for which griot finds a mention overlapping that text with the same country
//! (CAMEO country codes that differ from ISO, such as JAP or UKG, mapped to ISO first); and of
//! those found whose gold has a sector, the share griot gives the same sector.

use super::gold::GoldRecord;
use griot_coder::Lexicon;
use griot_model::{Document, Span};
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct MentionScore {
    pub gold: usize,
    pub found: usize,
    pub with_sector: usize,
    pub sector_agrees: usize,
    /// Misses by kind: "no mention", "no country", "other country".
    pub misses: BTreeMap<&'static str, usize>,
    pub errors: Vec<String>,
}

impl MentionScore {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    pub fn sector_accuracy(&self) -> f64 {
        ratio(self.sector_agrees, self.with_sector)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores one coded document against its gold record.
pub fn score(doc: &Document, record: &GoldRecord, lex: &Lexicon, out: &mut MentionScore) {
    for event in &record.events {
        let actors = event
            .source
            .iter()
            .flatten()
            .chain(event.target.iter().flatten());
        for actor in actors {
            let (Some(text), Some(code)) = (&actor.text, &actor.code) else {
                continue;
            };
            let spans = find_all(&doc.text, text);
            if spans.is_empty() {
                continue;
            }
            let code = lex.gazetteer.iso3_of_cameo(code).unwrap_or(code);
            out.gold += 1;
            // The gold gives a text, not an offset: judge the occurrence griot does best on.
            let Some(best) = spans
                .iter()
                .map(|span| judge(doc, *span, code, actor.sector.as_deref()))
                .max_by_key(|j| (j.code_ok, j.sector_ok))
            else {
                continue;
            };
            if best.code_ok {
                out.found += 1;
                if let Some(sector) = &actor.sector {
                    out.with_sector += 1;
                    if best.sector_ok {
                        out.sector_agrees += 1;
                    } else {
                        out.errors.push(format!(
                            "{}: sector: {text:?} gold {sector}, griot {:?}",
                            record.id, best.sectors
                        ));
                    }
                }
                continue;
            }
            let kind = if best.overlapping == 0 {
                "no mention"
            } else if best.codes.is_empty() {
                "no country"
            } else {
                "other country"
            };
            *out.misses.entry(kind).or_default() += 1;
            out.errors.push(format!(
                "{}: {kind}: {text:?} gold {code}, griot {:?}",
                record.id, best.codes
            ));
        }
    }
}

/// What griot found over one occurrence of a gold actor's text.
struct Judged {
    code_ok: bool,
    sector_ok: bool,
    overlapping: usize,
    codes: Vec<String>,
    sectors: Vec<Option<String>>,
}

fn judge(doc: &Document, span: Span, code: &str, sector: Option<&str>) -> Judged {
    let overlapping: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| m.span.overlaps(&span))
        .collect();
    let actors = || overlapping.iter().flat_map(|m| &m.actors);
    let codes: Vec<String> = overlapping
        .iter()
        .flat_map(|m| {
            m.actors
                .iter()
                .filter_map(|a| a.code.clone())
                .chain(m.place.as_ref().and_then(|p| p.country.clone()))
        })
        .collect();
    Judged {
        code_ok: codes.iter().any(|c| c == code),
        sector_ok: sector.is_some_and(|sector| {
            actors().any(|a| a.code.as_deref() == Some(code) && a.sector.as_deref() == Some(sector))
        }),
        overlapping: overlapping.len(),
        sectors: actors().map(|a| a.sector.clone()).collect(),
        codes,
    }
}

/// Every character span of `needle` in `hay`: case-sensitive, else ignoring case where
/// lower-casing keeps byte lengths.
pub fn find_all(hay: &str, needle: &str) -> Vec<Span> {
    let spans = |hay: &str, needle: &str| -> Vec<Span> {
        hay.match_indices(needle)
            .map(|(at, _)| {
                let start = hay[..at].chars().count();
                Span::new(start, start + needle.chars().count())
            })
            .collect()
    };
    if needle.is_empty() {
        return Vec::new();
    }
    let exact = spans(hay, needle);
    if !exact.is_empty() {
        return exact;
    }
    let lower = hay.to_lowercase();
    if lower.len() != hay.len() {
        return Vec::new();
    }
    spans(&lower, &needle.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_in_characters() {
        let hay = "Bamako’s mayor met Algiers; then Bamako and algiers";
        assert_eq!(
            find_all(hay, "Bamako"),
            [Span::new(0, 6), Span::new(33, 39)]
        );
        assert_eq!(find_all(hay, "Algiers"), [Span::new(19, 26)]);
        assert_eq!(find_all(hay, "ALGIERS").len(), 2);
        assert!(find_all(hay, "Gao").is_empty());
    }
}
