//! Event triggers: the verbs, nouns and light-verb phrases that tell which PLOVER event a
//! sentence reports ("arrested" → COERCE `arrest`, "a demonstration" → PROTEST `demo`,
//! "carried out an attack" → ASSAULT), with the CAMEO code each corresponds to and where the
//! coder should look for the event's recipient.
//!
//! The built-in rows live in the authored file `data/events.tsv`, embedded and parsed once.
//! Users add or override rows from their own file of the same format with
//! [`Events::extend_from_file`]; every problem with a file is a typed [`EventsError`] naming
//! the file and line, never a panic.
//!
//! Format (tab-separated, UTF-8; blank lines and lines starting with `#` are skipped; the first
//! other line is the header):
//!
//! `id  trigger  pos  type  mode  context  cameo  target  unless  example  counter_example  note`
//!
//! * `trigger` is written in lemma form, lower case, words separated by single spaces: the
//!   coder compares lemmas, so "arrested", "arrests" and "arresting" all find `arrest`, and
//!   "took to the streets" finds `take to the street`. Hyphenated words are one word
//!   (`sit-in`), as the tokenizer keeps them whole.
//! * `pos` is `verb` (the verb lemma with the particles and prepositions that belong to the
//!   phrase: `crack down on`, `pull out of`, `call for`), `noun` (an event noun, possibly
//!   multiword: `arrest`, `air strike`, `peace talk`) or `light`.
//! * **Light-verb notation**: a `light` row is a verb phrase whose meaning is set by its object
//!   noun, written with the noun in angle brackets at the end: `carry out <attack>`,
//!   `hold <talk>`, `impose <sanction>`, `withdraw <troop>`. The noun is usually an event
//!   noun, sometimes the noun that fixes the verb's sense (`recall <ambassador>`). The brackets
//!   enclose exactly one group, last in the phrase, after at least one verb word; the coder may
//!   find determiners and modifiers between verb and noun ("carried out a deadly attack").
//!   [`EventRow::verb_words`] and [`EventRow::noun_words`] split the two parts.
//! * `type` is a PLOVER type as written in the manual (`COERCE`); `mode` is empty or one of
//!   that type's modes (`arrest`); `context` is empty or one PLOVER general context.
//! * `cameo` is the CAMEO code the trigger corresponds to, leading zeros kept (`0841`); it must
//!   exist in CAMEO's code list. [`EventRow::matches_cameo_type`] tells whether the 2021
//!   CAMEO→PLOVER table agrees with `type`; the built-in rows where it does not say why in
//!   `note`.
//! * `target` says where the recipient is found: `obj` (direct object; after a trigger that
//!   ends in a preposition, that preposition's object: "cracked down on X"; for a light row an
//!   object other than the noun, as in "gave Mali an ultimatum"), `pp:PREP` (the object of a
//!   preposition from [`PREPOSITIONS`]: `pp:against`, `pp:of` for "the arrest of X"), `poss`
//!   (a possessive: "the journalist's arrest"), or `none` (no recipient: "riot"). Nouns have
//!   no `obj`. Alternatives are separated by
//!   `|` in the order the coder should try them (`obj|pp:to`). `swap:SLOT` marks a trigger whose
//!   subject is the recipient and whose actor stands in SLOT ("Mali received aid from France":
//!   `swap:pp:from`; "Algeria hosted the Malian minister": `swap:obj`, as PLOVER codes the
//!   visitor as actor); a swap is the only slot of its row.
//! * `unless` lists words that, right after the trigger, give it another sense ("tried to
//!   reach" is no trial: `to` on `try`; "pleaded guilty" is no plea: `guilty`), lower case,
//!   lemma or word form, alternatives separated by `|`; usually empty.
//! * `example` is a sentence where the trigger must fire with this type; it must contain the
//!   first word of the trigger (its first four letters, allowing for a final y written i or a
//!   dropped final e, or a listed irregular form such as "held" for `hold`), and for a light
//!   row the first word of its noun. `counter_example` is a sentence where the same word must
//!   not give this event (often another row's sense), or `-` when there is no sensible one.
//!
//! Rows with the same trigger words and part of speech are senses of one trigger ("strike":
//! PROTEST and ASSAULT; "welcome": CONSULT and SUPPORT; "raid"; "withdrawal"); the coder
//! chooses among them by the actors it finds (griot-coder's `events::sense`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use griot_model::ontology::{cameo, contexts, CameoCode, ContextKind, PloverMapping, PloverType};

