//! Resolution: the document's countries in focus, role nouns without a country, definite
//! descriptions, pronouns, and GeoNames entries for place names.
//!
//! Stated rules, applied in document order so that chains resolve ("the demonstrators" →
//! "hundreds of Malians"; "they" → "the demonstrators"):
//! - focus: countries counted over explicit mentions (actors' codes, places' countries), the
//!   headline counting twice; the most frequent is *the* country of the document;
//! - a role noun with no country takes the country of a place named in its sentence, else the
//!   country in focus;
//! - "the demonstrators" takes the nearest earlier mention with the same sector;
//! - "the country" is the country in focus;
//! - it/its/they/them/their take the nearest earlier actor mention of the same number,
//!   he/his/she/her the first named person of the nearest sentence naming one, and him (her
//!   as object) the nearest named person, at most two sentences back;
//!   unresolved pronouns are dropped;
//! - a place name with several gazetteer entries takes the one in a country in focus, then the
//!   most populous.

use crate::index::Target;
use crate::lexicon::Lexicon;
use crate::mentions::{Draft, Pending};
use griot_lexicon::gazetteer::{Country, PlaceEntry, Region};
use griot_model::{Document, MentionKind, Place, Span};
use std::collections::BTreeMap;

pub fn resolve(doc: &Document, lex: &Lexicon, drafts: &mut Vec<Draft>) {
    let focus = focus_countries(doc, lex, drafts);
    let top = focus.first().map(|(c, _)| c.clone());
    let explicit: Vec<bool> = drafts
        .iter()
        .map(|d| d.pending == Pending::Nothing && d.mention.actors.iter().any(|a| a.code.is_some()))
        .collect();
    let role_nouns: Vec<bool> = drafts
        .iter()
        .map(|d| d.pending == Pending::Country)
        .collect();
    for i in 0..drafts.len() {
        match drafts[i].pending {
            Pending::Nothing => {}
            Pending::Country => {
                // A named person is rarely the compatriot of whoever the sentence named
                // last ("Algeria's support to Imam Mahmoud Dicko"): persons skip that step.
                let person = drafts[i].mention.kind == MentionKind::Person;
                let (code, from) = match sentence_place_country(drafts, i) {
                    Some(c) => (Some(c), "place"),
                    None => match (!person)
                        .then(|| preceding_country(doc, drafts, i, &explicit))
                        .flatten()
                    {
                        Some(Ok(c)) => (Some(c), "preceding"),
                        // What an actor acted on: the place it acted on, else the focus.
                        Some(Err(())) => match any_place_country(drafts, i) {
                            Some(c) => (Some(c), "place"),
                            None => (top.clone(), "focus"),
                        },
                        None => (top.clone(), "focus"),
                    },
                };
                set_code(&mut drafts[i], code);
                mark_guessed_country(&mut drafts[i], from);
            }
            Pending::Definite => {
                let sector = drafts[i]
                    .mention
                    .actors
                    .first()
                    .and_then(|a| a.sector.clone());
                let found = (0..i).rev().find(|&j| {
                    drafts[j]
                        .mention
                        .actors
                        .iter()
                        .any(|a| a.code.is_some() && a.sector == sector && sector.is_some())
                });
                match found {
                    Some(j) => {
                        let code = drafts[j].mention.actors.iter().find_map(|a| a.code.clone());
                        drafts[i].mention.antecedent = Some(drafts[j].mention.span);
                        set_code(&mut drafts[i], code);
                    }
                    None => {
                        let code = sentence_place_country(drafts, i).or_else(|| top.clone());
                        set_code(&mut drafts[i], code);
                    }
                }
            }
            Pending::TheCountry => {
                let antecedent = (0..i).rev().find(|&j| {
                    names_country(&drafts[j], explicit[j])
                        && (drafts[j]
                            .mention
                            .actors
                            .iter()
                            .any(|a| a.code == top && a.code.is_some())
                            || drafts[j]
                                .mention
                                .place
                                .as_ref()
                                .is_some_and(|p| p.country == top && top.is_some()))
                });
                drafts[i].mention.antecedent = antecedent.map(|j| drafts[j].mention.span);
                set_code(&mut drafts[i], top.clone());
            }
            Pending::Pronoun {
                plural,
                person,
                object,
            } => {
                let sentence = drafts[i].mention.sentence;
                let candidate = |j: usize| {
                    let d = &drafts[j];
                    d.mention.sentence + 2 >= sentence
                        && d.mention.kind != MentionKind::Place
                        && (!person || d.mention.kind == MentionKind::Person)
                        && d.plural == plural
                        && d.mention.actors.iter().any(|a| a.code.is_some())
                };
                let nearest = (0..i).rev().find(|&j| candidate(j));
                // "he", "his", "her" stand for a named person, and news names its subject
                // first: of the persons in the nearest sentence that has any, the first
                // ("Katsav refused to meet King Abdullah, saying he would …" → Katsav). An
                // object ("welcome him") is rarely the subject: it takes the nearest person,
                // as "it" and "they" take the nearest actor.
                let found = if person && !object {
                    nearest.and_then(|n| {
                        let in_sentence = drafts[n].mention.sentence;
                        (0..=n).find(|&j| drafts[j].mention.sentence == in_sentence && candidate(j))
                    })
                } else {
                    nearest
                };
                if let Some(j) = found {
                    let span = drafts[i].mention.span;
                    let text = drafts[i].mention.text.clone();
                    let mut actors = drafts[j].mention.actors.clone();
                    for a in &mut actors {
                        a.text = text.clone();
                        a.span = Some(span);
                    }
                    drafts[i].mention.actors = actors;
                    drafts[i].mention.antecedent = Some(drafts[j].mention.span);
                }
            }
            Pending::Place => {
                let span = drafts[i].mention.span;
                drafts[i].mention.place = match stated_country(doc, lex, drafts, i) {
                    // "the village of Baga in Nigeria": the writer says which country; a
                    // namesake abroad (Bagà, Spain) is not meant, and with none there the
                    // place is known to its country only.
                    Some(iso3) => {
                        let inside: Vec<Target> = drafts[i]
                            .candidates
                            .iter()
                            .filter(|t| target_country(lex, t) == Some(iso3.as_str()))
                            .cloned()
                            .collect();
                        best_place(lex, &inside, &focus, span).or_else(|| {
                            lex.gazetteer.country(&iso3).map(|c| country_place(c, span))
                        })
                    }
                    None => best_place(lex, &drafts[i].candidates, &focus, span),
                };
            }
        }
        drafts[i].pending = Pending::Nothing;
    }
    owners_country(drafts, &role_nouns);
    drafts.retain(|d| !d.mention.actors.is_empty() || d.mention.place.is_some());
}

