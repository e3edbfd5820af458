//! `griot eval GOLD.jsonl...`: runs griot on gold records and prints scores per file.

use crate::config::LexiconArgs;
use crate::eval::{events, gold, mentions};
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
        let mut event_score = events::EventScore::default();
        for record in &records {
            let Some(doc) = docs.get_mut(&record.id) else {
                continue;
            };
            reader.read(doc);
            griot_coder::code(doc, &lexicon);
            mentions::score(doc, record, &lexicon, &mut mention_score);
            events::score(doc, record, &lexicon, &mut event_score);
        }
        println!("{} ({} records)", path.display(), records.len());
        let prf = |c: &events::Counts| {
            format!(
                "P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        let share = |(a, b): (usize, usize)| {
            if b == 0 {
                "n/a".to_string()
            } else {
                format!("{a}/{b} ({:.1}%)", 100.0 * events::ratio(a, b))
            }
        };
        println!("  event type: {}", prf(&event_score.kind));
        println!("  triple:     {}", prf(&event_score.triple));
        println!(
            "  sector (matched triples): {}; certainty: {}; attribution: {}",
            share(event_score.sector),
            share(event_score.certainty),
            share(event_score.attribution)
        );
        println!(
            "  events per sentence: {:.2} ({} events, {} sentences)",
            events::ratio(event_score.predicted, event_score.sentences),
            event_score.predicted,
            event_score.sentences
        );
        if args.errors {
            for e in &event_score.errors {
                println!("    {e}");
            }
        }
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
