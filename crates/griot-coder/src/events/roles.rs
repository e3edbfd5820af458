//! Who did it to whom: source and recipient from the chunk structure around a trigger.
//!
//! Rules (each event records which applied in its rule id):
//! - active verb: the nearest actor mention before the verb group is the source (through a
//!   relative pronoun: "the junta, which supports …" → the junta); the recipient is found in
//!   the row's slots after the trigger (object, or the object of a given preposition);
//! - passive verb ("have been detained", "supported by Algeria"): the mention before is the
//!   recipient, a "by" phrase the source; with no "by" the source stays empty;
//! - swapped rows ("received aid from"): the subject is the recipient;
//! - infinitive purpose clauses ("demonstrated … to protest against X") share the subject of
//!   the verb they depend on, and so do coordinated verbs ("killed one soldier and wounded
//!   two others") and participle adjuncts ("shelled Juba, killing 20 people");
//! - nominal events: a possessive or "by" phrase is the source ("Algeria's support for …"),
//!   the row's preposition slot the recipient ("the arrest of 50 soldiers").

use super::triggers::Found;
use griot_lexicon::events::{TargetSlot, TriggerPos};
use griot_model::ontology::PloverType;
use griot_model::{ChunkKind, MentionKind, PosTag, Sentence};

/// A mention of the sentence with its token range.
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    pub mention: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Roles {
    pub source: Option<Slot>,
    pub target: Option<Slot>,
    /// Which rule found them: "active", "passive", "reduced-relative", "swap", "nominal",
    /// "purpose".
    pub rule: &'static str,
}

/// How far (in tokens) a role may stand from its trigger.
const REACH: usize = 12;