/// "Trump ordered his generals", "Erdoğan said his troops would enter": a role noun under a
/// possessive pronoun belongs to the pronoun's antecedent. Runs after the pronouns are
/// resolved (they come after their phrase in document order).
fn owners_country(drafts: &mut [Draft], role_nouns: &[bool]) {
    for i in 0..drafts.len() {
        let text = drafts[i].mention.text.to_lowercase();
        let possessed = ["its ", "his ", "her ", "their "]
            .iter()
            .any(|p| text.starts_with(p));
        if !role_nouns.get(i).copied().unwrap_or(false) || !possessed {
            continue;
        }
        let (sentence, start) = (drafts[i].mention.sentence, drafts[i].mention.span.start);
        let owner = drafts
            .iter()
            .enumerate()
            .find(|(k, d)| {
                *k != i
                    && d.mention.sentence == sentence
                    && d.mention.span.start == start
                    && d.mention.antecedent.is_some()
            })
            .and_then(|(_, d)| d.mention.actors.iter().find_map(|a| a.code.clone()));
        if let (Some(code), Some(first)) = (owner, drafts[i].mention.actors.first_mut()) {
            first.code = Some(code);
            first.attributes.remove("country_from");
        }
    }
}

/// An actor with neither a sector nor a country of its own (an unknown name: "Amanda Knox",
/// "Joe Palca") gets its country from context, which is a guess: the actor records where the
/// guess came from (`country_from`), so that the event coder does not take such a name for a
/// public actor (see `events::has_public_actor`).
fn mark_guessed_country(d: &mut Draft, from: &str) {
    if let Some(a) = d.mention.actors.first_mut() {
        if a.code.is_some() && a.sector.is_none() {
            a.attributes.insert("country_from".into(), from.into());
        }
    }
}

fn set_code(d: &mut Draft, code: Option<String>) {
    if let Some(first) = d.mention.actors.first_mut() {
        if first.code.is_none() {
            first.code = code;
        }
    } else if code.is_some() {
        d.mention.actors.push(griot_model::Actor {
            text: d.mention.text.clone(),
            code,
            span: Some(d.mention.span),
            ..Default::default()
        });
    }
}

