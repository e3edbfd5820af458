//! GDELT 2.0 events table: the 61 columns of GDELT's Sep 2016 column labels, tab-separated,
//! one event per line, no header (GDELT's files have none; see [`ExportOptions::header`]).
//!
//! Mapping decisions, where GDELT's shape and griot's data differ:
//! - `GLOBALEVENTID` is the store's event id: unique within one database only.
//! - Dates come from the event date, else the document's date, at the precision known:
//!   `2025-01` fills `MonthYear` and `Year` and leaves `SQLDATE` and `FractionDate` blank
//!   rather than invent a day. `FractionDate` is GDELT's `YYYY + (MONTH * 30 + DAY) / 365`,
//!   to four decimals.
//! - Actor1/Actor2 are the *first* source/target actor; a compound actor's other members have
//!   no GDELT column (they are in the PLOVER export). `ActorNCode` is country code + sector,
//!   the CAMEO-style concatenation GDELT uses; `ActorNName` the text as found, upper-cased.
//!   `KnownGroupCode`, `EthnicCode`, `Religion1Code`/`Religion2Code` come from the actor's
//!   `known_group`, `ethnicity`, `religion`/`religion2` attributes, which hold names
//!   (`Tuareg`), not CAMEO codes. `Type2Code`/`Type3Code` are blank: griot gives an actor one
//!   sector.
//! - `IsRootEvent` is 1 for sentence 0 or 1 (the headline or the lead).
//! - `NumMentions` = `NumArticles` = documents reporting the event (its own plus linked
//!   near-duplicates); griot does not count repeated mentions within a document.
//! - `AvgTone` is the mean of those documents' tone (loaded-language density, negated), a
//!   different and smaller-scaled measure than GDELT's dictionary tone.
//! - `Actor1Geo_*`/`Actor2Geo_*` are blank (griot locates events, not actors). `ActionGeo_Type`
//!   is 1 for a country, 4 for a city, 5 for a first-level region, blank otherwise;
//!   `ActionGeo_CountryCode` is ISO alpha-2 via [`ExportOptions::country_alpha2`] (GDELT
//!   wants FIPS 10-4, which griot does not have), else blank; `ADM1Code`/`ADM2Code` are blank
//!   (FIPS and GAUL codes); `FeatureID` is the GeoNames id.
//! - `DATEADDED` would be the wall-clock time of the export, which no two runs share; the
//!   publication date at `000000` is used instead (blank without a day-precision date).
//! - `SOURCEURL` is the document's URL, else its doc id.
//! - Tabs and line breaks inside values become spaces.

use super::{ymd, ActorRow, ExportOptions, Record};
use crate::{Filter, Result, Store};
use std::io::{BufWriter, Write};

/// GDELT 2.0 event column labels, in file order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

