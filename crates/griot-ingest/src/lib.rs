//! griot's ingest stage: input files to clean [`Document`]s.
//!
//! # What this crate owns
//!
//! Reading plain text, HTML, JSONL, feeds (RSS, Atom, JSON Feed) and web archives (WARC,
//! plain or gzipped) into [`Document`]s whose `text` is clean: NFC, one paragraph per block
//! separated by a blank line, whitespace collapsed, page chrome ("Share This", "Tags:", cookie
//! notices, … from `data/boilerplate.txt`) dropped, and the title, when there is one, as the
//! first paragraph. It also fills `id`, `content_hash`, `url`, `title`, `byline`, `site`, `date`
//! and `language`, and decides which inputs to leave out: empty, binary or oversized files,
//! pages without text, non-English text, malformed JSONL records, unparsable feeds, archived
//! error pages and corrupt WARC records.
//!
//! It also owns the near-duplicate [`signature`] of a clean text (MinHash over word shingles)
//! and an in-memory [`NearDupIndex`] over such signatures; storing them is the store's job.
//!
//! It does not fetch URLs, walk directories, print, or choose an exit code: the `griot` binary
//! does that. Nor does it split sentences or tag tokens: `sentences` and the later layers stay
//! empty for the reading stage (`griot-text`).
//!
//! # Decisions worth knowing
//!
//! - Format: [`IngestOptions::format`], else the extension (`.html .htm .xhtml`, `.jsonl
//!   .ndjson`, `.txt .text`, `.rss .atom`, `.warc .warc.gz`), else a look at the first bytes
//!   (`WARC/1.`, a gzip member holding one, a `<rss`, `<feed` or `<rdf:RDF` root, a JSON
//!   object whose `version` names jsonfeed.org, markup, JSONL).
//! - One input, many documents: a JSONL line, a feed entry and a WARC record are each one
//!   document or one [`Skip`], named `file:LINE`, `file#entry-N` and `file#record-N`.
//! - Encoding: UTF-8 (BOM stripped) as is; UTF-16 with a BOM; the charset of an archived HTTP
//!   response; HTML's declared charset; mostly valid UTF-8 with stray bytes loses the stray
//!   bytes; anything else is guessed with `chardetng`. Feeds are decoded by their own XML
//!   declaration. Every assumption made is returned as a [`Note`] for the binary to print
//!   (the `*_with_notes` variants of the load functions).
//! - Size: [`IngestOptions::max_bytes`] bounds each file, except a WARC archive, where it
//!   bounds each record: archives run to gigabytes and are read record by record
//!   ([`load_path_streaming`]), never whole.
//! - Title: HTML takes it from metadata, JSONL from the record's `title`, feeds from the entry
//!   title, plain text from a short first line that is not a sentence. A repeat of the title at
//!   the top of the body is dropped.
//! - Dates are kept as the source gave them (HTML, JSONL); feed dates are RFC 3339 in UTC
//!   (`2025-03-14T09:30:00Z`); an archived page without a date of its own gets the capture day
//!   (`WARC-Date`, `2025-03-14`).
//! - Language: texts under 20 words, or not reliably identified, get `language = None` and
//!   are kept as English.
//! - `id` is a JSONL record's own `id`, else [`content_hash`] of the clean text.
//!
//! # Exit codes
//!
//! Each [`SkipReason`] maps to the exit code the binary uses when that is the outcome:
//!
//! | code | meaning |
//! |------|---------|
//! | 0 | ok (binary) |
//! | 1 | I/O error (binary; [`IngestError`]) |
//! | 2 | usage (binary) |
//! | 3 | empty input, no text, or an archived non-2xx response ([`SkipReason::Empty`], [`SkipReason::NoText`], [`SkipReason::HttpStatus`]) |
//! | 4 | binary or undecodable ([`SkipReason::Binary`]) |
//! | 5 | too large ([`SkipReason::TooLarge`]) |
//! | 6 | not English ([`SkipReason::Language`]) |
//! | 7 | bad JSONL or WARC record, or unparsable feed ([`SkipReason::BadRecord`], [`SkipReason::BadFeed`]) |

mod boilerplate;
mod clean;
mod decode;
mod feed;
mod format;
mod hash;
mod html;
mod jsonl;
mod language;
mod sketch;
mod skip;
mod warc;

use std::fmt;
use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use griot_model::Document;

pub use format::{InputFormat, UnknownFormat};
pub use hash::content_hash;
pub use sketch::{estimated_similarity, signature, NearDupIndex, Signature, NEAR_DUP_THRESHOLD};
pub use skip::{Skip, SkipReason};