/// `attacks` are the head tokens of the sentence's nominal ASSAULT triggers.
pub fn roles(
    s: &Sentence,
    f: &Found<'_>,
    slots: &[Slot],
    kinds: &[MentionKind],
    attacks: &[usize],
) -> Roles {
    let actor = |sl: &&Slot| kinds[sl.mention] != MentionKind::Place;
    // Possessive pronouns ("withdraw its troops") are not participants of the event.
    let participant =
        |sl: &&Slot| !(sl.end == sl.start + 1 && s.tokens[sl.start].tag == PosTag::PRPS);
    let actors: Vec<Slot> = slots
        .iter()
        .filter(actor)
        .filter(participant)
        .copied()
        .collect();
    let places: Vec<Slot> = slots
        .iter()
        .filter(|sl| kinds[sl.mention] == MentionKind::Place)
        .copied()
        .collect();
    if f.row.pos == TriggerPos::Noun {
        // Possessive pronouns do own nominal events ("their hunger strike").
        let owners: Vec<Slot> = slots.iter().filter(actor).copied().collect();
        let mut r = nominal(s, f, &actors, &owners);
        if r.target.is_none() {
            r.target = place_target(s, f, &places);
        }
        return r;
    }
    let v = f.head;
    let (vp_start, _) = verb_group(s, v);
    // "Israel is opposed to French mediation", "Vietnam is committed to opening up": these
    // participles state the subject's own stance, so the subject acts and "to" names what at.
    let stance = STANCES.contains(&s.tokens[v].lemma.as_str())
        && (f.row.trigger.ends_with(" to") || s.tokens.get(f.end).is_some_and(|t| t.lemma == "to"));
    let passive_group = |start: usize, end: usize| {
        s.tokens[end - 1].tag == PosTag::VBN
            && (start..end).any(|k| matches!(s.tokens[k].lemma.as_str(), "be" | "get"))
    };
    // "were later identified and arrested": a participle joined to a passive verb group is
    // passive too, with that group's subject.
    // Only when the second group is the bare participle: "… and has accused the government"
    // has an auxiliary of its own, and is active.
    let bare = s.tokens[vp_start..v].iter().all(|t| t.tag.is_adverb());
    let passive_first = (!stance && bare && s.tokens[v].tag == PosTag::VBN)
        .then(|| shares_subject(s, vp_start, v))
        .flatten()
        .and_then(|first_end| {
            s.chunks
                .iter()
                .find(|c| c.kind == ChunkKind::VP && c.end == first_end)
        })
        .filter(|c| passive_group(c.start, c.end))
        .map(|c| c.start);
    let passive = !stance && (passive_group(vp_start, v + 1) || passive_first.is_some());
    // "rebels supported by Algeria", "a synagogue destroyed by the Nazis": a participle with
    // its "by" agent right after it is passive whatever stands before it.
    // Without "by" too, when the participle follows its noun ("refugees evicted from the
    // church"): the noun is the recipient and the source is not named.
    let reduced = super::triggers::participle(s, v)
        && vp_start == v
        && (agent_follows(s, f.end) || super::triggers::postnominal(s, v));
    if passive || reduced {
        let target = if reduced {
            // "Three journalists, kidnapped in Syria, were freed": a comma may stand between.
            let comma = v > 0 && s.tokens[v - 1].tag == PosTag::Comma;
            actors
                .iter()
                .find(|m| m.end == v || comma && m.end + 1 == v)
                .copied()
        } else {
            subject(s, passive_first.unwrap_or(vp_start), &actors)
        };
        // "figures released by the ministry", "a plan backed by the party": what the agent
        // acted on is a thing, not an actor; only violence done to things is an event.
        if reduced && target.is_none() && !super::is_violence(f.row.kind) {
            return Roles {
                source: None,
                target: None,
                rule: "inanimate-object",
            };
        }
        let mut source = after_preposition(s, f.end, "by", &actors);
        let mut target = target;
        if let Some((noun_start, _)) = f.noun.filter(|&(start, _)| start < f.start) {
            // "Egyptian troops were sent to Sinai", "Chinese aid was flown to Nepal": what is
            // moved is the mover's own; "Two Russian diplomats were expelled" is done to them.
            let own = matches!(
                f.row.kind,
                PloverType::Mobilize | PloverType::Retreat | PloverType::Aid
            );
            // Only the noun's own phrase is its subject: its modifiers ("US sanctions") and
            // the phrases after it ("sanctions against Iran"), never an actor of an earlier
            // clause ("was due to meet the president, but the meeting was cancelled").
            let mut phrase_start = noun_start;
            while phrase_start > 0
                && matches!(
                    s.tokens[phrase_start - 1].tag,
                    PosTag::DT
                        | PosTag::PDT
                        | PosTag::PRPS
                        | PosTag::POS
                        | PosTag::CD
                        | PosTag::JJ
                        | PosTag::NN
                        | PosTag::NNS
                        | PosTag::NNP
                        | PosTag::NNPS
                )
            {
                phrase_start -= 1;
            }
            target = target.filter(|t| t.start >= phrase_start);
            if own && source.is_none() && target.is_some() {
                source = target.take();
            }
            // "New sanctions were imposed on Iran": the row's slots after the verb.
            if target.is_none() {
                target = f
                    .row
                    .targets
                    .iter()
                    .filter(|slot| matches!(slot, TargetSlot::Prep(_)))
                    .find_map(|slot| find_slot(s, f.end, slot, &actors))
                    .filter(|t| source.is_none_or(|src| src.mention != t.mention))
                    .or_else(|| place_target(s, f, &places));
            }
            return Roles {
                source,
                target,
                rule: "passive-light",
            };
        }
        return Roles {
            source,
            target,
            rule: if reduced {
                "reduced-relative"
            } else {
                "passive"
            },
        };
    }
    let mut rule = "active";
    let mut subj = match shares_subject(s, vp_start, v) {
        // "a bombing killed one soldier and wounded two others", "rebels shelled Juba,
        // killing 20 people": the second verb's subject is the first verb's, never the first
        // verb's object that happens to stand nearest.
        Some(first_verb_end) => {
            rule = "coordinated";
            governing_subject(s, first_verb_end, &actors)
        }
        None => subject(s, vp_start, &actors),
    };
    // "The coup attempt threatens …", "a car struck them": a subject that is not an actor
    // makes the verb about things, not an event between actors.
    // An attack as subject ("an explosion killed two youths") is not a thing: the assault
    // keeps its victims though the perpetrator is unknown.
    let k = subject_end(s, vp_start);
    let attack_subject = f.row.kind == PloverType::Assault
        && attacks.iter().any(|&h| {
            // The attack noun heads the subject, perhaps with a place after it ("an explosion
            // near the town killed …"): no verb or comma in between.
            h < k
                && k - h <= REACH
                && s.tokens[h + 1..k]
                    .iter()
                    .all(|t| !t.tag.is_verb() && t.tag != PosTag::Comma)
        });
    // An infinitive ("started a hunger strike … to protest X") has no subject of its own: the
    // noun before it is no inanimate subject.
    let infinitive = s.tokens[vp_start].tag == PosTag::TO;
    if subj.is_none() && !attack_subject && !infinitive && inanimate_subject(s, vp_start, slots) {
        return Roles {
            source: None,
            target: None,
            rule: "inanimate-subject",
        };
    }
    // "demonstrated … to protest against X": the subject of the verb the clause depends on.
    if subj.is_none() || vp_start > 0 && s.tokens[vp_start].tag == PosTag::TO {
        if let Some(governing) = governing_subject(s, vp_start, &actors) {
            subj = Some(governing);
            rule = "purpose";
        }
    }
    if let Some(swap) = &f.row.swap {
        let actor_slot = find_slot(s, f.end, swap, &actors);
        return Roles {
            source: actor_slot,
            target: subj,
            rule: "swap",
        };
    }
    let target = f
        .row
        .targets
        .iter()
        .find_map(|slot| find_slot(s, f.end, slot, &actors))
        .filter(|t| subj.is_none_or(|s| s.mention != t.mention))
        .or_else(|| indirect_object(f, subj, &actors))
        .or_else(|| following_actor(s, f, subj, &actors))
        .or_else(|| light_noun_target(s, f, subj, &actors))
        .or_else(|| place_target(s, f, &places));
    Roles {
        source: subj,
        target,
        rule,
    }
}

