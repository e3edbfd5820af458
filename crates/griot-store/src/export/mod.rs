//! Exports: the stored events as PLOVER JSONL, GDELT 2.0 event TSV, flat CSV, Parquet or
//! GeoJSON.
//!
//! Every format selects events with the same [`Filter`] as `griot query`, in event id order,
//! and streams them: rows go out as SQLite yields them, and only Parquet holds anything back
//! (one row group of [`ROW_GROUP_ROWS`] rows, because a row group is its unit of
//! compression).
//!
//! The flat formats (CSV, Parquet, GeoJSON properties) carry exactly [`EVENT_COLUMNS`], so a
//! table from `griot query` and an export line up column for column. PLOVER and GDELT are
//! shaped by their specifications; see their modules for the field mappings.

mod csv;
mod gdelt;
mod geojson;
mod parquet;
mod plover;

pub use self::gdelt::GDELT_COLUMNS;
pub use self::parquet::ROW_GROUP_ROWS;

use crate::query::where_clause;
use crate::{Filter, Result, Store, StoreError, EVENT_COLUMNS};
use rusqlite::types::{ToSql, ValueRef};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;

/// What `coder` fields say produced the data.
pub(crate) const CODER: &str = concat!("griot ", env!("CARGO_PKG_VERSION"));

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// PLOVER JSON, one event object per line.
    Plover,
    /// GDELT 2.0 events table: 61 tab-separated columns, no header unless asked for.
    Gdelt,
    /// [`EVENT_COLUMNS`] with a header row.
    Csv,
    /// [`EVENT_COLUMNS`] with types, Snappy-compressed.
    Parquet,
    /// A FeatureCollection of the events that have coordinates.
    GeoJson,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Plover,
        ExportFormat::Gdelt,
        ExportFormat::Csv,
        ExportFormat::Parquet,
        ExportFormat::GeoJson,
    ];

    /// The name [`FromStr`](std::str::FromStr) accepts.
    pub const fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Plover => "plover",
            ExportFormat::Gdelt => "gdelt",
            ExportFormat::Csv => "csv",
            ExportFormat::Parquet => "parquet",
            ExportFormat::GeoJson => "geojson",
        }
    }

    /// The usual file extension, for naming output files.
    pub const fn extension(self) -> &'static str {
        match self {
            ExportFormat::Plover => "jsonl",
            ExportFormat::Gdelt => "tsv",
            ExportFormat::Csv => "csv",
            ExportFormat::Parquet => "parquet",
            ExportFormat::GeoJson => "geojson",
        }
    }
}

impl std::fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = StoreError;

    /// Case-insensitive: `plover`, `gdelt`, `csv`, `parquet`, `geojson`.
    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim();
        ExportFormat::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| StoreError::UnknownFormat(s.to_string()))
    }
}

/// Alpha-3 → alpha-2 country code lookup, supplied by whoever owns a country table.
pub type CountryLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Knobs for [`Store::export_with`]. The default is what [`Store::export`] writes.
#[derive(Default, Clone, Copy)]
pub struct ExportOptions<'a> {
    /// GDELT only: write [`GDELT_COLUMNS`] as a first line. GDELT's own files have no header,
    /// so tools that read them expect none; off by default.
    pub header: bool,
    /// GDELT only: fills `ActionGeo_CountryCode` from the place's ISO alpha-3 country.
    ///
    /// The store keeps no country table (that knowledge lives in `griot-lexicon`), so without
    /// this the column is blank. GDELT puts FIPS 10-4 codes there; ISO alpha-2 is what griot
    /// can offer, and the two disagree for many countries (FIPS `AG` is Algeria, ISO `AG`
    /// Antigua), so a consumer joining on GDELT's FIPS tables must convert first.
    pub country_alpha2: Option<CountryLookup<'a>>,
}

