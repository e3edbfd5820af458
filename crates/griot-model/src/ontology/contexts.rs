//! PLOVER contexts (`data/plover-contexts.tsv`): what an event is about (`economic`,
//! `rights_freedoms`, …), plus the manual's auxiliary modes (`future`, `negation`, …), which the
//! manual has the coder record in the same field.

use super::table;
use super::OntologyError;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const FILE: &str = "plover-contexts.tsv";
const DATA: &str = include_str!("../../data/plover-contexts.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ContextKind {
    /// One of the manual's general contexts, usable with any event type.
    General,
    /// `historical`, `future`, `hypothetical` or `negation`.
    Auxiliary,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Context {
    /// The name as PLOVER data writes it (`human_rights`).
    pub name: &'static str,
    pub kind: ContextKind,
    pub description: &'static str,
}

pub(crate) struct Table {
    all: Vec<Context>,
    by_name: HashMap<&'static str, usize>,
}

static TABLE: OnceLock<Result<Table, OntologyError>> = OnceLock::new();

pub(crate) fn table() -> Result<&'static Table, OntologyError> {
    table::cached(&TABLE, || parse(FILE, DATA))
}

/// Every context, general ones first, in the manual's order.
pub fn all() -> &'static [Context] {
    // Embedded and covered by `ontology::check()` in the tests: the fallback is unreachable.
    table().map_or(&[], |t| t.all.as_slice())
}

/// The context called `name` (exact, lower-case names).
pub fn lookup(name: &str) -> Option<&'static Context> {
    let table = table().ok()?;
    table.by_name.get(name).map(|&i| &table.all[i])
}

pub fn is_valid(name: &str) -> bool {
    lookup(name).is_some()
}

pub(crate) fn parse(file: &'static str, text: &'static str) -> Result<Table, OntologyError> {
    let mut all = Vec::new();
    let mut by_name = HashMap::new();
    for row in table::rows::<3>(file, text) {
        let row = row?;
        let name = row.required(0, "name")?;
        let kind = match row.cells[1] {
            "general" => ContextKind::General,
            "auxiliary" => ContextKind::Auxiliary,
            other => return Err(row.error(format!("unknown context kind {other:?}"))),
        };
        if by_name.insert(name, all.len()).is_some() {
            return Err(row.error(format!("context {name} listed twice")));
        }
        all.push(Context {
            name,
            kind,
            description: row.required(2, "description")?,
        });
    }
    Ok(Table { all, by_name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manuals_contexts() {
        let general = all()
            .iter()
            .filter(|c| c.kind == ContextKind::General)
            .count();
        assert_eq!(general, 37);
        let aux: Vec<_> = all()
            .iter()
            .filter(|c| c.kind == ContextKind::Auxiliary)
            .map(|c| c.name)
            .collect();
        assert_eq!(aux, ["historical", "future", "hypothetical", "negation"]);
        assert!(is_valid("rights_freedoms"));
        assert!(is_valid("cbrn"));
        assert!(!is_valid("humanitarian"));
        assert!(!is_valid("Economic"));
    }

    #[test]
    fn corrupt_tables_are_errors() {
        assert!(parse("t", "x\tgeneral\n").is_err());
        assert!(parse("t", "x\tspecial\td\n").is_err());
        assert!(parse("t", "x\tgeneral\td\nx\tgeneral\td\n").is_err());
        assert!(parse("t", "\tgeneral\td\n").is_err());
    }
}
