//! Feeds: RSS 2.0, Atom and JSON Feed fixtures, one document per entry.

use std::path::PathBuf;

use griot_ingest::{
    content_hash, load_bytes, load_path, IngestOptions, InputFormat, Loaded, Skip, SkipReason,
};
use griot_model::Document;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name)
}

fn load(name: &str) -> Vec<Loaded> {
    let path = fixture(name);
    load_path(&path, &IngestOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn doc(loaded: &[Loaded], i: usize) -> &Document {
    match loaded.get(i) {
        Some(Loaded::Doc(doc)) => doc,
        other => panic!("entry {} should be a document: {other:?}", i + 1),
    }
}

fn skip(loaded: &[Loaded], i: usize) -> &Skip {
    match loaded.get(i) {
        Some(Loaded::Skipped(skip)) => skip,
        other => panic!("entry {} should be skipped: {other:?}", i + 1),
    }
}

fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.text.split("\n\n").collect()
}

#[test]
fn rss_items_become_documents() {
    let loaded = load("sahel-wire.rss");
    assert_eq!(loaded.len(), 3, "{loaded:#?}");

    // Item 1: HTML content wins over the description.
    let first = doc(&loaded, 0);
    let title = "Niger and Chad agree to joint border patrols";
    assert_eq!(first.title.as_deref(), Some(title));
    assert_eq!(
        first.url.as_deref(),
        Some("https://sahel-wire.example/2025/03/niger-chad-patrols")
    );
    // Fri, 14 Mar 2025 10:30:00 +0100, in the HTML reader's RFC 3339 shape.
    assert_eq!(first.date.as_deref(), Some("2025-03-14T09:30:00Z"));
    assert_eq!(first.site.as_deref(), Some("Sahel Wire"));
    assert_eq!(first.byline.as_deref(), Some("Amina Traoré"));
    assert_eq!(
        paragraphs(first),
        [
            title,
            "NIAMEY — The defence ministers of Niger and Chad agreed on Thursday to launch joint \
             patrols along their shared border, officials said.",
            "The patrols will begin next month and will cover the Lake Chad basin, where armed \
             groups have attacked villages and military posts.",
            "“Our enemies do not respect lines on a map,” Niger’s defence minister told \
             reporters in Niamey.",
        ]
    );
    assert!(!first
        .text
        .contains("Defence ministers agreed on joint patrols."));
    assert_eq!(first.id, first.content_hash);
    assert_eq!(first.content_hash, content_hash(&first.text));
    assert_eq!(first.language.as_deref(), Some("eng"));

    // Item 2: only a description, escaped HTML.
    let second = doc(&loaded, 1);
    assert_eq!(
        second.title.as_deref(),
        Some("Floods cut the road between Gao and Ansongo")
    );
    assert_eq!(second.date.as_deref(), Some("2025-03-15T08:00:00Z"));
    assert_eq!(
        second.url.as_deref(),
        Some("https://sahel-wire.example/2025/03/gao-floods")
    );
    assert_eq!(
        paragraphs(second)[1..],
        [
            "Heavy rain washed away part of the road between Gao and Ansongo on Friday, cutting \
             off several villages, local officials said.",
            "Aid groups said they would try to reach the area by river.",
        ]
    );
    assert!(!second.text.contains("<p>"));

    // Item 3: a title and a link, no text.
    let third = skip(&loaded, 2);
    assert!(
        third.name.ends_with("sahel-wire.rss#entry-3"),
        "{}",
        third.name
    );
    assert_eq!(third.reason, SkipReason::NoText);
}

#[test]
fn atom_entries() {
    let loaded = load("sahel-ledger.atom");
    assert_eq!(loaded.len(), 2, "{loaded:#?}");

    let first = doc(&loaded, 0);
    assert_eq!(
        first.title.as_deref(),
        Some("Mali's transitional council extends its mandate")
    );
    // The alternate link, not the edit link listed before it.
    assert_eq!(
        first.url.as_deref(),
        Some("https://ledger.example/2025/04/mandate")
    );
    // Published (09:15 at +02:00) wins over updated.
    assert_eq!(first.date.as_deref(), Some("2025-04-01T07:15:00Z"));
    // The feed title is typed HTML: its tags go.
    assert_eq!(first.site.as_deref(), Some("Sahel Ledger"));
    assert_eq!(first.byline.as_deref(), Some("Moussa Keita"));
    assert_eq!(paragraphs(first).len(), 3, "{:#?}", paragraphs(first));
    assert!(paragraphs(first)[1].starts_with("BAMAKO — Mali's transitional council voted"));

    // A plain-text summary and only an updated date; its blank line is a paragraph break.
    let second = doc(&loaded, 1);
    assert_eq!(second.date.as_deref(), Some("2025-04-02T08:00:00Z"));
    assert_eq!(
        second.url.as_deref(),
        Some("https://ledger.example/2025/04/schools")
    );
    assert_eq!(
        paragraphs(second),
        [
            "Burkina Faso reopens schools in the east",
            "Authorities in Burkina Faso reopened forty schools in the Est region on Tuesday, \
             two years after attacks by armed groups forced them to close.",
            "Teachers said many families had not yet returned.",
        ]
    );
}

#[test]
fn json_feed_is_sniffed_from_a_json_file() {
    let loaded = load("lake-chad-dispatch.json");
    assert_eq!(loaded.len(), 2, "{loaded:#?}");

    let first = doc(&loaded, 0);
    assert_eq!(
        first.title.as_deref(),
        Some("Fishermen return to Lake Chad islands")
    );
    assert_eq!(
        first.url.as_deref(),
        Some("https://dispatch.example/2025/05/fishermen")
    );
    assert_eq!(first.date.as_deref(), Some("2025-05-02T06:45:00Z"));
    assert_eq!(first.site.as_deref(), Some("Lake Chad Dispatch"));
    assert_eq!(
        paragraphs(first)[2],
        "Traders in Baga said fish prices had already fallen."
    );

    // content_text: plain prose.
    let second = doc(&loaded, 1);
    assert_eq!(second.date.as_deref(), Some("2025-05-03T09:00:00Z"));
    assert_eq!(
        paragraphs(second),
        [
            "Cholera cases fall in Maiduguri",
            "Health officials in Maiduguri said new cholera cases fell by half last week.",
            "The outbreak began in August after floods.",
        ]
    );
}

#[test]
fn feed_markup_is_sniffed_under_any_name() {
    let bytes = std::fs::read(fixture("sahel-wire.rss")).unwrap_or_default();
    for name in ["news.xml", "stdin"] {
        let loaded = load_bytes(name, &bytes, &IngestOptions::default());
        assert_eq!(loaded.len(), 3, "{name}: {loaded:#?}");
        assert_eq!(skip(&loaded, 2).name, format!("{name}#entry-3"));
    }
    // Forced, a feed under an HTML name is still a feed.
    let opts = IngestOptions {
        format: Some(InputFormat::Feed),
        ..IngestOptions::default()
    };
    assert_eq!(load_bytes("page.html", &bytes, &opts).len(), 3);
}

#[test]
fn unparsable_feed_is_one_skip() {
    let broken =
        b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Sahel Wire</title>\
                   <item><title>Cut off";
    let loaded = load_bytes("broken.rss", broken, &IngestOptions::default());
    let [Loaded::Skipped(skip)] = loaded.as_slice() else {
        panic!("expected one skip, got {loaded:?}");
    };
    assert_eq!(skip.name, "broken.rss");
    assert!(
        matches!(&skip.reason, SkipReason::BadFeed { message } if !message.is_empty()),
        "{:?}",
        skip.reason
    );
    assert_eq!(skip.reason.exit_code(), 7);

    let not_a_feed = load_bytes(
        "page.atom",
        b"<html><body><p>Hello</p></body></html>",
        &IngestOptions::default(),
    );
    assert!(matches!(
        not_a_feed.as_slice(),
        [Loaded::Skipped(Skip {
            reason: SkipReason::BadFeed { .. },
            ..
        })]
    ));
}

#[test]
fn empty_feeds() {
    let opts = IngestOptions::default();
    let blank = load_bytes("empty.rss", b"  \n", &opts);
    assert!(matches!(
        blank.as_slice(),
        [Loaded::Skipped(Skip {
            reason: SkipReason::Empty,
            ..
        })]
    ));
    let no_entries = load_bytes(
        "quiet.rss",
        b"<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>",
        &opts,
    );
    assert_eq!(
        no_entries,
        [Loaded::Skipped(Skip {
            name: "quiet.rss".into(),
            reason: SkipReason::NoText
        })]
    );
}