use clean::{clean, Cleaned, Layout, TitleRule};
use decode::{decode, Unusable};
use language::Language;

/// Default for [`IngestOptions::max_bytes`]: 32 MiB, far beyond any news article.
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

/// Buffer between a WARC archive and its parser: large reads for large files, small next to
/// the records themselves.
const WARC_BUFFER_BYTES: usize = 256 * 1024;

/// How to read inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// Inputs larger than this are skipped unread ([`SkipReason::TooLarge`]). For a WARC
    /// archive the limit applies to each record, not to the archive.
    pub max_bytes: u64,
    /// Force a format instead of going by extension and content.
    pub format: Option<InputFormat>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            format: None,
        }
    }
}

/// One input's outcome: a document, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Doc(Box<Document>),
    Skipped(Skip),
}

/// Something the reader assumed that the user may want to know, e.g. a guessed encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The file name as given (or the record's name, as in [`Skip::name`]).
    pub name: String,
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "note: {}: {}", self.name, self.message)
    }
}

/// The outcomes of one input together with the notes made while reading it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    pub loaded: Vec<Loaded>,
    pub notes: Vec<Note>,
}

impl Outcome {
    fn absorb(&mut self, other: Outcome) {
        self.loaded.extend(other.loaded);
        self.notes.extend(other.notes);
    }
}

/// A real failure to read an input, as opposed to a [`Skip`].
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} is a directory, not a file", path.display())]
    IsADirectory { path: PathBuf },
}

/// Reads a file. The size is checked from metadata first, so an oversized file is refused
/// without reading it.
pub fn load_path(path: &Path, opts: &IngestOptions) -> Result<Vec<Loaded>, IngestError> {
    load_path_with_notes(path, opts).map(|o| o.loaded)
}

/// [`load_path`], with the notes made while reading. A WARC archive is read record by record
/// but its outcomes are all collected; use [`load_path_streaming`] to handle them one by one.
pub fn load_path_with_notes(path: &Path, opts: &IngestOptions) -> Result<Outcome, IngestError> {
    let mut all = Outcome::default();
    load_path_streaming(path, opts, &mut |outcome| all.absorb(outcome))?;
    Ok(all)
}

/// Reads a file and hands its outcomes to `sink` as they come.
///
/// A WARC archive is read from the file record by record, never whole, and `sink` is called
/// once per record that yields something (a document or a skip; `request`, `warcinfo`,
/// `metadata` records and responses that are not HTML or plain text yield nothing), plus once
/// for the file itself when no record yields anything. Every other format is read as by
/// [`load_path_with_notes`] and `sink` is called once.
///
/// An `Err` is an I/O failure of the file itself; outcomes already passed to `sink` stand.
pub fn load_path_streaming(
    path: &Path,
    opts: &IngestOptions,
    sink: &mut dyn FnMut(Outcome),
) -> Result<(), IngestError> {
    let io = |source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    };
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(IngestError::IsADirectory {
            path: path.to_path_buf(),
        });
    }
    let known = opts.format.or_else(|| format::from_extension(&name));
    // Pipes and devices (`/dev/stdin`, `<(…)`) report no useful length; the reader's cap
    // still bounds them.
    let oversized = (meta.is_file() && meta.len() > opts.max_bytes).then_some(meta.len());
    let refuse = |bytes| {
        let limit = opts.max_bytes;
        skipped(&name, SkipReason::TooLarge { bytes, limit })
    };
    // A WARC archive's limit is per record, so only a file known to be something else is
    // refused unread.
    if let (Some(bytes), Some(format)) = (oversized, known) {
        if format != InputFormat::Warc {
            sink(refuse(bytes));
            return Ok(());
        }
    }
    let mut file = File::open(path).map_err(io)?;
    let head = match known {
        Some(_) => Vec::new(),
        None => read_head(&mut file, format::SNIFF_BYTES as u64).map_err(io)?,
    };
    let format = known.unwrap_or_else(|| format::sniff_bytes(&head));
    if format == InputFormat::Warc {
        let input = BufReader::with_capacity(WARC_BUFFER_BYTES, Cursor::new(head).chain(file));
        return warc::read(&name, input, opts, sink).map_err(io);
    }
    if let Some(bytes) = oversized {
        sink(refuse(bytes));
        return Ok(());
    }
    // The file may have grown since the metadata was read; the reader's cap still holds.
    let bytes = read_rest(head, file, opts.max_bytes.saturating_add(1)).map_err(io)?;
    sink(load_bytes_as(&name, &bytes, format, opts));
    Ok(())
}

