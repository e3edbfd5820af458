//! The 16 PLOVER event types and their modes (`data/plover-types.tsv`).

use super::table::{self, Row};
use super::OntologyError;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

const FILE: &str = "plover-types.tsv";
const DATA: &str = include_str!("../../data/plover-types.tsv");

/// The 16 PLOVER event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PloverType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

/// How an event of a type was carried out (PLOVER's `mode`), e.g. COERCE `arrest`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Mode {
    /// The canonical lower-case name, as PLOVER data writes it (`martial-law`).
    pub name: &'static str,
    pub description: &'static str,
    /// The manual's conflict–cooperation score for this type and mode, if it gives one.
    pub score: Option<f32>,
}

impl PloverType {
    /// Every type, in the manual's order (cooperation first, then conflict).
    pub const ALL: [PloverType; 16] = [
        PloverType::Agree,
        PloverType::Consult,
        PloverType::Support,
        PloverType::Concede,
        PloverType::Cooperate,
        PloverType::Aid,
        PloverType::Retreat,
        PloverType::Request,
        PloverType::Accuse,
        PloverType::Reject,
        PloverType::Threaten,
        PloverType::Protest,
        PloverType::Sanction,
        PloverType::Mobilize,
        PloverType::Coerce,
        PloverType::Assault,
    ];

    /// The name PLOVER data uses (`"ASSAULT"`), the same as the serde form.
    pub const fn as_str(self) -> &'static str {
        match self {
            PloverType::Agree => "AGREE",
            PloverType::Consult => "CONSULT",
            PloverType::Support => "SUPPORT",
            PloverType::Concede => "CONCEDE",
            PloverType::Cooperate => "COOPERATE",
            PloverType::Aid => "AID",
            PloverType::Retreat => "RETREAT",
            PloverType::Request => "REQUEST",
            PloverType::Accuse => "ACCUSE",
            PloverType::Reject => "REJECT",
            PloverType::Threaten => "THREATEN",
            PloverType::Protest => "PROTEST",
            PloverType::Sanction => "SANCTION",
            PloverType::Mobilize => "MOBILIZE",
            PloverType::Coerce => "COERCE",
            PloverType::Assault => "ASSAULT",
        }
    }

    /// PLOVER's quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    ///
    /// Kept in code (the table's column is checked against it) because it defines the type set
    /// as much as the names do. SANCTION is 4, as its own section and the event summary of the
    /// manual say; the manual's short quad table lists it under 3.
    pub const fn quad_class(self) -> u8 {
        match self {
            PloverType::Agree | PloverType::Consult | PloverType::Support | PloverType::Concede => {
                1
            }
            PloverType::Cooperate | PloverType::Aid | PloverType::Retreat => 2,
            PloverType::Request
            | PloverType::Accuse
            | PloverType::Reject
            | PloverType::Threaten => 3,
            PloverType::Protest
            | PloverType::Sanction
            | PloverType::Mobilize
            | PloverType::Coerce
            | PloverType::Assault => 4,
        }
    }

    /// The manual's definition of the type.
    pub fn description(self) -> &'static str {
        info(self).map_or("", |i| i.description)
    }

    /// The manual's conflict–cooperation score for the type as a whole (−10..10). ACCUSE is +3
    /// as printed, although its modes are all negative.
    pub fn score(self) -> Option<f32> {
        info(self).and_then(|i| i.score)
    }

    /// Whether the manual requires a recipient for events of this type.
    pub fn requires_recipient(self) -> bool {
        info(self).is_some_and(|i| i.requires_recipient)
    }

    /// The type's modes, in the manual's order; empty for the types without modes (AGREE,
    /// SUPPORT, CONCEDE, COOPERATE, AID).
    pub fn modes(self) -> &'static [Mode] {
        info(self).map_or(&[], |i| i.modes.as_slice())
    }

    /// The mode called `name` (ASCII case ignored).
    pub fn mode(self, name: &str) -> Option<&'static Mode> {
        self.modes()
            .iter()
            .find(|m| m.name.eq_ignore_ascii_case(name))
    }

    pub fn is_valid_mode(self, name: &str) -> bool {
        self.mode(name).is_some()
    }
}

