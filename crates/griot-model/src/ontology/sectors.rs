//! PLOVER sector codes (`data/plover-sectors.tsv`): the 3-letter role of an actor within its
//! country (GOV, MIL, REB, …), and the international non-state entities (IGO, UNO, NGO, …) that
//! PLOVER codes in place of a country.

use super::table;
use super::OntologyError;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const FILE: &str = "plover-sectors.tsv";
const DATA: &str = include_str!("../../data/plover-sectors.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SectorKind {
    /// A sector code proper, written in an actor's sector field.
    Sector,
    /// An international non-state entity, written in an actor's country field.
    International,
}

/// How often the manual expects a sector code to be used (it lists them in two groups).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectorTier {
    Frequent,
    LessFrequent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sector {
    pub code: &'static str,
    pub kind: SectorKind,
    /// `None` for international entities, which the manual does not rank.
    pub tier: Option<SectorTier>,
    pub description: &'static str,
}

pub(crate) struct Table {
    all: Vec<Sector>,
    by_code: HashMap<&'static str, usize>,
}

static TABLE: OnceLock<Result<Table, OntologyError>> = OnceLock::new();

pub(crate) fn table() -> Result<&'static Table, OntologyError> {
    table::cached(&TABLE, || parse(FILE, DATA))
}

/// Every code: the sectors in the manual's order, then the international entities.
pub fn all() -> &'static [Sector] {
    // Embedded and covered by `ontology::check()` in the tests: the fallback is unreachable.
    table().map_or(&[], |t| t.all.as_slice())
}

/// The sector or international entity with this code (`"GOV"`, `"IGO"`; upper case).
pub fn lookup(code: &str) -> Option<&'static Sector> {
    let table = table().ok()?;
    table.by_code.get(code).map(|&i| &table.all[i])
}

pub(crate) fn parse(file: &'static str, text: &'static str) -> Result<Table, OntologyError> {
    let mut all = Vec::new();
    let mut by_code = HashMap::new();
    for row in table::rows::<4>(file, text) {
        let row = row?;
        let code = row.cells[0];
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(row.error(format!("sector code {code:?} is not 3 capital letters")));
        }
        let (kind, tier) = match (row.cells[1], row.cells[2]) {
            ("sector", "frequent") => (SectorKind::Sector, Some(SectorTier::Frequent)),
            ("sector", "less-frequent") => (SectorKind::Sector, Some(SectorTier::LessFrequent)),
            ("international", "") => (SectorKind::International, None),
            (kind, tier) => return Err(row.error(format!("bad kind/tier {kind:?}/{tier:?}"))),
        };
        if by_code.insert(code, all.len()).is_some() {
            return Err(row.error(format!("sector {code} listed twice")));
        }
        all.push(Sector {
            code,
            kind,
            tier,
            description: row.required(3, "description")?,
        });
    }
    Ok(Table { all, by_code })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manuals_sectors() {
        for code in [
            "GOV", "MIL", "REB", "CVL", "SPY", "OPP", "REL", "JUD", "LEG", "JRN", "BUS", "REF",
            "COP", "UAF", "PRE", "UNK",
        ] {
            assert_eq!(
                lookup(code).map(|s| s.kind),
                Some(SectorKind::Sector),
                "{code}"
            );
        }
        for code in ["IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"] {
            let s = lookup(code).unwrap();
            assert_eq!(
                (s.kind, s.tier),
                (SectorKind::International, None),
                "{code}"
            );
        }
        assert_eq!(lookup("GOV").unwrap().tier, Some(SectorTier::Frequent));
        assert_eq!(lookup("CVL").unwrap().tier, Some(SectorTier::LessFrequent));
        assert!(lookup("MIL").unwrap().description.starts_with("Military"));
        assert_eq!(lookup("gov"), None);
        assert_eq!(lookup("INS"), None, "PLOVER dropped CAMEO's INS");
        assert_eq!(all().len(), 25 + 7);
    }

    #[test]
    fn corrupt_tables_are_errors() {
        assert!(parse("t", "GOVT\tsector\tfrequent\td\n").is_err());
        assert!(parse("t", "GOV\tsector\t\td\n").is_err());
        assert!(parse("t", "IGO\tinternational\tfrequent\td\n").is_err());
        assert!(parse("t", "GOV\tsector\tfrequent\td\nGOV\tsector\tfrequent\td\n").is_err());
    }
}
