//! CAMEO event codes (`data/cameo-codes.tsv`) and their PLOVER equivalents
//! (`data/cameo-plover.tsv`).
//!
//! Codes are strings with their leading zeros (`"0311"`, `"173"`), as CAMEO, ICEWS and GDELT
//! write them: `"03"` and `"3"` are different things in those datasets.

use super::table;
use super::{contexts, OntologyError, PloverType};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const CODES_FILE: &str = "cameo-codes.tsv";
const CODES: &str = include_str!("../../data/cameo-codes.tsv");
const MAP_FILE: &str = "cameo-plover.tsv";
const MAP: &str = include_str!("../../data/cameo-plover.tsv");

/// One CAMEO event code.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CameoCode {
    /// `"173"`; two to four digits, leading zeros kept.
    pub code: &'static str,
    /// `"Arrest, detain, or charge with legal action"`; root codes are in capitals (`"COERCE"`).
    pub name: &'static str,
    /// Goldstein conflict–cooperation score, −10..10.
    pub goldstein: f32,
    /// The two-digit cue category (`"17"`).
    pub root: &'static str,
    /// GDELT's quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad_class: u8,
}

/// What a CAMEO code becomes in PLOVER.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PloverMapping {
    #[serde(rename = "type")]
    pub kind: PloverType,
    /// One of `kind`'s modes, when the CAMEO code implies one.
    pub mode: Option<&'static str>,
    /// PLOVER contexts the CAMEO code implies (often none).
    pub contexts: &'static [&'static str],
}

/// GDELT's quad class of a CAMEO root code (1–20): roots 01–05 are verbal cooperation (1),
/// 06–08 material cooperation (2), 09–13 verbal conflict (3), 14–20 material conflict (4).
pub const fn quad_class_for_root(root: u8) -> Option<u8> {
    match root {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// Every CAMEO code, in CAMEO's hierarchical order (`"01"`, `"010"`, …, `"0211"`, …).
pub fn all() -> &'static [CameoCode] {
    // Embedded and covered by `ontology::check()` in the tests: the fallback is unreachable.
    codes().map_or(&[], |t| t.all.as_slice())
}

/// The CAMEO code `code` (`"173"`; leading zeros matter).
pub fn lookup(code: &str) -> Option<&'static CameoCode> {
    let table = codes().ok()?;
    table.by_code.get(code).map(|&i| &table.all[i])
}

/// The quad class of a CAMEO code, `None` for an unknown code.
pub fn quad_class_of(code: &str) -> Option<u8> {
    lookup(code).map(|c| c.quad_class)
}

/// The PLOVER type, mode and contexts of a CAMEO code, per the OEDA's 2021 CAMEO→PLOVER table.
/// `None` for codes PLOVER drops (01 statements, 02 appeals) and for unknown codes.
pub fn to_plover(code: &str) -> Option<PloverMapping> {
    let table = mapping().ok()?;
    table.by_code.get(code).map(|&i| {
        let row = &table.rows[i];
        PloverMapping {
            kind: row.kind,
            mode: row.mode,
            contexts: row.contexts.as_slice(),
        }
    })
}

/// Every mapped code with its mapping, in CAMEO order. Includes `"1214"` (reject intelligence
/// cooperation), which the PLOVER table maps but the CAMEO code list lacks.
pub fn mappings() -> impl Iterator<Item = (&'static str, PloverMapping)> {
    mapping().into_iter().flat_map(|t| {
        t.rows.iter().map(|row| {
            (
                row.code,
                PloverMapping {
                    kind: row.kind,
                    mode: row.mode,
                    contexts: row.contexts.as_slice(),
                },
            )
        })
    })
}

pub(crate) struct Codes {
    all: Vec<CameoCode>,
    by_code: HashMap<&'static str, usize>,
}

struct MappingRow {
    code: &'static str,
    kind: PloverType,
    mode: Option<&'static str>,
    contexts: Vec<&'static str>,
}

pub(crate) struct Mapping {
    rows: Vec<MappingRow>,
    by_code: HashMap<&'static str, usize>,
}

static CODES_TABLE: OnceLock<Result<Codes, OntologyError>> = OnceLock::new();
static MAP_TABLE: OnceLock<Result<Mapping, OntologyError>> = OnceLock::new();

pub(crate) fn codes() -> Result<&'static Codes, OntologyError> {
    table::cached(&CODES_TABLE, || parse_codes(CODES_FILE, CODES))
}

pub(crate) fn mapping() -> Result<&'static Mapping, OntologyError> {
    table::cached(&MAP_TABLE, || parse_mapping(MAP_FILE, MAP))
}

