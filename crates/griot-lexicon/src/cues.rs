//! Qualifier cues: the words that tell who claims an event and how sure the text is of it
//! ("according to the army", "allegedly", "denied", "could", "?"), and the loaded words that
//! show an outlet's framing ("regime", "so-called", "heinous").
//!
//! The built-in rows live in two authored files, `data/cues.tsv` and
//! `data/loaded-language.tsv`, embedded and parsed once. Users add or override cue rows with
//! [`Cues::extend_from_file`]; problems are typed [`CuesError`]s naming the file and line.
//!
//! Cue format (tab-separated, UTF-8; blank lines and `#` lines skipped; header first):
//!
//! `id  phrase  kind  value  scope  example  counter_example  note`
//!
//! * `phrase` is in lemma form like event triggers (`say`, `accuse of`, `do not`,
//!   `be expect to`), lower case, single spaces; `?` stands for a question mark ending the
//!   sentence.
//! * `kind` is `attribution` (the cue names a claimant: "said", "according to") or `certainty`
//!   (a hedge, negation, modality or question that changes how sure the event is).
//! * `value` is the [`Certainty`] the cue gives the event: for certainty cues one of
//!   `reported alleged suspected denied question hypothetical future negated`; for
//!   attribution cues the certainty the claim implies (`reported` for neutral "said",
//!   `alleged` for "claimed", `asserted` for "confirmed", `denied` for "denied").
//! * `scope` is what the cue governs: `clause` (the event in the same clause: "allegedly"),
//!   `complement` (the event in the clause the cue introduces: "said that …"), `sentence`
//!   (the whole sentence: "according to"), `object` (the event named in the cue's
//!   of-phrase or object: "suspected of attacking"), `question` (the sentence ends with `?`).
//! * `example` must show the phrase's first word (first four letters or an irregular form;
//!   for `?`, the example ends with `?`). `counter_example` is a sentence where the same word
//!   is not this cue, or `-`.
//!
//! Loaded-language format: `id  phrase  category  note  example`, with `category` one of
//! [`LoadedCategory`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use griot_model::Certainty;

use crate::events::{lemma_words, mentions_word};
use crate::tsv::{self, check_id, optional, Keyed, RowError};

/// The cue file's columns, in order.
pub const COLUMNS: &[&str] = &[
    "id",
    "phrase",
    "kind",
    "value",
    "scope",
    "example",
    "counter_example",
    "note",
];

/// The loaded-language file's columns, in order.
pub const LOADED_COLUMNS: &[&str] = &["id", "phrase", "category", "note", "example"];

const BUILTIN_CUES: &str = include_str!("../data/cues.tsv");
const BUILTIN_LOADED: &str = include_str!("../data/loaded-language.tsv");

/// What a cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// Names a claimant: the event is someone's statement, not the outlet's.
    Attribution,
    /// Hedges, negates, questions or displaces the event in time or possibility.
    Certainty,
}

impl CueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Attribution => "attribution",
            CueKind::Certainty => "certainty",
        }
    }

    fn parse(s: &str) -> Option<CueKind> {
        match s {
            "attribution" => Some(CueKind::Attribution),
            "certainty" => Some(CueKind::Certainty),
            _ => None,
        }
    }
}

/// What part of the sentence a cue governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueScope {
    /// The event in the cue's own clause ("allegedly", "did not").
    Clause,
    /// The event in the clause the cue introduces ("said that", "denied that").
    Complement,
    /// Every event of the sentence ("according to").
    Sentence,
    /// The event named by the cue's of-phrase or object ("suspected of", "denied involvement").
    Object,
    /// The sentence is a question.
    Question,
}

impl CueScope {
    pub fn as_str(self) -> &'static str {
        match self {
            CueScope::Clause => "clause",
            CueScope::Complement => "complement",
            CueScope::Sentence => "sentence",
            CueScope::Object => "object",
            CueScope::Question => "question",
        }
    }

    fn parse(s: &str) -> Option<CueScope> {
        match s {
            "clause" => Some(CueScope::Clause),
            "complement" => Some(CueScope::Complement),
            "sentence" => Some(CueScope::Sentence),
            "object" => Some(CueScope::Object),
            "question" => Some(CueScope::Question),
            _ => None,
        }
    }
}

/// The spelling of a certainty value in the data files (serde's snake case).
pub fn certainty_name(c: Certainty) -> &'static str {
    match c {
        Certainty::Asserted => "asserted",
        Certainty::Reported => "reported",
        Certainty::Alleged => "alleged",
        Certainty::Suspected => "suspected",
        Certainty::Denied => "denied",
        Certainty::Question => "question",
        Certainty::Hypothetical => "hypothetical",
        Certainty::Future => "future",
        Certainty::Negated => "negated",
    }
}

fn parse_certainty(s: &str) -> Option<Certainty> {
    [
        Certainty::Asserted,
        Certainty::Reported,
        Certainty::Alleged,
        Certainty::Suspected,
        Certainty::Denied,
        Certainty::Question,
        Certainty::Hypothetical,
        Certainty::Future,
        Certainty::Negated,
    ]
    .into_iter()
    .find(|c| certainty_name(*c) == s)
}

