//! `griot mentions`: who and where each document names, resolved.

use crate::config::LexiconArgs;
use crate::input::InputArgs;
use anyhow::Result;
use griot_model::{Document, MentionKind};
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Output: `text` (a table) or `json` (one document's mentions per line).
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let json = args.format == "json";
    super::for_each_document(
        &args.input,
        &args.lexicon,
        griot_coder::find_mentions,
        |out, doc| {
            if json {
                let record = serde_json::json!({"doc_id": doc.id, "mentions": doc.mentions});
                serde_json::to_writer(&mut *out, &record)?;
                writeln!(out)?;
            } else {
                table(out, doc)?;
            }
            Ok(())
        },
    )
}

fn table(out: &mut dyn Write, doc: &Document) -> std::io::Result<()> {
    writeln!(out, "# {}", doc.id)?;
    writeln!(
        out,
        "{:<5} {:<11} {:<13} {:<8} {:<7} {:<10} text",
        "sent", "span", "kind", "country", "sector", "geonames"
    )?;
    for m in &doc.mentions {
        let kind = match m.kind {
            MentionKind::Actor => "actor",
            MentionKind::Person => "person",
            MentionKind::Organisation => "organisation",
            MentionKind::Place => "place",
        };
        let codes: Vec<&str> = m
            .actors
            .iter()
            .map(|a| a.code.as_deref().unwrap_or("-"))
            .collect();
        let sectors: Vec<&str> = m
            .actors
            .iter()
            .map(|a| a.sector.as_deref().unwrap_or("-"))
            .collect();
        let country = if m.actors.is_empty() {
            m.place
                .as_ref()
                .and_then(|p| p.country.as_deref())
                .unwrap_or("-")
                .to_string()
        } else {
            codes.join("+")
        };
        let geonames = m
            .place
            .as_ref()
            .and_then(|p| p.geonames_id)
            .map_or("-".to_string(), |id| id.to_string());
        let mut text = m.text.clone();
        if let Some(a) = m.antecedent {
            text.push_str(&format!("  → {}", doc.slice(a)));
        }
        writeln!(
            out,
            "{:<5} {:<11} {:<13} {:<8} {:<7} {:<10} {}",
            m.sentence,
            format!("{}-{}", m.span.start, m.span.end),
            kind,
            country,
            if sectors.is_empty() {
                "-".to_string()
            } else {
                sectors.join("+")
            },
            geonames,
            text
        )?;
    }
    Ok(())
}
