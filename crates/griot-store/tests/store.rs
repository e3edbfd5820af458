//! The store on hand-built coded documents: idempotent writes, near-duplicate links, filters,
//! group counts, and refusal of databases it does not understand.

use griot_model::ontology::PloverType;
use griot_model::{Actor, Attribution, Certainty, Document, Event, Evidence, Span};
use griot_store::{Filter, Inserted, NewDocument, Store, StoreError};

fn actor(text: &str, code: &str, sector: Option<&str>) -> Actor {
    Actor {
        text: text.into(),
        code: Some(code.into()),
        sector: sector.map(String::from),
        ..Actor::default()
    }
}

fn span_of(text: &str, needle: &str) -> Span {
    let byte = text.find(needle).unwrap_or(0);
    let start = text[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

/// "Algeria is suspected of backing rebels in Mali, protesters said. Mali arrested soldiers."
fn document(extra: &str) -> Document {
    let text = format!(
        "Algeria is suspected of backing rebels in northern Mali, the protesters said. \
         Malian authorities arrested dozens of soldiers.{extra}"
    );
    let support = Event {
        sentence: 0,
        kind: PloverType::Support,
        mode: None,
        contexts: vec![],
        cameo: Some("070".into()),
        goldstein: Some(7.0),
        quad_class: Some(2),
        intensity: None,
        source: vec![actor("Algeria", "DZA", None)],
        target: vec![actor("rebels in northern Mali", "MLI", Some("REB"))],
        location: None,
        date: None,
        certainty: Certainty::Suspected,
        attribution: Attribution::Claimant {
            text: "the protesters".into(),
            actor: None,
            span: Some(span_of(&text, "the protesters")),
        },
        negated: false,
        evidence: Evidence {
            trigger: span_of(&text, "backing"),
            source: vec![span_of(&text, "Algeria")],
            target: vec![span_of(&text, "rebels in northern Mali")],
        },
        rule: "SUPPORT.back".into(),
    };
    let arrest = Event {
        sentence: 1,
        kind: PloverType::Coerce,
        mode: Some("arrest".into()),
        cameo: Some("173".into()),
        goldstein: Some(-5.0),
        quad_class: Some(4),
        source: vec![actor("Malian authorities", "MLI", Some("GOV"))],
        target: vec![actor("soldiers", "MLI", Some("MIL"))],
        certainty: Certainty::Asserted,
        attribution: Attribution::Outlet,
        evidence: Evidence {
            trigger: span_of(&text, "arrested"),
            source: vec![span_of(&text, "Malian authorities")],
            target: vec![span_of(&text, "soldiers")],
        },
        rule: "ARREST.arrest".into(),
        ..support.clone()
    };
    let hash = format!("{:032x}", text.len() * 7919 + extra.len());
    Document {
        id: hash.clone(),
        content_hash: hash,
        title: Some("Mali arrests soldiers".into()),
        text,
        events: vec![support, arrest],
        ..Document::default()
    }
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("griot.db")).expect("open store");
    (dir, store)
}

#[test]
fn the_same_document_twice_is_stored_once() {
    let (_dir, mut store) = store();
    let doc = document("");
    for round in 0..2 {
        let mut batch = store.batch().expect("batch");
        let got = batch
            .insert(&NewDocument {
                doc: &doc,
                name: "a.txt#1",
                sketch: None,
                duplicate_of: None,
            })
            .expect("insert");
        batch.commit().expect("commit");
        match (round, got) {
            (0, Inserted::New { events, linked, .. }) => assert_eq!((events, linked), (2, 0)),
            (1, Inserted::Known { .. }) => {}
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    let counts = store.counts().expect("counts");
    assert_eq!(counts.documents, 1);
    assert_eq!(counts.events, 2);
    assert_eq!(counts.sightings, 1);
}

#[test]
fn a_near_duplicate_reports_the_same_events_again() {
    let (_dir, mut store) = store();
    let first = document("");
    let copy = document(" The army denied it.");
    let mut batch = store.batch().expect("batch");
    let Inserted::New { id, .. } = batch
        .insert(&NewDocument {
            doc: &first,
            name: "a#1",
            sketch: None,
            duplicate_of: None,
        })
        .expect("insert")
    else {
        panic!("first copy not stored");
    };
    let got = batch
        .insert(&NewDocument {
            doc: &copy,
            name: "b#1",
            sketch: None,
            duplicate_of: Some((id, 0.9)),
        })
        .expect("insert copy");
    batch.commit().expect("commit");
    assert!(matches!(
        got,
        Inserted::New {
            events: 0,
            linked: 2,
            ..
        }
    ));
    let rows = store.events(&Filter::default()).expect("events");
    assert_eq!(rows.rows.len(), 2, "no new events for the copy");
    let articles = rows
        .columns
        .iter()
        .position(|c| c == "num_articles")
        .expect("column");
    assert!(rows.rows.iter().all(|r| r[articles] == 2));
}

#[test]
fn filters_and_groups_answer_the_algeria_question() {
    let (_dir, mut store) = store();
    let doc = document("");
    let mut batch = store.batch().expect("batch");
    batch
        .insert(&NewDocument {
            doc: &doc,
            name: "a#1",
            sketch: None,
            duplicate_of: None,
        })
        .expect("insert");
    batch.commit().expect("commit");

    let filter = Filter {
        source: vec!["DZA".into()],
        target: vec!["MLI".into()],
        ..Filter::default()
    };
    let grouped = store
        .group(
            &filter,
            &["type".into(), "certainty".into(), "attribution".into()],
        )
        .expect("group");
    assert_eq!(
        grouped.columns,
        ["type", "certainty", "attribution", "events"]
    );
    assert_eq!(grouped.rows.len(), 1);
    assert_eq!(grouped.rows[0][0], "SUPPORT");
    assert_eq!(grouped.rows[0][1], "suspected");
    assert_eq!(grouped.rows[0][2], "the protesters");

    let by_sector = Filter {
        target: vec!["MLI:MIL".into()],
        ..Filter::default()
    };
    let rows = store.events(&by_sector).expect("events");
    assert_eq!(rows.rows.len(), 1);
    let fts = Filter {
        text: Some("soldiers".into()),
        certainty: vec!["asserted".into()],
        ..Filter::default()
    };
    assert_eq!(store.events(&fts).expect("fts").rows.len(), 1);
    let nothing = Filter {
        text: Some("earthquake".into()),
        ..Filter::default()
    };
    assert!(store.events(&nothing).expect("fts").rows.is_empty());
    assert!(store.group(&Filter::default(), &["colour".into()]).is_err());
}

#[test]
fn newer_and_foreign_databases_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let newer = dir.path().join("newer.db");
    drop(Store::open(&newer).expect("create"));
    {
        let conn = rusqlite::Connection::open(&newer).expect("raw open");
        conn.pragma_update(None, "user_version", 99).expect("bump");
    }
    assert!(matches!(
        Store::open(&newer),
        Err(StoreError::TooNew { found: 99, .. })
    ));
    assert!(matches!(
        Store::open_read_only(&newer),
        Err(StoreError::TooNew { .. })
    ));

    let foreign = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&foreign).expect("raw open");
        conn.execute_batch("CREATE TABLE people (name TEXT)")
            .expect("create");
    }
    assert!(matches!(
        Store::open(&foreign),
        Err(StoreError::NotGriot { .. })
    ));
}
