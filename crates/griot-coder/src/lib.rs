//! griot's coder: from a read document (sentences, tokens, tags, chunks) and the lexicon to
//! mentions of actors and places, and — in later stages — to qualified PLOVER events.
//!
//! The coder is a pure function of (document, lexicon): no I/O, no global state beyond the
//! lexicon it was built with, so documents can be coded in parallel and results reproduce.
//!
//! Mention finding runs in passes over the document, each adding to what the last found:
//! 1. [`index`]: longest n-gram matches of names (exact case) and role nouns (by lemma);
//! 2. [`mentions`]: composition inside noun phrases ("Malian authorities" → MLI GOV), titled
//!    persons, organisations, capital-city metonymy, places in locative phrases;
//! 3. [`resolve`]: the document's countries in focus, definite descriptions and pronouns, and
//!    GeoNames resolution of places.

pub mod events;
pub mod index;
pub mod lexicon;
pub mod mentions;
pub mod resolve;

pub use events::code_events;
pub use lexicon::{Lexicon, LexiconError};
pub use mentions::find_mentions;

/// Mentions, then events: the whole coder on a read document.
pub fn code(doc: &mut griot_model::Document, lex: &Lexicon) {
    find_mentions(doc, lex);
    code_events(doc, lex);
}
