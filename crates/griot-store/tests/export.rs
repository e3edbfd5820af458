//! Every export format is written from a small store and read back with an independent reader
//! (serde_json, the csv crate, parquet's arrow reader), then compared with what the database
//! holds.

use arrow_array::{Array, Float64Array, Int64Array, StringArray};
use griot_model::ontology::PloverType;
use griot_model::{
    Actor, Attribution, Certainty, DatePrecision, Document, Event, EventDate, Evidence, Framing,
    Place, Span,
};
use griot_store::{
    ExportFormat, ExportOptions, Filter, Inserted, NewDocument, Store, StoreError, EVENT_COLUMNS,
    GDELT_COLUMNS,
};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;
use std::collections::BTreeMap;

/// Character offsets of the first `needle` in `text` (spans count characters, not bytes).
fn span(text: &str, needle: &str) -> Span {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let start = text[..at].chars().count();
    Span::new(start, start + needle.chars().count())
}

/// The span of `needle` inside the first occurrence of `context`.
fn span_within(text: &str, context: &str, needle: &str) -> Span {
    let outer = span(text, context);
    let inner = span(context, needle);
    Span::new(outer.start + inner.start, outer.start + inner.end)
}

fn actor(text: &str, code: Option<&str>, sector: &str, attributes: &[(&str, &str)]) -> Actor {
    Actor {
        text: text.into(),
        code: code.map(str::to_string),
        sector: Some(sector.into()),
        attributes: attributes
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
        ..Actor::default()
    }
}

fn event(kind: PloverType, sentence: usize, cameo: &str, goldstein: f32, quad: u8) -> Event {
    Event {
        sentence,
        kind,
        mode: None,
        contexts: Vec::new(),
        cameo: Some(cameo.into()),
        goldstein: Some(goldstein),
        quad_class: Some(quad),
        intensity: None,
        source: Vec::new(),
        target: Vec::new(),
        location: None,
        date: None,
        certainty: Certainty::Asserted,
        attribution: Attribution::Outlet,
        negated: false,
        evidence: Evidence::default(),
        rule: "test".into(),
    }
}

const REUTERS_TEXT: &str = "Algeria and Mali hold border talks with France\n\n\
    ALGIERS — Algerian and Malian officials met French envoys in Algiers on Tuesday to discuss \
    border security. Malian soldiers attacked Tuareg rebels near Gao on 14 January, the army said.";

/// Reuters: a CONSULT with a compound source, and an ASSAULT located in Gao and claimed by the
/// army.
fn reuters() -> Document {
    let text = REUTERS_TEXT.to_string();
    let mut consult = event(PloverType::Consult, 1, "040", 1.0, 1);
    consult.source = vec![
        actor("Algerian and Malian officials", Some("DZA"), "GOV", &[]),
        actor("Algerian and Malian officials", Some("MLI"), "GOV", &[]),
    ];
    consult.target = vec![actor("French envoys", Some("FRA"), "GOV", &[])];
    consult.date = Some(EventDate {
        value: "2025-01-14".into(),
        precision: DatePrecision::Day,
    });
    consult.contexts = vec!["borders".into()];
    consult.evidence = Evidence {
        trigger: span(&text, "met"),
        source: vec![span(&text, "Algerian and Malian officials")],
        target: vec![span(&text, "French envoys")],
    };

    let mut assault = event(PloverType::Assault, 2, "190", -10.0, 4);
    assault.mode = Some("firearms".into());
    assault.source = vec![actor("Malian soldiers", Some("MLI"), "MIL", &[])];
    assault.target = vec![actor(
        "Tuareg rebels",
        None,
        "REB",
        &[("ethnicity", "Tuareg")],
    )];
    assault.location = Some(Place {
        name: "Gao".into(),
        geonames_id: Some(2457163),
        lat: Some(16.27167),
        lon: Some(-0.04061),
        country: Some("MLI".into()),
        admin1: Some("09".into()),
        feature: Some("city".into()),
        span: Some(span(&text, "Gao")),
    });
    assault.date = Some(EventDate {
        value: "2025-01-14".into(),
        precision: DatePrecision::Day,
    });
    assault.certainty = Certainty::Reported;
    assault.attribution = Attribution::Claimant {
        text: "the army".into(),
        actor: Some(actor("the army", Some("MLI"), "MIL", &[])),
        span: Some(span(&text, "the army")),
    };
    assault.evidence = Evidence {
        trigger: span(&text, "attacked"),
        source: vec![span(&text, "Malian soldiers")],
        target: vec![span(&text, "Tuareg rebels")],
    };

    Document {
        id: "reuters-001".into(),
        content_hash: "hash-reuters-001".into(),
        url: Some("https://www.reuters.com/world/africa/algeria-mali-talks".into()),
        title: Some("Algeria and Mali hold border talks with France".into()),
        site: Some("reuters.com".into()),
        date: Some("2025-01-14T09:30:00Z".into()),
        language: Some("eng".into()),
        text,
        events: vec![consult, assault],
        ..Document::default()
    }
}

