//! Statements of intent and embedded events, the way PLOVER and CAMEO code them.
//!
//! - An event named inside the complement of a verbal event ("agreed to resign", "urged Mali
//!   to release", "threatened to attack", "called for the release of") is not coded on its own:
//!   the governing agreement, request, threat or rejection is the event.
//! - A cooperative event stated as intent ("Finland will give Tanzania a grant", "is willing to
//!   send material") is an AGREE (CAMEO 03x, "express intent to …"); a conflictual one ("will
//!   attack") a THREATEN (13x).

use super::triggers::Found;
use griot_lexicon::events::TriggerPos;
use griot_model::ontology::{cameo, PloverType};
use griot_model::{Certainty, Event, PosTag, Sentence};

/// Types whose complement names the event they are about.
fn governs(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Agree | PloverType::Request | PloverType::Threaten | PloverType::Reject
    )
}

/// Drops triggers that sit in the complement of a governing trigger ("agreed … that their
/// countries should cooperate", "urged X to support Y", "called for the release of"), and
/// nominal triggers that only name the object of a verbal trigger of the same type ("will
/// provide … food aid").
pub fn drop_embedded(s: &Sentence, found: &mut Vec<Found<'_>>) {
    carry_out_orders(s, found);
    let governors: Vec<(usize, usize, bool)> = found
        .iter()
        .filter(|f| governs(f.row.kind))
        .map(|f| (f.start, f.end, f.row.pos == TriggerPos::Noun))
        .collect();
    let verbal: Vec<(usize, PloverType)> = found
        .iter()
        .filter(|f| f.row.pos != TriggerPos::Noun)
        .map(|f| (f.end, f.row.kind))
        .collect();
    let actions: Vec<usize> = found
        .iter()
        .filter(|f| is_action(f.row.kind))
        .map(|f| f.end)
        .collect();
    let found_accusations: Vec<usize> = found
        .iter()
        .filter(|f| matches!(f.row.kind, PloverType::Accuse | PloverType::Protest))
        .map(|f| f.end)
        .collect();
    found.retain(|b| {
        // "offers to help refugees evicted from the church": violence a participle reports of
        // its noun has happened, whatever the governing trigger says of the noun.
        let reported_of_noun =
            b.row.pos == TriggerPos::Verb && super::triggers::postnominal(s, b.head);
        let embedded = !reported_of_noun
            && governors.iter().any(|&(a_start, a_end, noun)| {
                b.start >= a_end && b.start - a_end <= COMPLEMENT_REACH && b.start != a_start && {
                    let between = &s.tokens[a_end..b.start];
                    let opens_complement = between.iter().any(|t| {
                        t.tag == PosTag::TO || matches!(t.lemma.as_str(), "that" | "for" | "of")
                    }) || b.start == a_end;
                    // "refused to meet the king, saying he would welcome him in Jerusalem": a
                    // participle clause after a comma is the subject's own, outside the
                    // complement.
                    let no_stop = !between
                        .iter()
                        .any(|t| matches!(t.text.as_str(), "." | ";" | ":" | "but"))
                        && !between
                            .windows(2)
                            .any(|w| w[0].text == "," && w[1].tag == PosTag::VBG);
                    // A noun in a fronted phrase has its complement inside that phrase:
                    // "Despite warnings of starvation by aid agencies, the government is
                    // refusing …" ends at the comma.
                    let fronted = noun
                        && s.tokens.first().is_some_and(|t| t.tag == PosTag::IN)
                        && !s.tokens[..a_start].iter().any(|t| t.tag.is_verb());
                    let within_phrase = !fronted || !between.iter().any(|t| t.text == ",");
                    no_stop && opens_complement && within_phrase
                }
            });
        // "decried Algeria's connivance with …", "in protest of the government's refusal":
        // the act complained of is the accusation's or the protest's object.
        let accused_act = b.row.pos == TriggerPos::Noun
            && found_accusations.iter().any(|&a_end| {
                b.start >= a_end && b.start - a_end <= 6 && {
                    let between = &s.tokens[a_end..b.start];
                    // A common noun may stand in between as a possessor ("the
                    // government's refusal"), not as a head of its own.
                    let possessive = between.iter().any(|t| t.tag == PosTag::POS);
                    between.iter().all(|t| {
                        matches!(t.tag, PosTag::DT | PosTag::JJ | PosTag::PRPS | PosTag::POS)
                            || t.tag.is_proper_noun()
                            || (possessive && t.tag.is_noun())
                            || matches!(t.lemma.as_str(), "of" | "against" | "over" | "at")
                    })
                }
            });
        // "will give Tanzania a grant … to finance several projects": a purpose clause of the
        // same type names the same act.
        let same_act_purpose = b.row.pos != TriggerPos::Noun
            && b.start > 0
            && s.tokens[b.start - 1].tag == PosTag::TO
            && verbal.iter().any(|&(end, kind)| {
                kind == b.row.kind
                    && b.start > end
                    && b.start - end <= COMPLEMENT_REACH
                    && !s.tokens[end..b.start - 1].iter().any(|t| {
                        t.tag.is_verb()
                            || matches!(t.text.as_str(), "," | "." | ";" | ":" | "but" | "and")
                    })
            });
        let object_of_verb = b.row.pos == TriggerPos::Noun
            && verbal
                .iter()
                .any(|&(end, kind)| kind == b.row.kind && b.start >= end && b.start - end <= 6);
        // "rejected a U.S. request", "signed a treaty of friendship": a nominal event that is
        // the direct object of another verbal event is what that event is about, not an event
        // of its own.
        let content_of_verb = b.row.pos == TriggerPos::Noun
            && verbal.iter().any(|&(end, _)| {
                b.start >= end && b.start - end <= 5 && only_determiners(s, end, b.start)
            });
        // "staged demonstrations … to demand reforms", "will visit Senegal to mediate",
        // "blocked roads, demanding that …": a request or consultation that states the purpose
        // of an action is part of that action.
        let purpose_of_action = matches!(
            b.row.kind,
            PloverType::Request | PloverType::Consult | PloverType::Agree
        ) && b.row.pos != TriggerPos::Noun
            && actions.iter().any(|&a_end| {
                b.start >= a_end
                    && b.start - a_end <= COMPLEMENT_REACH
                    && purpose_opens(s, b.start)
                    && !s.tokens[a_end..b.start]
                        .iter()
                        .any(|t| matches!(t.text.as_str(), "." | ";" | ":" | "but" | "and"))
            });
        !embedded
            && !object_of_verb
            && !accused_act
            && !content_of_verb
            && !purpose_of_action
            && !same_act_purpose
    });
}