use crate::tsv::{self, check_id, optional, Keyed, RowError};

/// The column names, in order, that the header row must carry.
pub const COLUMNS: &[&str] = &[
    "id",
    "trigger",
    "pos",
    "type",
    "mode",
    "context",
    "cameo",
    "target",
    "unless",
    "example",
    "counter_example",
    "note",
];

/// Prepositions a `pp:` slot may name. A closed list so that a typo in a user file
/// (`pp:agaist`) is an error rather than a slot that never matches. `that` is no preposition
/// but opens a complement whose subject is the recipient the same way ("its demand that
/// Israel ease restrictions").
pub const PREPOSITIONS: &[&str] = &[
    "about", "across", "against", "along", "among", "around", "at", "behind", "between", "by",
    "for", "from", "in", "inside", "into", "near", "of", "off", "on", "onto", "outside", "over",
    "that", "through", "to", "toward", "towards", "under", "upon", "with", "within",
];

const BUILTIN: &str = include_str!("../data/events.tsv");

/// How the trigger is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerPos {
    /// A verb lemma, with the particles and prepositions of its phrase.
    Verb,
    /// An event noun ("arrest", "air strike").
    Noun,
    /// A verb whose object noun sets the event: `carry out <attack>`.
    Light,
}

impl TriggerPos {
    /// The spelling used in the data files.
    pub fn as_str(self) -> &'static str {
        match self {
            TriggerPos::Verb => "verb",
            TriggerPos::Noun => "noun",
            TriggerPos::Light => "light",
        }
    }

    fn parse(s: &str) -> Option<TriggerPos> {
        match s {
            "verb" => Some(TriggerPos::Verb),
            "noun" => Some(TriggerPos::Noun),
            "light" => Some(TriggerPos::Light),
            _ => None,
        }
    }
}

/// Where the coder finds an event's recipient (or, for a swap, its actor).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TargetSlot {
    /// The direct object of the verb.
    Object,
    /// The object of this preposition ("against", "of").
    Prep(String),
    /// A possessive ("the journalist's arrest").
    Possessive,
    /// The event has no recipient.
    None,
}

impl TargetSlot {
    fn parse(s: &str) -> Result<TargetSlot, String> {
        match s {
            "obj" => Ok(TargetSlot::Object),
            "poss" => Ok(TargetSlot::Possessive),
            "none" => Ok(TargetSlot::None),
            _ => match s.strip_prefix("pp:") {
                Some(prep) if PREPOSITIONS.contains(&prep) => Ok(TargetSlot::Prep(prep.into())),
                Some(prep) => Err(format!("{prep:?} is not one of the known prepositions")),
                None => Err(format!(
                    "target slot {s:?} is not obj, poss, none, pp:PREP or swap:SLOT"
                )),
            },
        }
    }
}

impl std::fmt::Display for TargetSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TargetSlot::Object => f.write_str("obj"),
            TargetSlot::Prep(p) => write!(f, "pp:{p}"),
            TargetSlot::Possessive => f.write_str("poss"),
            TargetSlot::None => f.write_str("none"),
        }
    }
}

/// One trigger row.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub id: String,
    /// As written in the file, angle brackets included for light rows.
    pub trigger: String,
    /// The trigger's lemma words, brackets removed: for a light row the verb words, then the
    /// noun words from [`EventRow::noun_start`] on.
    pub words: Vec<String>,
    /// For a light row, the index in `words` where the noun begins; `None` otherwise.
    pub noun_start: Option<usize>,
    pub pos: TriggerPos,
    pub kind: PloverType,
    pub mode: Option<String>,
    pub context: Option<String>,
    pub cameo: String,
    /// Recipient slots in the order to try them; empty when the row has a swap.
    pub targets: Vec<TargetSlot>,
    /// For a swapped row, where the actor is found; the subject is then the recipient.
    pub swap: Option<TargetSlot>,
    /// Word sequences that, right after the trigger, mean another sense of it.
    pub unless: Vec<Vec<String>>,
    pub example: String,
    pub counter_example: Option<String>,
    pub note: Option<String>,
}

impl EventRow {
    /// The verb part: all words of a verb row, the words before the noun of a light row,
    /// nothing for a noun row.
    pub fn verb_words(&self) -> &[String] {
        match (self.pos, self.noun_start) {
            (TriggerPos::Noun, _) => &[],
            (TriggerPos::Light, Some(i)) => &self.words[..i],
            _ => &self.words,
        }
    }