/// Verbs whose participle after "be" and before "to" states a stance the subject holds.
const STANCES: &[&str] = &["oppose", "commit", "dedicate", "devote", "ally"];

/// A verb group that continues an earlier one: coordinated ("… and wounded") or a participle
/// adjunct after a comma ("…, killing"). Returns where the earlier verb group ends.
fn shares_subject(s: &Sentence, vp_start: usize, v: usize) -> Option<usize> {
    let mut k = vp_start;
    while k > 0 && s.tokens[k - 1].tag == PosTag::RB {
        k -= 1;
    }
    // "… and in 2018 invaded Afrin", "and on Friday attacked": a short time adjunct may stand
    // between the conjunction and the verb.
    if let Some(p) = (k.saturating_sub(5)..k).find(|&j| {
        s.tokens[j].tag == PosTag::IN
            && j > 0
            && s.tokens[j - 1].tag == PosTag::CC
            && s.tokens[j + 1..k].iter().all(|t| {
                matches!(
                    t.tag,
                    PosTag::CD | PosTag::NNP | PosTag::DT | PosTag::JJ | PosTag::NN | PosTag::Comma
                )
            })
    }) {
        k = p;
    }
    let before = s.tokens.get(k.checked_sub(1)?)?;
    let joined = (before.tag == PosTag::CC
        && matches!(before.lemma.as_str(), "and" | "or" | "but"))
        || (before.text == "," && s.tokens[v].tag == PosTag::VBG);
    if !joined {
        return None;
    }
    s.chunks
        .iter()
        .filter(|c| c.kind == ChunkKind::VP && c.end < k)
        .map(|c| c.end)
        .max()
        .map(|end| end.max(1))
}

