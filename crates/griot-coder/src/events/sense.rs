//! Choosing among lexicon rows that share a trigger, once its actors are known.
//!
//! A few triggers have two senses that the words around them do not separate but the actors
//! do: a "strike" by workers is a walkout and by jets an attack; a "raid" by police a search
//! and by troops an assault; "welcomed the minister" receives a visitor while "welcomed the
//! decision" approves a policy; a "withdrawal" from a territory is a retreat and from an
//! agreement a sanction. The lexicon lists each sense as its own row (same words, same part
//! of speech); the trigger finder keeps them together and this module picks one.

use super::roles::Slot;
use super::triggers::Found;
use griot_lexicon::events::EventRow;
use griot_model::ontology::PloverType;
use griot_model::{Actor, ChunkKind, PosTag, Sentence};

/// Words before a noun trigger that make it military ("military strikes", "a missile raid").
const ARMED_WORDS: &[&str] = &[
    "military",
    "air",
    "missile",
    "rocket",
    "drone",
    "retaliatory",
    "punitive",
    "pre-emptive",
    "preemptive",
    "surgical",
    "precision",
    "western",
    "coalition",
    "allied",
    "naval",
    "artillery",
];

/// Sectors that bear arms.
const ARMED: &[&str] = &["MIL", "REB", "UAF", "SPY", "COP"];

fn armed(a: &Actor) -> bool {
    a.sector.as_deref().is_some_and(|s| ARMED.contains(&s)) || a.code.as_deref() == Some("IMG")
}

/// A state acting as such: a country, or its government, with no narrower sector.
fn state(a: &Actor) -> bool {
    a.code.is_some() && matches!(a.sector.as_deref(), None | Some("GOV"))
}

/// People and bodies that act without arms: workers, teachers, doctors, students, firms,
/// parties, civilians …
fn unarmed(a: &Actor) -> bool {
    a.sector
        .as_deref()
        .is_some_and(|s| !ARMED.contains(&s) && s != "GOV")
}

/// The row to code for trigger `f`, whose first row found `source` and `target`; `object`
/// is the mention in the verb's object (the source of a swapped row, else the target).
pub fn choose<'a>(
    s: &Sentence,
    f: &Found<'a>,
    source: &[Actor],
    target: &[Actor],
    object: Option<Slot>,
) -> &'a EventRow {
    let rows: Vec<&'a EventRow> = std::iter::once(f.row)
        .chain(f.senses.iter().copied())
        .collect();
    let of = |kind: PloverType| rows.iter().copied().find(|r| r.kind == kind);
    if let Some(violent) = of(PloverType::Assault) {
        // A walkout or a search by people without arms; an attack by armed forces or by a
        // state ("a US strike"); a search by police or a government ("a police raid").
        if let Some(other) = of(PloverType::Protest) {
            // With no source, the recipient or the word before tells: "strikes against
            // Syria", "military strikes" are attacks; "a strike against the government",
            // "a general strike" walkouts.
            let before = f
                .start
                .checked_sub(1)
                .map(|k| s.tokens[k].lemma.to_ascii_lowercase());
            let armed_word = before.as_deref().is_some_and(|w| ARMED_WORDS.contains(&w));
            let attack = source.iter().any(|a| armed(a) || state(a))
                || source.is_empty()
                    && (armed_word
                        || target
                            .iter()
                            .any(|a| armed(a) || a.code.is_some() && a.sector.is_none()));
            let walkout = source.iter().any(unarmed) && !source.iter().any(armed);
            return if attack && !walkout { violent } else { other };
        }
        if let Some(other) = of(PloverType::Coerce) {
            let police = source
                .iter()
                .any(|a| matches!(a.sector.as_deref(), Some("COP" | "GOV" | "JUD")));
            let troops = source
                .iter()
                .any(|a| armed(a) && a.sector.as_deref() != Some("COP"));
            return if troops && !police { violent } else { other };
        }
    }
    if let (Some(visit), Some(approval)) = (of(PloverType::Consult), of(PloverType::Support)) {
        // "welcomed the French minister": the recipient heads the object; "welcomed the French
        // decision": a thing heads it and the recipient only modifies it.
        // The object's noun phrase stands right after the verb ("welcomed the withdrawal of
        // Somalia" has a thing as object, Somalia only in its "of" phrase).
        let after = (f.end..s.tokens.len())
            .find(|&k| s.tokens[k].tag != PosTag::RB)
            .unwrap_or(f.end);
        // Its head is the recipient's own word or a name ("former US president Barack
        // Obama").
        let heads_object = object.is_some_and(|t| {
            s.chunks.iter().any(|c| {
                c.kind == ChunkKind::NP
                    && c.start == after
                    && c.start <= t.start
                    && t.start < c.end
                    && (c.end == t.end || s.tokens[c.end - 1].tag.is_proper_noun())
            })
        });
        return if heads_object { visit } else { approval };
    }
    if let (Some(retreat), Some(sanction)) = (of(PloverType::Retreat), of(PloverType::Sanction)) {
        // Troops withdraw from territory; states withdraw from agreements and talks.
        let territory = target
            .iter()
            .any(|a| a.sector.is_none() && a.code.is_some());
        let troops = source.iter().chain(target).any(armed);
        return if troops || territory {
            retreat
        } else {
            sanction
        };
    }
    f.row
}
