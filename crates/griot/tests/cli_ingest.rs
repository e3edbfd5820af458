//! `griot ingest`, `griot query` and `griot export` end to end on a store in a temp folder:
//! idempotence, resuming after `kill -9`, the Algeria→Mali question on the bundled example,
//! and exports read back.

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn griot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_griot"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("griot binary runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "griot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

/// A JSONL corpus of `n` records, each three sentences of the bundled seed article in an
/// order picked by a fixed linear congruential sequence, with every 25th record an exact
/// repeat of an earlier one: real text, many distinct documents, some duplicates.
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let article = std::fs::read_to_string(examples().join("mali-coup-plot.txt")).expect("seed");
    let flat = article.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentences: Vec<&str> = flat
        .split(". ")
        .map(str::trim)
        .filter(|s| s.split_whitespace().count() >= 6)
        .collect();
    assert!(sentences.len() >= 6, "seed article has sentences");
    let mut state: u64 = 42;
    let mut next = |m: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % m
    };
    let mut lines: Vec<String> = Vec::new();
    for i in 0..n {
        let text = if i % 25 == 24 {
            lines[next(i)].clone()
        } else {
            let picked: Vec<&str> = (0..3).map(|_| sentences[next(sentences.len())]).collect();
            format!("{}. Record {i}.", picked.join(". "))
        };
        lines.push(text);
    }
    let path = dir.join("corpus.jsonl");
    let body: String = lines
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "{}\n",
                serde_json::json!({"id": format!("r{i}"), "text": t})
            )
        })
        .collect();
    std::fs::write(&path, body).expect("write corpus");
    path
}

/// Everything a run leaves in the database that must not depend on being interrupted.
fn dump(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).expect("open db");
    let mut out = Vec::new();
    for sql in [
        "SELECT id, doc_id, content_hash, duplicate_of FROM documents ORDER BY id",
        "SELECT name, document_id FROM sightings ORDER BY name",
        "SELECT * FROM event_rows ORDER BY event_id",
        "SELECT * FROM event_documents ORDER BY event_id, document_id",
        "SELECT name, reason FROM skips ORDER BY name",
    ] {
        let mut stmt = conn.prepare(sql).expect("prepare");
        let n = stmt.column_count();
        let mut rows = stmt.query([]).expect("query");
        while let Some(row) = rows.next().expect("row") {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", row.get_ref(i).expect("cell")))
                .collect();
            out.push(cells.join("|"));
        }
    }
    out
}

fn documents(db: &Path) -> i64 {
    if !db.exists() {
        return 0;
    }
    // A plain connection: a read-only one cannot join a WAL database another process is
    // writing. The table is missing until the schema transaction commits.
    Connection::open(db)
        .and_then(|c| c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0)))
        .unwrap_or(0)
}

#[test]
fn ingesting_twice_stores_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = corpus(dir.path(), 120);
    let db = dir.path().join("twice.db");
    let first = ok(&griot(&[
        "ingest",
        "--db",
        s(&db),
        "--format",
        "json",
        s(&input),
    ]));
    let once = dump(&db);
    let second = ok(&griot(&[
        "ingest",
        "--db",
        s(&db),
        "--format",
        "json",
        s(&input),
    ]));
    assert_eq!(dump(&db), once, "a second ingest changes nothing");
    let first: serde_json::Value = serde_json::from_str(&first).expect("summary json");
    let second: serde_json::Value = serde_json::from_str(&second).expect("summary json");
    assert_eq!(first["read"], 120);
    assert!(first["duplicates"].as_u64().unwrap_or(0) >= 4, "{first}");
    assert!(first["events"].as_u64().unwrap_or(0) > 0, "{first}");
    assert_eq!(second["stored"], 0);
    // Repeats inside the corpus were stored before the second run began, so every document
    // read the second time is "already stored".
    assert_eq!(second["already_stored"], second["read"]);
    assert_eq!(second["duplicates"], 0);
}