/// "gave the Ivory Coast 5.1 million dollars of aid": an actor between a light verb and its
/// noun is the recipient.
fn indirect_object(f: &Found<'_>, source: Option<Slot>, actors: &[Slot]) -> Option<Slot> {
    if f.row.pos != TriggerPos::Light {
        return None;
    }
    let (noun_start, _) = f.noun.filter(|&(start, _)| start > f.start)?;
    actors
        .iter()
        .filter(|m| m.start > f.start && m.end <= noun_start)
        .filter(|m| source.is_none_or(|src| src.mention != m.mention))
        .min_by_key(|m| m.start)
        .copied()
}

/// When no slot of the row holds the recipient: the first actor named after the trigger in
/// the same clause ("demanded that Moscow …", "rejected Kofi Annan's proposal", "refused to
/// commit to assistance to the US-led war"), unless the row says the event has none.
fn following_actor(
    s: &Sentence,
    f: &Found<'_>,
    source: Option<Slot>,
    actors: &[Slot],
) -> Option<Slot> {
    if f.row.targets.contains(&TargetSlot::None) {
        return None;
    }
    let limit = (f.end + 2 * REACH).min(s.tokens.len());
    let stop = (f.end..limit)
        .find(|&k| matches!(s.tokens[k].text.as_str(), ";" | ":") || s.tokens[k].lemma == "say")
        .unwrap_or(limit);
    actors
        .iter()
        .filter(|m| m.start >= f.end && m.end <= stop)
        .filter(|m| source.is_none_or(|src| src.mention != m.mention))
        .min_by_key(|m| m.start)
        .copied()
}

fn nominal(s: &Sentence, f: &Found<'_>, actors: &[Slot], owners: &[Slot]) -> Roles {
    let n = f.head;
    // "Algeria’s support": a mention ending right before the possessive marker before the noun.
    // The phrase is the one the trigger starts in ("a suspension of attacks", whose head word
    // sits in the "of" phrase).
    let np_start = s
        .chunks
        .iter()
        .find(|c| c.kind == ChunkKind::NP && c.start <= f.start && f.start < c.end)
        .map_or(f.start, |c| c.start);
    let possessor = owners.iter().copied().find(|m| {
        m.start >= np_start
            && m.end <= n
            && (s.tokens.get(m.end).is_some_and(|t| t.tag == PosTag::POS)
                || s.tokens[m.start].tag == PosTag::PRPS)
    });
    // "the arrest of 50 soldiers by the junta", not "demonstrations against violations by
    // the military": only an "of" phrase may stand between the noun and its "by" agent.
    let by = after_preposition(s, f.end, "by", actors).filter(|m| {
        !s.tokens[f.end..m.start]
            .iter()
            .any(|t| t.tag == PosTag::IN && !matches!(t.lemma.as_str(), "of" | "by"))
    });
    // "staged a hunger strike", "launched an offensive": the event noun is the object of a verb
    // whose subject is the event's source.
    // "is engaged in a fierce battle", "were involved in clashes": through "in" after a verb
    // of taking part (not "stonewalling in negotiations", where "in" only says where).
    let through_in = np_start > 1
        && s.tokens[np_start - 1].lemma == "in"
        && matches!(
            s.tokens[np_start - 2].lemma.as_str(),
            "engage" | "involve" | "participate" | "embroil"
        );
    let verb_subject = s
        .chunks
        .iter()
        .find(|c| {
            c.kind == ChunkKind::VP && (c.end == np_start || through_in && c.end + 1 == np_start)
        })
        // "witnesses saw the attack", "Turkish officials feared a strike": who sees, fears or
        // remembers an act does not do it.
        .filter(|vp| !WITNESS_VERBS.contains(&s.tokens[vp.end - 1].lemma.as_str()))
        .and_then(|vp| {
            subject(s, vp.start, actors).or_else(|| governing_subject(s, vp.start, actors))
        });
    let target = f
        .row
        .targets
        .iter()
        .find_map(|slot| match slot {
            TargetSlot::Possessive => None,
            _ => find_slot(s, f.end, slot, actors),
        })
        .or_else(|| {
            f.row
                .targets
                .contains(&TargetSlot::Possessive)
                .then_some(possessor)
                .flatten()
        })
        .or_else(|| {
            (f.row.kind == PloverType::Assault)
                .then(|| casualties(s, np_start, actors))
                .flatten()
        })
        .or_else(|| {
            matches!(f.row.kind, PloverType::Coerce | PloverType::Sanction)
                .then(|| destined_for(s, f.end, actors))
                .flatten()
        });
    // "Palestinian riots against …", "a Soviet refusal": a demonym right before the event
    // noun names who acts.
    let demonym = owners.iter().copied().find(|m| {
        m.start >= np_start
            && m.end == f.start
            && (m.start..m.end)
                .all(|k| matches!(s.tokens[k].tag, PosTag::JJ | PosTag::NNP | PosTag::NNPS))
    });
    // "the withdrawal of US troops from Syria": when the recipient is where the act moves
    // away from, the "of" phrase names who moves.
    let mover = target
        .filter(|t| t.start > f.end && s.tokens[f.end..t.start].iter().any(|x| x.lemma == "from"))
        .and_then(|_| {
            s.tokens
                .get(f.end)
                .filter(|x| x.lemma == "of")
                .and_then(|_| after_preposition(s, f.end, "of", actors))
        });
    let source = by
        .or(possessor)
        .or(demonym)
        .or(mover)
        .or(verb_subject)
        .filter(|p| target.is_none_or(|t| t.mention != p.mention));
    Roles {
        source,
        target,
        rule: "nominal",
    }
}

