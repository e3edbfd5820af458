//! The one error type of the ontology tables.

/// A table row that does not parse or does not agree with the other tables, or a name that is
/// not in the ontology.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OntologyError {
    #[error("{file}:{line}: {reason}")]
    Table {
        file: &'static str,
        line: usize,
        reason: String,
    },
    #[error("unknown PLOVER type {0:?}")]
    UnknownPloverType(String),
}
