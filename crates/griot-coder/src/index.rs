//! The name index: every surface form the lexicon knows, keyed by its tokens.
//!
//! Matching is done on token n-grams through hash maps rather than a character automaton
//! (daachorse, aho-corasick) because mentions must start and end on token boundaries and agent
//! nouns must match by lemma ("authorities" → "authority"), which a character automaton over
//! raw text cannot do; n-gram lookups with a first-word filter cost a few hash probes per token.

use griot_lexicon::agents::{AgentKind, Agents};
use griot_lexicon::ethnic::EthnicGroup;
use griot_lexicon::gazetteer::{Gazetteer, NameKind, NameRef};
use griot_text::tokenize::{tokenize, RawToken};
use rustc_hash::{FxHashMap, FxHashSet};

/// What a matched n-gram can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Country {
        index: u16,
        kind: NameKind,
    },
    Region(u32),
    Place(u32),
    /// A row of the agents table (role noun, title, organisation or group).
    Agent(u32),
    /// A region larger than a country ("the Sahel"): a place with no single country.
    Macro(u16),
    /// An ethnic or religious group: its adjective ("Tuareg") or its people ("Kurds").
    Ethnic {
        index: u16,
        people: bool,
    },
}

/// Regions that span countries. GeoNames lists towns with some of these names ("Sahel" in
/// Burkina Faso), which news almost never means.
pub const MACRO_REGIONS: &[&str] = &[
    "Sahel",
    "Maghreb",
    "Levant",
    "Middle East",
    "Balkans",
    "Caucasus",
    "Horn of Africa",
    "West Africa",
    "East Africa",
    "North Africa",
    "Central Africa",
    "Southern Africa",
    "Sub-Saharan Africa",
    "Great Lakes",
    "Gulf",
    "Persian Gulf",
    "Arabian Peninsula",
    "Lake Chad",
    "Liptako-Gourma",
    "Sahara",
    "Europe",
    "Africa",
    "Asia",
    "Latin America",
    "Central Asia",
    "South Asia",
    "Southeast Asia",
    "Middle East and North Africa",
];

/// The longest n-gram any key has, in tokens.
const MAX_TOKENS: usize = 8;

pub struct NameIndex {
    /// Names as written (case kept): countries, places, organisations, titles.
    exact: FxHashMap<String, Vec<Target>>,
    /// Lower-cased forms whose last word is a lemma: role nouns.
    lemmas: FxHashMap<String, Vec<Target>>,
    exact_first: FxHashSet<String>,
    lemma_first: FxHashSet<String>,
}

impl NameIndex {
    pub fn build(gazetteer: &Gazetteer, agents: &Agents, ethnic: &[EthnicGroup]) -> NameIndex {
        let mut index = NameIndex {
            exact: FxHashMap::default(),
            lemmas: FxHashMap::default(),
            exact_first: FxHashSet::default(),
            lemma_first: FxHashSet::default(),
        };
        let mut scratch = Vec::new();
        for (surface, name) in gazetteer.names() {
            let target = match name {
                NameRef::Country(index, kind) => Target::Country { index, kind },
                NameRef::Region(i) => Target::Region(i),
                NameRef::Place(i) => Target::Place(i),
            };
            index.add_exact(surface, target, &mut scratch);
        }
        for (i, name) in MACRO_REGIONS.iter().enumerate() {
            let key = key_of(name, &mut scratch, false).unwrap_or_default();
            if let Some(first) = key.split(' ').next() {
                index.exact_first.insert(first.to_string());
            }
            // A macro-region replaces gazetteer places of the same name.
            index.exact.insert(key, vec![Target::Macro(i as u16)]);
        }
        for (i, group) in ethnic.iter().enumerate() {
            for (forms, people) in [(&group.adjectives, false), (&group.people, true)] {
                for form in forms {
                    let target = Target::Ethnic {
                        index: i as u16,
                        people,
                    };
                    index.add_exact(form, target, &mut scratch);
                }
            }
        }
        for (i, row) in agents.rows().iter().enumerate() {
            let target = Target::Agent(i as u32);
            for phrase in &row.phrases {
                match row.kind {
                    AgentKind::Agent if row.attribute("case") != Some("exact") => {
                        index.add_lemma(phrase, target, &mut scratch)
                    }
                    _ => index.add_exact(phrase, target, &mut scratch),
                }
            }
        }
        index
    }

