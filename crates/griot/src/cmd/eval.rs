//! `griot eval GOLD.jsonl...`: runs griot on gold records and prints scores per file.

use crate::config::LexiconArgs;
use crate::eval::{gold, mentions};
use anyhow::{Context, Result};
use griot_ingest::{IngestOptions, InputFormat, Loaded};
use griot_text::Reader;
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold files (JSONL, one sentence or document per line).
    #[arg(required = true)]
    pub gold: Vec<PathBuf>,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// List each miss and false alarm with its sentence.
    #[arg(long)]
    pub errors: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let reader = Reader::builtin().context("loading the built-in reading models")?;
    let lexicon = args.lexicon.load()?;
    let opts = IngestOptions {
        format: Some(InputFormat::Jsonl),
        ..IngestOptions::default()
    };
    for path in &args.gold {
        let records = gold::read(path)?;
        let loaded = griot_ingest::load_path(path, &opts)?;
        let mut docs: HashMap<String, griot_model::Document> = HashMap::new();
        for item in loaded {
            match item {
                Loaded::Doc(doc) => {
                    docs.insert(doc.id.clone(), *doc);
                }
                Loaded::Skipped(skip) => eprintln!("griot: {skip}"),
            }
        }
        let mut mention_score = mentions::MentionScore::default();
        for record in &records {
            let Some(doc) = docs.get_mut(&record.id) else {
                continue;
            };
            reader.read(doc);
            griot_coder::find_mentions(doc, &lexicon);
            mentions::score(doc, record, &lexicon, &mut mention_score);
        }
        println!("{} ({} records)", path.display(), records.len());
        if mention_score.gold > 0 {
            let misses: Vec<String> = mention_score
                .misses
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            println!(
                "  actor mentions: {}/{} gold actors found with their country ({:.1}%); misses: {}",
                mention_score.found,
                mention_score.gold,
                100.0 * mention_score.recall(),
                if misses.is_empty() {
                    "none".to_string()
                } else {
                    misses.join(", ")
                }
            );
            println!(
                "  actor sectors: {}/{} found actors with a gold sector get it ({:.1}%)",
                mention_score.sector_agrees,
                mention_score.with_sector,
                100.0 * mention_score.sector_accuracy()
            );
            if args.errors {
                for e in &mention_score.errors {
                    println!("    {e}");
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
