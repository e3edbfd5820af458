//! griot's ingest stage: input files to clean [`Document`]s.
//!
//! # What this crate owns
//!
//! Reading plain text, HTML and JSONL into [`Document`]s whose `text` is clean: NFC, one
//! paragraph per block separated by a blank line, whitespace collapsed, page chrome ("Share
//! This", "Tags:", cookie notices, … from `data/boilerplate.txt`) dropped, and the title, when
//! there is one, as the first paragraph. It also fills `id`, `content_hash`, `url`, `title`,
//! `byline`, `site`, `date` and `language`, and decides which inputs to leave out:
//! empty, binary or oversized files, pages without text, non-English text, and malformed
//! JSONL records.
//!
//! It does not fetch URLs, walk directories, print, or choose an exit code: the `griot` binary
//! does that. Nor does it split sentences or tag tokens: `sentences` and the later layers stay
//! empty for the reading stage (`griot-text`).
//!
//! # Decisions worth knowing
//!
//! - Format: [`IngestOptions::format`], else the extension (`.html .htm .xhtml`, `.jsonl
//!   .ndjson`, `.txt .text`), else a look at the first bytes.
//! - Encoding: UTF-8 (BOM stripped) as is; UTF-16 with a BOM; HTML's declared charset; mostly
//!   valid UTF-8 with stray bytes loses the stray bytes; anything else is guessed with
//!   `chardetng`. Every assumption made is returned as a [`Note`] for the binary to print
//!   (the `*_with_notes` variants of the load functions).
//! - Title: HTML takes it from metadata, JSONL from the record's `title`, plain text from a
//!   short first line that is not a sentence. A repeat of the title at the top of the body
//!   is dropped.
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
//! | 3 | empty input or no text ([`SkipReason::Empty`], [`SkipReason::NoText`]) |
//! | 4 | binary or undecodable ([`SkipReason::Binary`]) |
//! | 5 | too large ([`SkipReason::TooLarge`]) |
//! | 6 | not English ([`SkipReason::Language`]) |
//! | 7 | bad JSONL record ([`SkipReason::BadRecord`]) |

mod boilerplate;
mod clean;
mod decode;
mod format;
mod hash;
mod html;
mod jsonl;
mod language;
mod skip;

use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use griot_model::Document;

pub use format::{InputFormat, UnknownFormat};
pub use hash::content_hash;
pub use skip::{Skip, SkipReason};

use clean::{clean, Cleaned, Layout, TitleRule};
use decode::{decode, Unusable};
use language::Language;

/// Default for [`IngestOptions::max_bytes`]: 32 MiB, far beyond any news article.
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

/// How to read inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// Inputs larger than this are skipped unread ([`SkipReason::TooLarge`]).
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
    /// The file name as given.
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

/// [`load_path`], with the notes made while reading.
pub fn load_path_with_notes(path: &Path, opts: &IngestOptions) -> Result<Outcome, IngestError> {
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
    // Pipes and devices (`/dev/stdin`, `<(…)`) report no useful length; the reader's cap
    // still bounds them.
    if meta.is_file() && meta.len() > opts.max_bytes {
        return Ok(skipped(
            &name,
            SkipReason::TooLarge {
                bytes: meta.len(),
                limit: opts.max_bytes,
            },
        ));
    }
    let file = File::open(path).map_err(io)?;
    // The file may have grown since the metadata was read; the reader's cap still holds.
    load_reader_with_notes(&name, file, opts).map_err(|e| match e {
        IngestError::Io { source, .. } => io(source),
        other => other,
    })
}

/// Reads a stream such as stdin, taking at most `max_bytes + 1` bytes from it.
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
    r: impl Read,
    opts: &IngestOptions,
) -> Result<Outcome, IngestError> {
    let mut bytes = Vec::new();
    r.take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| IngestError::Io {
            path: PathBuf::from(name),
            source,
        })?;
    Ok(load_bytes_with_notes(name, &bytes, opts))
}

/// Reads an input already in memory. `name` is used for messages and to pick the format by
/// extension.
pub fn load_bytes(name: &str, bytes: &[u8], opts: &IngestOptions) -> Vec<Loaded> {
    load_bytes_with_notes(name, bytes, opts).loaded
}

/// [`load_bytes`], with the notes made while reading.
pub fn load_bytes_with_notes(name: &str, bytes: &[u8], opts: &IngestOptions) -> Outcome {
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
    let format = opts
        .format
        .or_else(|| format::from_extension(name))
        .unwrap_or_else(|| format::sniff_bytes(bytes));
    let decoded = match decode(bytes, format == InputFormat::Html) {
        Ok(d) => d,
        Err(Unusable::Empty) => return skipped(name, SkipReason::Empty),
        Err(Unusable::Binary) => return skipped(name, SkipReason::Binary),
    };
    let notes = decoded
        .notes
        .into_iter()
        .map(|message| Note {
            name: name.to_string(),
            message,
        })
        .collect();
    let text = decoded.text;
    let loaded = match format {
        InputFormat::Text => {
            let cleaned = clean(&text, Layout::Prose, TitleRule::Guess, None);
            vec![finish(name, None, Meta::default(), cleaned)]
        }
        InputFormat::Html => {
            let page = html::read(&text);
            let meta = Meta {
                url: page.url,
                byline: page.byline,
                site: page.site,
                date: page.date,
            };
            vec![finish(name, None, meta, page.cleaned)]
        }
        InputFormat::Jsonl => load_records(name, &text),
    };
    Outcome { loaded, notes }
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
struct Meta {
    url: Option<String>,
    byline: Option<String>,
    site: Option<String>,
    date: Option<String>,
}

/// Language check and the document itself.
fn finish(name: &str, id: Option<String>, meta: Meta, cleaned: Option<Cleaned>) -> Loaded {
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