    fn add_exact(&mut self, surface: &str, target: Target, scratch: &mut Vec<RawToken>) {
        let Some(key) = key_of(surface, scratch, false) else {
            return;
        };
        if let Some(first) = key.split(' ').next() {
            self.exact_first.insert(first.to_string());
        }
        let entry = self.exact.entry(key).or_default();
        if !entry.contains(&target) {
            entry.push(target);
        }
    }

    fn add_lemma(&mut self, phrase: &str, target: Target, scratch: &mut Vec<RawToken>) {
        let Some(key) = key_of(phrase, scratch, true) else {
            return;
        };
        if let Some(first) = key.split(' ').next() {
            self.lemma_first.insert(first.to_string());
        }
        let entry = self.lemmas.entry(key).or_default();
        if !entry.contains(&target) {
            entry.push(target);
        }
    }

    /// The longest match starting at token `i`: its end (exclusive) and targets from both maps.
    pub fn longest_at(
        &self,
        words: &[&str],
        lemmas: &[&str],
        i: usize,
        buf: &mut String,
    ) -> Option<(usize, Vec<Target>)> {
        let n = words.len();
        let first_exact = self.exact_first.contains(norm(words[i]).as_ref());
        let first_lower = lower(words[i]);
        let first_lemma =
            self.lemma_first.contains(&first_lower) || self.lemma_first.contains(&lower(lemmas[i]));
        if !first_exact && !first_lemma {
            return None;
        }
        let max = (n - i).min(MAX_TOKENS);
        for len in (1..=max).rev() {
            let mut found: Vec<Target> = Vec::new();
            if first_exact {
                buf.clear();
                for (k, w) in words[i..i + len].iter().enumerate() {
                    if k > 0 {
                        buf.push(' ');
                    }
                    buf.push_str(&norm(w));
                }
                if let Some(t) = self.exact.get(buf.as_str()) {
                    found.extend_from_slice(t);
                }
            }
            if first_lemma {
                buf.clear();
                for k in i..i + len {
                    if k > i {
                        buf.push(' ');
                    }
                    if k + 1 == i + len {
                        buf.push_str(&lower(lemmas[k]));
                    } else {
                        buf.push_str(&lower(words[k]));
                    }
                }
                if let Some(t) = self.lemmas.get(buf.as_str()) {
                    found.extend_from_slice(t);
                }
            }
            if !found.is_empty() {
                return Some((i + len, found));
            }
        }
        None
    }

    pub fn len(&self) -> usize {
        self.exact.len() + self.lemmas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The key of a lexicon phrase: its tokens (as griot's tokenizer cuts them) joined by spaces,
/// apostrophes normalised; lower-cased for lemma keys.
fn key_of(phrase: &str, scratch: &mut Vec<RawToken>, lowercase: bool) -> Option<String> {
    let phrase = phrase.trim();
    if phrase.is_empty() {
        return None;
    }
    // Fast path: most names are one plain word.
    let plain = phrase.chars().all(|c| c.is_alphanumeric() || c == '-');
    let key = if plain {
        norm(phrase).into_owned()
    } else {
        scratch.clear();
        tokenize(phrase, 0, scratch);
        scratch
            .iter()
            .map(|t| norm(&phrase[t.start..t.end]).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    Some(if lowercase { key.to_lowercase() } else { key })
}

/// Curly apostrophes as straight ones, so "Côte d’Ivoire" and "Côte d'Ivoire" meet.
fn norm(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains('’') {
        std::borrow::Cow::Owned(word.replace('’', "'"))
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

fn lower(word: &str) -> String {
    norm(word).to_lowercase()
}
