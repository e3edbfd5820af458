//! Coded events and their qualifiers: who claims them (attribution) and how sure the text is
//! (certainty).

use crate::mention::{Actor, Place};
use crate::ontology::PloverType;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One coded event with everything an analyst needs to check it against the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index of the sentence the event was read from.
    pub sentence: usize,
    #[serde(rename = "type")]
    pub kind: PloverType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goldstein: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quad_class: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intensity: Option<f32>,
    /// Compound actors are lists, never concatenated codes.
    pub source: Vec<Actor>,
    pub target: Vec<Actor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDate>,
    pub certainty: Certainty,
    pub attribution: Attribution,
    #[serde(default)]
    pub negated: bool,
    pub evidence: Evidence,
    /// Id of the rule that fired.
    pub rule: String,
}

/// Epistemic status of an event as the text presents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    #[default]
    Asserted,
    Reported,
    Alleged,
    Suspected,
    Denied,
    Question,
    Hypothetical,
    Future,
    Negated,
}

/// Who claims an event: the outlet itself, or a claimant in the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum Attribution {
    #[default]
    Outlet,
    Claimant {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        actor: Option<Actor>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        span: Option<Span>,
    },
}

/// The character spans an event was read from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub trigger: Span,
    #[serde(default)]
    pub source: Vec<Span>,
    #[serde(default)]
    pub target: Vec<Span>,
}

/// When an event happened, with how precisely the text says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// ISO 8601 (`2025-01-15`, `2025-01`, `2025`).
    pub value: String,
    pub precision: DatePrecision,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
    /// Fell back to the publication date.
    Document,
    Unknown,
}
