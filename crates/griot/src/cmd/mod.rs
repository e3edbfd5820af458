//! One module per subcommand, and the loop they share.

pub mod bench;
pub mod code;
pub mod eval;
pub mod export;
pub mod ingest;
pub mod mentions;
pub mod query;
pub mod read;

use crate::config::LexiconArgs;
use crate::input::{self, InputArgs};
use anyhow::{Context, Result};
use griot_coder::Lexicon;
use griot_model::Document;
use griot_text::Reader;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

/// Loads the inputs, reads each document, lets `stage` annotate it and `emit` print it; the
/// exit code says whether anything could be read.
pub fn for_each_document(
    input: &InputArgs,
    lexicon: &LexiconArgs,
    stage: impl Fn(&mut Document, &Lexicon),
    mut emit: impl FnMut(&mut dyn Write, &Document) -> Result<()>,
) -> Result<ExitCode> {
    let reader = Reader::builtin().context("loading the built-in reading models")?;
    let lexicon = lexicon.load()?;
    let mut inputs = input::load(input)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for doc in &mut inputs.docs {
        reader.read(doc);
        stage(doc, &lexicon);
        emit(&mut out, doc)?;
    }
    out.flush()?;
    Ok(inputs
        .failure_code()
        .map_or(ExitCode::SUCCESS, ExitCode::from))
}
