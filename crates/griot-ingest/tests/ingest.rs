//! Good inputs: the seed article, an HTML page, a JSONL file.

use std::path::{Path, PathBuf};
use std::time::Instant;

use griot_ingest::{
    content_hash, load_bytes, load_path, IngestOptions, InputFormat, Loaded, SkipReason,
};
use griot_model::Document;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures").join(name)
}

fn one_doc(path: &Path) -> Document {
    let loaded = load_path(path, &IngestOptions::default());
    match loaded.as_deref() {
        Ok([Loaded::Doc(doc)]) => (**doc).clone(),
        other => panic!(
            "expected one document from {}, got {other:?}",
            path.display()
        ),
    }
}

fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.text.split("\n\n").collect()
}

#[test]
fn seed_article() {
    let path = manifest_dir().join("../../examples/mali-coup-plot.txt");
    let started = Instant::now();
    let doc = one_doc(&path);
    eprintln!("seed article cleaned in {:?}", started.elapsed());

    let title = "Mali: Is Algerian regime involved in coup plot ?";
    assert_eq!(doc.title.as_deref(), Some(title));
    assert_eq!(doc.text.matches(title).count(), 1);
    let paras = paragraphs(&doc);
    assert_eq!(paras[0], title);
    assert_eq!(paras.len(), 11, "title and 10 body paragraphs: {paras:#?}");
    assert!(paras[1].starts_with("Malian authorities have arrested lately dozens of soldiers"));
    assert!(paras[10].starts_with("To restore its eroding regional influence"));
    assert!(!doc.text.contains("CATEGORIES"));
    assert!(!doc.text.contains("Share This"));
    assert!(!doc.text.contains("\n\n\n"));
    assert!(doc.text.contains("country’s military leaders"));
    assert_eq!(doc.language.as_deref(), Some("eng"));

    assert_eq!(doc.content_hash.len(), 32);
    assert!(doc.content_hash.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(doc.id, doc.content_hash);
    assert_eq!(doc.content_hash, content_hash(&doc.text));
    let again = one_doc(&path);
    assert_eq!(again.content_hash, doc.content_hash);
    assert_ne!(content_hash(&format!("{} ", doc.text)), doc.content_hash);
    assert!(doc.sentences.is_empty());
}

#[test]
fn html_article() {
    let path = fixture("sahel-article.html");
    let started = Instant::now();
    let doc = one_doc(&path);
    eprintln!("HTML article cleaned in {:?}", started.elapsed());

    let title = "Niger and Chad agree to joint border patrols";
    assert_eq!(doc.title.as_deref(), Some(title));
    assert_eq!(doc.date.as_deref(), Some("2025-03-14T09:30:00Z"));
    assert_eq!(doc.site.as_deref(), Some("Sahel Ledger"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://www.sahel-ledger.example/2025/03/niger-chad-patrols")
    );
    assert_eq!(doc.byline.as_deref(), Some("Amina Traoré"));
    assert_eq!(doc.language.as_deref(), Some("eng"));

    let paras = paragraphs(&doc);
    assert_eq!(paras.len(), 5, "title and 4 paragraphs: {paras:#?}");
    assert_eq!(paras[0], title);
    assert_eq!(doc.text.matches(title).count(), 1);
    assert!(paras[1].starts_with("NIAMEY — The defence ministers of Niger and Chad"));
    assert!(paras[3].starts_with("“Our enemies do not respect lines on a map"));
    assert!(paras[4].ends_with("to protect civilians during the operations."));
    for chrome in [
        "cookies",
        "Share This",
        "Facebook",
        "Politics",
        "Tags",
        "Related",
        "Drought",
        "All rights reserved",
        "Privacy",
        "By Amina",
    ] {
        assert!(
            !doc.text.contains(chrome),
            "{chrome:?} left in {:?}",
            doc.text
        );
    }
}

#[test]
fn html_by_sniffing_and_metadata_fallbacks() {
    // No extension, no og:site_name: the format is sniffed and the site is the canonical host.
    let html = r#"<html><head><link rel="canonical" href="https://www.ledger.example/a">
        <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",
        "headline": "Army reshuffle announced", "datePublished": "2025-02-01"}]}</script>
        </head><body><article><h1>Army reshuffle announced</h1>
        <p>The transitional government replaced three regional army commanders on Friday,
        state radio reported, in the largest reshuffle since the junta took power.</p>
        <p>No reason was given for the changes.</p></article></body></html>"#;
    let loaded = load_bytes("stdin", html.as_bytes(), &IngestOptions::default());
    let Some(Loaded::Doc(doc)) = loaded.first() else {
        panic!("expected a document, got {loaded:?}");
    };
    assert_eq!(doc.title.as_deref(), Some("Army reshuffle announced"));
    assert_eq!(doc.site.as_deref(), Some("ledger.example"));
    assert_eq!(doc.date.as_deref(), Some("2025-02-01"));
    assert_eq!(paragraphs(doc).len(), 3);
}

#[test]
fn forced_format_wins() {
    let opts = IngestOptions {
        format: Some(InputFormat::Text),
        ..IngestOptions::default()
    };
    let loaded = load_bytes("a.html", b"<p>Troops withdrew.</p>", &opts);
    let Some(Loaded::Doc(doc)) = loaded.first() else {
        panic!("expected a document, got {loaded:?}");
    };
    assert_eq!(doc.text, "<p>Troops withdrew.</p>");
}

#[test]
fn jsonl_records() {
    let path = fixture("records.jsonl");
    let loaded = load_path(&path, &IngestOptions::default()).unwrap_or_default();
    assert_eq!(loaded.len(), 5, "{loaded:#?}");

    let Loaded::Doc(first) = &loaded[0] else {
        panic!("record 1 should load: {:?}", loaded[0]);
    };
    assert_eq!(first.id, "r1");
    assert_eq!(first.title.as_deref(), Some("Floods hit Niamey"));
    assert_eq!(first.date.as_deref(), Some("2025-08-02"));
    assert_eq!(first.url.as_deref(), Some("https://news.example/floods"));
    assert_eq!(first.text.matches("Floods hit Niamey").count(), 1);
    assert_eq!(paragraphs(first).len(), 2);

    let Loaded::Skipped(bad) = &loaded[1] else {
        panic!("line 2 is not JSON: {:?}", loaded[1]);
    };
    assert!(bad.name.ends_with("records.jsonl:2"), "{}", bad.name);
    assert!(matches!(bad.reason, SkipReason::BadRecord { .. }));
    assert_eq!(bad.reason.exit_code(), 7);

    let Loaded::Doc(third) = &loaded[2] else {
        panic!("record 3 should load: {:?}", loaded[2]);
    };
    assert_eq!(third.id, "r3");
    // The title comes from the record only, never from its text.
    assert_eq!(third.title, None);

    let Loaded::Skipped(no_text) = &loaded[3] else {
        panic!("line 5 lacks text: {:?}", loaded[3]);
    };
    assert!(
        no_text.name.ends_with("records.jsonl:5"),
        "{}",
        no_text.name
    );
    assert_eq!(
        no_text.reason,
        SkipReason::BadRecord {
            message: "missing string field `text`".into()
        }
    );

    let Loaded::Doc(last) = &loaded[4] else {
        panic!("record 6 should load: {:?}", loaded[4]);
    };
    assert_eq!(last.id, last.content_hash);
}
