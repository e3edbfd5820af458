//! Ethnic and religious groups ("Tuareg", "Kurds", "Druze"): they qualify actors ("Tuareg
//! rebels" → REB with ethnicity Tuareg) or are actors themselves ("Iraqi Kurds" → civilians).
//!
//! Authored data in `data/ethnic-groups.tsv`; the format is described in its header.

use std::sync::OnceLock;

use crate::tsv;

const BUILTIN: &str = include_str!("../data/ethnic-groups.tsv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupKind {
    Ethnicity,
    Religion,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EthnicGroup {
    pub id: String,
    /// Adjective forms, the first being the name griot reports ("Tuareg").
    pub adjectives: Vec<String>,
    /// Plural nouns for the people ("Tuaregs", "Kurds").
    pub people: Vec<String>,
    pub kind: GroupKind,
    /// The one country the group is tied to, if any (ISO alpha-3).
    pub country: Option<String>,
    pub example: String,
}

impl EthnicGroup {
    /// The attribute key griot stores the group under: `ethnicity` or `religion`.
    pub fn attribute(&self) -> &'static str {
        match self.kind {
            GroupKind::Ethnicity => "ethnicity",
            GroupKind::Religion => "religion",
        }
    }

    pub fn name(&self) -> &str {
        self.adjectives
            .first()
            .map_or(self.id.as_str(), String::as_str)
    }
}

#[derive(Debug, thiserror::Error)]
#[error("ethnic-groups.tsv:{line}: {message}")]
pub struct EthnicError {
    pub line: usize,
    pub message: String,
}

/// The built-in groups, parsed once.
pub fn builtin() -> Result<&'static [EthnicGroup], EthnicError> {
    static GROUPS: OnceLock<Result<Vec<EthnicGroup>, String>> = OnceLock::new();
    match GROUPS.get_or_init(|| parse(BUILTIN).map_err(|e| e.to_string())) {
        Ok(groups) => Ok(groups),
        Err(message) => Err(EthnicError {
            line: 0,
            message: message.clone(),
        }),
    }
}

pub fn parse(tsv: &str) -> Result<Vec<EthnicGroup>, EthnicError> {
    let mut groups = Vec::new();
    let mut header_seen = false;
    for (i, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let err = |message: &str| EthnicError {
            line: i + 1,
            message: message.to_string(),
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, adjectives, people, kind, country, example] = cols[..] else {
            return Err(err("expected 6 tab-separated columns"));
        };
        let list = |s: &str| -> Vec<String> {
            tsv::list(s)
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect()
        };
        let kind = match kind {
            "ethnicity" => GroupKind::Ethnicity,
            "religion" => GroupKind::Religion,
            _ => return Err(err("kind must be ethnicity or religion")),
        };
        let country = Some(country.trim().to_string()).filter(|c| !c.is_empty());
        if country
            .as_deref()
            .is_some_and(|c| c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Err(err("country must be an ISO alpha-3 code"));
        }
        let group = EthnicGroup {
            id: id.to_string(),
            adjectives: list(adjectives),
            people: list(people),
            kind,
            country,
            example: example.to_string(),
        };
        if group.adjectives.is_empty() && group.people.is_empty() {
            return Err(err("a group needs an adjective or a people form"));
        }
        if !group
            .adjectives
            .iter()
            .chain(&group.people)
            .any(|f| example.contains(f.as_str()))
        {
            return Err(err("the example must use one of the group's forms"));
        }
        groups.push(group);
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_groups_parse_and_cover_the_sahel() {
        let groups = builtin().map_err(|e| e.to_string());
        let groups = groups.as_deref().unwrap_or_default();
        assert!(groups.len() >= 50, "{}", groups.len());
        let tuareg = groups.iter().find(|g| g.id == "ETH-tuareg");
        assert!(tuareg.is_some_and(|g| g.people.iter().any(|p| p == "Tuaregs")));
        let serb = groups.iter().find(|g| g.id == "ETH-serb");
        assert_eq!(serb.and_then(|g| g.country.as_deref()), Some("SRB"));
    }

    #[test]
    fn bad_rows_name_their_line() {
        let bad =
            "id\tadjectives\tpeople\tkind\tcountry\texample\nETH-x\tX\tXs\tclan\t\tX men came.\n";
        assert_eq!(parse(bad).map_err(|e| e.line).err(), Some(2));
        let bad = "id\tadjectives\tpeople\tkind\tcountry\texample\nETH-x\tX\tXs\tethnicity\tmali\tX men.\n";
        assert!(parse(bad).is_err());
    }
}
