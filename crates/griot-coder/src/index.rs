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
use rustc_hash::FxHashMap;

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
    /// Countries, regions and places are looked up in the gazetteer's own compact index
    /// rather than copied here (hundreds of thousands of forms).
    gazetteer: &'static Gazetteer,
    /// Names as written (case kept): organisations, titles, ethnic groups, macro-regions.
    exact: FxHashMap<String, Vec<Target>>,
    /// Lower-cased forms whose last word is a lemma: role nouns.
    lemmas: FxHashMap<String, Vec<Target>>,
    /// First word of the keys → the most tokens a key starting with it has, so a lookup tries
    /// only the lengths some key can have instead of every length up to `MAX_TOKENS`.
    exact_first: FxHashMap<String, usize>,
    lemma_first: FxHashMap<String, usize>,
}

/// Records `key`'s first word and token count in a first-word map.
fn note_first(map: &mut FxHashMap<String, usize>, key: &str) {
    let Some(first) = key.split(' ').next() else {
        return;
    };
    // A clitic may be written against its word in the text but spaced in the key (or the
    // reverse); counting apostrophes too keeps this an upper bound.
    let tokens = key.matches([' ', '\'']).count() + 1;
    let max = map.entry(first.to_string()).or_insert(0);
    *max = (*max).max(tokens.min(MAX_TOKENS));
}

impl NameIndex {
    pub fn build(
        gazetteer: &'static Gazetteer,
        agents: &Agents,
        ethnic: &[EthnicGroup],
    ) -> NameIndex {
        let mut index = NameIndex {
            gazetteer,
            exact: FxHashMap::default(),
            lemmas: FxHashMap::default(),
            exact_first: FxHashMap::default(),
            lemma_first: FxHashMap::default(),
        };
        let mut scratch = Vec::new();
        for (i, name) in MACRO_REGIONS.iter().enumerate() {
            let key = key_of(name, &mut scratch, false).unwrap_or_default();
            note_first(&mut index.exact_first, &key);
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
        note_first(&mut self.exact_first, &key);
        let entry = self.exact.entry(key).or_default();
        if !entry.contains(&target) {
            entry.push(target);
        }
    }

    fn add_lemma(&mut self, phrase: &str, target: Target, scratch: &mut Vec<RawToken>) {
        let Some(key) = key_of(phrase, scratch, true) else {
            return;
        };
        note_first(&mut self.lemma_first, &key);
        let entry = self.lemmas.entry(key).or_default();
        if !entry.contains(&target) {
            entry.push(target);
        }
    }

    /// The longest match starting at token `i`: its end (exclusive) and targets from the
    /// gazetteer and both maps.
    pub fn longest_at(
        &self,
        words: &[&str],
        lemmas: &[&str],
        i: usize,
        buf: &mut String,
    ) -> Option<(usize, Vec<Target>)> {
        let n = words.len();
        // Keys are built in `buf`, never in fresh strings: this runs for every token.
        let mut probe = |map: &FxHashMap<String, usize>, w: &str, fold: fn(&mut String, &str)| {
            buf.clear();
            fold(buf, w);
            map.get(buf.as_str()).copied().unwrap_or(0)
        };
        let exact_max = probe(&self.exact_first, words[i], push_norm);
        let lemma_max = probe(&self.lemma_first, words[i], push_lower).max(probe(
            &self.lemma_first,
            lemmas[i],
            push_lower,
        ));
        // Gazetteer names start with a capital and run over capitalised words, connectors and
        // clitics ("Bosnia and Herzegovina", "Democratic People's Republic of Korea").
        let name_window = if starts_upper(words[i]) {
            let mut j = i + 1;
            while j < n
                && j - i < MAX_TOKENS
                && (starts_upper(words[j])
                    || is_connector(words[j])
                    || words[j].starts_with(['\'', '’']))
            {
                j += 1;
            }
            j - i
        } else {
            0
        };
        if exact_max == 0 && lemma_max == 0 && name_window == 0 {
            return None;
        }
        let max = (n - i).min(exact_max.max(lemma_max).max(name_window));
        for len in (1..=max).rev() {
            let mut found: Vec<Target> = Vec::new();
            if len <= exact_max || len <= name_window {
                buf.clear();
                for (k, w) in words[i..i + len].iter().enumerate() {
                    // A clitic is written against its word: "Democratic People's Republic".
                    if k > 0 && !w.starts_with(['\'', '’']) {
                        buf.push(' ');
                    }
                    push_norm(buf, w);
                }
                if let Some(t) = self.exact.get(buf.as_str()) {
                    found.extend_from_slice(t);
                }
                let macro_region = found.iter().any(|t| matches!(t, Target::Macro(_)));
                if len <= name_window && !macro_region {
                    found.extend(self.gazetteer.lookup(buf).iter().map(|r| match *r {
                        NameRef::Country(index, kind) => Target::Country { index, kind },
                        NameRef::Region(i) => Target::Region(i),
                        NameRef::Place(i) => Target::Place(i),
                    }));
                }
            }
            if len <= lemma_max {
                buf.clear();
                for k in i..i + len {
                    if k > i {
                        buf.push(' ');
                    }
                    push_lower(
                        buf,
                        if k + 1 == i + len {
                            lemmas[k]
                        } else {
                            words[k]
                        },
                    );
                }
                if let Some(t) = self.lemmas.get(buf.as_str()) {
                    found.extend_from_slice(t);
                }
            }
            if !found.is_empty() {
                let mut unique: Vec<Target> = Vec::with_capacity(found.len());
                for t in found {
                    if !unique.contains(&t) {
                        unique.push(t);
                    }
                }
                return Some((i + len, unique));
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

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Lower-case words that may sit inside a place or country name, or end a region's name
/// ("the Mopti region").
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "and"
            | "the"
            | "de"
            | "du"
            | "des"
            | "la"
            | "le"
            | "el"
            | "al"
            | "da"
            | "do"
            | "&"
            | "region"
            | "province"
            | "governorate"
            | "state"
            | "district"
            | "prefecture"
            | "county"
            | "department"
            | "oblast"
    ) || word.starts_with("al-")
        || word.starts_with("d'")
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

/// Appends `word` with apostrophes normalised (what `norm` returns) to `buf`.
fn push_norm(buf: &mut String, word: &str) {
    if word.is_ascii() {
        buf.push_str(word);
    } else {
        buf.extend(word.chars().map(|c| if c == '’' { '\'' } else { c }));
    }
}

/// Appends `word` lower-cased with apostrophes normalised (what `lower` returns) to `buf`.
fn push_lower(buf: &mut String, word: &str) {
    if word.is_ascii() {
        buf.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.push_str(&lower(word));
    }
}

/// Curly apostrophes as straight ones, so "Côte d’Ivoire" and "Côte d'Ivoire" meet.
pub(crate) fn norm(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains('’') {
        std::borrow::Cow::Owned(word.replace('’', "'"))
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

pub(crate) fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(word.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        };
    }
    let w = norm(word);
    if w.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        w
    }
}