/// Verbs that report deaths without naming a cause; an attack they happen "in" or "during" is
/// that cause.
const DYING: &[&str] = &["die", "perish", "lose"];

/// "Seven women and four men lost their lives in a rocket attack", "two soldiers died during
/// the shelling": the subject of a verb of dying right before "in"/"during" and the attack
/// noun is the attack's recipient.
fn casualties(s: &Sentence, np_start: usize, actors: &[Slot]) -> Option<Slot> {
    let p = np_start.checked_sub(1)?;
    if !matches!(s.tokens[p].lemma.as_str(), "in" | "during") {
        return None;
    }
    // "lost their lives in": the verb may have "their life/lives" between it and "in".
    let v = (p.saturating_sub(3)..p)
        .rev()
        .find(|&k| s.tokens[k].tag.is_verb() && DYING.contains(&s.tokens[k].lemma.as_str()))?;
    let lose = s.tokens[v].lemma == "lose";
    if lose && !s.tokens[v + 1..p].iter().any(|t| t.lemma == "life") {
        return None;
    }
    let vp = s
        .chunks
        .iter()
        .find(|c| c.kind == ChunkKind::VP && c.start <= v && v < c.end)?;
    subject(s, vp.start, actors)
}

/// Whether the noun phrase right before the verb group (through a relative pronoun) holds no
/// mention at all.
fn inanimate_subject(s: &Sentence, vp_start: usize, slots: &[Slot]) -> bool {
    let k = subject_end(s, vp_start);
    let Some(np) = s
        .chunks
        .iter()
        .find(|c| c.kind == ChunkKind::NP && c.end == k)
    else {
        return false;
    };
    // Pronouns and names may stand for actors the mention stage does not know ("Putin").
    let pronoun = (np.start..np.end).any(|t| {
        matches!(s.tokens[t].tag, PosTag::PRP | PosTag::WP) || s.tokens[t].tag.is_proper_noun()
    });
    !pronoun && !slots.iter().any(|m| m.start < np.end && np.start < m.end)
}

/// The verb group around token `v`: from its first auxiliary or modal to its end.
fn verb_group(s: &Sentence, v: usize) -> (usize, usize) {
    s.chunks
        .iter()
        .find(|c| c.kind == ChunkKind::VP && c.start <= v && v < c.end)
        .map_or((v, v + 1), |c| (c.start, c.end))
}

