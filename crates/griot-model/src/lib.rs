//! griot's data model: what every stage reads and writes.
//!
//! One [`Document`] travels through the pipeline and each stage adds its layer (sentences and
//! tokens from `griot-text`, mentions and events from the coder), in the spirit of spaCy's `Doc`.
//! Offsets in [`Span`] are *character* (Unicode scalar value) offsets into [`Document::text`], the
//! cleaned text, because that is what analysts' tools (Python, R, JavaScript) index by; byte
//! offsets are kept beside them on tokens for Rust-side slicing.
//!
//! The ontology tables (PLOVER types, modes and sectors; CAMEO codes with Goldstein scores; the
//! CAMEO→PLOVER map; quad classes) live in [`ontology`] as data compiled into the crate.
//!
//! This crate owns types and tables only: no I/O, no text processing.

pub mod document;
pub mod event;
pub mod mention;
pub mod ontology;
pub mod pos;
pub mod span;

pub use document::{Chunk, ChunkKind, Dateline, Document, Framing, Sentence, Token};
pub use event::{Attribution, Certainty, DatePrecision, Event, EventDate, Evidence};
pub use mention::{Actor, Mention, MentionKind, Place};
pub use pos::PosTag;
pub use span::Span;