impl fmt::Display for PloverType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PloverType {
    type Err = OntologyError;

    /// Accepts the PLOVER name in any ASCII case (`"COERCE"`, `"coerce"`).
    fn from_str(s: &str) -> Result<Self, OntologyError> {
        PloverType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| OntologyError::UnknownPloverType(s.to_string()))
    }
}

#[derive(Debug)]
pub(crate) struct TypeInfo {
    description: &'static str,
    score: Option<f32>,
    requires_recipient: bool,
    modes: Vec<Mode>,
}

type Table = [TypeInfo; 16];

static TABLE: OnceLock<Result<Table, OntologyError>> = OnceLock::new();

pub(crate) fn table() -> Result<&'static Table, OntologyError> {
    table::cached(&TABLE, || parse(FILE, DATA))
}

// The table is embedded and `ontology::check()` is in the test suite, so a failed parse cannot
// reach a tested build; the accessors fall back to empty values instead of panicking.
fn info(t: PloverType) -> Option<&'static TypeInfo> {
    table().ok().map(|table| &table[t as usize])
}

pub(crate) fn parse(file: &'static str, text: &'static str) -> Result<Table, OntologyError> {
    let mut infos: [Option<TypeInfo>; 16] = Default::default();
    let mut current: Option<PloverType> = None;
    for row in table::rows::<7>(file, text) {
        let row = row?;
        let [kind, name, mode, _, _, _, description] = row.cells;
        let t: PloverType = name
            .parse()
            .map_err(|_| row.error(format!("unknown PLOVER type {name:?}")))?;
        if name != t.as_str() {
            return Err(row.error(format!("type {name:?} not written as {}", t.as_str())));
        }
        match kind {
            "type" => {
                if infos[t as usize].is_some() {
                    return Err(row.error(format!("type {name} listed twice")));
                }
                infos[t as usize] = Some(type_row(&row, t)?);
                current = Some(t);
            }
            "mode" => {
                // Modes follow their type's row, so a stray mode row is a table error.
                let Some(info) = infos[t as usize].as_mut().filter(|_| current == Some(t)) else {
                    return Err(row.error(format!("mode row for {name} outside its type")));
                };
                if mode.is_empty() || mode.bytes().any(|b| b.is_ascii_uppercase() || b == b' ') {
                    return Err(row.error(format!("bad mode name {mode:?}")));
                }
                if info.modes.iter().any(|m| m.name == mode) {
                    return Err(row.error(format!("{name} mode {mode} listed twice")));
                }
                info.modes.push(Mode {
                    name: mode,
                    description,
                    score: score(&row)?,
                });
            }
            other => return Err(row.error(format!("unknown row kind {other:?}"))),
        }
    }
    let mut out = Vec::with_capacity(16);
    for (t, info) in PloverType::ALL.into_iter().zip(infos) {
        out.push(info.ok_or_else(|| OntologyError::Table {
            file,
            line: 0,
            reason: format!("no row for type {t}"),
        })?);
    }
    out.try_into().map_err(|_| OntologyError::Table {
        file,
        line: 0,
        reason: "expected exactly 16 types".into(),
    })
}

fn type_row(row: &Row<7>, t: PloverType) -> Result<TypeInfo, OntologyError> {
    let quad: u8 = row.parse(3, "quad class")?;
    if quad != t.quad_class() {
        return Err(row.error(format!(
            "{t} has quad class {quad} here but {} in PloverType::quad_class",
            t.quad_class()
        )));
    }
    let requires_recipient = match row.cells[4] {
        "yes" => true,
        "no" => false,
        other => return Err(row.error(format!("requires_recipient {other:?} is not yes/no"))),
    };
    if !row.cells[2].is_empty() {
        return Err(row.error("a type row has no mode"));
    }
    Ok(TypeInfo {
        description: row.required(6, "description")?,
        score: score(row)?,
        requires_recipient,
        modes: Vec::new(),
    })
}