/// The format a file will be read as: `forced`, else its extension's, else a guess from its
/// first bytes. Lets a caller that parallelises work (the `griot ingest` pipeline) split a
/// JSONL file into lines itself while leaving archives to [`load_path_streaming`].
pub fn file_format(path: &Path, forced: Option<InputFormat>) -> Result<InputFormat, IngestError> {
    let name = path.display().to_string();
    if let Some(format) = forced.or_else(|| format::from_extension(&name)) {
        return Ok(format);
    }
    let io = |source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = File::open(path).map_err(io)?;
    let head = read_head(&mut file, format::SNIFF_BYTES as u64).map_err(io)?;
    Ok(format::sniff_bytes(&head))
}

/// Reads a stream such as stdin, taking at most `max_bytes + 1` bytes from it (per record for
/// a WARC archive, which is read record by record).
pub fn load_reader(
    name: &str,
    r: impl Read,
    opts: &IngestOptions,
) -> Result<Vec<Loaded>, IngestError> {
    load_reader_with_notes(name, r, opts).map(|o| o.loaded)
}

/// [`load_reader`], with the notes made while reading.
pub fn load_reader_with_notes(
    name: &str,
    mut r: impl Read,
    opts: &IngestOptions,
) -> Result<Outcome, IngestError> {
    let io = |source| IngestError::Io {
        path: PathBuf::from(name),
        source,
    };
    let limit = opts.max_bytes.saturating_add(1);
    let head = read_head(&mut r, limit.min(format::SNIFF_BYTES as u64)).map_err(io)?;
    let format = format::choose(name, &head, opts.format);
    if format == InputFormat::Warc {
        let input = BufReader::with_capacity(WARC_BUFFER_BYTES, Cursor::new(head).chain(r));
        let mut all = Outcome::default();
        warc::read(name, input, opts, &mut |outcome| all.absorb(outcome)).map_err(io)?;
        return Ok(all);
    }
    let bytes = read_rest(head, r, limit).map_err(io)?;
    Ok(load_bytes_as(name, &bytes, format, opts))
}

/// Reads an input already in memory. `name` is used for messages and to pick the format by
/// extension.
pub fn load_bytes(name: &str, bytes: &[u8], opts: &IngestOptions) -> Vec<Loaded> {
    load_bytes_with_notes(name, bytes, opts).loaded
}

/// [`load_bytes`], with the notes made while reading.
pub fn load_bytes_with_notes(name: &str, bytes: &[u8], opts: &IngestOptions) -> Outcome {
    let format = format::choose(name, bytes, opts.format);
    load_bytes_as(name, bytes, format, opts)
}

/// Up to `limit` bytes from the start of `r`: enough to sniff the format.
fn read_head(r: &mut impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut head = Vec::new();
    r.take(limit).read_to_end(&mut head)?;
    Ok(head)
}

/// `head` followed by the rest of `r`, `limit` bytes in all at most.
fn read_rest(mut head: Vec<u8>, r: impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let left = limit.saturating_sub(head.len() as u64);
    r.take(left).read_to_end(&mut head)?;
    Ok(head)
}

fn load_bytes_as(name: &str, bytes: &[u8], format: InputFormat, opts: &IngestOptions) -> Outcome {
    let kind = match format {
        // Checked per record, not here: the limit is for documents, and an archive holds many.
        InputFormat::Warc => return load_warc_bytes(name, bytes, opts),
        InputFormat::Text => Kind::Text,
        InputFormat::Html => Kind::Html,
        InputFormat::Jsonl => Kind::Jsonl,
        InputFormat::Feed => Kind::Feed,
    };
    let size = bytes.len() as u64;
    if size > opts.max_bytes {
        return skipped(
            name,
            SkipReason::TooLarge {
                bytes: size,
                limit: opts.max_bytes,
            },
        );
    }
    let decoded = match decode(bytes, matches!(kind, Kind::Html | Kind::Feed)) {
        Ok(d) => d,
        Err(unusable) => return skipped(name, unusable_reason(unusable)),
    };
    match kind {
        Kind::Text | Kind::Html => {
            let (meta, cleaned) = read_document(&decoded.text, kind == Kind::Html);
            Outcome {
                loaded: vec![finish(name, None, meta, cleaned)],
                notes: notes(name, decoded.notes),
            }
        }
        Kind::Jsonl => Outcome {
            loaded: load_records(name, &decoded.text),
            notes: notes(name, decoded.notes),
        },
        // Decoded above only to tell empty and binary input from a bad feed: the feed parser
        // reads the raw bytes by their XML declaration, so the decoder's notes would describe
        // a reading that is not used.
        Kind::Feed => Outcome {
            loaded: load_feed(name, bytes),
            notes: Vec::new(),
        },
    }
}