/// A syndicated copy of the Reuters story on another site: its CONSULT is the same event and
/// is linked, not stored again. One loaded word gives it a tone.
fn syndicated(first: &Document) -> Document {
    let text = first
        .text
        .replace("discuss border security", "discuss the worsening crisis");
    let mut consult = first.events[0].clone();
    consult.evidence.trigger = span(&text, "met");
    Document {
        id: "aljazeera-002".into(),
        content_hash: "hash-aljazeera-002".into(),
        url: Some("https://www.aljazeera.com/news/algeria-mali".into()),
        title: first.title.clone(),
        site: Some("aljazeera.com".into()),
        date: Some("2025-01-15".into()),
        language: Some("eng".into()),
        framing: vec![Framing {
            span: span(&text, "worsening"),
            text: "worsening".into(),
            category: "alarmist".into(),
            rule: "test".into(),
        }],
        events: vec![consult],
        text,
        ..Document::default()
    }
}

/// Niger's minister accuses Algeria; the date is only a month.
fn niger() -> Document {
    let text = "Niger accuses Algeria over migrant expulsions\n\n\
        NIAMEY — Interior Minister Mohamed Toumba accused Algeria of expelling migrants to the \
        desert last February, the ministry said."
        .to_string();
    let mut accuse = event(PloverType::Accuse, 1, "112", -2.0, 3);
    accuse.source = vec![actor(
        "Interior Minister Mohamed Toumba",
        Some("NER"),
        "GOV",
        &[("title", "Interior Minister")],
    )];
    accuse.target = vec![actor("Algeria", Some("DZA"), "GOV", &[])];
    accuse.date = Some(EventDate {
        value: "2025-02".into(),
        precision: DatePrecision::Month,
    });
    accuse.attribution = Attribution::Claimant {
        text: "the ministry".into(),
        actor: Some(actor("the ministry", Some("NER"), "GOV", &[])),
        span: Some(span(&text, "the ministry")),
    };
    accuse.evidence = Evidence {
        trigger: span(&text, "accused"),
        source: vec![span(&text, "Interior Minister Mohamed Toumba")],
        target: vec![span_within(&text, "accused Algeria", "Algeria")],
    };
    Document {
        id: "apa-003".into(),
        content_hash: "hash-apa-003".into(),
        title: Some("Niger accuses Algeria over migrant expulsions".into()),
        site: Some("apanews.net".into()),
        date: Some("2025-03-02".into()),
        language: Some("eng".into()),
        text,
        events: vec![accuse],
        ..Document::default()
    }
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("griot.db")).expect("open store");
    let first = reuters();
    let copy = syndicated(&first);
    let third = niger();
    let mut batch = store.batch().expect("batch");
    let id = match batch
        .insert(&NewDocument {
            doc: &first,
            name: "in/reuters.jsonl:1",
            sketch: None,
            duplicate_of: None,
        })
        .expect("insert reuters")
    {
        Inserted::New { id, events: 2, .. } => id,
        other => panic!("unexpected {other:?}"),
    };
    let linked = batch
        .insert(&NewDocument {
            doc: &copy,
            name: "in/aljazeera.html",
            sketch: None,
            duplicate_of: Some((id, 0.91)),
        })
        .expect("insert copy");
    assert!(matches!(
        linked,
        Inserted::New {
            events: 0,
            linked: 1,
            ..
        }
    ));
    batch
        .insert(&NewDocument {
            doc: &third,
            name: "in/apa.txt",
            sketch: None,
            duplicate_of: None,
        })
        .expect("insert apa");
    batch.commit().expect("commit");
    Fixture { _dir: dir, store }
}

