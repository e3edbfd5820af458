//! Gold records: one sentence (or one whole document) with the events coders found in it.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Clone, Deserialize)]
pub struct GoldRecord {
    pub id: String,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

/// The parts of a gold event that the scores read so far.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    #[serde(default)]
    pub source: Option<Vec<GoldActor>>,
    #[serde(default)]
    pub target: Option<Vec<GoldActor>>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub sector: Option<String>,
}

pub fn read(path: &Path) -> Result<Vec<GoldRecord>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .with_context(|| format!("{}:{}: not a gold record", path.display(), i + 1))
        })
        .collect()
}
