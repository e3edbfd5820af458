//! The `griot` command line: a thin layer over the stage crates.
//!
//! Exit codes: 0 success; 1 error (I/O, internal); 2 usage; 3 no text (empty input or nothing
//! readable); 4 binary or undecodable input; 5 input too large; 6 not English; 7 bad JSONL record.
//! Codes 3–7 are returned when *every* input document was skipped, with the first reason.

mod cmd;
mod collect;
mod config;
mod eval;
mod input;
mod render;

use clap::{Parser, Subcommand};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "griot", version, about = "News in, sourced event data out.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read documents: sentences, tokens with offsets, part-of-speech tags, lemmas and chunks.
    Read(cmd::read::Args),
    /// Code events: PLOVER type and mode, CAMEO, actors, certainty, attribution, place, date.
    Code(cmd::code::Args),
    /// Find mentions of actors and places, resolved to countries, sectors and GeoNames.
    Mentions(cmd::mentions::Args),
    /// Code files, folders, feeds and WARC archives into a database, in parallel.
    Ingest(cmd::ingest::Args),
    /// Ask the database: events by actor, type, certainty, attribution, place, time, text.
    Query(cmd::query::Args),
    /// Write the database's events as PLOVER JSONL, GDELT TSV, CSV, Parquet or GeoJSON.
    Export(cmd::export::Args),
    /// Score griot against gold-standard files.
    Eval(cmd::eval::Args),
    /// Measure speed on a corpus (single thread).
    Bench(cmd::bench::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Read(args) => cmd::read::run(args),
        Command::Code(args) => cmd::code::run(args),
        Command::Mentions(args) => cmd::mentions::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Query(args) => cmd::query::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Bench(args) => cmd::bench::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("griot: error: {}", one_line(&err));
            ExitCode::from(1)
        }
    }
}

/// The error and its causes on one line, so scripts can log it as one record.
fn one_line(err: &anyhow::Error) -> String {
    err.chain()
        .map(|e| e.to_string())
        .collect::<Vec<_>>()
        .join(": ")
        .replace('\n', " ")
}