fn score(row: &Row<7>) -> Result<Option<f32>, OntologyError> {
    let score: Option<f32> = row.parse_opt(5, "score")?;
    match score {
        Some(s) if !(-10.0..=10.0).contains(&s) => {
            Err(row.error(format!("score {s} outside -10..10")))
        }
        _ => Ok(score),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        assert_eq!(PloverType::ALL.len(), 16);
        for (i, t) in PloverType::ALL.into_iter().enumerate() {
            assert_eq!(t as usize, i);
            assert_eq!(t.as_str().parse::<PloverType>(), Ok(t));
            assert_eq!(t.as_str().to_lowercase().parse::<PloverType>(), Ok(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        assert_eq!(
            "FIGHT".parse::<PloverType>(),
            Err(OntologyError::UnknownPloverType("FIGHT".into()))
        );
    }

    #[test]
    fn embedded_table_parses_with_every_type() {
        let table = table().unwrap();
        assert_eq!(table.len(), 16);
        for t in PloverType::ALL {
            assert!(!t.description().is_empty(), "{t} has no description");
        }
    }

    #[test]
    fn modes_follow_the_manual() {
        let names = |t: PloverType| t.modes().iter().map(|m| m.name).collect::<Vec<_>>();
        assert_eq!(
            names(PloverType::Coerce),
            [
                "seize",
                "restrict",
                "censor",
                "curfew",
                "martial-law",
                "arrest",
                "deport",
                "withhold",
                "misinformation",
                "cyber"
            ]
        );
        assert_eq!(names(PloverType::Request), names(PloverType::Reject));
        for t in [
            PloverType::Agree,
            PloverType::Support,
            PloverType::Concede,
            PloverType::Cooperate,
            PloverType::Aid,
        ] {
            assert!(t.modes().is_empty(), "{t} should have no modes");
        }
        assert!(PloverType::Coerce.is_valid_mode("arrest"));
        assert!(PloverType::Coerce.is_valid_mode("Martial-Law"));
        assert!(!PloverType::Coerce.is_valid_mode("riot"));
        assert!(PloverType::Protest.is_valid_mode("riot"));
        assert_eq!(
            PloverType::Assault.mode("drone").and_then(|m| m.score),
            Some(-9.5)
        );
        assert_eq!(
            PloverType::Protest.mode("vandalize").map(|m| m.score),
            Some(None)
        );
    }

    #[test]
    fn scores_quads_and_recipients() {
        assert_eq!(PloverType::Aid.score(), Some(10.0));
        assert_eq!(PloverType::Assault.score(), Some(-9.0));
        assert!(PloverType::Sanction.requires_recipient());
        assert!(!PloverType::Assault.requires_recipient());
        let per_quad = |q| {
            PloverType::ALL
                .iter()
                .filter(|t| t.quad_class() == q)
                .count()
        };
        assert_eq!(
            [per_quad(1), per_quad(2), per_quad(3), per_quad(4)],
            [4, 3, 4, 5]
        );
    }

    #[test]
    fn corrupt_tables_are_errors() {
        let bad: &[(&str, &str)] = &[
            ("type\tAGREE\t\t1\tno\t2.5\n", "too few columns"),
            ("type\tFIGHT\t\t4\tno\t-9\tx\n", "unknown type"),
            ("type\tAGREE\t\t4\tno\t2.5\tx\n", "wrong quad class"),
            ("type\tAGREE\t\t1\tmaybe\t2.5\tx\n", "bad recipient flag"),
            ("type\tAGREE\t\t1\tno\t25\tx\n", "score out of range"),
            ("mode\tCOERCE\tarrest\t\t\t-7\tx\n", "mode before its type"),
            ("type\tAGREE\t\t1\tno\t2.5\tx\n", "missing types"),
        ];
        for (text, why) in bad {
            assert!(parse("test.tsv", text).is_err(), "{why} was accepted");
        }
        let err = parse("test.tsv", "# header\ntype\tAGREE\t\t1\tno\tx\tdesc\n").unwrap_err();
        assert_eq!(
            err,
            OntologyError::Table {
                file: "test.tsv",
                line: 2,
                reason: "bad score \"x\"".into()
            }
        );
    }
}
