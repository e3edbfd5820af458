//! griot's reading stage: from a document's clean text to sentences, tokens (with character and
//! byte offsets), Penn part-of-speech tags, lemmas and base chunks.
//!
//! Entry point: [`Reader::read`] annotates a [`griot_model::Document`] in place.
//!
//! What it is not: it knows nothing of actors, places or events (that is the lexicon's and the
//! coder's job), and it does not fetch or clean documents (that is `griot-ingest`).

pub mod abbreviations;
pub mod chunk;
pub mod lemma;
pub mod read;
pub mod retag;
pub mod sentences;
pub mod tagger;
pub mod tokenize;

pub use read::{ReadError, Reader};