/// A "by" agent right after a participle, or after one short place or time phrase ("fighters
/// captured in Syria by US-backed forces").
fn agent_follows(s: &Sentence, i: usize) -> bool {
    if next_word_is(s, i, "by") {
        return true;
    }
    let Some(t) = s.tokens.get(i) else {
        return false;
    };
    t.tag == PosTag::IN
        && s.tokens[i + 1..]
            .iter()
            .take(5)
            .take_while(|t| {
                matches!(
                    t.tag,
                    PosTag::DT | PosTag::JJ | PosTag::CD | PosTag::NN | PosTag::NNP | PosTag::NNPS
                ) || t.text.eq_ignore_ascii_case("by")
            })
            .any(|t| t.text.eq_ignore_ascii_case("by"))
}

fn next_word_is(s: &Sentence, i: usize, word: &str) -> bool {
    s.tokens
        .get(i)
        .is_some_and(|t| t.text.eq_ignore_ascii_case(word))
}

/// Where a verb group's subject must end: before the adverbs, commas and relative pronoun
/// ("which", "who") that may sit between subject and verb.
fn subject_end(s: &Sentence, vp_start: usize) -> usize {
    let mut k = vp_start;
    while k > 0
        && matches!(
            s.tokens[k - 1].tag,
            PosTag::RB | PosTag::WDT | PosTag::WP | PosTag::Comma
        )
    {
        k -= 1;
    }
    k
}

/// The nearest actor mention before `vp_start` in the same clause. An apposition between
/// commas ("General Abass Dembele, the former governor of the Mopti region, have been
/// detained") is passed over for the phrase it describes.
pub fn subject(s: &Sentence, vp_start: usize, actors: &[Slot]) -> Option<Slot> {
    let k = relative_clause_start(s, vp_start).unwrap_or_else(|| subject_end(s, vp_start));
    let nearest = actors
        .iter()
        .filter(|m| m.end <= k && k - m.end <= REACH)
        .filter(|m| !clause_break(s, m.end, k))
        .max_by_key(|m| m.end)
        .copied()?;
    // The comma that opens an apposition closed right before the verb group ("Karen Pierce,
    // the UK permanent representative at the UN, complained").
    let open = (vp_start > 0 && s.tokens[vp_start - 1].text == ",")
        .then(|| {
            (nearest.start.saturating_sub(1)..nearest.start)
                .chain((nearest.start.saturating_sub(REACH)..nearest.start).rev())
                .find(|&k| s.tokens[k].text == ",")
        })
        .flatten()
        .filter(|&o| !s.tokens[o + 1..nearest.start].iter().any(|t| t.text == ","));
    if let Some(open) = open {
        let before = actors
            .iter()
            .filter(|m| m.end <= open && open - m.end <= 1)
            .max_by_key(|m| m.end)
            .copied();
        // Else the apposition's first actor: the title's country, not the body the holder
        // serves at.
        let first_inside = actors
            .iter()
            .filter(|m| m.start > open && m.end <= nearest.end)
            .min_by_key(|m| m.start)
            .copied();
        return before.or(first_inside).or(Some(nearest));
    }
    Some(nearest)
}

/// "The party, which had attracted the support of voters, was dissolved": a relative clause
/// or participle phrase set off by commas before a verb is skipped; its start is where the
/// subject must end.
fn relative_clause_start(s: &Sentence, vp_start: usize) -> Option<usize> {
    let close = subject_end(s, vp_start);
    if close == vp_start || !s.tokens[close..vp_start].iter().any(|t| t.text == ",") {
        return None;
    }
    let open = (close.saturating_sub(2 * REACH)..close)
        .rev()
        .take_while(|&k| !matches!(s.tokens[k].text.as_str(), ";" | ":"))
        .find(|&k| s.tokens[k].text == ",")?;
    // A participle phrase is set off the same way ("Guterres, addressing the Security Council
    // on Syria, urged …", "The militia, backed by Turkey, attacked …").
    let relative = s.tokens.get(open + 1).is_some_and(|t| {
        matches!(
            t.tag,
            PosTag::WDT | PosTag::WP | PosTag::WPS | PosTag::VBG | PosTag::VBN
        )
    });
    relative.then_some(open)
}

