//! The ontology tables griot codes with: PLOVER types, modes and sectors; CAMEO codes with
//! Goldstein scores; the CAMEO→PLOVER map; quad classes.
//! (Being filled in from `../shared/reference/`; see the crate's `data/` folder.)

use serde::{Deserialize, Serialize};

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