    /// The noun part: all words of a noun row, the bracketed noun of a light row, nothing for
    /// a verb row.
    pub fn noun_words(&self) -> &[String] {
        match (self.pos, self.noun_start) {
            (TriggerPos::Verb, _) => &[],
            (TriggerPos::Light, Some(i)) => &self.words[i..],
            _ => &self.words,
        }
    }

    /// The row's CAMEO code with its name and Goldstein score.
    pub fn cameo_code(&self) -> Option<&'static CameoCode> {
        cameo::lookup(&self.cameo)
    }

    /// What the 2021 CAMEO→PLOVER table makes of the row's CAMEO code (`None` for the CAMEO
    /// statement and appeal codes, which PLOVER drops).
    pub fn cameo_mapping(&self) -> Option<PloverMapping> {
        cameo::to_plover(&self.cameo)
    }

    /// Whether the CAMEO→PLOVER table gives the row's code the row's type.
    pub fn matches_cameo_type(&self) -> bool {
        self.cameo_mapping().is_some_and(|m| m.kind == self.kind)
    }
}

/// Why an events file was refused.
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    #[error("{source_name}:{line}: {message}")]
    Row {
        source_name: String,
        line: usize,
        message: String,
    },
    #[error("cannot read events file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

tsv::load_error!(EventsError);

impl Keyed for EventRow {
    fn id(&self) -> &str {
        &self.id
    }
}

/// A validated set of trigger rows with lookup by id and by first word.
#[derive(Debug, Clone, Default)]
pub struct Events {
    rows: Vec<EventRow>,
    by_id: HashMap<String, usize>,
    by_first_word: HashMap<String, Vec<usize>>,
}

impl Events {
    /// The rows shipped with griot, parsed on first use.
    pub fn builtin() -> Result<&'static Events, EventsError> {
        static BUILTIN_EVENTS: OnceLock<Result<Events, RowError>> = OnceLock::new();
        tsv::builtin(&BUILTIN_EVENTS, || Events::parse_one("events.tsv", BUILTIN))
    }

    /// Parses and validates one events file. `source_name` is used in error messages.
    pub fn parse(source_name: &str, tsv: &str) -> Result<Events, EventsError> {
        Ok(Events::parse_one(source_name, tsv)?)
    }

    fn parse_one(source_name: &str, tsv: &str) -> Result<Events, RowError> {
        let rows = tsv::rows(source_name, tsv, COLUMNS, parse_row)?;
        Ok(Events::from_rows(
            rows.into_iter().map(|(_, row)| row).collect(),
        ))
    }

    /// Adds the rows of a user file; a row whose id is already present replaces that row in
    /// place. Returns how many rows the file held. On error `self` is left unchanged.
    pub fn extend_from_file(&mut self, path: &Path) -> Result<usize, EventsError> {
        tsv::extend_from_file(path, |name, text| self.extend_from_str(name, text))
    }

    /// As [`Events::extend_from_file`], from text already in memory.
    pub fn extend_from_str(&mut self, source_name: &str, tsv: &str) -> Result<usize, EventsError> {
        let added = tsv::rows(source_name, tsv, COLUMNS, parse_row)?;
        let count = added.len();
        *self = Events::from_rows(tsv::merge(&self.rows, &self.by_id, added));
        Ok(count)
    }

    /// All rows, built-in order first, then added rows in file order.
    pub fn rows(&self) -> &[EventRow] {
        &self.rows
    }

    pub fn get(&self, id: &str) -> Option<&EventRow> {
        self.by_id.get(id).map(|&i| &self.rows[i])
    }

    /// Rows whose trigger starts with the lemma `word` (the verb of verb and light rows, the
    /// first noun word of noun rows), for building a matcher.
    pub fn starting_with<'a>(&'a self, word: &str) -> impl Iterator<Item = &'a EventRow> + 'a {
        self.by_first_word
            .get(word)
            .into_iter()
            .flatten()
            .map(move |&i| &self.rows[i])
    }

    /// Rows of one PLOVER type, in file order.
    pub fn of_type(&self, kind: PloverType) -> impl Iterator<Item = &EventRow> + '_ {
        self.rows.iter().filter(move |r| r.kind == kind)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn from_rows(rows: Vec<EventRow>) -> Events {
        let mut by_id = HashMap::with_capacity(rows.len());
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            by_id.insert(row.id.clone(), i);
            if let Some(first) = row.words.first() {
                by_first_word.entry(first.clone()).or_default().push(i);
            }
        }
        Events {
            rows,
            by_id,
            by_first_word,
        }
    }
}