/// Verbs whose object event is carried out on their subject's authority: "Trump ordered a
/// missile strike against the airbase" is the United States' strike, not a request to anyone.
const COMMANDS: &[&str] = &["order", "authorize", "authorise"];

/// "ordered a strike", "authorized the deployment of troops": the ordered act, with the
/// commander as its source (see `roles::nominal`), replaces the order. An order given to
/// someone ("ordered the newspaper to suspend publication") stays a demand.
fn carry_out_orders(s: &Sentence, found: &mut Vec<Found<'_>>) {
    let material = |k: PloverType| {
        matches!(
            k,
            PloverType::Assault
                | PloverType::Coerce
                | PloverType::Mobilize
                | PloverType::Retreat
                | PloverType::Sanction
                | PloverType::Aid
        )
    };
    let orders: Vec<usize> = found
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            f.row.pos == TriggerPos::Verb
                && COMMANDS.contains(&s.tokens[f.head].lemma.as_str())
                && found.iter().any(|b| {
                    b.row.pos == TriggerPos::Noun
                        && material(b.row.kind)
                        && b.start >= f.end
                        && b.start - f.end <= 5
                        && only_determiners(s, f.end, b.start)
                })
        })
        .map(|(k, _)| k)
        .collect();
    for k in orders.into_iter().rev() {
        found.remove(k);
    }
}

/// Physical actions whose purpose a following "to …" clause states.
fn is_action(kind: PloverType) -> bool {
    matches!(
        kind,
        PloverType::Protest
            | PloverType::Mobilize
            | PloverType::Consult
            | PloverType::Assault
            | PloverType::Coerce
    )
}

/// Tokens `[from, to)` are only what may stand between a verb and its object's head noun:
/// determiners, adjectives, possessives, numbers and proper names ("a fresh", "North Korea's",
/// "a U.S.").
fn only_determiners(s: &Sentence, from: usize, to: usize) -> bool {
    s.tokens[from..to].iter().all(|t| {
        matches!(
            t.tag,
            PosTag::DT | PosTag::JJ | PosTag::PRPS | PosTag::POS | PosTag::CD | PosTag::RB
        ) || t.tag.is_proper_noun()
    })
}

