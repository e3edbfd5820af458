//! Sector agents: the nouns, titles and names that tell which sector of society an actor belongs
//! to (PLOVER manual, "Sector Codes"), and the named organisations and armed or political groups
//! with the country or international code they stand for.
//!
//! The built-in knowledge lives in three authored TSV files, `data/agents.tsv` (role nouns and
//! titles), `data/organisations.tsv` (named organisations and groups) and `data/people.tsv`
//! (well-known people: heads of state, ministers, rebel and opposition leaders); all are
//! embedded and parsed once. Users add or override rows from their own file of the same format with
//! [`Agents::extend_from_file`], so the validation here is written for untrusted input: every
//! problem is a typed [`AgentsError`] naming the file and line, never a panic.
//!
//! Format (tab-separated, UTF-8; blank lines and lines starting with `#` are skipped; the first
//! other line is the header):
//!
//! `id  phrase  kind  sector  code  attributes  example  counter_example  note`
//!
//! * `phrase` holds one or more aliases separated by `|`; common nouns are given as lemmas
//!   (singular, lower case), names and titles in their written form.
//! * `kind` is `agent`, `title` (stands right before a personal name), `organisation`, `group`
//!   or `person`.
//! * `sector` is one of [`SECTORS`]; required for agents and titles.
//! * `code` is empty, an ISO 3166-1 alpha-3 code, or one of [`INTERNATIONAL_CODES`].
//! * `attributes` are `key=value` pairs separated by `;` (see [`AgentRow::attribute`]).
//! * `counter_example` may be `-` only for organisations, groups and people.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::tsv::{self, check_id, optional, Keyed, RowError};

/// The PLOVER sector codes (manual, table "Sector Codes", frequent then less frequent ones).
/// Kept here rather than read from `griot-model` because the ontology module does not expose its
/// sector table yet; the list is short and fixed by the manual.
pub const SECTORS: &[&str] = &[
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
];

/// The manual's international non-state entities, coded in place of a country.
pub const INTERNATIONAL_CODES: &[&str] = &["IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"];

/// The column names, in order, that the header row must carry.
pub const COLUMNS: &[&str] = &[
    "id",
    "phrase",
    "kind",
    "sector",
    "code",
    "attributes",
    "example",
    "counter_example",
    "note",
];

const BUILTIN_AGENTS: &str = include_str!("../data/agents.tsv");
const BUILTIN_ORGANISATIONS: &str = include_str!("../data/organisations.tsv");
const BUILTIN_PEOPLE: &str = include_str!("../data/people.tsv");

/// What a row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgentKind {
    /// A common noun for a role: "soldier", "rebel", "truck driver".
    Agent,
    /// A title written right before a personal name: "President", "Gen.", "Imam".
    Title,
    /// A named intergovernmental or non-governmental organisation, company, party or state body.
    Organisation,
    /// A named non-state armed or political group.
    Group,
    /// A named person whose country and role the news takes as known: "Vladimir Putin",
    /// "Kofi Annan" (data/people.tsv).
    Person,
}

impl AgentKind {
    /// The spelling used in the data files.
    pub fn as_str(self) -> &'static str {
        match self {
            AgentKind::Agent => "agent",
            AgentKind::Title => "title",
            AgentKind::Organisation => "organisation",
            AgentKind::Group => "group",
            AgentKind::Person => "person",
        }
    }

    fn parse(s: &str) -> Option<AgentKind> {
        match s {
            "agent" => Some(AgentKind::Agent),
            "title" => Some(AgentKind::Title),
            "organisation" => Some(AgentKind::Organisation),
            "group" => Some(AgentKind::Group),
            "person" => Some(AgentKind::Person),
            _ => None,
        }
    }

    /// Names are unambiguous enough that a counter-example may be omitted; nouns and titles are not.
    fn is_named(self) -> bool {
        matches!(
            self,
            AgentKind::Organisation | AgentKind::Group | AgentKind::Person
        )
    }
}

/// One row of an agents file.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentRow {
    pub id: String,
    /// Aliases; the first is the preferred form.
    pub phrases: Vec<String>,
    pub kind: AgentKind,
    pub sector: Option<String>,
    pub code: Option<String>,
    pub attributes: Vec<(String, String)>,
    pub example: String,
    pub counter_example: Option<String>,
    pub note: Option<String>,
}