/// Countries in order of how much the document is about them.
pub fn focus_countries(doc: &Document, lex: &Lexicon, drafts: &[Draft]) -> Vec<(String, u32)> {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    let headline: Vec<usize> = doc
        .sentences
        .iter()
        .filter(|s| s.headline)
        .map(|s| s.index)
        .collect();
    for d in drafts {
        let weight = if headline.contains(&d.mention.sentence) {
            2
        } else {
            1
        };
        let mut codes: Vec<&str> = d
            .mention
            .actors
            .iter()
            .filter_map(|a| a.code.as_deref())
            .collect();
        if let Some(c) = d.mention.place.as_ref().and_then(|p| p.country.as_deref()) {
            codes.push(c);
        }
        for t in &d.candidates {
            if let Target::Region(r) = t {
                if let Some(r) = lex.gazetteer.regions().get(*r as usize) {
                    codes.push(r.country.as_str());
                }
            }
        }
        codes.sort_unstable();
        codes.dedup();
        for c in codes {
            if lex.gazetteer.country(c).is_some() {
                *counts.entry(c.to_string()).or_default() += weight;
            }
        }
    }
    // Ties go to the country named first.
    let first_seen = |code: &str| {
        drafts
            .iter()
            .position(|d| {
                d.mention
                    .actors
                    .iter()
                    .any(|a| a.code.as_deref() == Some(code))
            })
            .unwrap_or(usize::MAX)
    };
    let mut focus: Vec<(String, u32)> = counts.into_iter().collect();
    focus.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| first_seen(&a.0).cmp(&first_seen(&b.0)))
    });
    focus
}

/// The country of the nearest earlier mention in the same sentence that names one itself,
/// within the same phrase: with a verb between them ("Russian jets bombed Aleppo, killing 20
/// civilians", "Malian troops arrested 50 soldiers") the second is what the first acted on,
/// and as often the other side's as its own: that case is `Err`.
fn preceding_country(
    doc: &Document,
    drafts: &[Draft],
    i: usize,
    explicit: &[bool],
) -> Option<Result<String, ()>> {
    let sentence = drafts[i].mention.sentence;
    let j = (0..i)
        .rev()
        .take_while(|&j| drafts[j].mention.sentence == sentence)
        .find(|&j| {
            explicit[j]
                && drafts[j].mention.kind != MentionKind::Place
                && drafts[j].mention.actors.iter().any(|a| a.code.is_some())
        })?;
    let (from, to) = (drafts[j].mention.span.end, drafts[i].mention.span.start);
    let verb_between = doc.sentences.get(sentence).is_some_and(|s| {
        s.tokens
            .iter()
            .filter(|t| t.span.start >= from && t.span.end <= to)
            .any(|t| t.tag.is_verb())
    });
    let code = drafts[j]
        .mention
        .actors
        .iter()
        .find_map(|a| a.code.clone())
        .filter(|c| c.len() == 3 && !matches!(c.as_str(), "IGO" | "NGO" | "IMG" | "UNO" | "EUR"))?;
    Some(if verb_between { Err(()) } else { Ok(code) })
}

