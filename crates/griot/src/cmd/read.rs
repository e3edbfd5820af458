//! `griot read`: the reading stage's view of documents.

use crate::input::{self, InputArgs};
use crate::render;
use anyhow::{Context, Result};
use griot_text::Reader;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output: `text` (sentences with tags and chunks) or `json` (one document per line).
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
    /// Indent JSON output.
    #[arg(long)]
    pub pretty: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let reader = Reader::builtin().context("loading the built-in reading models")?;
    let mut inputs = input::load(&args.input)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for doc in &mut inputs.docs {
        reader.read(doc);
        match args.format.as_str() {
            "json" if args.pretty => serde_json::to_writer_pretty(&mut out, doc)?,
            "json" => serde_json::to_writer(&mut out, doc)?,
            _ => render::document(&mut out, doc)?,
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(inputs
        .failure_code()
        .map_or(ExitCode::SUCCESS, ExitCode::from))
}
