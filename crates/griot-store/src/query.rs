//! The questions `griot query` asks: filtered events, and counts grouped by any dimension.

use crate::{Result, Store, StoreError};
use rusqlite::types::{ToSql, ValueRef};
use serde_json::Value;

/// Which events to select. Empty fields do not filter. List-valued fields accept any of
/// their values.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Source actors as `CODE` or `CODE:SECTOR` (`DZA`, `MLI:GOV`, `:REB` for any country).
    pub source: Vec<String>,
    pub target: Vec<String>,
    /// Either side.
    pub actor: Vec<String>,
    /// PLOVER types (case-insensitive).
    pub kind: Vec<String>,
    pub mode: Vec<String>,
    pub certainty: Vec<String>,
    /// `outlet`, or words of the claimant's text, or a claimant's country code.
    pub attribution: Option<String>,
    /// Inclusive bounds on the event date (ISO 8601 prefix: `2025`, `2025-01`, `2025-01-15`);
    /// events without a date fall back to their document's date.
    pub since: Option<String>,
    pub until: Option<String>,
    pub place: Option<Place>,
    /// FTS5 query over document titles and text.
    pub text: Option<String>,
    pub limit: Option<usize>,
}

/// A place filter: a name (the place or its country code), or a bounding box.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Name(String),
    BBox {
        min_lon: f64,
        min_lat: f64,
        max_lon: f64,
        max_lat: f64,
    },
}

impl std::str::FromStr for Place {
    type Err = StoreError;

    /// `min_lon,min_lat,max_lon,max_lat` is a box; anything else is a name.
    fn from_str(s: &str) -> Result<Self> {
        let parts: Vec<&str> = s.split(',').map(str::trim).collect();
        if parts.len() == 4 {
            let nums: std::result::Result<Vec<f64>, _> =
                parts.iter().map(|p| p.parse::<f64>()).collect();
            if let Ok(n) = nums {
                if n[0] > n[2] || n[1] > n[3] {
                    return Err(StoreError::Filter(format!(
                        "bounding box {s}: expected min_lon,min_lat,max_lon,max_lat"
                    )));
                }
                return Ok(Place::BBox {
                    min_lon: n[0],
                    min_lat: n[1],
                    max_lon: n[2],
                    max_lat: n[3],
                });
            }
        }
        Ok(Place::Name(s.trim().to_string()))
    }
}

/// A result table: column names and rows of JSON values, so one shape serves the table, JSON
/// and CSV outputs.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Row {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// Dimensions `--group-by` accepts, and the SQL each stands for.
pub const GROUP_KEYS: &[(&str, &str)] = &[
    ("type", "r.type"),
    ("mode", "r.mode"),
    ("cameo", "r.cameo"),
    ("source", "r.source"),
    ("target", "r.target"),
    ("certainty", "r.certainty"),
    ("attribution", "r.attribution"),
    ("place", "r.place"),
    ("country", "r.place_country"),
    ("month", "substr(coalesce(r.date, r.doc_date), 1, 7)"),
    ("year", "substr(coalesce(r.date, r.doc_date), 1, 4)"),
    ("day", "substr(coalesce(r.date, r.doc_date), 1, 10)"),
    ("site", "r.site"),
    ("document", "r.doc_id"),
];

/// The columns of an event listing, in order.
pub const EVENT_COLUMNS: &[&str] = &[
    "event_id",
    "doc_id",
    "sentence",
    "date",
    "type",
    "mode",
    "cameo",
    "goldstein",
    "quad_class",
    "source",
    "source_text",
    "target",
    "target_text",
    "certainty",
    "attribution",
    "place",
    "geonames_id",
    "lat",
    "lon",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "rule",
    "num_articles",
    "num_sources",
    "url",
];

