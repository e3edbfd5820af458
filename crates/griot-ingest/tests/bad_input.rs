//! Inputs that must be skipped with a clear reason, or decoded despite flaws, never a panic.

use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use griot_ingest::{
    load_bytes, load_bytes_with_notes, load_path, load_reader, IngestOptions, Loaded, Skip,
    SkipReason, DEFAULT_MAX_BYTES,
};
use griot_model::Document;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn only_skip(loaded: &[Loaded]) -> &Skip {
    match loaded {
        [Loaded::Skipped(skip)] => skip,
        other => panic!("expected one skip, got {other:?}"),
    }
}

fn only_doc(loaded: &[Loaded]) -> &Document {
    match loaded {
        [Loaded::Doc(doc)] => doc,
        other => panic!("expected one document, got {other:?}"),
    }
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("empty.txt");
    File::create(&path).unwrap_or_else(|e| panic!("create: {e}"));
    let loaded = load_path(&path, &IngestOptions::default()).unwrap_or_default();
    let skip = only_skip(&loaded);
    assert_eq!(skip.reason, SkipReason::Empty);
    assert_eq!(skip.reason.exit_code(), 3);
    assert_eq!(skip.name, path.display().to_string());
}

#[test]
fn whitespace_only() {
    for name in ["blank.txt", "blank.html", "blank.jsonl", "blank"] {
        let loaded = load_bytes(name, b" \n\t \r\n  \n", &IngestOptions::default());
        assert_eq!(only_skip(&loaded).reason, SkipReason::Empty, "{name}");
    }
}

#[test]
fn binary_file() {
    // A few KB that look like a compressed or image file: NULs and high bytes.
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 37 % 256) as u8).collect();
    for name in ["photo.txt", "page.html", "data.jsonl", "blob"] {
        let loaded = load_bytes(name, &bytes, &IngestOptions::default());
        let skip = only_skip(&loaded);
        assert_eq!(skip.reason, SkipReason::Binary, "{name}");
        assert_eq!(skip.reason.exit_code(), 4);
        assert_eq!(skip.to_string(), format!("{name}: skipped: binary file"));
    }
}

#[test]
fn stray_byte_in_utf8_is_decoded() {
    let mut bytes = "Gunmen attacked a convoy near Ménaka on Sunday.\n"
        .as_bytes()
        .to_vec();
    bytes.insert(10, 0xFF);
    let outcome = load_bytes_with_notes("stray.txt", &bytes, &IngestOptions::default());
    let doc = only_doc(&outcome.loaded);
    assert_eq!(doc.text, "Gunmen attacked a convoy near Ménaka on Sunday.");
    assert_eq!(outcome.notes.len(), 1);
    assert!(outcome.notes[0].to_string().contains("invalid UTF-8"));
}

#[test]
fn latin1_text_is_read_correctly() {
    let text = "Ménaka, Tombouctou, côte: the army reported fighting near Ménaka again.";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err());
    let outcome = load_bytes_with_notes("latin1.txt", &bytes, &IngestOptions::default());
    let doc = only_doc(&outcome.loaded);
    assert_eq!(doc.text, text);
    let notes: Vec<String> = outcome.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        ["note: latin1.txt: input is not UTF-8; decoded as windows-1252 (guessed)"]
    );
}

#[test]
fn huge_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("huge.html");
    let file = File::create(&path).unwrap_or_else(|e| panic!("create: {e}"));
    let size = 100 * 1024 * 1024;
    file.set_len(size)
        .unwrap_or_else(|e| panic!("set_len: {e}"));

    let started = Instant::now();
    let loaded = load_path(&path, &IngestOptions::default()).unwrap_or_default();
    let elapsed = started.elapsed();
    let skip = only_skip(&loaded);
    assert_eq!(
        skip.reason,
        SkipReason::TooLarge {
            bytes: size,
            limit: DEFAULT_MAX_BYTES
        }
    );
    assert_eq!(skip.reason.exit_code(), 5);
    assert!(elapsed < Duration::from_millis(200), "took {elapsed:?}");
    assert_eq!(
        skip.reason.to_string(),
        "skipped: too large (104857600 bytes > 33554432 limit; raise --max-bytes)"
    );
}

/// Counts what the loader pulls from a stream.
struct Counting<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

#[test]
fn huge_stream_is_read_only_to_the_limit() {
    let mut stream = Counting {
        inner: io::repeat(b'a').take(100 * 1024 * 1024),
        read: 0,
    };
    let opts = IngestOptions::default();
    let loaded = load_reader("stdin", &mut stream, &opts).unwrap_or_default();
    assert_eq!(
        only_skip(&loaded).reason,
        SkipReason::TooLarge {
            bytes: opts.max_bytes + 1,
            limit: opts.max_bytes
        }
    );
    assert_eq!(stream.read, opts.max_bytes + 1);
}

#[test]
fn html_without_text() {
    let loaded = load_path(&fixture("no-text.html"), &IngestOptions::default()).unwrap_or_default();
    let skip = only_skip(&loaded);
    assert_eq!(skip.reason, SkipReason::NoText);
    assert_eq!(skip.reason.exit_code(), 3);
}

#[test]
fn french_article() {
    let loaded = load_path(&fixture("french.txt"), &IngestOptions::default()).unwrap_or_default();
    let skip = only_skip(&loaded);
    assert_eq!(skip.reason, SkipReason::Language { code: "fra".into() });
    assert_eq!(skip.reason.exit_code(), 6);
    assert!(skip
        .to_string()
        .ends_with("french.txt: skipped: language fra"));
}

#[test]
fn missing_file_is_an_error() {
    let err = load_path(&fixture("does-not-exist.txt"), &IngestOptions::default());
    assert!(matches!(err, Err(griot_ingest::IngestError::Io { .. })));
}

#[test]
fn directory_is_an_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let err = load_path(dir.path(), &IngestOptions::default());
    assert!(matches!(
        err,
        Err(griot_ingest::IngestError::IsADirectory { .. })
    ));
}

#[test]
fn malformed_inputs_do_not_panic() {
    let inputs: [&[u8]; 7] = [
        b"<html><body><p>unclosed <b>bold <i>italic",
        b"</div></p><<<>>>&&&;",
        b"<!doctype html><table><tr><td>cell<td>cell</table></body></html></html>",
        b"{\"text\": \"\"}\n{\"text\": \"\\u0000\"}\n",
        b"{\"text\":",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE\x00",
    ];
    for bytes in inputs {
        for name in ["x.html", "x.jsonl", "x.txt", "x"] {
            let _ = load_bytes(name, bytes, &IngestOptions::default());
        }
    }
}