impl AgentRow {
    /// The value of an attribute. Keys the built-in data uses: `other_sectors` (comma-separated
    /// secondary sectors), `default_code` (code to use when the text gives no country),
    /// `country` (the country an international body or group works in), `parent` (id of the
    /// row this one belongs to), `plover_code` (the manual's finer international code, UNO or
    /// EUR, where the gold data uses IGO), `ethnicity`, `religion`, `sector_from=owner` (the
    /// noun takes the sector of whoever it belongs to: "rebel spokesman" is REB), `case=exact`
    /// (an acronym that is also a common word, "WHO", "IS"), `former=yes` (defunct body),
    /// `former_sector` (the sector that applies to texts from before a change of role: the
    /// Taliban were REB before August 2021).
    pub fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Secondary sectors (`other_sectors` attribute), in order.
    pub fn other_sectors(&self) -> impl Iterator<Item = &str> {
        self.attribute("other_sectors")
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}

/// Why an agents file was refused.
#[derive(Debug, thiserror::Error)]
pub enum AgentsError {
    #[error("{source_name}:{line}: {message}")]
    Row {
        source_name: String,
        line: usize,
        message: String,
    },
    #[error("cannot read agents file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

tsv::load_error!(AgentsError);

impl Keyed for AgentRow {
    fn id(&self) -> &str {
        &self.id
    }
}

/// A validated set of agent rows with lookup by id and by phrase.
#[derive(Debug, Clone, Default)]
pub struct Agents {
    rows: Vec<AgentRow>,
    by_id: HashMap<String, usize>,
    by_phrase: HashMap<String, Vec<usize>>,
}

/// A parsed row with the line it came from, kept until cross-row checks are done.
type Located = (usize, AgentRow);

impl Agents {
    /// The rows shipped with griot, parsed on first use.
    pub fn builtin() -> Result<&'static Agents, AgentsError> {
        static BUILTIN: OnceLock<Result<Agents, RowError>> = OnceLock::new();
        tsv::builtin(&BUILTIN, load_builtin)
    }

    /// Parses and validates one agents file. `source_name` is used in error messages.
    pub fn parse(source_name: &str, tsv: &str) -> Result<Agents, AgentsError> {
        Ok(Agents::parse_one(source_name, tsv)?)
    }

    fn parse_one(source_name: &str, tsv: &str) -> Result<Agents, RowError> {
        let located = parse_rows(source_name, tsv)?;
        check_parents(source_name, &located, |_| false)?;
        Ok(Agents::from_rows(
            located.into_iter().map(|(_, row)| row).collect(),
        ))
    }

    /// Adds the rows of a user file; a row whose id is already present replaces that row in
    /// place. Returns how many rows the file held. On error `self` is left unchanged.
    pub fn extend_from_file(&mut self, path: &Path) -> Result<usize, AgentsError> {
        tsv::extend_from_file(path, |name, text| self.extend_from_str(name, text))
    }

    /// As [`Agents::extend_from_file`], from text already in memory.
    pub fn extend_from_str(&mut self, source_name: &str, tsv: &str) -> Result<usize, AgentsError> {
        let located = parse_rows(source_name, tsv)?;
        Ok(self.absorb(source_name, located)?)
    }

    fn absorb(&mut self, source_name: &str, located: Vec<Located>) -> Result<usize, RowError> {
        check_parents(source_name, &located, |id| self.by_id.contains_key(id))?;
        let count = located.len();
        *self = Agents::from_rows(tsv::merge(&self.rows, &self.by_id, located));
        Ok(count)
    }

    /// All rows, built-in order first, then added rows in file order.
    pub fn rows(&self) -> &[AgentRow] {
        &self.rows
    }

    pub fn get(&self, id: &str) -> Option<&AgentRow> {
        self.by_id.get(id).map(|&i| &self.rows[i])
    }