impl Store {
    /// Events matching `filter`, newest document first.
    pub fn events(&self, filter: &Filter) -> Result<Row> {
        let (where_sql, params) = where_clause(filter)?;
        let mut sql = format!(
            "SELECT {} FROM event_rows r {where_sql} ORDER BY r.event_id",
            EVENT_COLUMNS
                .iter()
                .map(|c| format!("r.{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        if let Some(n) = filter.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        self.table(
            &sql,
            &params,
            EVENT_COLUMNS.iter().map(|c| c.to_string()).collect(),
        )
    }

    /// Counts of matching events per group, largest first.
    pub fn group(&self, filter: &Filter, keys: &[String]) -> Result<Row> {
        let mut exprs = Vec::new();
        for key in keys {
            let expr = GROUP_KEYS
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, e)| *e)
                .ok_or_else(|| {
                    StoreError::Filter(format!(
                        "cannot group by `{key}` (expected one of {})",
                        GROUP_KEYS
                            .iter()
                            .map(|(k, _)| *k)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })?;
            exprs.push(expr);
        }
        if exprs.is_empty() {
            return Err(StoreError::Filter(
                "--group-by needs at least one key".into(),
            ));
        }
        let (where_sql, params) = where_clause(filter)?;
        let select = exprs.join(", ");
        let positions = (1..=exprs.len())
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let mut sql = format!(
            "SELECT {select}, count(*) AS events FROM event_rows r {where_sql}
             GROUP BY {positions} ORDER BY events DESC, {positions}"
        );
        if let Some(n) = filter.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        let mut columns: Vec<String> = keys.iter().map(|k| k.to_lowercase()).collect();
        columns.push("events".into());
        self.table(&sql, &params, columns)
    }

    fn table(&self, sql: &str, params: &[Box<dyn ToSql>], columns: Vec<String>) -> Result<Row> {
        let mut stmt = self.conn.prepare(sql)?;
        let refs: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
        let n = columns.len();
        let mut rows = Vec::new();
        let mut cursor = stmt.query(refs.as_slice())?;
        while let Some(row) = cursor.next()? {
            let mut values = Vec::with_capacity(n);
            for i in 0..n {
                values.push(json_value(row.get_ref(i)?));
            }
            rows.push(values);
        }
        Ok(Row { columns, rows })
    }
}

fn json_value(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::String(format!("<{} bytes>", b.len())),
    }
}

/// `CODE`, `CODE:SECTOR` or `:SECTOR` → SQL over `actors a`.
fn actor_condition(spec: &str, params: &mut Vec<Box<dyn ToSql>>) -> Result<String> {
    let (code, sector) = match spec.split_once(':') {
        Some((c, s)) => (c.trim(), Some(s.trim())),
        None => (spec.trim(), None),
    };
    let mut parts = Vec::new();
    if !code.is_empty() {
        params.push(Box::new(code.to_uppercase()));
        parts.push("a.code = ?".to_string());
    }
    if let Some(s) = sector.filter(|s| !s.is_empty()) {
        params.push(Box::new(s.to_uppercase()));
        parts.push("a.sector = ?".to_string());
    }
    if parts.is_empty() {
        return Err(StoreError::Filter(format!("empty actor `{spec}`")));
    }
    Ok(format!("({})", parts.join(" AND ")))
}

fn actor_exists(
    specs: &[String],
    role: Option<&str>,
    params: &mut Vec<Box<dyn ToSql>>,
) -> Result<Option<String>> {
    if specs.is_empty() {
        return Ok(None);
    }
    let mut any = Vec::new();
    for spec in specs {
        any.push(actor_condition(spec, params)?);
    }
    let role_sql = match role {
        Some(r) => format!(" AND ea.role = '{r}'"),
        None => String::new(),
    };
    Ok(Some(format!(
        "EXISTS (SELECT 1 FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                 WHERE ea.event_id = r.event_id{role_sql} AND ({}))",
        any.join(" OR ")
    )))
}

fn one_of(
    column: &str,
    values: &[String],
    upper: bool,
    params: &mut Vec<Box<dyn ToSql>>,
) -> Option<String> {
    if values.is_empty() {
        return None;
    }
    let marks: Vec<&str> = values.iter().map(|_| "?").collect();
    for v in values {
        let v = v.trim();
        params.push(Box::new(if upper {
            v.to_uppercase()
        } else {
            v.to_lowercase()
        }));
    }
    let expr = if upper {
        format!("upper({column})")
    } else {
        format!("lower({column})")
    };
    Some(format!("{expr} IN ({})", marks.join(", ")))
}

pub(crate) fn where_clause(f: &Filter) -> Result<(String, Vec<Box<dyn ToSql>>)> {
    let mut conds: Vec<String> = Vec::new();
    let mut params: Vec<Box<dyn ToSql>> = Vec::new();
    for (specs, role) in [
        (&f.source, Some("source")),
        (&f.target, Some("target")),
        (&f.actor, None),
    ] {
        if let Some(c) = actor_exists(specs, role, &mut params)? {
            conds.push(c);
        }
    }
    conds.extend(one_of("r.type", &f.kind, true, &mut params));
    conds.extend(one_of("r.mode", &f.mode, false, &mut params));
    conds.extend(one_of("r.certainty", &f.certainty, false, &mut params));
    if let Some(a) = &f.attribution {
        if a.eq_ignore_ascii_case("outlet") {
            conds.push("r.attribution = 'outlet'".into());
        } else {
            params.push(Box::new(format!("%{}%", a.to_lowercase())));
            params.push(Box::new(a.to_uppercase()));
            conds.push(
                "(r.attribution <> 'outlet' AND (lower(r.attribution) LIKE ? OR r.attribution_code = ?))"
                    .into(),
            );
        }
    }
    // Dates compare as ISO prefixes, so `--until 2025-01` keeps all of January.
    if let Some(since) = &f.since {
        params.push(Box::new(since.clone()));
        conds.push("coalesce(r.date, r.doc_date) >= ?".into());
    }
    if let Some(until) = &f.until {
        params.push(Box::new(format!("{until}\u{10FFFF}")));
        conds.push("coalesce(r.date, r.doc_date) <= ?".into());
    }
    match &f.place {
        Some(Place::Name(name)) => {
            params.push(Box::new(name.to_lowercase()));
            params.push(Box::new(name.to_uppercase()));
            conds.push("(lower(r.place) = ? OR r.place_country = ?)".into());
        }
        Some(Place::BBox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        }) => {
            for v in [min_lon, min_lat, max_lon, max_lat] {
                params.push(Box::new(*v));
            }
            conds.push("(r.lon >= ? AND r.lat >= ? AND r.lon <= ? AND r.lat <= ?)".into());
        }
        None => {}
    }
    if let Some(text) = &f.text {
        params.push(Box::new(text.clone()));
        conds.push(
            "r.document_id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)".into(),
        );
    }
    let sql = if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    };
    Ok((sql, params))
}