fn parse_row(
    [id, trigger, pos, kind, mode, context, code, target, unless, example, counter, note]: [&str;
        12],
) -> Result<EventRow, String> {
    check_id(id)?;

    let pos = TriggerPos::parse(pos)
        .ok_or_else(|| format!("{id}: unknown pos {pos:?} (verb, noun, light)"))?;
    let (words, noun_start) = trigger_words(trigger, pos).map_err(|m| format!("{id}: {m}"))?;

    let parsed_kind: PloverType = kind
        .parse()
        .map_err(|_| format!("{id}: unknown PLOVER type {kind:?}"))?;
    if kind != parsed_kind.as_str() {
        return Err(format!(
            "{id}: write the type as {:?}, not {kind:?}",
            parsed_kind.as_str()
        ));
    }
    let kind = parsed_kind;

    let mode = optional(mode);
    if let Some(m) = &mode {
        if !kind.modes().iter().any(|known| known.name == m) {
            let known: Vec<&str> = kind.modes().iter().map(|k| k.name).collect();
            return Err(format!(
                "{id}: {m:?} is not a {kind} mode (the manual gives {known:?})"
            ));
        }
    }

    let context = optional(context);
    if let Some(c) = &context {
        match contexts::lookup(c) {
            Some(found) if found.kind == ContextKind::General => {}
            Some(_) => {
                return Err(format!(
                "{id}: {c:?} is an auxiliary mode, which the coder sets from cues, not a context"
            ))
            }
            None => return Err(format!("{id}: {c:?} is not a PLOVER context")),
        }
    }

    if cameo::lookup(code).is_none() {
        return Err(format!("{id}: {code:?} is not a CAMEO code"));
    }

    let (targets, swap) = parse_targets(target, pos).map_err(|m| format!("{id}: {m}"))?;

    let unless: Vec<Vec<String>> = if unless.is_empty() {
        Vec::new()
    } else {
        tsv::list(unless)
            .map(|phrase| phrase.split_whitespace().map(String::from).collect())
            .collect()
    };
    if let Some(bad) = unless
        .iter()
        .find(|words| words.is_empty() || words.iter().any(|w| w.chars().any(char::is_uppercase)))
    {
        return Err(format!(
            "{id}: unless {:?} must be lower-case words",
            bad.join(" ")
        ));
    }

    if example.is_empty() {
        return Err(format!("{id}: empty example"));
    }
    check_mentions(example, &words, noun_start).map_err(|m| format!("{id}: example {m}"))?;
    let counter_example = tsv::counter_example(id, counter, example, |c| {
        check_mentions(c, &words, None).map_err(|m| format!("{id}: counter-example {m}"))
    })?;

    Ok(EventRow {
        id: id.to_string(),
        trigger: trigger.to_string(),
        words,
        noun_start,
        pos,
        kind,
        mode,
        context,
        cameo: code.to_string(),
        targets,
        swap,
        unless,
        example: example.to_string(),
        counter_example,
        note: optional(note),
    })
}

fn trigger_words(trigger: &str, pos: TriggerPos) -> Result<(Vec<String>, Option<usize>), String> {
    if trigger.chars().any(char::is_uppercase) {
        return Err(format!(
            "trigger {trigger:?} must be lower case (lemma form)"
        ));
    }
    let open = trigger.find('<');
    let close = trigger.find('>');
    match (pos, open, close) {
        (TriggerPos::Light, Some(o), Some(c)) => {
            let verb = &trigger[..o];
            let noun = &trigger[o + 1..c];
            if !trigger[c + 1..].trim().is_empty() {
                return Err(format!(
                    "light trigger {trigger:?}: the <noun> must come last"
                ));
            }
            if noun.contains(['<', '>']) || trigger[c + 1..].contains(['<', '>']) {
                return Err(format!(
                    "light trigger {trigger:?} has more than one <noun> group"
                ));
            }
            let mut words = lemma_words(verb)?;
            if words.is_empty() {
                return Err(format!(
                    "light trigger {trigger:?} has no verb before its <noun>"
                ));
            }
            let start = words.len();
            let noun_words = lemma_words(noun)?;
            if noun_words.is_empty() {
                return Err(format!("light trigger {trigger:?} has an empty <noun>"));
            }
            words.extend(noun_words);
            Ok((words, Some(start)))
        }
        (TriggerPos::Light, _, _) => Err(format!(
            "light trigger {trigger:?} needs its noun in angle brackets: `carry out <attack>`"
        )),
        (_, None, None) => {
            let words = lemma_words(trigger)?;
            if words.is_empty() {
                return Err("empty trigger".into());
            }
            Ok((words, None))
        }
        _ => Err(format!(
            "angle brackets in {trigger:?} are only for pos `light`"
        )),
    }
}