/// The country of the place nearest to mention `i` in its sentence, after any preposition or
/// none ("bombed Aleppo, killing 20 civilians").
fn any_place_country(drafts: &[Draft], i: usize) -> Option<String> {
    let sentence = drafts[i].mention.sentence;
    let at = drafts[i].mention.span.start;
    drafts
        .iter()
        .filter(|d| d.mention.sentence == sentence && d.mention.kind == MentionKind::Place)
        .filter_map(|d| {
            let country = d.mention.place.as_ref()?.country.clone()?;
            Some((d.mention.span.start.abs_diff(at), country))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// The country of the place named after a locative preposition nearest to mention `i` in its
/// sentence ("armed groups operating in Mali").
fn sentence_place_country(drafts: &[Draft], i: usize) -> Option<String> {
    let sentence = drafts[i].mention.sentence;
    let at = drafts[i].mention.span.start;
    drafts
        .iter()
        .filter(|d| d.mention.sentence == sentence && d.locative)
        .filter_map(|d| {
            let country = d.mention.place.as_ref()?.country.clone()?;
            Some((d.mention.span.start.abs_diff(at), country))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// The country named right after place `i` ("Baga in Nigeria", "Bamako, Mali").
fn stated_country(doc: &Document, lex: &Lexicon, drafts: &[Draft], i: usize) -> Option<String> {
    let next = drafts.get(i + 1)?;
    let here = &drafts[i].mention;
    if next.mention.sentence != here.sentence {
        return None;
    }
    let between: Vec<&str> = doc
        .sentences
        .get(here.sentence)?
        .tokens
        .iter()
        .filter(|t| t.span.start >= here.span.end && t.span.end <= next.mention.span.start)
        .map(|t| t.text.as_str())
        .collect();
    if !matches!(between.as_slice(), [","] | ["in"] | [",", "in"]) {
        return None;
    }
    // The country as a place, or as an actor named by the country's own name ("Baga,
    // Nigeria, …" reads "Nigeria" as an actor).
    let as_place = next
        .mention
        .place
        .as_ref()
        .filter(|p| p.feature.as_deref() == Some("country"))
        .and_then(|p| p.country.clone());
    as_place.or_else(|| {
        let a = next.mention.actors.first()?;
        let named = a.sector.is_none()
            && next.pending == Pending::Nothing
            && next.mention.kind == MentionKind::Actor
            && a.code.as_deref().is_some_and(|c| {
                lex.gazetteer
                    .country(c)
                    .is_some_and(|country| next.mention.text == country.name)
            });
        named.then(|| a.code.clone()).flatten()
    })
}

/// The country a gazetteer candidate lies in.
fn target_country<'a>(lex: &'a Lexicon, t: &Target) -> Option<&'a str> {
    match t {
        Target::Place(i) => lex
            .gazetteer
            .places()
            .get(*i as usize)
            .map(|p| p.country.as_str()),
        Target::Region(i) => lex
            .gazetteer
            .regions()
            .get(*i as usize)
            .map(|r| r.country.as_str()),
        _ => None,
    }
}

fn best_place(
    lex: &Lexicon,
    candidates: &[Target],
    focus: &[(String, u32)],
    span: Span,
) -> Option<Place> {
    let total: u32 = focus.iter().map(|f| f.1).sum::<u32>().max(1);
    let weight = |country: &str| {
        focus
            .iter()
            .find(|f| f.0 == country)
            .map_or(0.0, |f| f64::from(f.1) / f64::from(total))
    };
    let mut best: Option<(f64, Place)> = None;
    for t in candidates {
        let scored = match t {
            Target::Place(i) => lex.gazetteer.places().get(*i as usize).map(|p| {
                let score =
                    10.0 * weight(p.country.as_str()) + f64::from(p.population.max(1)).log10();
                (score, city_place(p, span))
            }),
            Target::Region(i) => lex.gazetteer.regions().get(*i as usize).map(|r| {
                // A region is as large as a big city; focus decides between namesakes.
                let score = 10.0 * weight(r.country.as_str()) + 5.5;
                (score, region_place(r, span))
            }),
            _ => None,
        };
        if let Some((score, place)) = scored {
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, place));
            }
        }
    }
    best.map(|b| b.1)
}

/// A country as a place.
pub fn country_place(c: &Country, span: Span) -> Place {
    Place {
        name: c.name.clone(),
        geonames_id: c.geonames_id,
        lat: c.lat,
        lon: c.lon,
        country: Some(c.iso3.clone()),
        admin1: None,
        feature: Some("country".into()),
        span: Some(span),
    }
}

/// A country's capital as a place.
pub fn capital_place(lex: &Lexicon, c: &Country, span: Span) -> Place {
    let entry = c.capital_geonames_id.and_then(|id| lex.gazetteer.place(id));
    Place {
        name: entry.map_or_else(
            || c.capital.clone().unwrap_or_default(),
            |p| p.name().to_string(),
        ),
        geonames_id: c.capital_geonames_id,
        lat: entry.map(|p| p.lat).or(c.capital_lat),
        lon: entry.map(|p| p.lon).or(c.capital_lon),
        country: Some(c.iso3.clone()),
        admin1: entry.map(|p| p.admin1().to_string()),
        feature: Some("city".into()),
        span: Some(span),
    }
}

/// Whether a mention names a country itself (a name, demonym or capital), as opposed to getting
/// its country from context.
fn names_country(d: &Draft, explicit: bool) -> bool {
    matches!(
        d.mention.rule.as_deref(),
        Some(
            "country"
                | "country-place"
                | "demonym"
                | "people-demonym"
                | "capital-metonymy"
                | "capital-place"
                | "compound-states"
        )
    ) || d.mention.antecedent.is_none() && d.mention.kind == MentionKind::Actor && explicit
}

/// A GeoNames populated place as a place.
pub fn city_place(p: &PlaceEntry, span: Span) -> Place {
    Place {
        name: p.name().to_string(),
        geonames_id: Some(p.geonames_id),
        lat: Some(p.lat),
        lon: Some(p.lon),
        country: Some(p.country.as_str().to_string()),
        admin1: Some(p.admin1().to_string()).filter(|a| !a.is_empty()),
        feature: Some("city".into()),
        span: Some(span),
    }
}

/// A first-level region as a place.
pub fn region_place(r: &Region, span: Span) -> Place {
    Place {
        name: r.name.clone(),
        geonames_id: r.geonames_id,
        lat: r.lat,
        lon: r.lon,
        country: Some(r.country.as_str().to_string()),
        admin1: Some(r.admin1.clone()).filter(|a| !a.is_empty()),
        feature: Some("region".into()),
        span: Some(span),
    }
}
