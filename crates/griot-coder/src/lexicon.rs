//! The knowledge the coder runs with: gazetteer, agents and their name index, built once.

use crate::index::NameIndex;
use griot_lexicon::agents::{Agents, AgentsError};
use griot_lexicon::cues::{self, Cues, CuesError, LoadedTerm};
use griot_lexicon::ethnic::{self, EthnicError, EthnicGroup};
use griot_lexicon::events::{Events, EventsError};
use griot_lexicon::gazetteer::{Gazetteer, GazetteerError};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    #[error(transparent)]
    Agents(#[from] AgentsError),
    #[error(transparent)]
    Ethnic(#[from] EthnicError),
    #[error(transparent)]
    Events(#[from] EventsError),
    #[error(transparent)]
    Cues(#[from] CuesError),
}

/// Gazetteer + agents + the index over both.
pub struct Lexicon {
    pub gazetteer: &'static Gazetteer,
    pub agents: Agents,
    pub ethnic: &'static [EthnicGroup],
    pub events: Events,
    pub cues: Cues,
    /// Cue rows by their first word, for matching multi-word cues ("according to").
    pub cue_starts: rustc_hash::FxHashMap<String, Vec<usize>>,
    pub loaded: &'static [LoadedTerm],
    /// Loaded-language terms by their first word.
    pub loaded_starts: rustc_hash::FxHashMap<String, Vec<usize>>,
    pub index: NameIndex,
}

impl Lexicon {
    /// The built-in lexicon plus the agent rows of `extra` files, in order (a row whose id is a
    /// built-in id replaces it).
    pub fn load(extra: &[&Path]) -> Result<Lexicon, LexiconError> {
        let gazetteer = Gazetteer::builtin()?;
        let mut agents = Agents::builtin()?.clone();
        for path in extra {
            agents.extend_from_file(path)?;
        }
        // Build the gazetteer's name index now rather than on the first document, so loading
        // costs what it costs once and coding times stay even.
        let _ = gazetteer.lookup("Mali");
        let ethnic = ethnic::builtin()?;
        let cues = Cues::builtin()?.clone();
        let loaded = cues::loaded_language()?;
        let index = NameIndex::build(gazetteer, &agents, ethnic);
        Ok(Lexicon {
            gazetteer,
            agents,
            ethnic,
            events: Events::builtin()?.clone(),
            cue_starts: cue_starts(&cues),
            cues,
            loaded_starts: loaded_starts(loaded),
            loaded,
            index,
        })
    }
}

fn cue_starts(cues: &Cues) -> rustc_hash::FxHashMap<String, Vec<usize>> {
    let mut map: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
    for (i, row) in cues.rows().iter().enumerate() {
        if let Some(first) = row.words.first() {
            map.entry(first.to_lowercase()).or_default().push(i);
        }
    }
    map
}

fn loaded_starts(terms: &[LoadedTerm]) -> rustc_hash::FxHashMap<String, Vec<usize>> {
    let mut map: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
    for (i, term) in terms.iter().enumerate() {
        if let Some(first) = term.words.first() {
            map.entry(first.to_lowercase()).or_default().push(i);
        }
    }
    map
}