/// One cue row.
#[derive(Debug, Clone, PartialEq)]
pub struct CueRow {
    pub id: String,
    pub phrase: String,
    /// The phrase's lemma words (`["according", "to"]`, `["?"]`).
    pub words: Vec<String>,
    pub kind: CueKind,
    pub value: Certainty,
    pub scope: CueScope,
    pub example: String,
    pub counter_example: Option<String>,
    pub note: Option<String>,
}

/// Why a cue or loaded-language file was refused.
#[derive(Debug, thiserror::Error)]
pub enum CuesError {
    #[error("{source_name}:{line}: {message}")]
    Row {
        source_name: String,
        line: usize,
        message: String,
    },
    #[error("cannot read cues file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

tsv::load_error!(CuesError);

impl Keyed for CueRow {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Keyed for LoadedTerm {
    fn id(&self) -> &str {
        &self.id
    }
}

/// A validated set of cue rows with lookup by id and by phrase.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    rows: Vec<CueRow>,
    by_id: HashMap<String, usize>,
    by_phrase: HashMap<String, Vec<usize>>,
}

impl Cues {
    /// The rows shipped with griot, parsed on first use.
    pub fn builtin() -> Result<&'static Cues, CuesError> {
        static BUILTIN: OnceLock<Result<Cues, RowError>> = OnceLock::new();
        tsv::builtin(&BUILTIN, || Cues::parse_one("cues.tsv", BUILTIN_CUES))
    }

    /// Parses and validates one cues file. `source_name` is used in error messages.
    pub fn parse(source_name: &str, tsv: &str) -> Result<Cues, CuesError> {
        Ok(Cues::parse_one(source_name, tsv)?)
    }

    fn parse_one(source_name: &str, tsv: &str) -> Result<Cues, RowError> {
        let rows = tsv::rows(source_name, tsv, COLUMNS, parse_cue)?;
        Ok(Cues::from_rows(
            rows.into_iter().map(|(_, row)| row).collect(),
        ))
    }

    /// Adds the rows of a user file; a row whose id is already present replaces that row in
    /// place. Returns how many rows the file held. On error `self` is left unchanged.
    pub fn extend_from_file(&mut self, path: &Path) -> Result<usize, CuesError> {
        tsv::extend_from_file(path, |name, text| self.extend_from_str(name, text))
    }

    /// As [`Cues::extend_from_file`], from text already in memory.
    pub fn extend_from_str(&mut self, source_name: &str, tsv: &str) -> Result<usize, CuesError> {
        let added = tsv::rows(source_name, tsv, COLUMNS, parse_cue)?;
        let count = added.len();
        *self = Cues::from_rows(tsv::merge(&self.rows, &self.by_id, added));
        Ok(count)
    }

    /// All rows, built-in order first, then added rows in file order.
    pub fn rows(&self) -> &[CueRow] {
        &self.rows
    }

    pub fn get(&self, id: &str) -> Option<&CueRow> {
        self.by_id.get(id).map(|&i| &self.rows[i])
    }

    /// Rows whose phrase is exactly `phrase` (lemma form, compared case-insensitively).
    pub fn lookup<'a>(&'a self, phrase: &str) -> impl Iterator<Item = &'a CueRow> + 'a {
        self.by_phrase
            .get(&phrase.trim().to_lowercase())
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

    fn from_rows(rows: Vec<CueRow>) -> Cues {
        let mut by_id = HashMap::with_capacity(rows.len());
        let mut by_phrase: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            by_id.insert(row.id.clone(), i);
            by_phrase.entry(row.phrase.clone()).or_default().push(i);
        }
        Cues {
            rows,
            by_id,
            by_phrase,
        }
    }
}

/// A phrase in lemma form: lower case, single spaces, no brackets.
fn phrase_words(phrase: &str) -> Result<Vec<String>, String> {
    if phrase.chars().any(char::is_uppercase) || phrase.contains(['<', '>']) {
        return Err(format!(
            "phrase {phrase:?} must be lower case lemma words without brackets"
        ));
    }
    let words = lemma_words(phrase)?;
    if words.is_empty() {
        return Err("empty phrase".into());
    }
    Ok(words)
}