    /// Rows having `phrase` among their aliases, compared case-insensitively. This is exact
    /// lookup of a lemma or name; finding phrases in running text is the coder's job.
    pub fn lookup<'a>(&'a self, phrase: &str) -> impl Iterator<Item = &'a AgentRow> + 'a {
        self.by_phrase
            .get(&normalise(phrase))
            .into_iter()
            .flatten()
            .map(move |&i| &self.rows[i])
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn from_rows(rows: Vec<AgentRow>) -> Agents {
        let mut by_id = HashMap::with_capacity(rows.len());
        let mut by_phrase: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            by_id.insert(row.id.clone(), i);
            for phrase in &row.phrases {
                let entry = by_phrase.entry(normalise(phrase)).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
        Agents {
            rows,
            by_id,
            by_phrase,
        }
    }
}

fn load_builtin() -> Result<Agents, RowError> {
    let mut agents = Agents::parse_one("agents.tsv", BUILTIN_AGENTS)?;
    // The built-in files are one namespace: an organisation or person must not silently
    // replace an earlier file's row, which `extend_from_str` would otherwise allow.
    for (name, text) in [
        ("organisations.tsv", BUILTIN_ORGANISATIONS),
        ("people.tsv", BUILTIN_PEOPLE),
    ] {
        let located = parse_rows(name, text)?;
        if let Some((line, row)) = located
            .iter()
            .find(|(_, row)| agents.by_id.contains_key(&row.id))
        {
            return Err(RowError::new(
                name,
                *line,
                format!(
                    "id {:?} is already used in an earlier built-in file",
                    row.id
                ),
            ));
        }
        agents.absorb(name, located)?;
    }
    Ok(agents)
}

fn normalise(phrase: &str) -> String {
    phrase.trim().to_lowercase()
}

fn parse_rows(source_name: &str, tsv: &str) -> Result<Vec<Located>, RowError> {
    tsv::rows(source_name, tsv, COLUMNS, parse_row)
}

fn check_parents(
    source_name: &str,
    rows: &[Located],
    known_elsewhere: impl Fn(&str) -> bool,
) -> Result<(), RowError> {
    let ids: HashSet<&str> = rows.iter().map(|(_, row)| row.id.as_str()).collect();
    for (line, row) in rows {
        if let Some(parent) = row.attribute("parent") {
            if !ids.contains(parent) && !known_elsewhere(parent) {
                return Err(RowError::new(
                    source_name,
                    *line,
                    format!("parent {parent:?} is not a known id"),
                ));
            }
        }
    }
    Ok(())
}

fn parse_row(
    [id, phrase, kind, sector, code, attributes, example, counter, note]: [&str; 9],
) -> Result<AgentRow, String> {
    check_id(id)?;

    let phrases: Vec<String> = tsv::list(phrase).map(String::from).collect();
    if phrases.iter().any(String::is_empty) {
        return Err(format!("{id}: empty phrase in {phrase:?}"));
    }
    // Case variants are distinct on purpose: names are matched as written ("UNICEF", "Unicef").
    let mut distinct = HashSet::new();
    if let Some(dup) = phrases.iter().find(|p| !distinct.insert(p.as_str())) {
        return Err(format!("{id}: phrase {dup:?} listed twice"));
    }

    let kind = AgentKind::parse(kind).ok_or_else(|| {
        format!("{id}: unknown kind {kind:?} (agent, title, organisation, group, person)")
    })?;

    let sector = optional(sector);
    match &sector {
        Some(s) if !SECTORS.contains(&s.as_str()) => {
            return Err(format!("{id}: unknown sector {s:?}"));
        }
        None if !kind.is_named() => {
            return Err(format!("{id}: a {} row needs a sector", kind.as_str()));
        }
        _ => {}
    }

    let code = optional(code);
    if let Some(c) = &code {
        check_code(c).map_err(|m| format!("{id}: code {m}"))?;
    }

    let attributes = parse_attributes(attributes).map_err(|m| format!("{id}: {m}"))?;

    if example.is_empty() {
        return Err(format!("{id}: empty example"));
    }
    if !phrases.iter().any(|p| mentions(example, p)) {
        return Err(format!(
            "{id}: example does not contain the phrase {phrase:?}"
        ));
    }
    if kind == AgentKind::Title && !phrases.iter().any(|p| precedes_name(example, p)) {
        return Err(format!(
            "{id}: a title's example must show it right before a capitalised name"
        ));
    }

    let counter_example = match counter {
        "-" if kind.is_named() => None,
        "-" | "" => {
            return Err(format!(
                "{id}: a {} row needs a counter-example ('-' is only for names)",
                kind.as_str()
            ))
        }
        c => {
            if !phrases.iter().any(|p| mentions(c, p)) {
                return Err(format!(
                    "{id}: counter-example does not contain the phrase {phrase:?}"
                ));
            }
            if c == example {
                return Err(format!("{id}: counter-example repeats the example"));
            }
            Some(c.to_string())
        }
    };

    Ok(AgentRow {
        id: id.to_string(),
        phrases,
        kind,
        sector,
        code,
        attributes,
        example: example.to_string(),
        counter_example,
        note: optional(note),
    })
}

fn check_code(code: &str) -> Result<(), String> {
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(format!(
            "{code:?} is neither a 3-letter country code nor one of {INTERNATIONAL_CODES:?}"
        ))
    }
}

fn parse_attributes(field: &str) -> Result<Vec<(String, String)>, String> {
    let mut out: Vec<(String, String)> = Vec::new();
    if field.is_empty() || field == "-" {
        return Ok(out);
    }
    for pair in field.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = pair
            .split_once('=')
            .map(|(k, v)| (k.trim(), v.trim()))
            .ok_or_else(|| format!("attribute {pair:?} is not key=value"))?;
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(format!("attribute key {key:?} must be lower-case ASCII"));
        }
        if value.is_empty() {
            return Err(format!("attribute {key:?} has no value"));
        }
        if out.iter().any(|(k, _)| k == key) {
            return Err(format!("attribute {key:?} given twice"));
        }
        match key {
            "other_sectors" => {
                for s in value.split(',').map(str::trim) {
                    if !SECTORS.contains(&s) {
                        return Err(format!("other_sectors: unknown sector {s:?}"));
                    }
                }
            }
            "default_code" | "country" => {
                for c in value.split(',').map(str::trim) {
                    check_code(c).map_err(|m| format!("{key}: {m}"))?;
                }
            }
            "former_sector" if !SECTORS.contains(&value) => {
                return Err(format!("former_sector: unknown sector {value:?}"));
            }
            "case" if value != "exact" => {
                return Err(format!("case must be \"exact\", not {value:?}"));
            }
            "sector_from" if value != "owner" => {
                return Err(format!("sector_from must be \"owner\", not {value:?}"));
            }
            "plover_code" if !INTERNATIONAL_CODES.contains(&value) => {
                return Err(format!(
                    "plover_code {value:?} is not one of {INTERNATIONAL_CODES:?}"
                ));
            }
            _ => {}
        }
        out.push((key.to_string(), value.to_string()));
    }
    Ok(out)
}

