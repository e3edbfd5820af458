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

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    /// A PLOVER type, a list of acceptable types, or null (a CAMEO category PLOVER drops).
    #[serde(rename = "type", default)]
    pub kind: GoldType,
    #[serde(default)]
    pub source: Option<Vec<GoldActor>>,
    #[serde(default)]
    pub target: Option<Vec<GoldActor>>,
    #[serde(default)]
    pub certainty: Option<String>,
    #[serde(default)]
    pub attribution: Option<String>,
    #[serde(default)]
    pub optional: bool,
    /// In whole-document records: the sentence the event comes from.
    #[serde(default)]
    pub sentence: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(untagged)]
pub enum GoldType {
    #[default]
    None,
    One(String),
    Any(Vec<String>),
}

impl GoldType {
    pub fn accepts(&self, kind: &str) -> bool {
        match self {
            GoldType::None => false,
            GoldType::One(t) => t == kind,
            GoldType::Any(ts) => ts.iter().any(|t| t == kind),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, GoldType::None)
    }
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