#[test]
fn a_killed_ingest_resumes_to_the_same_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = corpus(dir.path(), 3000);
    let whole = dir.path().join("whole.db");
    ok(&griot(&[
        "ingest",
        "--db",
        s(&whole),
        "--batch",
        "8",
        s(&input),
    ]));

    let killed = dir.path().join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_griot"))
        .args([
            "ingest",
            "--db",
            s(&killed),
            "--batch",
            "8",
            "--threads",
            "1",
            s(&input),
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn griot");
    let deadline = Instant::now() + Duration::from_secs(120);
    while documents(&killed) < 16 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let finished_early = child.try_wait().expect("poll child").is_some();
    child.kill().expect("kill -9");
    child.wait().expect("reap");
    assert!(!finished_early, "ingest finished before it could be killed");
    let partial = documents(&killed);
    assert!(partial > 0, "something was committed before the kill");
    assert!(
        partial < documents(&whole),
        "the kill landed mid-ingest ({partial} documents)"
    );

    ok(&griot(&[
        "ingest",
        "--db",
        s(&killed),
        "--batch",
        "8",
        s(&input),
    ]));
    assert_eq!(dump(&killed), dump(&whole));
}

#[test]
fn the_algeria_question_on_the_examples() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("griot.db");
    ok(&griot(&["ingest", "--db", s(&db), s(&examples())]));
    let out = ok(&griot(&[
        "query",
        "--db",
        s(&db),
        "--source",
        "DZA",
        "--target",
        "MLI",
        "--group-by",
        "type,certainty,attribution",
        "--format",
        "json",
    ]));
    let groups: Vec<serde_json::Value> = serde_json::from_str(&out).expect("json");
    // The article reports Algeria's backing of the rebels through "alarming reports": that
    // claim must come out as reported, with its claimant, not as the outlet's assertion.
    let claimed = groups.iter().any(|g| {
        ["reported", "alleged", "suspected"].contains(&g["certainty"].as_str().unwrap_or(""))
            && g["attribution"] != "outlet"
            && g["events"].as_i64().unwrap_or(0) > 0
    });
    assert!(
        claimed,
        "a reported Algeria→Mali claim with its claimant: {groups:?}"
    );
}

#[test]
fn exports_agree_with_the_query() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("griot.db");
    ok(&griot(&["ingest", "--db", s(&db), s(&examples())]));
    let listed = ok(&griot(&["query", "--db", s(&db), "--format", "json"]));
    let events: Vec<serde_json::Value> = serde_json::from_str(&listed).expect("json");
    assert!(events.len() >= 10, "the examples code events");

    let export = |format: &str| -> PathBuf {
        let path = dir.path().join(format!("events.{format}"));
        ok(&griot(&[
            "export",
            "--db",
            s(&db),
            "--format",
            format,
            "-o",
            s(&path),
        ]));
        path
    };
    let plover = std::fs::read_to_string(export("plover")).expect("plover");
    let records: Vec<serde_json::Value> = plover
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(records.len(), events.len());
    for (r, e) in records.iter().zip(&events) {
        assert_eq!(r["event"][0], e["type"], "{r}");
        assert_eq!(r["certainty"], e["certainty"], "{r}");
    }

    let gdelt = std::fs::read_to_string(export("gdelt")).expect("gdelt");
    assert_eq!(gdelt.lines().count(), events.len());
    for line in gdelt.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 61, "{line}");
        assert!(cols[0].parse::<i64>().is_ok(), "GLOBALEVENTID is a number");
    }

    let csv_text = std::fs::read_to_string(export("csv")).expect("csv");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(reader.records().count(), events.len());

    let parquet = std::fs::read(export("parquet")).expect("parquet");
    assert!(parquet.starts_with(b"PAR1") && parquet.ends_with(b"PAR1"));

    let geo: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(export("geojson")).expect("geojson"))
            .expect("geojson parses");
    assert_eq!(geo["type"], "FeatureCollection");
    let located = events.iter().filter(|e| !e["lat"].is_null()).count();
    assert_eq!(geo["features"].as_array().map_or(0, Vec::len), located);
}

#[test]
fn a_newer_database_is_refused_with_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("griot.db");
    ok(&griot(&["ingest", "--db", s(&db), s(&examples())]));
    Connection::open(&db)
        .and_then(|c| c.pragma_update(None, "user_version", 999))
        .expect("bump version");
    let out = griot(&["query", "--db", s(&db)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("newer than this griot"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn a_near_duplicate_counts_as_another_source_not_new_events() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = std::fs::read_to_string(examples().join("mali-coup-plot.txt")).expect("seed");
    let body = article.split_whitespace().collect::<Vec<_>>().join(" ");
    let copy = format!("{body} The ministry of defence declined to comment on Thursday.");
    let input = dir.path().join("wires.jsonl");
    let lines = [
        serde_json::json!({"id": "wire-a", "text": body, "source": "Wire A"}),
        serde_json::json!({"id": "wire-b", "text": copy, "source": "Wire B"}),
    ];
    std::fs::write(
        &input,
        lines.iter().map(|l| format!("{l}\n")).collect::<String>(),
    )
    .expect("write");
    let db = dir.path().join("griot.db");
    let out = ok(&griot(&[
        "ingest",
        "--db",
        s(&db),
        "--format",
        "json",
        s(&input),
    ]));
    let summary: serde_json::Value = serde_json::from_str(&out).expect("summary");
    assert_eq!(summary["stored"], 2);
    assert_eq!(summary["near_duplicates"], 1, "{summary}");
    assert!(
        summary["linked_events"].as_u64().unwrap_or(0) >= 5,
        "{summary}"
    );
    let listed = ok(&griot(&["query", "--db", s(&db), "--format", "json"]));
    let events: Vec<serde_json::Value> = serde_json::from_str(&listed).expect("json");
    assert!(events.iter().any(|e| e["num_articles"] == 2));
    assert!(events
        .iter()
        .all(|e| e["doc_id"] == "wire-a" || e["num_articles"] == 1));
}