impl Store {
    /// Writes the events matching `filter` to `out` in `format`, returning how many events were
    /// written (for GeoJSON, the located ones).
    ///
    /// `out` is a plain `dyn Write` for every format. Parquet's writer wants a `Send` sink, so
    /// it writes each row group into a buffer it owns and copies the buffer to `out` as soon as
    /// the group is complete; the cost is one compressed row group of memory. Writes are
    /// buffered internally and `out` is flushed before returning.
    pub fn export(
        &self,
        format: ExportFormat,
        filter: &Filter,
        out: &mut dyn Write,
    ) -> Result<usize> {
        self.export_with(format, filter, &ExportOptions::default(), out)
    }

    /// [`Store::export`] with options (a GDELT header line, a country-code lookup).
    pub fn export_with(
        &self,
        format: ExportFormat,
        filter: &Filter,
        options: &ExportOptions<'_>,
        out: &mut dyn Write,
    ) -> Result<usize> {
        match format {
            ExportFormat::Plover => plover::write(self, filter, out),
            ExportFormat::Gdelt => gdelt::write(self, filter, options, out),
            ExportFormat::Csv => self::csv::write(self, filter, out),
            ExportFormat::Parquet => self::parquet::write(self, filter, out),
            ExportFormat::GeoJson => geojson::write(self, filter, out),
        }
    }

    /// Runs `SELECT {select} FROM event_rows r {joins}` under the filter (plus `extra`, ANDed),
    /// in event id order, and hands each row to `each`. Returns the number of rows.
    fn for_each_row(
        &self,
        select: &str,
        joins: &str,
        extra: Option<&str>,
        filter: &Filter,
        mut each: impl FnMut(&rusqlite::Row<'_>) -> Result<()>,
    ) -> Result<usize> {
        let (mut where_sql, params) = where_clause(filter)?;
        if let Some(extra) = extra {
            where_sql = if where_sql.is_empty() {
                format!("WHERE {extra}")
            } else {
                format!("{where_sql} AND {extra}")
            };
        }
        let mut sql =
            format!("SELECT {select} FROM event_rows r {joins} {where_sql} ORDER BY r.event_id");
        if let Some(n) = filter.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let refs: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
        let mut rows = stmt.query(refs.as_slice())?;
        let mut n = 0;
        while let Some(row) = rows.next()? {
            each(row)?;
            n += 1;
        }
        Ok(n)
    }

    /// Streams the flat [`EVENT_COLUMNS`] of the matching events; `located` keeps only events
    /// whose place has coordinates.
    fn for_each_flat(
        &self,
        filter: &Filter,
        located: bool,
        each: impl FnMut(&rusqlite::Row<'_>) -> Result<()>,
    ) -> Result<usize> {
        let select = EVENT_COLUMNS
            .iter()
            .map(|c| format!("r.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let extra = located.then_some("r.lat IS NOT NULL AND r.lon IS NOT NULL");
        self.for_each_row(&select, "", extra, filter, each)
    }

    /// Streams the matching events with everything PLOVER and GDELT need: actors with their
    /// attributes, evidence spans, the place's feature, the documents' tone.
    fn for_each_record(
        &self,
        filter: &Filter,
        mut each: impl FnMut(&Record) -> Result<()>,
    ) -> Result<usize> {
        // Aliases other than `r` must not be `a` or `ea`: the filter's subqueries use those.
        let select = "r.event_id, r.doc_id, r.sentence, r.type, r.mode, r.contexts, r.cameo,
            r.goldstein, r.quad_class, r.intensity, r.certainty, r.negated, r.attribution,
            r.attribution_code, r.attribution_sector, r.place, r.geonames_id, r.lat, r.lon,
            r.place_country, pl.admin1, pl.feature, r.date, r.date_precision, r.rule,
            r.trigger_text, r.trigger_start, r.trigger_end, r.num_articles, r.num_sources,
            r.url, r.site, r.doc_date, r.title, doc.language,
            (SELECT avg(d2.tone) FROM event_documents l JOIN documents d2 ON d2.id = l.document_id
              WHERE l.event_id = r.event_id) AS avg_tone";
        let joins = "JOIN events ev ON ev.id = r.event_id
            LEFT JOIN places pl ON pl.id = ev.place_id
            JOIN documents doc ON doc.id = r.document_id";
        self.for_each_row(select, joins, None, filter, |row| {
            let mut record = Record::read(row)?;
            self.load_actors(&mut record)?;
            self.load_evidence(&mut record)?;
            each(&record)
        })
    }

    fn load_actors(&self, record: &mut Record) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.role, y.code, y.sector, x.text, x.attributes
               FROM event_actors x JOIN actors y ON y.id = x.actor_id
              WHERE x.event_id = ?1 ORDER BY x.role, x.position",
        )?;
        let mut rows = stmt.query([record.event_id])?;
        while let Some(row) = rows.next()? {
            let role: String = row.get(0)?;
            let attributes: Option<String> = row.get(4)?;
            let actor = ActorRow {
                code: row.get(1)?,
                sector: row.get(2)?,
                text: row.get(3)?,
                attributes: match attributes {
                    Some(json) => serde_json::from_str(&json)?,
                    None => BTreeMap::new(),
                },
            };
            match role.as_str() {
                "source" => record.source.push(actor),
                _ => record.target.push(actor),
            }
        }
        Ok(())
    }

    fn load_evidence(&self, record: &mut Record) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT role, start, end, text FROM evidence WHERE event_id = ?1
              ORDER BY start, end, role, position",
        )?;
        let rows = stmt.query_map([record.event_id], |row| {
            Ok(EvidenceRow {
                role: row.get(0)?,
                start: row.get(1)?,
                end: row.get(2)?,
                text: row.get(3)?,
            })
        })?;
        for row in rows {
            record.evidence.push(row?);
        }
        Ok(())
    }
}

