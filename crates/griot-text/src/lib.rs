//! griot's reading stage: from a document's clean text to sentences, tokens (with character and
//! byte offsets), Penn part-of-speech tags, lemmas and base chunks.
//!
//! What it is not: it knows nothing of actors, places or events (that is the lexicon's and the
//! coder's job), and it does not fetch or clean documents (that is `griot-ingest`).

pub mod lemma;
pub mod tagger;