fn parse_cue(
    [id, phrase, kind, value, scope, example, counter, note]: [&str; 8],
) -> Result<CueRow, String> {
    check_id(id)?;
    let words = phrase_words(phrase).map_err(|m| format!("{id}: {m}"))?;
    let kind = CueKind::parse(kind)
        .ok_or_else(|| format!("{id}: unknown kind {kind:?} (attribution, certainty)"))?;
    let value = parse_certainty(value).ok_or_else(|| format!("{id}: unknown value {value:?}"))?;
    match (kind, value) {
        (CueKind::Certainty, Certainty::Asserted) => {
            return Err(format!(
                "{id}: a certainty cue cannot make an event asserted; that is the default"
            ))
        }
        (
            CueKind::Attribution,
            Certainty::Question | Certainty::Hypothetical | Certainty::Future | Certainty::Negated,
        ) => {
            return Err(format!(
                "{id}: an attribution cue implies asserted, reported, alleged, suspected or denied, not {}",
                certainty_name(value)
            ))
        }
        _ => {}
    }
    let scope = CueScope::parse(scope).ok_or_else(|| {
        format!("{id}: unknown scope {scope:?} (clause, complement, sentence, object, question)")
    })?;
    let is_question_mark = phrase == "?";
    if (scope == CueScope::Question) != is_question_mark {
        return Err(format!(
            "{id}: scope `question` goes with the phrase `?` and only with it"
        ));
    }
    if is_question_mark && value != Certainty::Question {
        return Err(format!("{id}: `?` has the value question"));
    }

    if example.is_empty() {
        return Err(format!("{id}: empty example"));
    }
    if is_question_mark {
        if !example.ends_with('?') {
            return Err(format!("{id}: a `?` example must end with `?`"));
        }
    } else if !mentions_word(example, &words[0]) {
        return Err(format!(
            "{id}: example does not contain the cue word {:?}",
            words[0]
        ));
    }
    let counter_example = tsv::counter_example(id, counter, example, |c| {
        if mentions_word(c, &words[0]) {
            Ok(())
        } else {
            Err(format!(
                "{id}: counter-example does not contain the cue word {:?}",
                words[0]
            ))
        }
    })?;
    Ok(CueRow {
        id: id.to_string(),
        phrase: phrase.to_string(),
        words,
        kind,
        value,
        scope,
        example: example.to_string(),
        counter_example,
        note: optional(note),
    })
}

/// The kinds of framing a loaded term shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LoadedCategory {
    /// A label that disparages an actor ("regime", "thugs", "puppet").
    PejorativeLabel,
    /// A word that heightens an event beyond what is reported ("brutal", "heinous").
    Intensifier,
    /// A word that presents an event as a danger ("alarming", "destabilizing").
    Alarmist,
    /// A word that denies an actor's standing ("so-called", "self-proclaimed").
    Delegitimizing,
    /// A softened word for a harsher act ("neutralized", "collateral damage").
    Euphemism,
    /// A label that elevates an actor or act ("freedom fighters", "heroic").
    Laudatory,
}

impl LoadedCategory {
    pub const ALL: [LoadedCategory; 6] = [
        LoadedCategory::PejorativeLabel,
        LoadedCategory::Intensifier,
        LoadedCategory::Alarmist,
        LoadedCategory::Delegitimizing,
        LoadedCategory::Euphemism,
        LoadedCategory::Laudatory,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LoadedCategory::PejorativeLabel => "pejorative-label",
            LoadedCategory::Intensifier => "intensifier",
            LoadedCategory::Alarmist => "alarmist",
            LoadedCategory::Delegitimizing => "delegitimizing",
            LoadedCategory::Euphemism => "euphemism",
            LoadedCategory::Laudatory => "laudatory",
        }
    }

    fn parse(s: &str) -> Option<LoadedCategory> {
        LoadedCategory::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// One loaded-language term.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedTerm {
    pub id: String,
    pub phrase: String,
    pub words: Vec<String>,
    pub category: LoadedCategory,
    pub note: Option<String>,
    pub example: String,
}

/// The built-in loaded-language terms, parsed once.
pub fn loaded_language() -> Result<&'static [LoadedTerm], CuesError> {
    static BUILTIN: OnceLock<Result<Vec<LoadedTerm>, RowError>> = OnceLock::new();
    tsv::builtin(&BUILTIN, || {
        loaded_terms("loaded-language.tsv", BUILTIN_LOADED)
    })
    .map(Vec::as_slice)
}

/// Parses and validates a loaded-language file (for users who keep their own list).
pub fn parse_loaded_language(source_name: &str, tsv: &str) -> Result<Vec<LoadedTerm>, CuesError> {
    Ok(loaded_terms(source_name, tsv)?)
}

fn loaded_terms(source_name: &str, tsv: &str) -> Result<Vec<LoadedTerm>, RowError> {
    let rows = tsv::rows(source_name, tsv, LOADED_COLUMNS, parse_loaded)?;
    Ok(rows.into_iter().map(|(_, term)| term).collect())
}

fn parse_loaded([id, phrase, category, note, example]: [&str; 5]) -> Result<LoadedTerm, String> {
    check_id(id)?;
    let words = phrase_words(phrase).map_err(|m| format!("{id}: {m}"))?;
    let category = LoadedCategory::parse(category).ok_or_else(|| {
        let known: Vec<&str> = LoadedCategory::ALL.iter().map(|c| c.as_str()).collect();
        format!("{id}: unknown category {category:?} ({})", known.join(", "))
    })?;
    if example.is_empty() || !mentions_word(example, &words[0]) {
        return Err(format!(
            "{id}: example does not contain the word {:?}",
            words[0]
        ));
    }
    Ok(LoadedTerm {
        id: id.to_string(),
        phrase: phrase.to_string(),
        words,
        category,
        note: optional(note),
        example: example.to_string(),
    })
}