fn parse_targets(
    field: &str,
    pos: TriggerPos,
) -> Result<(Vec<TargetSlot>, Option<TargetSlot>), String> {
    if field.is_empty() {
        return Err("empty target (write obj, pp:PREP, poss, none or swap:SLOT)".into());
    }
    let items: Vec<&str> = tsv::list(field).collect();
    let mut targets: Vec<TargetSlot> = Vec::new();
    let mut swap = None;
    for item in &items {
        if let Some(slot) = item.strip_prefix("swap:") {
            if items.len() > 1 {
                return Err(format!(
                    "{item:?}: a swap is the only slot of its row (the subject is the recipient)"
                ));
            }
            let slot = TargetSlot::parse(slot)?;
            if slot == TargetSlot::None {
                return Err(format!("{item:?}: a swap names where the actor is"));
            }
            swap = Some(slot);
            continue;
        }
        let slot = TargetSlot::parse(item)?;
        if slot == TargetSlot::None && items.len() > 1 {
            return Err("`none` cannot be combined with other slots".into());
        }
        if slot == TargetSlot::Object && pos == TriggerPos::Noun {
            return Err("a noun has no direct object: use pp:of, poss or another slot".into());
        }
        if targets.contains(&slot) {
            return Err(format!("target slot {item:?} listed twice"));
        }
        targets.push(slot);
    }
    Ok((targets, swap))
}

// ---------------------------------------------------------------------------------------------
// Helpers shared with `cues`: triggers and cues are both written as lemma phrases, and their
// examples are checked the same way.

/// The words of a lemma phrase; single spaces are the only separator the coder expects, so
/// anything else is refused rather than silently normalised.
pub(crate) fn lemma_words(phrase: &str) -> Result<Vec<String>, String> {
    let trimmed = phrase.trim();
    if trimmed.contains("  ") || trimmed.contains('\t') {
        return Err(format!("{phrase:?}: separate words with single spaces"));
    }
    Ok(trimmed
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect())
}

/// Past forms that do not share the lemma's first four letters, so that examples can be
/// written in the news's past tense ("held talks" for `hold`).
const IRREGULAR: &[(&str, &[&str])] = &[
    ("be", &["is", "was", "were", "are", "been"]),
    ("bear", &["bore", "borne"]),
    ("begin", &["began", "begun"]),
    ("blow", &["blew", "blown"]),
    ("break", &["broke", "broken"]),
    ("bring", &["brought"]),
    ("build", &["built"]),
    ("buy", &["bought"]),
    ("catch", &["caught"]),
    ("come", &["came"]),
    ("deal", &["dealt"]),
    ("do", &["did"]),
    ("feed", &["fed"]),
    ("fight", &["fought"]),
    ("find", &["found"]),
    ("flee", &["fled"]),
    ("fly", &["flew", "flown"]),
    ("freeze", &["froze", "frozen"]),
    ("get", &["got"]),
    ("give", &["gave"]),
    ("go", &["went", "gone"]),
    ("have", &["has", "had"]),
    ("hold", &["held"]),
    ("keep", &["kept"]),
    ("know", &["knew", "known"]),
    ("lay", &["laid"]),
    ("lead", &["led"]),
    ("leave", &["left"]),
    ("lend", &["lent"]),
    ("make", &["made"]),
    ("meet", &["met"]),
    ("pay", &["paid"]),
    ("rise", &["rose"]),
    ("run", &["ran"]),
    ("say", &["said"]),
    ("see", &["saw", "seen"]),
    ("seek", &["sought"]),
    ("sell", &["sold"]),
    ("send", &["sent"]),
    ("shoot", &["shot"]),
    ("sit", &["sat"]),
    ("speak", &["spoke", "spoken"]),
    ("stand", &["stood"]),
    ("steal", &["stole", "stolen"]),
    ("strike", &["struck"]),
    ("swear", &["swore", "sworn"]),
    ("take", &["took", "taken"]),
    ("teach", &["taught"]),
    ("tear", &["tore", "torn"]),
    ("tell", &["told"]),
    ("think", &["thought"]),
    ("throw", &["threw"]),
    ("write", &["wrote"]),
];