/// The trigger at `i` opens a purpose adjunct: an infinitive ("to demand") or a participle
/// after a comma ("…, demanding that").
fn purpose_opens(s: &Sentence, i: usize) -> bool {
    let before = i.checked_sub(1).map(|k| &s.tokens[k]);
    match before {
        Some(t) if t.tag == PosTag::TO => true,
        Some(t) => s.tokens[i].tag == PosTag::VBG && (t.text == "," || t.tag.is_noun()),
        None => false,
    }
}

/// How far after a governing trigger its complement may still hold an embedded event.
const COMPLEMENT_REACH: usize = 15;

/// Words that state intent right before an event's verb ("will give", "is willing to
/// withdraw", "offered to hand over").
const INTENT: &[&str] = &[
    "will", "willing", "ready", "prepared", "prepare", "offer", "promise", "pledge", "vow", "plan",
    "intend", "agree", "commit",
];

/// Gives `event` another type, mode and CAMEO code (with the code's Goldstein score and quad
/// class), noting `why` in its rule.
pub(crate) fn recode(
    event: &mut Event,
    kind: PloverType,
    mode: Option<&str>,
    code: &str,
    why: &str,
) {
    let c = cameo::lookup(code);
    event.rule = format!("{}+{why}", event.rule);
    event.kind = kind;
    event.mode = mode.map(str::to_string);
    event.cameo = Some(code.to_string());
    event.goldstein = c.map(|c| c.goldstein);
    event.quad_class = c.map(|c| c.quad_class);
    event.intensity = kind.score();
}

/// Recodes an event stated as intent (see the module doc).
pub fn recode_intent(event: &mut Event, s: &Sentence, trigger_start: usize) {
    let before = trigger_start.saturating_sub(4)..trigger_start;
    let stated = s.tokens[before.clone()]
        .iter()
        .any(|t| INTENT.contains(&crate::index::lower(&t.lemma).as_ref()));
    // "is prepared to lift the ban", "pledged to withdraw": a word of intent with its "to"
    // states the intent whatever else the clause says.
    let stated_to = before.clone().any(|k| {
        INTENT.contains(&crate::index::lower(&s.tokens[k].lemma).as_ref())
            && s.tokens[k].lemma != "will"
            && s.tokens.get(k + 1).is_some_and(|t| t.tag == PosTag::TO)
    });
    // "Iraq said it would allow the inspectors back": "would" reporting what someone said
    // they will do is a statement of intent, not a hypothesis.
    // Not "said it would be the first meeting": a copula names no act of the subject's.
    let reported_would = before.clone().any(|k| {
        s.tokens[k].text.eq_ignore_ascii_case("would")
            && s.tokens.get(k + 1).is_some_and(|t| t.lemma != "be")
            && s.tokens[k.saturating_sub(4)..k].iter().any(|t| {
                t.tag.is_verb()
                    && matches!(t.lemma.as_str(), "say" | "announce" | "declare" | "tell")
            })
    });
    let conflict = event.quad_class.is_some_and(|q| q >= 3);
    let unrealised = matches!(event.certainty, Certainty::Future | Certainty::Hypothetical);
    // A conflictual act that may or will happen is a threat ("may halt mediation", "would
    // tighten the blockade"); a cooperative one needs a word of intent ("will give").
    let intent = unrealised && (stated || conflict || reported_would) || stated_to;
    // A threat needs someone who threatens: an attack that may befall a country "if it is
    // attacked" stays a hypothetical attack.
    let threat_without_source = conflict && event.source.is_empty();
    // "If a leader is killing their own, they need to be removed": a condition is no threat
    // by the one it names.
    let clause_start = s.tokens[..trigger_start]
        .iter()
        .rposition(|t| matches!(t.text.as_str(), "," | ";" | ":"))
        .map_or(0, |k| k + 1);
    // The condition must govern the trigger: in "If they attack us we will destroy them" the
    // condition's own verb stands between, and "destroy" is the threat.
    let conditional = conflict
        && s.tokens[clause_start..trigger_start]
            .iter()
            .rposition(|t| {
                t.tag == PosTag::IN
                    && matches!(crate::index::lower(&t.text).as_ref(), "if" | "unless")
            })
            .is_some_and(|c| {
                !s.tokens[clause_start + c + 1..trigger_start]
                    .iter()
                    .any(|t| {
                        matches!(t.tag, PosTag::VBD | PosTag::VBZ | PosTag::VBP)
                            && !matches!(t.lemma.as_str(), "be" | "have" | "do")
                    })
            });
    // "any attack against Syria would be reckless" is no threat to attack.
    let generic = s.tokens[trigger_start].tag.is_noun()
        && super::qualify::generic_determiner(s, trigger_start);
    // "were not prepared to fight", "has not said whether it is prepared to": an intent
    // denied or asked about is no statement of intent.
    let negated = matches!(
        event.certainty,
        Certainty::Negated | Certainty::Denied | Certainty::Question
    );
    if !intent || negated || threat_without_source || conditional || generic || governs(event.kind)
    {
        return;
    }
    let (kind, code) = if conflict {
        let code = match event.kind {
            PloverType::Assault | PloverType::Mobilize => "138",
            PloverType::Coerce => "137",
            PloverType::Protest => "133",
            PloverType::Sanction => "131",
            _ => "130",
        };
        (PloverType::Threaten, code)
    } else {
        let code = match event.kind {
            PloverType::Aid => "033",
            PloverType::Cooperate => "031",
            PloverType::Support => "032",
            PloverType::Consult => "036",
            PloverType::Concede | PloverType::Retreat => "035",
            _ => "030",
        };
        (PloverType::Agree, code)
    };
    // "saying he would welcome him in Abuja": a host's offer is the host's agreement, though
    // the visit it promises has the visitor as actor.
    if event.rule.contains("/swap") {
        std::mem::swap(&mut event.source, &mut event.target);
        std::mem::swap(&mut event.evidence.source, &mut event.evidence.target);
    }
    recode(event, kind, None, code, "intent");
    // The statement of intent is itself asserted (or attributed to whoever made it).
    event.certainty = Certainty::Asserted;
}