fn load_warc_bytes(name: &str, bytes: &[u8], opts: &IngestOptions) -> Outcome {
    let mut all = Outcome::default();
    if let Err(e) = warc::read(name, bytes, opts, &mut |outcome| all.absorb(outcome)) {
        // Memory does not fail to read; an error here is one the reader did not classify as
        // corruption, and it still belongs to this input rather than to the caller.
        all.loaded.push(Loaded::Skipped(Skip {
            name: name.to_string(),
            reason: SkipReason::BadRecord {
                message: e.to_string(),
            },
        }));
    }
    all
}

/// The formats read from one buffer holding the whole input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Jsonl,
    Feed,
}

fn unusable_reason(unusable: Unusable) -> SkipReason {
    match unusable {
        Unusable::Empty => SkipReason::Empty,
        Unusable::Binary => SkipReason::Binary,
    }
}

fn notes(name: &str, messages: Vec<String>) -> Vec<Note> {
    messages
        .into_iter()
        .map(|message| Note {
            name: name.to_string(),
            message,
        })
        .collect()
}

/// One page or plain-text document: its metadata and clean text.
fn read_document(text: &str, html: bool) -> (Meta, Option<Cleaned>) {
    if html {
        let page = html::read(text);
        let meta = Meta {
            url: page.url,
            byline: page.byline,
            site: page.site,
            date: page.date,
        };
        (meta, page.cleaned)
    } else {
        let cleaned = clean(text, Layout::Prose, TitleRule::Guess, None);
        (Meta::default(), cleaned)
    }
}

fn load_feed(name: &str, bytes: &[u8]) -> Vec<Loaded> {
    let items = match feed::read(bytes) {
        Ok(items) => items,
        Err(message) => {
            return vec![Loaded::Skipped(Skip {
                name: name.to_string(),
                reason: SkipReason::BadFeed { message },
            })]
        }
    };
    if items.is_empty() {
        return vec![Loaded::Skipped(Skip {
            name: name.to_string(),
            reason: SkipReason::NoText,
        })];
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let entry_name = format!("{name}#entry-{}", i + 1);
            finish(&entry_name, None, item.meta, item.cleaned)
        })
        .collect()
}

fn load_records(name: &str, text: &str) -> Vec<Loaded> {
    let mut loaded = Vec::new();
    for (line, record) in jsonl::records(text) {
        let record_name = format!("{name}:{line}");
        let item = match record {
            Ok(r) => {
                let cleaned = clean(&r.text, Layout::Prose, TitleRule::Given(r.title), None);
                let meta = Meta {
                    url: r.url,
                    date: r.date,
                    ..Meta::default()
                };
                finish(&record_name, r.id, meta, cleaned)
            }
            Err(message) => Loaded::Skipped(Skip {
                name: record_name,
                reason: SkipReason::BadRecord { message },
            }),
        };
        loaded.push(item);
    }
    if loaded.is_empty() {
        // Only blank lines: the file as a whole is empty.
        loaded.push(Loaded::Skipped(Skip {
            name: name.to_string(),
            reason: SkipReason::Empty,
        }));
    }
    loaded
}

/// Document fields other than the text and title.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub url: Option<String>,
    pub byline: Option<String>,
    pub site: Option<String>,
    pub date: Option<String>,
}

/// Language check and the document itself.
pub(crate) fn finish(
    name: &str,
    id: Option<String>,
    meta: Meta,
    cleaned: Option<Cleaned>,
) -> Loaded {
    let Some(cleaned) = cleaned else {
        return Loaded::Skipped(Skip {
            name: name.to_string(),
            reason: SkipReason::NoText,
        });
    };
    let language = language::detect(&cleaned.text);
    if let Language::Other(code) = &language {
        return Loaded::Skipped(Skip {
            name: name.to_string(),
            reason: SkipReason::Language { code: code.clone() },
        });
    }
    let hash = content_hash(&cleaned.text);
    Loaded::Doc(Box::new(Document {
        id: id.unwrap_or_else(|| hash.clone()),
        content_hash: hash,
        url: meta.url,
        title: cleaned.title,
        byline: meta.byline,
        site: meta.site,
        date: meta.date,
        language: language.code(),
        text: cleaned.text,
        ..Document::default()
    }))
}

fn skipped(name: &str, reason: SkipReason) -> Outcome {
    Outcome {
        loaded: vec![Loaded::Skipped(Skip {
            name: name.to_string(),
            reason,
        })],
        notes: Vec::new(),
    }
}