/// Whether `text` mentions the lemma `word`: its first four letters (the whole word if
/// shorter) at a word start, or one of its irregular forms as a whole word. Loose on purpose:
/// the check catches examples written for another row, not every inflection.
pub(crate) fn mentions_word(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    let stem: String = word.chars().take(4).collect();
    if stem.is_empty() {
        return false;
    }
    if !stem.chars().any(char::is_alphanumeric) {
        return text.contains(&stem);
    }
    if at_word_start(&text, &stem, false) {
        return true;
    }
    // "deny" → "denied" (a final y is written i) and "cite" → "citing" (a final e drops)
    // change a four-letter stem.
    if let Some(base) = word.strip_suffix('y').filter(|b| b.chars().count() >= 2) {
        let with_i: String = format!("{base}i").chars().take(4).collect();
        if at_word_start(&text, &with_i, false) {
            return true;
        }
    }
    if let Some(base) = word.strip_suffix('e').filter(|b| b.chars().count() >= 3) {
        let without_e: String = base.chars().take(4).collect();
        if at_word_start(&text, &without_e, false) {
            return true;
        }
    }
    IRREGULAR
        .iter()
        .filter(|(lemma, _)| *lemma == word)
        .flat_map(|(_, forms)| forms.iter())
        .any(|form| at_word_start(&text, form, true))
}

fn at_word_start(text: &str, needle: &str, whole: bool) -> bool {
    text.match_indices(needle).any(|(i, m)| {
        let starts = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let ends = text[i + m.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        starts && (!whole || ends)
    })
}

/// An example must show the trigger's first word and, for a light row, the first word of its
/// noun too: "carried out" alone does not show `carry out <attack>`.
fn check_mentions(text: &str, words: &[String], noun_start: Option<usize>) -> Result<(), String> {
    let first = words.first().map(String::as_str).unwrap_or("");
    if !mentions_word(text, first) {
        return Err(format!("does not contain the trigger word {first:?}"));
    }
    if let Some(noun) = noun_start.and_then(|i| words.get(i)) {
        if !mentions_word(text, noun) {
            return Err(format!("does not contain the noun {noun:?}"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_accepts_stems_and_irregular_forms() {
        assert!(mentions_word("Police arrested dozens.", "arrest"));
        assert!(mentions_word("The two sides held talks.", "hold"));
        assert!(mentions_word("Protesters took to the streets.", "take"));
        assert!(mentions_word("The army banned the party.", "ban"));
        assert!(!mentions_word("The urban area.", "ban"));
        assert!(!mentions_word("They met the target.", "hold"));
        assert!(mentions_word("Is it over?", "?"));
    }

    #[test]
    fn light_triggers_split_verb_and_noun() {
        let (words, start) = trigger_words("carry out <air strike>", TriggerPos::Light).unwrap();
        assert_eq!(words, ["carry", "out", "air", "strike"]);
        assert_eq!(start, Some(2));
        for bad in [
            "<attack>",
            "carry out <>",
            "carry <out> attack",
            "hold <talk> <x>",
        ] {
            assert!(
                trigger_words(bad, TriggerPos::Light).is_err(),
                "{bad:?} accepted"
            );
        }
        assert!(trigger_words("carry out <attack>", TriggerPos::Verb).is_err());
        assert!(trigger_words("Arrest", TriggerPos::Verb).is_err());
    }

    #[test]
    fn target_slots() {
        let (t, s) = parse_targets("obj|pp:to", TriggerPos::Verb).unwrap();
        assert_eq!(t, [TargetSlot::Object, TargetSlot::Prep("to".into())]);
        assert_eq!(s, None);
        let (t, s) = parse_targets("swap:pp:from", TriggerPos::Verb).unwrap();
        assert!(t.is_empty());
        assert_eq!(s, Some(TargetSlot::Prep("from".into())));
        for bad in [
            "",
            "object",
            "pp:agaist",
            "none|obj",
            "obj|obj",
            "swap:none",
            "obj|swap:pp:by",
        ] {
            assert!(parse_targets(bad, TriggerPos::Verb).is_err(), "{bad:?}");
        }
        assert!(parse_targets("obj", TriggerPos::Noun).is_err());
        assert!(parse_targets("pp:of|poss", TriggerPos::Noun).is_ok());
    }
}