/// Words that make a reported verb a demand ("Russia said Sudan must return the helicopter").
const OBLIGATION: &[&str] = &["must", "should"];

/// A claimant saying someone must do something demands it: REQUEST (CAMEO 10) from the
/// claimant to whoever must act.
pub fn recode_obligation(event: &mut Event, s: &Sentence, trigger_start: usize) {
    // Up to four words back: "must be ready to mediate".
    let obliged = s.tokens[trigger_start.saturating_sub(4)..trigger_start]
        .iter()
        .any(|t| OBLIGATION.contains(&crate::index::lower(&t.lemma).as_ref()));
    let griot_model::Attribution::Claimant {
        actor: Some(claimant),
        text,
        span,
    } = &event.attribution
    else {
        return;
    };
    // "must agree to …", "must reach an agreement": an obligation put on an agreement or a
    // rejection is as much a demand as one put on any other act; only a demand stays itself.
    if !obliged || event.kind == PloverType::Request {
        return;
    }
    let mut source = claimant.clone();
    source.text = text.clone();
    source.span = *span;
    event.target = std::mem::take(&mut event.source);
    event.evidence.target = std::mem::take(&mut event.evidence.source);
    event.evidence.source = span.iter().copied().collect();
    event.source = vec![source];
    recode(event, PloverType::Request, None, "100", "obligation");
    event.certainty = Certainty::Asserted;
    event.attribution = griot_model::Attribution::Outlet;
}

/// A cooperative act the text says did not or will not happen is a rejection ("will not accept
/// more refugees", "failed to reach agreement", "refusing to lift the curfew"): REJECT, CAMEO 12.
pub fn recode_refusal(event: &mut Event, s: &Sentence, trigger_start: usize) {
    let refused = s.tokens[trigger_start.saturating_sub(4)..trigger_start]
        .iter()
        .any(|t| {
            matches!(
                t.lemma.to_lowercase().as_str(),
                "fail" | "refuse" | "decline"
            )
        });
    let negated = event.certainty == Certainty::Negated || refused;
    let cooperative = matches!(
        event.kind,
        PloverType::Agree
            | PloverType::Concede
            | PloverType::Support
            | PloverType::Aid
            | PloverType::Cooperate
            | PloverType::Consult
            | PloverType::Retreat
    );
    if !negated || !cooperative {
        return;
    }
    let code = match event.kind {
        PloverType::Aid => "122",
        PloverType::Consult => "125",
        PloverType::Concede | PloverType::Retreat => "124",
        _ => "120",
    };
    recode(event, PloverType::Reject, None, code, "refusal");
    event.certainty = Certainty::Asserted;
    event.negated = false;
}
