//! Mentions of actors and places, and what they resolve to.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Something in the text that names an actor, a person, an organisation or a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    pub kind: MentionKind,
    pub sentence: usize,
    /// The actors named: one, or several for coordinated modifiers ("Moroccan and Malian
    /// intelligence agencies" → MAR SPY and MLI SPY).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// For pronouns and definite descriptions ("the country", "they"): the earlier mention they
    /// were resolved to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<Span>,
    /// Which lexicon row or rule produced the mention.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    Actor,
    Person,
    Organisation,
    Place,
}

/// Who: a country (ISO alpha-3) or international code, a PLOVER sector, and any extra attributes
/// (ethnicity, religion, a person's name).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub text: String,
    /// ISO 3166-1 alpha-3 country, or an international code such as `IGO`/`UNO`.
    pub code: Option<String>,
    /// PLOVER sector (`GOV`, `MIL`, `REB`, `CVL`, …).
    pub sector: Option<String>,
    /// A stable identifier for named actors (a person, an organisation), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Where: a place resolved to GeoNames when possible.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// ISO alpha-3 of the country the place lies in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// `country`, `region` or `city`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}