fn export(store: &Store, format: ExportFormat, filter: &Filter) -> (usize, Vec<u8>) {
    let mut out = Vec::new();
    let n = store.export(format, filter, &mut out).expect("export");
    (n, out)
}

fn plover_lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn by_event<'a>(events: &'a [Value], kind: &str) -> &'a Value {
    events
        .iter()
        .find(|e| e["event"][0] == kind)
        .unwrap_or_else(|| panic!("no {kind} event"))
}

/// (event id, trigger start, trigger end) as stored.
fn stored_trigger(store: &Store, kind: &str) -> (i64, i64, i64) {
    store
        .connection()
        .query_row(
            "SELECT id, trigger_start, trigger_end FROM events WHERE type = ?1",
            [kind],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("stored event")
}

#[test]
fn plover_jsonl_carries_the_stored_events() {
    let f = fixture();
    let (n, bytes) = export(&f.store, ExportFormat::Plover, &Filter::default());
    let events = plover_lines(&bytes);
    assert_eq!(n, 3);
    assert_eq!(
        events.len(),
        3,
        "the near-duplicate's CONSULT is linked, not repeated"
    );

    let consult = by_event(&events, "CONSULT");
    let (id, start, end) = stored_trigger(&f.store, "CONSULT");
    assert_eq!(consult["id"], format!("reuters-001-{id}"));
    assert_eq!(consult["date"], "2025-01-14");
    assert_eq!(consult["date_precision"], "day");
    let actors = consult["actor"].as_array().expect("actor list");
    assert_eq!(actors.len(), 2, "compound source stays two entities");
    assert_eq!(actors[0]["code"], "DZA");
    assert_eq!(actors[1]["code"], "MLI");
    assert_eq!(actors[1]["sector"], "GOV");
    assert_eq!(actors[0]["entity_text"], "Algerian and Malian officials");
    assert_eq!(consult["recipient"][0]["code"], "FRA");
    assert_eq!(consult["quad_code"], 1);
    assert_eq!(consult["event_scale"], 1.0);
    assert_eq!(consult["cameo"], "040");
    assert_eq!(consult["context"], serde_json::json!(["borders"]));
    assert_eq!(consult["mode"], serde_json::json!([]));
    assert_eq!(consult["event_text"], serde_json::json!(["met"]));
    assert_eq!(consult["text_info"]["sequence"], 1);
    assert_eq!(consult["text_info"]["start"], start);
    assert_eq!(consult["text_info"]["end"], end);
    assert_eq!(consult["num_articles"], 2);
    assert_eq!(consult["num_sources"], 2);
    assert_eq!(consult["attribution"], "outlet");
    assert_eq!(consult["certainty"], "asserted");
    assert_eq!(consult["rule"], "test");
    assert!(consult.get("event_loc").is_none());
    let cite = &consult["cite_info"];
    assert_eq!(
        cite["url"],
        "https://www.reuters.com/world/africa/algeria-mali-talks"
    );
    assert_eq!(cite["publication"], "reuters.com");
    assert_eq!(cite["publication_date"], "2025-01-14");
    assert_eq!(
        cite["title"],
        "Algeria and Mali hold border talks with France"
    );
    assert_eq!(cite["language"], "en");
    assert_eq!(cite["citation"], "reuters-001");
    assert!(consult["coder"]
        .as_str()
        .is_some_and(|c| c.starts_with("griot ")));

    // Evidence, in text order, matches the evidence table row for row.
    let stored: Vec<(String, i64, i64, String)> = {
        let conn = f.store.connection();
        let mut stmt = conn
            .prepare(
                "SELECT role, start, end, text FROM evidence WHERE event_id = ?1 ORDER BY start",
            )
            .expect("prepare");
        stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    let exported: Vec<(String, i64, i64, String)> = consult["evidence"]
        .as_array()
        .expect("evidence list")
        .iter()
        .map(|e| {
            (
                e["role"].as_str().unwrap_or_default().to_string(),
                e["start"].as_i64().unwrap_or(-1),
                e["end"].as_i64().unwrap_or(-1),
                e["text"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(exported, stored);
    assert!(exported.iter().any(|e| e.0 == "trigger" && e.3 == "met"));

    let assault = by_event(&events, "ASSAULT");
    let loc = &assault["event_loc"];
    assert_eq!(loc["resolved_place"], "Gao");
    assert_eq!(loc["city"], "Gao");
    assert_eq!(loc["geonameid"], 2457163);
    assert_eq!(loc["lat"], 16.27167);
    assert_eq!(loc["lon"], -0.04061);
    assert_eq!(loc["country_code"], "MLI");
    assert_eq!(loc["feature_class"], "P");
    assert_eq!(loc["resolution"], 4);
    assert_eq!(assault["event_scale"], -10.0);
    assert_eq!(assault["mode"], serde_json::json!(["firearms"]));
    assert_eq!(assault["certainty"], "reported");
    assert_eq!(
        assault["attribution"],
        serde_json::json!({"text": "the army", "code": "MLI", "sector": "MIL"})
    );
    let rebels = &assault["recipient"][0];
    assert!(rebels.get("code").is_none(), "an unknown code is left out");
    assert_eq!(rebels["sector"], "REB");
    assert_eq!(rebels["ethnicity"], "Tuareg");
    assert_eq!(assault["num_articles"], 1);

    let accuse = by_event(&events, "ACCUSE");
    assert_eq!(accuse["date"], "2025-02", "a month stays a month");
    assert_eq!(accuse["date_precision"], "month");
    assert_eq!(accuse["actor"][0]["office"], "Interior Minister");
    assert!(accuse["actor"][0].get("title").is_none());
    assert_eq!(accuse["attribution"]["text"], "the ministry");
    assert_eq!(accuse["attribution"]["code"], "NER");
    assert!(accuse["cite_info"].get("url").is_none());
    let trigger = accuse["evidence"]
        .as_array()
        .and_then(|e| e.iter().find(|e| e["role"] == "trigger"))
        .expect("trigger evidence");
    assert_eq!(trigger["text"], "accused");
}

fn gdelt_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    std::str::from_utf8(bytes)
        .expect("utf-8")
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn col(name: &str) -> usize {
    GDELT_COLUMNS
        .iter()
        .position(|c| *c == name)
        .unwrap_or_else(|| panic!("no GDELT column {name}"))
}

#[test]
fn gdelt_tsv_has_61_columns_and_typed_values() {
    let f = fixture();
    let (n, bytes) = export(&f.store, ExportFormat::Gdelt, &Filter::default());
    let rows = gdelt_rows(&bytes);
    assert_eq!(n, 3);
    assert_eq!(rows.len(), 3);
    let numeric = [
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        "IsRootEvent",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
        "ActionGeo_Type",
        "ActionGeo_Lat",
        "ActionGeo_Long",
        "ActionGeo_FeatureID",
        "DATEADDED",
    ];
    for row in &rows {
        assert_eq!(row.len(), 61, "{row:?}");
        for name in numeric {
            let v = &row[col(name)];
            assert!(v.is_empty() || v.parse::<f64>().is_ok(), "{name} = {v:?}");
        }
    }

    let (consult_id, ..) = stored_trigger(&f.store, "CONSULT");
    let consult = rows
        .iter()
        .find(|r| r[col("GLOBALEVENTID")] == consult_id.to_string())
        .expect("consult row");
    assert_eq!(consult[col("SQLDATE")], "20250114");
    assert_eq!(consult[col("MonthYear")], "202501");
    assert_eq!(consult[col("Year")], "2025");
    let fraction: f64 = consult[col("FractionDate")].parse().expect("number");
    assert!((fraction - (2025.0 + 44.0 / 365.0)).abs() < 1e-4);
    assert_eq!(consult[col("Actor1Code")], "DZAGOV");
    assert_eq!(consult[col("Actor1Name")], "ALGERIAN AND MALIAN OFFICIALS");
    assert_eq!(consult[col("Actor1CountryCode")], "DZA");
    assert_eq!(consult[col("Actor1Type1Code")], "GOV");
    assert_eq!(consult[col("Actor2Code")], "FRAGOV");
    assert_eq!(consult[col("IsRootEvent")], "1");
    assert_eq!(consult[col("EventCode")], "040");
    assert_eq!(consult[col("EventBaseCode")], "040");
    assert_eq!(consult[col("EventRootCode")], "04");
    assert_eq!(consult[col("QuadClass")], "1");
    assert_eq!(
        consult[col("GoldsteinScale")].parse::<f64>().ok(),
        Some(1.0)
    );
    assert_eq!(consult[col("NumMentions")], "2");
    assert_eq!(consult[col("NumArticles")], "2");
    assert_eq!(consult[col("NumSources")], "2");
    // Mean of the two reporting documents' tone, one of which is 0.
    let tones: Vec<f64> = {
        let conn = f.store.connection();
        let mut stmt = conn
            .prepare("SELECT tone FROM documents WHERE doc_id IN ('reuters-001', 'aljazeera-002')")
            .expect("prepare");
        stmt.query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    let mean = tones.iter().sum::<f64>() / tones.len() as f64;
    assert!(mean < 0.0);
    let tone: f64 = consult[col("AvgTone")].parse().expect("tone");
    assert!((tone - mean).abs() < 1e-3, "{tone} vs {mean}");
    assert_eq!(consult[col("ActionGeo_Type")], "");
    assert_eq!(consult[col("DATEADDED")], "20250114000000");
    assert_eq!(
        consult[col("SOURCEURL")],
        "https://www.reuters.com/world/africa/algeria-mali-talks"
    );

    let assault = rows
        .iter()
        .find(|r| r[col("EventCode")] == "190")
        .expect("assault row");
    assert_eq!(assault[col("Actor2Code")], "REB");
    assert_eq!(assault[col("Actor2CountryCode")], "");
    assert_eq!(assault[col("Actor2EthnicCode")], "Tuareg");
    assert_eq!(assault[col("IsRootEvent")], "0");
    assert_eq!(assault[col("ActionGeo_Type")], "4");
    assert_eq!(assault[col("ActionGeo_FullName")], "Gao");
    assert_eq!(
        assault[col("ActionGeo_CountryCode")],
        "",
        "no lookup, no code"
    );
    assert_eq!(
        assault[col("ActionGeo_Lat")].parse::<f64>().ok(),
        Some(16.27167)
    );
    assert_eq!(
        assault[col("ActionGeo_Long")].parse::<f64>().ok(),
        Some(-0.04061)
    );
    assert_eq!(assault[col("ActionGeo_FeatureID")], "2457163");
    assert!(assault[col("Actor1Geo_Type")].is_empty());

    let accuse = rows
        .iter()
        .find(|r| r[col("EventCode")] == "112")
        .expect("accuse row");
    assert_eq!(accuse[col("SQLDATE")], "", "no day to write");
    assert_eq!(accuse[col("MonthYear")], "202502");
    assert_eq!(accuse[col("FractionDate")], "");
    assert_eq!(accuse[col("EventBaseCode")], "112");
    assert_eq!(accuse[col("EventRootCode")], "11");
    assert_eq!(
        accuse[col("Actor1Name")],
        "INTERIOR MINISTER MOHAMED TOUMBA"
    );
    assert_eq!(accuse[col("SOURCEURL")], "apa-003", "no URL: the doc id");
    assert_eq!(accuse[col("DATEADDED")], "20250302000000");
}

#[test]
fn gdelt_header_and_country_lookup_are_options() {
    let f = fixture();
    let lookup = |iso3: &str| (iso3 == "MLI").then(|| "ML".to_string());
    let options = ExportOptions {
        header: true,
        country_alpha2: Some(&lookup),
    };
    let mut out = Vec::new();
    let n = f
        .store
        .export_with(ExportFormat::Gdelt, &Filter::default(), &options, &mut out)
        .expect("export");
    let rows = gdelt_rows(&out);
    assert_eq!(n, 3, "the header is not an event");
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0], GDELT_COLUMNS);
    let assault = rows
        .iter()
        .find(|r| r[col("EventCode")] == "190")
        .expect("assault row");
    assert_eq!(assault[col("ActionGeo_CountryCode")], "ML");
}

#[test]
fn gdelt_columns_match_the_reference_labels() {
    // The reference file sits beside the repository; skip quietly where it is not checked out.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "../../../shared/reference/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv",
    );
    let Ok(mut reader) = csv::Reader::from_path(&path) else {
        return;
    };
    let labels: Vec<String> = reader
        .records()
        .map(|r| r.expect("record")[0].to_string())
        .collect();
    assert_eq!(labels, GDELT_COLUMNS);
}

/// `griot query`'s event table as strings, keyed by event id.
fn listing(store: &Store, filter: &Filter) -> Vec<Vec<String>> {
    let table = store.events(filter).expect("events");
    assert_eq!(table.columns, EVENT_COLUMNS);
    table
        .rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|v| match v {
                    Value::Null => String::new(),
                    Value::String(s) => s,
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// Equal as text, or as numbers (the export prints 1.0 as `1`).
fn same(a: &str, b: &str) -> bool {
    a == b || matches!((a.parse::<f64>(), b.parse::<f64>()), (Ok(x), Ok(y)) if (x - y).abs() < 1e-6)
}

#[test]
fn csv_matches_the_query_listing() {
    let f = fixture();
    let (n, bytes) = export(&f.store, ExportFormat::Csv, &Filter::default());
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers: Vec<String> = reader
        .headers()
        .expect("header row")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(headers, EVENT_COLUMNS);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect();
    assert_eq!(n, 3);
    let expected = listing(&f.store, &Filter::default());
    assert_eq!(rows.len(), expected.len());
    for (got, want) in rows.iter().zip(&expected) {
        for ((g, w), c) in got.iter().zip(want).zip(EVENT_COLUMNS) {
            assert!(same(g, w), "{c}: {g:?} vs {w:?}");
        }
    }
    let source = EVENT_COLUMNS
        .iter()
        .position(|c| *c == "source")
        .expect("source");
    assert_eq!(rows[0][source], "DZA:GOV+MLI:GOV");
    let goldstein = EVENT_COLUMNS
        .iter()
        .position(|c| *c == "goldstein")
        .expect("goldstein");
    assert_eq!(rows[1][goldstein], "-10");
}

fn read_parquet(bytes: Vec<u8>) -> (usize, Vec<arrow_array::RecordBatch>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("events.parquet");
    std::fs::write(&path, bytes).expect("write parquet");
    let file = std::fs::File::open(&path).expect("open parquet");
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).expect("parquet footer");
    let groups = builder.metadata().num_row_groups();
    let batches = builder
        .build()
        .expect("reader")
        .collect::<Result<Vec<_>, _>>()
        .expect("batches");
    (groups, batches)
}

fn column<'a, T: 'static>(batch: &'a arrow_array::RecordBatch, name: &str) -> &'a T {
    batch
        .column_by_name(name)
        .and_then(|c| c.as_any().downcast_ref::<T>())
        .unwrap_or_else(|| panic!("column {name} of the expected type"))
}

#[test]
fn parquet_reads_back_typed() {
    let f = fixture();
    let (n, bytes) = export(&f.store, ExportFormat::Parquet, &Filter::default());
    assert_eq!(&bytes[..4], b"PAR1");
    let (groups, batches) = read_parquet(bytes);
    assert_eq!(n, 3);
    assert_eq!(groups, 1);
    let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(rows, 3);
    let batch = &batches[0];
    let schema = batch.schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(names, EVENT_COLUMNS);

    let expected = listing(&f.store, &Filter::default());
    let ids = column::<Int64Array>(batch, "event_id");
    for (i, want) in expected.iter().enumerate() {
        assert_eq!(ids.value(i).to_string(), want[0]);
    }
    let goldstein = column::<Float64Array>(batch, "goldstein");
    assert_eq!(goldstein.value(0), 1.0);
    assert_eq!(goldstein.value(1), -10.0);
    let lat = column::<Float64Array>(batch, "lat");
    assert!(lat.is_null(0));
    assert_eq!(lat.value(1), 16.27167);
    let geonames = column::<Int64Array>(batch, "geonames_id");
    assert_eq!(geonames.value(1), 2457163);
    let source = column::<StringArray>(batch, "source");
    assert_eq!(source.value(0), "DZA:GOV+MLI:GOV");
    let url = column::<StringArray>(batch, "url");
    assert!(url.is_null(2));
    let articles = column::<Int64Array>(batch, "num_articles");
    assert_eq!(articles.value(0), 2);
}

#[test]
fn parquet_splits_large_exports_into_row_groups() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("big.db")).expect("open");
    let mut doc = niger();
    let template = doc.events[0].clone();
    let total = griot_store::export::ROW_GROUP_ROWS + 5;
    doc.events = (0..total)
        .map(|i| Event {
            sentence: i,
            ..template.clone()
        })
        .collect();
    let mut batch = store.batch().expect("batch");
    batch
        .insert(&NewDocument {
            doc: &doc,
            name: "big",
            sketch: None,
            duplicate_of: None,
        })
        .expect("insert");
    batch.commit().expect("commit");

    let (n, bytes) = export(&store, ExportFormat::Parquet, &Filter::default());
    let (groups, batches) = read_parquet(bytes);
    assert_eq!(n, total);
    assert_eq!(groups, 2);
    let sentences: Vec<i64> = batches
        .iter()
        .flat_map(|b| column::<Int64Array>(b, "sentence").values().to_vec())
        .collect();
    assert_eq!(sentences, (0..total as i64).collect::<Vec<_>>());
}

#[test]
fn geojson_has_only_located_events() {
    let f = fixture();
    let (n, bytes) = export(&f.store, ExportFormat::GeoJson, &Filter::default());
    let doc: Value = serde_json::from_slice(&bytes).expect("valid JSON");
    assert_eq!(doc["type"], "FeatureCollection");
    let features = doc["features"].as_array().expect("features");
    assert_eq!(n, 1);
    assert_eq!(features.len(), 1);
    let feature = &features[0];
    assert_eq!(feature["type"], "Feature");
    assert_eq!(feature["geometry"]["type"], "Point");
    assert_eq!(
        feature["geometry"]["coordinates"],
        serde_json::json!([-0.04061, 16.27167]),
        "GeoJSON puts longitude first"
    );
    let props = feature["properties"].as_object().expect("properties");
    let keys: Vec<&str> = props.keys().map(String::as_str).collect();
    let mut columns = EVENT_COLUMNS.to_vec();
    columns.sort_unstable();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, columns);
    assert_eq!(props["type"], "ASSAULT");
    assert_eq!(props["place"], "Gao");
    assert_eq!(props["attribution"], "the army");
    let (id, ..) = stored_trigger(&f.store, "ASSAULT");
    assert_eq!(feature["id"], id);
    assert_eq!(props["event_id"], id);
}

#[test]
fn the_filter_selects_what_every_format_writes() {
    let f = fixture();
    let algeria_as_source = Filter {
        source: vec!["DZA".into()],
        ..Filter::default()
    };
    let (n, bytes) = export(&f.store, ExportFormat::Plover, &algeria_as_source);
    let events = plover_lines(&bytes);
    assert_eq!(n, 1);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["event"][0], "CONSULT");
    assert!(events[0]["actor"]
        .as_array()
        .is_some_and(|a| a.iter().any(|e| e["code"] == "DZA")));

    let (n, bytes) = export(&f.store, ExportFormat::Gdelt, &algeria_as_source);
    assert_eq!((n, gdelt_rows(&bytes).len()), (1, 1));
    let (n, bytes) = export(&f.store, ExportFormat::Csv, &algeria_as_source);
    assert_eq!(n, 1);
    assert_eq!(
        csv::Reader::from_reader(bytes.as_slice()).records().count(),
        1
    );
    let (n, bytes) = export(&f.store, ExportFormat::Parquet, &algeria_as_source);
    let (_, batches) = read_parquet(bytes);
    assert_eq!(
        (n, batches.iter().map(|b| b.num_rows()).sum::<usize>()),
        (1, 1)
    );
    let (n, _) = export(&f.store, ExportFormat::GeoJson, &algeria_as_source);
    assert_eq!(n, 0, "the CONSULT has no place");

    let algeria_as_target = Filter {
        target: vec!["DZA".into()],
        ..Filter::default()
    };
    let (_, bytes) = export(&f.store, ExportFormat::Plover, &algeria_as_target);
    let events = plover_lines(&bytes);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["event"][0], "ACCUSE");

    let limited = Filter {
        limit: Some(2),
        ..Filter::default()
    };
    assert_eq!(export(&f.store, ExportFormat::Csv, &limited).0, 2);
}

#[test]
fn an_empty_store_exports_valid_empty_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("empty.db")).expect("open");
    for format in ExportFormat::ALL {
        let (n, bytes) = export(&store, format, &Filter::default());
        assert_eq!(n, 0, "{format}");
        match format {
            ExportFormat::Plover | ExportFormat::Gdelt => assert!(bytes.is_empty()),
            ExportFormat::Csv => assert_eq!(
                String::from_utf8(bytes).expect("utf-8").trim_end(),
                EVENT_COLUMNS.join(",")
            ),
            ExportFormat::Parquet => {
                let (groups, batches) = read_parquet(bytes);
                assert_eq!(groups, 0);
                assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 0);
            }
            ExportFormat::GeoJson => {
                let doc: Value = serde_json::from_slice(&bytes).expect("valid JSON");
                assert_eq!(doc["features"], serde_json::json!([]));
            }
        }
    }
}

/// A sink that refuses every write, like a closed pipe.
struct ClosedPipe;

impl std::io::Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
}

#[test]
fn a_failing_sink_is_an_io_error_in_every_format() {
    let f = fixture();
    for format in ExportFormat::ALL {
        match f.store.export(format, &Filter::default(), &mut ClosedPipe) {
            Err(StoreError::Io(e)) => assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe),
            other => panic!("{format}: expected an I/O error, got {other:?}"),
        }
    }
}