/// Whether `text` mentions `phrase`, loosely: the whole phrase at a word start, or else the first
/// four letters of its first word at a word start, so that plurals and inflections
/// ("authorities" for "authority", "gunmen" for "gunman") count. Words shorter than four
/// letters must stand whole (a plural "s" allowed), or "UN" would be found in "until".
fn mentions(text: &str, phrase: &str) -> bool {
    let text = text.to_lowercase();
    let phrase = phrase.to_lowercase();
    let short = |s: &str| s.chars().count() < 4;
    if occurs(&text, &phrase, short(&phrase)) {
        return true;
    }
    let first = phrase.split_whitespace().next().unwrap_or("");
    let stem: String = first.chars().take(4).collect();
    !stem.is_empty() && occurs(&text, &stem, short(first))
}

/// Whether `needle` occurs in `text` at a word start and, if `whole`, also ends a word (or is
/// followed by a plural "s" that does).
fn occurs(text: &str, needle: &str, whole: bool) -> bool {
    text.match_indices(needle).any(|(i, m)| {
        let mut rest = text[i + m.len()..].chars();
        let ends = match rest.next() {
            None => true,
            Some('s') => rest.next().is_none_or(|c| !c.is_alphanumeric()),
            Some(c) => !c.is_alphanumeric(),
        };
        starts_word(text, i) && (!whole || ends)
    })
}

/// Whether `phrase`, as written, stands in `text` right before a capitalised word.
fn precedes_name(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, m)| {
        let mut rest = text[i + m.len()..].chars();
        starts_word(text, i)
            && rest.next() == Some(' ')
            && rest.next().is_some_and(char::is_uppercase)
    })
}

/// Whether byte offset `i` of `text` is at a word start (no letter or digit right before it).
fn starts_word(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_mention_accepts_plurals_and_rejects_word_middles() {
        assert!(mentions("Malian authorities said", "authority"));
        assert!(mentions("Unknown gunmen opened fire", "gunman"));
        assert!(mentions("The UN said", "UN"));
        assert!(!mentions("until further notice", "UN"));
    }

    #[test]
    fn titles_must_stand_before_names() {
        assert!(precedes_name("General Abass Dembele was held.", "General"));
        assert!(!precedes_name(
            "The general public was not told.",
            "General"
        ));
        assert!(precedes_name("Lt. Col. Assimi Goita spoke.", "Lt. Col."));
    }
}