fn is_code(s: &str) -> bool {
    (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

pub(crate) fn parse_codes(file: &'static str, text: &'static str) -> Result<Codes, OntologyError> {
    let mut all = Vec::new();
    let mut by_code = HashMap::new();
    for row in table::rows::<5>(file, text) {
        let row = row?;
        let [code, _, _, root, _] = row.cells;
        if !is_code(code) {
            return Err(row.error(format!("bad CAMEO code {code:?}")));
        }
        if root.len() != 2 || !code.starts_with(root) {
            return Err(row.error(format!("root {root:?} is not the start of {code}")));
        }
        let expected = root.parse().ok().and_then(quad_class_for_root);
        let quad_class: u8 = row.parse(4, "quad class")?;
        if expected != Some(quad_class) {
            return Err(row.error(format!("quad class {quad_class} does not fit root {root}")));
        }
        let goldstein: f32 = row.parse(2, "Goldstein score")?;
        if !(-10.0..=10.0).contains(&goldstein) {
            return Err(row.error(format!("Goldstein score {goldstein} outside -10..10")));
        }
        if by_code.insert(code, all.len()).is_some() {
            return Err(row.error(format!("CAMEO code {code} listed twice")));
        }
        all.push(CameoCode {
            code,
            name: row.required(1, "name")?,
            goldstein,
            root,
            quad_class,
        });
    }
    Ok(Codes { all, by_code })
}

pub(crate) fn parse_mapping(
    file: &'static str,
    text: &'static str,
) -> Result<Mapping, OntologyError> {
    let mut rows = Vec::new();
    let mut by_code = HashMap::new();
    for row in table::rows::<6>(file, text) {
        let row = row?;
        // Columns 4 and 5 keep the source table's raw mode and contexts for the record.
        let [code, kind, mode, ctx, _, _] = row.cells;
        if !is_code(code) {
            return Err(row.error(format!("bad CAMEO code {code:?}")));
        }
        let kind: PloverType = kind
            .parse()
            .map_err(|_| row.error(format!("unknown PLOVER type {kind:?}")))?;
        let mode = match mode {
            "" => None,
            m => Some(
                kind.mode(m)
                    .filter(|found| found.name == m)
                    .ok_or_else(|| row.error(format!("{m:?} is not a {kind} mode")))?
                    .name,
            ),
        };
        let mut contexts = Vec::new();
        for c in ctx.split(';').filter(|c| !c.is_empty()) {
            match contexts::lookup(c) {
                Some(found) if found.kind == contexts::ContextKind::General => {
                    contexts.push(found.name)
                }
                _ => return Err(row.error(format!("{c:?} is not a PLOVER context"))),
            }
        }
        if by_code.insert(code, rows.len()).is_some() {
            return Err(row.error(format!("CAMEO code {code} mapped twice")));
        }
        rows.push(MappingRow {
            code,
            kind,
            mode,
            contexts,
        });
    }
    Ok(Mapping { rows, by_code })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quad_class_rule() {
        let q: Vec<_> = (0..=21).map(quad_class_for_root).collect();
        assert_eq!(q[0], None);
        assert_eq!(q[21], None);
        assert_eq!(
            &q[1..=20].iter().map(|x| x.unwrap()).collect::<Vec<_>>(),
            &[1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4]
        );
    }

    #[test]
    fn lookups() {
        let arrest = lookup("173").unwrap();
        assert_eq!(arrest.name, "Arrest, detain, or charge with legal action");
        assert_eq!(arrest.goldstein, -5.0);
        assert_eq!((arrest.root, arrest.quad_class), ("17", 4));
        assert_eq!(lookup("0311").map(|c| c.root), Some("03"));
        assert_eq!(lookup("311"), None, "leading zeros matter");
        assert_eq!(quad_class_of("042"), Some(1));
        assert_eq!(quad_class_of("999"), None);
    }

    #[test]
    fn plover_mappings() {
        let m = to_plover("173").unwrap();
        assert_eq!(
            (m.kind, m.mode, m.contexts),
            (PloverType::Coerce, Some("arrest"), &["legal"][..])
        );
        assert_eq!(
            to_plover("145").map(|m| (m.kind, m.mode)),
            Some((PloverType::Protest, Some("riot")))
        );
        assert_eq!(to_plover("190").map(|m| m.kind), Some(PloverType::Assault));
        assert_eq!(to_plover("20").map(|m| m.kind), Some(PloverType::Assault));
        assert_eq!(to_plover("010"), None);
        assert_eq!(to_plover("02"), None);
        assert_eq!(to_plover("1214").map(|m| m.kind), Some(PloverType::Reject));
    }

    #[test]
    fn corrupt_tables_are_errors() {
        let codes: &[&str] = &[
            "173\tArrest\t-5\t17\n",
            "173\tArrest\t-5\t17\t3\n",
            "173\tArrest\t-5\t16\t4\n",
            "173\tArrest\t-50\t17\t4\n",
            "173\tArrest\tx\t17\t4\n",
            "17a\tArrest\t-5\t17\t4\n",
            "173\t\t-5\t17\t4\n",
            "173\tArrest\t-5\t17\t4\n173\tArrest\t-5\t17\t4\n",
        ];
        for text in codes {
            assert!(parse_codes("t", text).is_err(), "{text:?} accepted");
        }
        assert!(parse_codes("t", "173\tArrest\t-5\t17\t4\n").is_ok());
        let maps: &[&str] = &[
            "173\tCOERCE\tarrest\tlegal\tarrest\n",
            "173\tFIGHT\t\t\t\t\n",
            "173\tCOERCE\triot\t\t\t\n",
            "173\tCOERCE\tArrest\t\t\t\n",
            "173\tCOERCE\tarrest\tlaw\t\t\n",
            "173\tCOERCE\tarrest\tfuture\t\t\n",
            "173\tCOERCE\t\t\t\t\n173\tCOERCE\t\t\t\t\n",
        ];
        for text in maps {
            assert!(parse_mapping("t", text).is_err(), "{text:?} accepted");
        }
        assert!(parse_mapping("t", "173\tCOERCE\tarrest\tlegal;military\t\t\n").is_ok());
    }
}
