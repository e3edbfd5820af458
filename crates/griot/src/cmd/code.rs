//! `griot code`: documents in, qualified PLOVER events out.

use crate::config::LexiconArgs;
use crate::input::InputArgs;
use anyhow::Result;
use griot_model::{Actor, Attribution, Document, Event};
use serde_json::{json, Value};
use std::io::Write;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Output: `table` (readable) or `jsonl` (one event per line).
    #[arg(long, default_value = "table", value_parser = ["table", "jsonl"])]
    pub format: String,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let jsonl = args.format == "jsonl";
    super::for_each_document(&args.input, &args.lexicon, griot_coder::code, |out, doc| {
        if jsonl {
            for event in &doc.events {
                serde_json::to_writer(&mut *out, &record(doc, event))?;
                writeln!(out)?;
            }
        } else {
            table(out, doc)?;
        }
        Ok(())
    })
}

fn actor_json(a: &Actor) -> Value {
    let mut v = json!({"text": a.text, "code": a.code, "sector": a.sector});
    if !a.attributes.is_empty() {
        v["attributes"] = json!(a.attributes);
    }
    v
}

pub fn attribution_json(a: &Attribution) -> Value {
    match a {
        Attribution::Outlet => json!("outlet"),
        Attribution::Claimant { text, actor, span } => json!({
            "text": text,
            "actor": actor.as_ref().map(actor_json),
            "span": span,
        }),
    }
}

/// One event as a flat JSON record (the `--format jsonl` line).
pub fn record(doc: &Document, e: &Event) -> Value {
    json!({
        "doc_id": doc.id,
        "sentence": e.sentence,
        "type": e.kind,
        "mode": e.mode,
        "contexts": e.contexts,
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "intensity": e.intensity,
        "source": e.source.iter().map(actor_json).collect::<Vec<_>>(),
        "target": e.target.iter().map(actor_json).collect::<Vec<_>>(),
        "certainty": e.certainty,
        "attribution": attribution_json(&e.attribution),
        "negated": e.negated,
        "location": e.location,
        "date": e.date,
        "evidence": {
            "trigger": {"span": e.evidence.trigger, "text": doc.slice(e.evidence.trigger)},
            "source": e.evidence.source,
            "target": e.evidence.target,
        },
        "rule": e.rule,
    })
}

fn side(actors: &[Actor]) -> String {
    if actors.is_empty() {
        return "-".into();
    }
    actors
        .iter()
        .map(|a| {
            format!(
                "{}{}",
                a.code.as_deref().unwrap_or("---"),
                a.sector.as_deref().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join("+")
}

fn table(out: &mut dyn Write, doc: &Document) -> std::io::Result<()> {
    writeln!(out, "# {}  ({} events)", doc.id, doc.events.len())?;
    for e in &doc.events {
        let kind = match &e.mode {
            Some(m) => format!("{}/{m}", e.kind.as_str()),
            None => e.kind.as_str().to_string(),
        };
        let claimant = match &e.attribution {
            Attribution::Outlet => "outlet".to_string(),
            Attribution::Claimant { text, .. } => format!("{text:?}"),
        };
        let certainty = serde_json::to_value(e.certainty)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        writeln!(
            out,
            "[{}] {:<20} {:<5} {:>14} → {:<14} {:<9} by {:<22} «{}»",
            e.sentence,
            kind,
            e.cameo.as_deref().unwrap_or("-"),
            side(&e.source),
            side(&e.target),
            certainty,
            claimant,
            doc.slice(e.evidence.trigger)
        )?;
    }
    if !doc.framing.is_empty() {
        let words: Vec<String> = doc
            .framing
            .iter()
            .map(|f| format!("{} ({})", f.text, f.category))
            .collect();
        writeln!(out, "framing: {}", words.join(", "))?;
    }
    Ok(())
}
