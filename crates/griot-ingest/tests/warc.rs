//! WARC archives: the hand-written `crawl.warc` fixture, its gzipped twin (made here, one gzip
//! member per record, as crawlers write them), and damaged copies.
//!
//! `crawl.warc` holds, in order: 1 warcinfo, 2 request, 3 HTML response (chunked, windows-1252
//! declared only by the HTTP header, no date of its own), 4 metadata, 5 a 404 response, 6 a PNG
//! response, 7 a text/plain resource. Its Content-Length values are exact: edit with care.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use griot_ingest::{
    load_bytes, load_bytes_with_notes, load_path, load_path_streaming, load_path_with_notes,
    load_reader_with_notes, IngestOptions, InputFormat, Loaded, Outcome, Skip, SkipReason,
};
use griot_model::Document;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/warc/crawl.warc")
}

fn fixture_bytes() -> Vec<u8> {
    std::fs::read(fixture()).unwrap_or_else(|e| panic!("crawl.warc: {e}"))
}

/// The archive split into its records (header, block and the `\r\n\r\n` after it).
fn records(warc: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut rest = warc;
    while !rest.is_empty() {
        let header_end = find(rest, b"\r\n\r\n").unwrap_or_else(|| panic!("no header end")) + 4;
        let header = String::from_utf8_lossy(&rest[..header_end]);
        let length: usize = header
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no Content-Length in {header}"));
        let end = header_end + length + 4;
        out.push(&rest[..end]);
        rest = &rest[end..];
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The archive as a `.warc.gz`: each record its own gzip member.
fn gzip_per_record(warc: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for record in records(warc) {
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        let member = gz
            .write_all(record)
            .and_then(|()| gz.finish())
            .unwrap_or_else(|e| panic!("gzip: {e}"));
        out.extend(member);
    }
    out
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    let mut file = File::create(&path).unwrap_or_else(|e| panic!("create: {e}"));
    file.write_all(bytes)
        .unwrap_or_else(|e| panic!("write: {e}"));
    path
}

fn doc(loaded: &Loaded) -> &Document {
    match loaded {
        Loaded::Doc(doc) => doc,
        other => panic!("expected a document, got {other:?}"),
    }
}

fn skip(loaded: &Loaded) -> &Skip {
    match loaded {
        Loaded::Skipped(skip) => skip,
        other => panic!("expected a skip, got {other:?}"),
    }
}

/// What every full reading of the fixture yields, whatever the route.
fn check_crawl(loaded: &[Loaded], name: &str) {
    assert_eq!(loaded.len(), 3, "{loaded:#?}");

    let page = doc(&loaded[0]);
    assert_eq!(page.title.as_deref(), Some("Talks resume in Ménaka"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://www.sahel-ledger.example/2025/04/menaka-talks")
    );
    // No date in the page: the capture day.
    assert_eq!(page.date.as_deref(), Some("2025-04-02"));
    assert_eq!(page.site.as_deref(), Some("sahel-ledger.example"));
    let paras: Vec<&str> = page.text.split("\n\n").collect();
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert_eq!(paras[0], "Talks resume in Ménaka");
    assert!(
        paras[1].starts_with("MÉNAKA — Community leaders"),
        "{}",
        paras[1]
    );
    assert_eq!(
        paras[3],
        "“Nobody will be forced to go back,” the spokesman said, adding that a second \
         meeting was planned for May."
    );
    for chrome in ["Home", "Politics", "All rights reserved"] {
        assert!(!page.text.contains(chrome), "{chrome:?} in {:?}", page.text);
    }

    let not_found = skip(&loaded[1]);
    assert_eq!(not_found.name, format!("{name}#record-5"));
    assert_eq!(not_found.reason, SkipReason::HttpStatus { code: 404 });
    assert_eq!(not_found.reason.exit_code(), 3);

    let briefing = doc(&loaded[2]);
    assert_eq!(
        briefing.title.as_deref(),
        Some("Security briefing: central Mali")
    );
    assert_eq!(
        briefing.url.as_deref(),
        Some("https://briefings.example/mali/central.txt")
    );
    assert_eq!(briefing.date.as_deref(), Some("2025-04-03"));
    assert_eq!(briefing.site.as_deref(), Some("briefings.example"));
    assert!(briefing
        .text
        .ends_with("The army said it had sent reinforcements to the area."));
}

#[test]
fn plain_warc() {
    let path = fixture();
    let outcome =
        load_path_with_notes(&path, &IngestOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    check_crawl(&outcome.loaded, &path.display().to_string());
    // The page's charset came from the archived HTTP header.
    assert_eq!(outcome.notes.len(), 1, "{:?}", outcome.notes);
    assert_eq!(
        outcome.notes[0].name,
        format!("{}#record-3", path.display())
    );
    assert!(
        outcome.notes[0].message.contains("declared by the server"),
        "{}",
        outcome.notes[0]
    );
}

#[test]
fn gzipped_warc_by_extension_and_by_content() {
    let gz = gzip_per_record(&fixture_bytes());
    // One member per record.
    assert!(gz.windows(2).filter(|w| w == &[0x1f, 0x8b]).count() >= 7);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    for name in ["crawl.warc.gz", "crawl.bin"] {
        let path = write(dir.path(), name, &gz);
        let loaded = load_path(&path, &IngestOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        check_crawl(&loaded, &path.display().to_string());
    }
    check_crawl(
        &load_bytes("crawl.warc.gz", &gz, &IngestOptions::default()),
        "crawl.warc.gz",
    );
}

#[test]
fn streaming_hands_over_one_record_at_a_time() {
    let path = fixture();
    let mut outcomes: Vec<Outcome> = Vec::new();
    load_path_streaming(&path, &IngestOptions::default(), &mut |o| outcomes.push(o))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(outcomes.len(), 3, "{outcomes:#?}");
    assert!(outcomes.iter().all(|o| o.loaded.len() == 1));
    assert_eq!(outcomes[0].notes.len(), 1);
    let loaded: Vec<Loaded> = outcomes.into_iter().flat_map(|o| o.loaded).collect();
    check_crawl(&loaded, &path.display().to_string());

    // Other formats: one call with everything.
    let feed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records.jsonl");
    let mut calls = Vec::new();
    load_path_streaming(&feed, &IngestOptions::default(), &mut |o| calls.push(o))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].loaded.len(), 5);
}

#[test]
fn stdin_is_sniffed_and_streamed() {
    let file = File::open(fixture()).unwrap_or_else(|e| panic!("{e}"));
    let outcome = load_reader_with_notes("-", file, &IngestOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    check_crawl(&outcome.loaded, "-");
}

#[test]
fn max_bytes_is_per_record() {
    let bytes = fixture_bytes();
    // Far below the archive's size, above the 404 and the briefing, below the HTML response.
    let opts = IngestOptions {
        max_bytes: 800,
        ..IngestOptions::default()
    };
    assert!(bytes.len() > 4 * 800);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = write(dir.path(), "crawl.warc", &bytes);
    for loaded in [
        load_path(&path, &opts).unwrap_or_else(|e| panic!("{e}")),
        load_bytes("crawl.warc", &bytes, &opts),
    ] {
        assert_eq!(loaded.len(), 3, "{loaded:#?}");
        let big = skip(&loaded[0]);
        assert!(big.name.ends_with("crawl.warc#record-3"), "{}", big.name);
        assert!(
            matches!(big.reason, SkipReason::TooLarge { bytes, limit: 800 } if bytes > 800),
            "{:?}",
            big.reason
        );
        assert_eq!(
            skip(&loaded[1]).reason,
            SkipReason::HttpStatus { code: 404 }
        );
        assert_eq!(
            doc(&loaded[2]).title.as_deref(),
            Some("Security briefing: central Mali")
        );
    }
}

#[test]
fn truncated_archive_keeps_what_came_before() {
    let bytes = fixture_bytes();
    let parts = records(&bytes);
    // Cut in the middle of record 5 (the 404).
    let cut_at = parts[..4].iter().map(|r| r.len()).sum::<usize>() + parts[4].len() / 2;
    let loaded = load_bytes("cut.warc", &bytes[..cut_at], &IngestOptions::default());
    assert_eq!(loaded.len(), 2, "{loaded:#?}");
    assert_eq!(
        doc(&loaded[0]).title.as_deref(),
        Some("Talks resume in Ménaka")
    );
    let cut = skip(&loaded[1]);
    assert_eq!(cut.name, "cut.warc#record-5");
    assert!(
        matches!(&cut.reason, SkipReason::BadRecord { message } if message.contains("truncated")),
        "{:?}",
        cut.reason
    );
    assert_eq!(cut.reason.exit_code(), 7);

    // Cut inside a header.
    let in_header = parts[..4].iter().map(|r| r.len()).sum::<usize>() + 20;
    let loaded = load_bytes("cut.warc", &bytes[..in_header], &IngestOptions::default());
    assert_eq!(loaded.len(), 2, "{loaded:#?}");
    assert_eq!(skip(&loaded[1]).name, "cut.warc#record-5");

    // The gzipped archive cut in the middle of a member.
    let gz = gzip_per_record(&bytes);
    let loaded = load_bytes(
        "cut.warc.gz",
        &gz[..gz.len() - 40],
        &IngestOptions::default(),
    );
    assert_eq!(
        doc(&loaded[0]).title.as_deref(),
        Some("Talks resume in Ménaka")
    );
    assert!(matches!(
        loaded.last().map(skip).map(|s| &s.reason),
        Some(SkipReason::BadRecord { .. })
    ));
}

#[test]
fn bad_header_stops_the_reading() {
    let bytes = fixture_bytes();
    let parts = records(&bytes);
    let mut damaged = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if i == 3 {
            // Record 4's header loses its colons: not a header any more.
            let mut bad = part.to_vec();
            if let Some(at) = find(&bad, b"WARC-Type:") {
                bad[at + 9] = b' ';
            }
            damaged.extend(bad);
        } else {
            damaged.extend_from_slice(part);
        }
    }
    let loaded = load_bytes("bad.warc", &damaged, &IngestOptions::default());
    assert_eq!(loaded.len(), 2, "{loaded:#?}");
    assert_eq!(
        doc(&loaded[0]).title.as_deref(),
        Some("Talks resume in Ménaka")
    );
    let bad = skip(&loaded[1]);
    assert_eq!(bad.name, "bad.warc#record-4");
    assert!(matches!(bad.reason, SkipReason::BadRecord { .. }));

    // Not a WARC at all, forced: one bad record, no panic, no endless read.
    let opts = IngestOptions {
        format: Some(InputFormat::Warc),
        ..IngestOptions::default()
    };
    let loaded = load_bytes("page.html", b"<html><body>hi</body></html>\n", &opts);
    assert!(matches!(
        loaded.as_slice(),
        [Loaded::Skipped(Skip {
            reason: SkipReason::BadRecord { .. },
            ..
        })]
    ));
}

#[test]
fn missing_record_id_skips_one_record_only() {
    let bytes = fixture_bytes();
    let text = bytes.clone();
    // Record 3 loses its WARC-Record-ID line (same length, renamed header).
    let at = find(
        &text,
        b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000003>",
    )
    .unwrap_or_else(|| panic!("record 3 id"));
    let mut damaged = text;
    damaged[at..at + 14].copy_from_slice(b"X-Was-Record-I");
    let loaded = load_bytes("noid.warc", &damaged, &IngestOptions::default());
    assert_eq!(loaded.len(), 3, "{loaded:#?}");
    assert_eq!(skip(&loaded[0]).name, "noid.warc#record-3");
    assert_eq!(
        skip(&loaded[1]).reason,
        SkipReason::HttpStatus { code: 404 }
    );
    assert!(matches!(loaded[2], Loaded::Doc(_)));
}

#[test]
fn archives_without_pages() {
    let bytes = fixture_bytes();
    let parts = records(&bytes);
    let opts = IngestOptions::default();
    // warcinfo and request only.
    let loaded = load_bytes("meta.warc", &parts[..2].concat(), &opts);
    assert_eq!(
        loaded,
        [Loaded::Skipped(Skip {
            name: "meta.warc".into(),
            reason: SkipReason::NoText
        })]
    );
    let loaded = load_bytes("empty.warc", b"", &opts);
    assert_eq!(
        loaded,
        [Loaded::Skipped(Skip {
            name: "empty.warc".into(),
            reason: SkipReason::Empty
        })]
    );
    // Blank lines between and after records are padding, not damage.
    let padded = [parts[2], b"\r\n\r\n", parts[6], b"\r\n"].concat();
    let outcome = load_bytes_with_notes("padded.warc", &padded, &opts);
    assert_eq!(outcome.loaded.len(), 2, "{:#?}", outcome.loaded);
    assert!(outcome.loaded.iter().all(|l| matches!(l, Loaded::Doc(_))));
}