/// "the interception of a weapons shipment intended for armed groups": what is seized or
/// stopped on its way is meant for the actor named after "intended/destined/bound for".
fn destined_for(s: &Sentence, end: usize, actors: &[Slot]) -> Option<Slot> {
    let limit = (end + REACH).min(s.tokens.len().saturating_sub(1));
    let k = (end..limit).find(|&k| {
        matches!(
            s.tokens[k].lemma.as_str(),
            "intend" | "destine" | "bind" | "bound"
        ) && matches!(s.tokens[k].tag, PosTag::VBN | PosTag::VBD | PosTag::JJ)
            && s.tokens[k + 1].lemma == "for"
    })?;
    // Only the "of" phrase may stand between the noun and the participle.
    if s.tokens[end..k]
        .iter()
        .any(|t| t.tag.is_verb() || t.tag == PosTag::Comma)
    {
        return None;
    }
    actors
        .iter()
        .find(|m| m.start == k + 2 || m.start == k + 3)
        .copied()
}

/// Whether a clause boundary (another finite verb group, a subordinator, a semicolon) stands
/// between tokens `a` and `b`.
fn clause_break(s: &Sentence, a: usize, b: usize) -> bool {
    // "Soldiers suspected of theft were arrested": a participle after its noun opens no clause.
    let reduced_relative =
        |c: &griot_model::Chunk| c.end == c.start + 1 && super::triggers::postnominal(s, c.start);
    s.chunks.iter().any(|c| {
        c.start >= a
            && c.end <= b
            && matches!(c.kind, ChunkKind::VP | ChunkKind::SBAR)
            && !(c.kind == ChunkKind::VP && reduced_relative(c))
    }) || s.tokens[a..b]
        .iter()
        .any(|t| matches!(t.text.as_str(), ";" | ":"))
}

/// Verbs of perceiving, believing, fearing, denying and remembering, whose object event is
/// someone else's act. Verbs of saying and reporting are not among them ("police reported the
/// arrest of five militants" is their own arrest as often as not): "the US president said the withdrawal was to save
/// lives" speaks of his own act as often as of another's.
const WITNESS_VERBS: &[&str] = &[
    "think",
    "believe",
    "fear",
    "know",
    "deny",
    "describe",
    "see",
    "witness",
    "hear",
    "predict",
    "document",
    "recall",
    "remember",
    "commemorate",
    "mark",
    "mourn",
    "film",
    "record",
    "recount",
];

/// For an infinitive or a verb without its own subject ("accused the government … and
/// threatened to resume protests"): the subject of the nearest earlier verb group that has
/// one, at most three verb groups back.
fn governing_subject(s: &Sentence, vp_start: usize, actors: &[Slot]) -> Option<Slot> {
    let mut earlier: Vec<_> = s
        .chunks
        .iter()
        .filter(|c| c.kind == ChunkKind::VP && c.end <= vp_start)
        .collect();
    earlier.sort_by_key(|c| std::cmp::Reverse(c.end));
    // A verb group that itself continues an earlier one ("…, killing or wounding 50") has
    // that one's subject, not the noun before it.
    earlier
        .into_iter()
        .filter(|vp| shares_subject(s, vp.start, vp.end - 1).is_none())
        .take(3)
        .find_map(|vp| subject(s, vp.start, actors))
}

/// "Expelled two Russian diplomats": when a light verb's noun is itself an actor mention, and
/// no slot gave a recipient, that mention is the recipient. Not when a possessive pronoun
/// makes it the source's own ("recalled its ambassador").
fn light_noun_target(
    s: &Sentence,
    f: &Found<'_>,
    subj: Option<Slot>,
    actors: &[Slot],
) -> Option<Slot> {
    let (_, noun_end) = f.noun.filter(|&(start, _)| start > f.start)?;
    let noun = noun_end - 1;
    actors
        .iter()
        .find(|m| m.start <= noun && noun < m.end)
        .filter(|m| s.tokens[m.start].tag != PosTag::PRPS)
        .filter(|m| subj.is_none_or(|sj| sj.mention != m.mention))
        .copied()
}

