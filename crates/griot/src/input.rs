//! Loading the documents named on the command line, with skips reported on stderr.

use anyhow::{Context, Result};
use griot_ingest::{IngestOptions, InputFormat, Loaded, Skip};
use griot_model::Document;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files to read (plain text, HTML, JSONL); `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Input format instead of guessing from the extension and content: text, html, jsonl.
    #[arg(long = "input-format")]
    pub input_format: Option<InputFormat>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = IngestOptions::default().max_bytes)]
    pub max_bytes: u64,
}

/// What was read: documents, and the skips (already reported on stderr).
pub struct Inputs {
    pub docs: Vec<Document>,
    pub skips: Vec<Skip>,
}

impl Inputs {
    /// Exit status when nothing could be read: the first skip's code.
    pub fn failure_code(&self) -> Option<u8> {
        if self.docs.is_empty() {
            self.skips
                .first()
                .map(|s| u8::try_from(s.reason.exit_code()).unwrap_or(1))
        } else {
            None
        }
    }
}

pub fn load(args: &InputArgs) -> Result<Inputs> {
    let opts = IngestOptions {
        max_bytes: args.max_bytes,
        format: args.input_format,
    };
    let mut inputs = Inputs {
        docs: Vec::new(),
        skips: Vec::new(),
    };
    for path in &args.paths {
        let outcome = if path == Path::new("-") {
            griot_ingest::load_reader_with_notes("-", std::io::stdin().lock(), &opts)
                .context("reading standard input")?
        } else {
            griot_ingest::load_path_with_notes(path, &opts)?
        };
        for note in &outcome.notes {
            eprintln!("griot: {note}");
        }
        for item in outcome.loaded {
            match item {
                Loaded::Doc(doc) => inputs.docs.push(*doc),
                Loaded::Skipped(skip) => {
                    eprintln!("griot: {skip}");
                    inputs.skips.push(skip);
                }
            }
        }
    }
    Ok(inputs)
}