/// One event with what the rich formats need, read from `event_rows` and its neighbours.
#[derive(Debug, Clone, Default)]
pub(crate) struct Record {
    pub event_id: i64,
    pub doc_id: String,
    pub sentence: i64,
    pub kind: String,
    pub mode: Option<String>,
    pub contexts: Vec<String>,
    pub cameo: Option<String>,
    pub goldstein: Option<f64>,
    pub quad_class: Option<i64>,
    pub intensity: Option<f64>,
    pub certainty: String,
    pub negated: bool,
    pub attribution: String,
    pub attribution_code: Option<String>,
    pub attribution_sector: Option<String>,
    pub place: Option<PlaceRow>,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    pub rule: String,
    pub trigger_text: String,
    pub trigger_start: i64,
    pub trigger_end: i64,
    pub num_articles: i64,
    pub num_sources: i64,
    pub url: Option<String>,
    pub site: Option<String>,
    pub doc_date: Option<String>,
    pub title: Option<String>,
    pub language: Option<String>,
    pub avg_tone: Option<f64>,
    pub source: Vec<ActorRow>,
    pub target: Vec<ActorRow>,
    pub evidence: Vec<EvidenceRow>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct PlaceRow {
    pub name: String,
    pub geonames_id: Option<i64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    /// `country`, `region`, `city` or `macro-region`.
    pub feature: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ActorRow {
    pub code: Option<String>,
    pub sector: Option<String>,
    pub text: String,
    pub attributes: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub(crate) struct EvidenceRow {
    pub role: String,
    pub start: i64,
    pub end: i64,
    pub text: String,
}

impl Record {
    fn read(row: &rusqlite::Row<'_>) -> Result<Record> {
        let contexts: String = row.get("contexts")?;
        let place = match row.get::<_, Option<String>>("place")? {
            Some(name) => Some(PlaceRow {
                name,
                geonames_id: row.get("geonames_id")?,
                lat: row.get("lat")?,
                lon: row.get("lon")?,
                country: row.get("place_country")?,
                admin1: row.get("admin1")?,
                feature: row.get("feature")?,
            }),
            None => None,
        };
        Ok(Record {
            event_id: row.get("event_id")?,
            doc_id: row.get("doc_id")?,
            sentence: row.get("sentence")?,
            kind: row.get("type")?,
            mode: row.get("mode")?,
            contexts: serde_json::from_str(&contexts)?,
            cameo: row.get("cameo")?,
            goldstein: row.get::<_, Option<f64>>("goldstein")?.map(from_f32),
            quad_class: row.get("quad_class")?,
            intensity: row.get::<_, Option<f64>>("intensity")?.map(from_f32),
            certainty: row.get("certainty")?,
            negated: row.get("negated")?,
            attribution: row.get("attribution")?,
            attribution_code: row.get("attribution_code")?,
            attribution_sector: row.get("attribution_sector")?,
            place,
            date: row.get("date")?,
            date_precision: row.get("date_precision")?,
            rule: row.get("rule")?,
            trigger_text: row.get("trigger_text")?,
            trigger_start: row.get("trigger_start")?,
            trigger_end: row.get("trigger_end")?,
            num_articles: row.get("num_articles")?,
            num_sources: row.get("num_sources")?,
            url: row.get("url")?,
            site: row.get("site")?,
            doc_date: row.get("doc_date")?,
            title: row.get("title")?,
            language: row.get("language")?,
            avg_tone: row.get("avg_tone")?,
            ..Record::default()
        })
    }

    /// The event's date, else its document's, with the precision it has: `(date, precision)`.
    /// An event date is kept as written (`2025-01` stays a month); a document date is cut to
    /// its date part.
    pub fn effective_date(&self) -> Option<(&str, &str)> {
        if let Some(date) = self.date.as_deref().filter(|d| !d.is_empty()) {
            return Some((date, self.date_precision.as_deref().unwrap_or("unknown")));
        }
        let doc = self.doc_date.as_deref().map(iso_date_prefix)?;
        (!doc.is_empty()).then_some((doc, "document"))
    }
}

/// Goldstein and intensity are `f32` in the model; SQLite widens them to `f64`, which would
/// print 3.4 as 3.4000000953674316. Narrowing back recovers the number that was coded.
pub(crate) fn from_f32(v: f64) -> f64 {
    let narrow = v as f32;
    narrow.to_string().parse().unwrap_or(v)
}

/// The leading `YYYY`, `YYYY-MM` or `YYYY-MM-DD` of an ISO 8601 string (`""` if none), so a
/// timestamp such as `2025-01-15T08:00:00Z` reads as its day.
pub(crate) fn iso_date_prefix(s: &str) -> &str {
    let s = s.trim();
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if !digits(0..4) {
        return "";
    }
    if b.get(4) != Some(&b'-') || !digits(5..7) {
        return &s[..4];
    }
    if b.get(7) != Some(&b'-') || !digits(8..10) {
        return &s[..7];
    }
    &s[..10]
}

/// Year, month and day of an ISO date prefix, as far as it goes.
pub(crate) fn ymd(s: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    let p = iso_date_prefix(s);
    let year = p.get(0..4)?.parse().ok()?;
    let month = p
        .get(5..7)
        .and_then(|m| m.parse().ok())
        .filter(|m| (1..=12).contains(m));
    let day = month
        .and(p.get(8..10))
        .and_then(|d| d.parse().ok())
        .filter(|d| (1..=31).contains(d));
    Some((year, month, day))
}

/// How a flat column is typed in Parquet (and written in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Int,
    Float,
    Text,
}

/// The type of an [`EVENT_COLUMNS`] column. Anything not listed is text, so a column added to
/// the listing exports (as text) before anyone updates this.
pub(crate) fn column_kind(column: &str) -> Kind {
    match column {
        "event_id" | "document_id" | "sentence" | "quad_class" | "geonames_id"
        | "trigger_start" | "trigger_end" | "num_articles" | "num_sources" | "negated" => Kind::Int,
        "goldstein" | "intensity" | "lat" | "lon" | "tone" | "avg_tone" => Kind::Float,
        _ => Kind::Text,
    }
}

/// One flat value, as SQLite gave it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell<'a> {
    Null,
    Int(i64),
    Float(f64),
    Text(Cow<'a, str>),
}

impl<'a> Cell<'a> {
    pub fn read(row: &'a rusqlite::Row<'_>, i: usize) -> Result<Cell<'a>> {
        let column = EVENT_COLUMNS.get(i).copied().unwrap_or("");
        Ok(match row.get_ref(i)? {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(v) => Cell::Int(v),
            ValueRef::Real(v) if matches!(column, "goldstein" | "intensity") => {
                Cell::Float(from_f32(v))
            }
            ValueRef::Real(v) => Cell::Float(v),
            ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t)),
            ValueRef::Blob(_) => {
                return Err(StoreError::BadValue {
                    column: column.to_string(),
                    value: "<blob>".into(),
                    reason: "binary data in an event column",
                })
            }
        })
    }

    /// The value as CSV/TSV text; null is empty.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Null => Cow::Borrowed(""),
            Cell::Int(v) => Cow::Owned(v.to_string()),
            Cell::Float(v) => Cow::Owned(v.to_string()),
            Cell::Text(t) => Cow::Borrowed(t),
        }
    }

    pub fn json(&self) -> serde_json::Value {
        match self {
            Cell::Null => serde_json::Value::Null,
            Cell::Int(v) => serde_json::Value::from(*v),
            Cell::Float(v) => serde_json::Number::from_f64(*v)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Cell::Text(t) => serde_json::Value::String(t.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_case_blind_and_round_trip() {
        for f in ExportFormat::ALL {
            assert_eq!(f.as_str().parse::<ExportFormat>().ok(), Some(f));
            assert_eq!(
                f.to_string().to_uppercase().parse::<ExportFormat>().ok(),
                Some(f)
            );
        }
        assert!(matches!(
            "xlsx".parse::<ExportFormat>(),
            Err(StoreError::UnknownFormat(s)) if s == "xlsx"
        ));
    }

    #[test]
    fn date_prefixes_stop_at_the_first_malformed_part() {
        assert_eq!(iso_date_prefix("2025-01-15T08:00:00Z"), "2025-01-15");
        assert_eq!(iso_date_prefix("2025-01"), "2025-01");
        assert_eq!(iso_date_prefix("2025"), "2025");
        assert_eq!(iso_date_prefix("2025-1-5"), "2025");
        assert_eq!(iso_date_prefix("Jan 2025"), "");
        assert_eq!(iso_date_prefix("2025-01-1"), "2025-01");
        assert_eq!(ymd("2025-13-01"), Some((2025, None, None)));
        assert_eq!(ymd("2025-02-15"), Some((2025, Some(2), Some(15))));
        assert_eq!(ymd("né"), None);
    }

    #[test]
    fn widened_f32_prints_as_coded() {
        assert_eq!(from_f32(f64::from(3.4f32)), 3.4);
        assert_eq!(from_f32(-10.0), -10.0);
    }

    #[test]
    fn every_numeric_listing_column_has_a_numeric_kind() {
        let ints = ["event_id", "sentence", "geonames_id", "num_articles"];
        for c in ints {
            assert!(EVENT_COLUMNS.contains(&c));
            assert_eq!(column_kind(c), Kind::Int);
        }
        for c in ["goldstein", "lat", "lon"] {
            assert!(EVENT_COLUMNS.contains(&c));
            assert_eq!(column_kind(c), Kind::Float);
        }
        assert_eq!(column_kind("url"), Kind::Text);
    }
}