/// "Imposed a curfew on Cizre", "shelled Juba", "the blockade of Kabul", "sought refuge in
/// Germany": when no actor fills the recipient slot, a place in it stands for its people and
/// government, as coders record it. Only the row's own slots count, so "in" gives a recipient
/// only where the row lists it (refuge, deployments, attacks), not a meeting's venue.
fn place_target(s: &Sentence, f: &Found<'_>, places: &[Slot]) -> Option<Slot> {
    f.row.targets.iter().find_map(|slot| match slot {
        TargetSlot::Object => object(s, f.end, places),
        TargetSlot::Prep(p) => after_preposition(s, f.end, p, places),
        _ => None,
    })
}

fn find_slot(s: &Sentence, after: usize, slot: &TargetSlot, actors: &[Slot]) -> Option<Slot> {
    match slot {
        TargetSlot::Object => object(s, after, actors),
        TargetSlot::Prep(p) => after_preposition(s, after, p, actors),
        TargetSlot::Possessive | TargetSlot::None => None,
    }
}

/// The first actor mention after the trigger, before any other verb group or preposition
/// other than "of" (so "dozens of soldiers" counts, "in the north" does not).
fn object(s: &Sentence, after: usize, actors: &[Slot]) -> Option<Slot> {
    let first = actors
        .iter()
        .filter(|m| m.start >= after && m.start - after <= 6)
        .min_by_key(|m| m.start)?;
    let between = &s.tokens[after..first.start];
    let blocked = between.iter().any(|t| {
        t.tag.is_verb() && t.tag != PosTag::VBN && t.tag != PosTag::VBG
            || t.tag == PosTag::IN && t.lemma != "of"
            || matches!(t.text.as_str(), "," | ";" | ":")
    });
    (!blocked).then_some(*first)
}

/// The actor mention right after preposition `prep`, which itself follows the trigger within a
/// few tokens ("demonstrated in front of the embassy to protest against X").
fn after_preposition(s: &Sentence, after: usize, prep: &str, actors: &[Slot]) -> Option<Slot> {
    let limit = (after + REACH).min(s.tokens.len());
    let p = (after..limit).find(|&k| s.tokens[k].text.eq_ignore_ascii_case(prep))?;
    // A "by" agent belongs to the nearest participle ("corridors opened into areas
    // controlled by Damascus", but "the attack carried out by") and stays in its clause
    // ("until determination by a court").
    let agent = prep == "by";
    let first_word = (after..p).find(|&k| !matches!(s.tokens[k].tag, PosTag::Comma | PosTag::RB));
    if (after..p).any(|k| {
        let t = &s.tokens[k];
        // "exiled from recaptured territories by …": a participle before its noun is no verb.
        let prenominal = s.tokens.get(k + 1).is_some_and(|n| n.tag.is_noun());
        let participle = matches!(t.tag, PosTag::VBG | PosTag::VBN);
        t.tag.is_verb() && (!participle || agent && Some(k) != first_word && !prenominal)
            || agent
                && t.tag == PosTag::IN
                && super::triggers::SUBORDINATORS.contains(&t.lemma.as_str())
    }) {
        return None;
    }
    // "aid for the war-torn regions of Syria": past a longer noun phrase, an "of" phrase still
    // names whom the preposition's object belongs to.
    let through_of = |m: &Slot| {
        m.start - p <= 7
            && s.tokens[m.start - 1].lemma == "of"
            && s.tokens[p + 1..m.start - 1].iter().all(|t| {
                matches!(
                    t.tag,
                    PosTag::DT | PosTag::JJ | PosTag::NN | PosTag::NNS | PosTag::CD | PosTag::PRPS
                )
            })
    };
    actors
        .iter()
        .filter(|m| m.start > p && (m.start - p <= 4 || through_of(m)))
        .min_by_key(|m| m.start)
        .copied()
}
