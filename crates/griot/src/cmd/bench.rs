//! `griot bench`: throughput of griot's stages on a corpus, on one thread.
//!
//! Speed is measured here, never asserted in tests: timings depend on the machine.

use crate::input::{self, InputArgs};
use anyhow::{bail, Context, Result};
use griot_text::Reader;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// What to measure: `read` (clean text → sentences, tokens, tags, lemmas, chunks).
    #[arg(value_parser = ["read"])]
    pub stage: String,
    #[command(flatten)]
    pub input: InputArgs,
    /// Measure for at least this many seconds (whole passes over the corpus).
    #[arg(long, default_value_t = 3.0)]
    pub seconds: f64,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let inputs = input::load(&args.input)?;
    if inputs.docs.is_empty() {
        bail!("no documents to measure");
    }
    let reader = Reader::builtin().context("loading the built-in reading models")?;
    // One warm-up pass so lazy tables are built before the clock starts.
    let mut warm = inputs.docs.clone();
    warm.iter_mut().for_each(|d| reader.read(d));
    let tokens: usize = warm
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.tokens.len())
        .sum();
    let sentences: usize = warm.iter().map(|d| d.sentences.len()).sum();
    drop(warm);

    let budget = Duration::from_secs_f64(args.seconds.max(0.1));
    let mut passes = 0u32;
    let mut busy = Duration::ZERO;
    while busy < budget {
        let mut docs = inputs.docs.clone();
        let start = Instant::now();
        for doc in &mut docs {
            reader.read(doc);
        }
        busy += start.elapsed();
        passes += 1;
    }
    let secs = busy.as_secs_f64();
    let per_sec = |n: usize| n as f64 * f64::from(passes) / secs;
    println!(
        "read: {} documents, {} sentences, {} tokens; {} passes in {:.2}s on one thread",
        inputs.docs.len(),
        sentences,
        tokens,
        passes,
        secs
    );
    println!(
        "read: {:.0} tokens/s, {:.0} sentences/s, {:.0} documents/s",
        per_sec(tokens),
        per_sec(sentences),
        per_sec(inputs.docs.len())
    );
    Ok(ExitCode::SUCCESS)
}