pub(super) fn write(
    store: &Store,
    filter: &Filter,
    options: &ExportOptions<'_>,
    out: &mut dyn Write,
) -> Result<usize> {
    let mut out = BufWriter::new(out);
    if options.header {
        out.write_all(GDELT_COLUMNS.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
    }
    let mut line = String::new();
    let n = store.for_each_record(filter, |record| {
        line.clear();
        for (i, field) in row(record, options).iter().enumerate() {
            if i > 0 {
                line.push('\t');
            }
            line.extend(field.chars().map(|c| match c {
                '\t' | '\n' | '\r' => ' ',
                c => c,
            }));
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
        Ok(())
    })?;
    out.flush()?;
    Ok(n)
}

/// The 61 fields of one event, in [`GDELT_COLUMNS`] order; absent values are empty.
fn row(r: &Record, options: &ExportOptions<'_>) -> Vec<String> {
    let mut f: Vec<String> = Vec::with_capacity(GDELT_COLUMNS.len());
    let opt = |v: Option<String>| v.unwrap_or_default();

    f.push(r.event_id.to_string());
    let date = r.effective_date().and_then(|(d, _)| ymd(d));
    let (year, month, day) = match date {
        Some((y, m, d)) => (Some(y), m, d),
        None => (None, None, None),
    };
    let full = match (year, month, day) {
        (Some(y), Some(m), Some(d)) => Some((y, m, d)),
        _ => None,
    };
    f.push(opt(full.map(|(y, m, d)| format!("{y:04}{m:02}{d:02}"))));
    f.push(opt(year.zip(month).map(|(y, m)| format!("{y:04}{m:02}"))));
    f.push(opt(year.map(|y| format!("{y:04}"))));
    f.push(opt(full.map(|(y, m, d)| {
        format!("{:.4}", f64::from(y) + f64::from(m * 30 + d) / 365.0)
    })));

    actor_fields(&mut f, r.source.first());
    actor_fields(&mut f, r.target.first());

    f.push(if r.sentence <= 1 { "1" } else { "0" }.to_string());
    let cameo = r.cameo.as_deref().unwrap_or("");
    f.push(cameo.to_string());
    f.push(cameo.get(..3).unwrap_or(cameo).to_string());
    f.push(cameo.get(..2).unwrap_or(cameo).to_string());
    f.push(opt(r.quad_class.map(|q| q.to_string())));
    f.push(opt(r.goldstein.map(|g| g.to_string())));
    f.push(r.num_articles.to_string());
    f.push(r.num_sources.to_string());
    f.push(r.num_articles.to_string());
    f.push(opt(r.avg_tone.map(|t| format!("{t:.4}"))));

    // Actor1Geo_* and Actor2Geo_*: eight blank columns each.
    f.extend(std::iter::repeat_n(String::new(), 16));

    match &r.place {
        Some(p) => {
            let kind = match p.feature.as_deref() {
                Some("country") => "1",
                Some("city") => "4",
                Some("region") => "5",
                _ => "",
            };
            f.push(kind.to_string());
            f.push(p.name.clone());
            let alpha2 = match (options.country_alpha2, p.country.as_deref()) {
                (Some(lookup), Some(iso3)) => lookup(iso3),
                _ => None,
            };
            f.push(opt(alpha2));
            f.push(String::new());
            f.push(String::new());
            f.push(opt(p.lat.map(|v| v.to_string())));
            f.push(opt(p.lon.map(|v| v.to_string())));
            f.push(opt(p.geonames_id.map(|v| v.to_string())));
        }
        None => f.extend(std::iter::repeat_n(String::new(), 8)),
    }

    let added = r
        .doc_date
        .as_deref()
        .and_then(ymd)
        .and_then(|(y, m, d)| Some(format!("{y:04}{:02}{:02}000000", m?, d?)));
    f.push(opt(added));
    f.push(
        r.url
            .clone()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| r.doc_id.clone()),
    );
    f
}

/// Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
/// Type1Code, Type2Code, Type3Code.
fn actor_fields(f: &mut Vec<String>, actor: Option<&ActorRow>) {
    let Some(a) = actor else {
        f.extend(std::iter::repeat_n(String::new(), 10));
        return;
    };
    let code = a.code.as_deref().unwrap_or("");
    let sector = a.sector.as_deref().unwrap_or("");
    let attribute = |k: &str| a.attributes.get(k).cloned().unwrap_or_default();
    f.push(format!("{code}{sector}"));
    f.push(a.text.to_uppercase());
    f.push(code.to_string());
    f.push(attribute("known_group"));
    f.push(attribute("ethnicity"));
    f.push(attribute("religion"));
    f.push(attribute("religion2"));
    f.push(sector.to_string());
    f.push(String::new());
    f.push(String::new());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{EvidenceRow, PlaceRow};

    fn record() -> Record {
        Record {
            event_id: 7,
            doc_id: "doc".into(),
            sentence: 3,
            kind: "ASSAULT".into(),
            cameo: Some("0251".into()),
            date: Some("2025-01".into()),
            date_precision: Some("month".into()),
            doc_date: Some("2025-02-03T10:00:00Z".into()),
            place: Some(PlaceRow {
                name: "Gao".into(),
                feature: Some("city".into()),
                country: Some("MLI".into()),
                lat: Some(16.27),
                lon: Some(-0.04),
                geonames_id: Some(2457163),
                ..PlaceRow::default()
            }),
            evidence: vec![EvidenceRow::default()],
            ..Record::default()
        }
    }

    #[test]
    fn rows_always_have_61_fields() {
        let options = ExportOptions::default();
        assert_eq!(row(&record(), &options).len(), 61);
        assert_eq!(row(&Record::default(), &options).len(), 61);
        let mut compound = record();
        compound.source = vec![ActorRow::default(), ActorRow::default()];
        assert_eq!(row(&compound, &options).len(), 61);
    }

    #[test]
    fn a_month_date_fills_only_month_and_year() {
        let f = row(&record(), &ExportOptions::default());
        assert_eq!(&f[1..5], ["", "202501", "2025", ""]);
        assert_eq!(f[59], "20250203000000");
        assert_eq!(&f[26..29], ["0251", "025", "02"]);
        assert_eq!(f[25], "0");
    }

    #[test]
    fn fraction_date_follows_gdelt_formula() {
        let mut r = record();
        r.date = Some("2025-03-15".into());
        let f = row(&r, &ExportOptions::default());
        assert_eq!(f[1], "20250315");
        assert_eq!(f[4], format!("{:.4}", 2025.0 + 105.0 / 365.0));
    }

    #[test]
    fn country_lookup_fills_the_action_country() {
        let lookup = |iso3: &str| (iso3 == "MLI").then(|| "ML".to_string());
        let options = ExportOptions {
            country_alpha2: Some(&lookup),
            ..ExportOptions::default()
        };
        let f = row(&record(), &options);
        assert_eq!(&f[51..54], ["4", "Gao", "ML"]);
        assert_eq!(f[58], "2457163");
    }
}
