//! Event coding: triggers → roles → qualifiers → place and date, into `Document::events`.
//!
//! Each event carries its evidence (trigger, source and target spans) and the id of the
//! lexicon row and role rule that produced it (`COERCE-arrest-v/active`). An event needs at
//! least one actor; a trigger with neither source nor recipient is not coded.

pub mod intent;
pub mod qualify;
pub mod roles;
pub mod sense;
pub mod triggers;
pub mod when;

use crate::lexicon::Lexicon;
use crate::resolve;
use griot_lexicon::events::TriggerPos;
use griot_model::ontology::PloverType;
use griot_model::{
    Actor, Document, Event, Evidence, Framing, Mention, MentionKind, Place, PosTag, Sentence, Span,
};
use roles::Slot;

/// Codes the events of a document whose sentences and mentions are already there.
pub fn code_events(doc: &mut Document, lex: &Lexicon) {
    let published = when::document_date(doc.date.as_deref());
    let dateline = dateline_place(doc, lex);
    let mut events = Vec::new();
    let kinds: Vec<MentionKind> = doc.mentions.iter().map(|m| m.kind).collect();
    // Mentions grouped by sentence once, not searched again for every sentence.
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    for (i, m) in doc.mentions.iter().enumerate() {
        if let Some(list) = by_sentence.get_mut(m.sentence) {
            list.push(i);
        }
    }
    for s in &doc.sentences {
        let slots = sentence_slots(
            s,
            &doc.mentions,
            by_sentence.get(s.index).map_or(&[], Vec::as_slice),
        );
        let actor_slots: Vec<Slot> = slots
            .iter()
            .filter(|sl| kinds[sl.mention] != MentionKind::Place)
            .copied()
            .collect();
        let mut sentence_events: Vec<(usize, Event)> = Vec::new();
        let mut found = triggers::find(s, &lex.events);
        // "A minefield explosion … killed two youths": the killing is by a weapon of war
        // (asked before the explosion is folded into the killing).
        let war_weapons = found
            .iter()
            .any(|f| weapon_of_war(f.row.kind, f.row.mode.as_deref()));
        // Heads of attack nouns: "An explosion killed two youths" has an event as subject.
        let attacks: Vec<usize> = found
            .iter()
            .filter(|f| f.row.kind == PloverType::Assault && f.row.pos == TriggerPos::Noun)
            .map(|f| f.head)
            .collect();
        intent::drop_embedded(s, &mut found);
        if found.is_empty() {
            continue;
        }
        let disaster = names_disaster(s);
        let cues = qualify::find_cues(s, &lex.cues, &lex.cue_starts);
        let date = when::event_date(s, published);
        let side = |slot: Option<Slot>| -> (Vec<Actor>, Vec<Span>) {
            let mut actors = Vec::new();
            let mut spans = Vec::new();
            for sl in slot
                .map(|sl| coordinated(s, sl, &actor_slots))
                .unwrap_or_default()
            {
                if let Some(m) = doc.mentions.get(sl.mention) {
                    actors.extend(actors_of(m));
                    spans.push(m.span);
                }
            }
            (actors, spans)
        };
        for mut f in found {
            let mut r = roles::roles(s, &f, &slots, &kinds, &attacks);
            if !f.senses.is_empty() {
                let object = if f.row.swap.is_some() {
                    r.source
                } else {
                    r.target
                };
                let chosen = sense::choose(s, &f, &side(r.source).0, &side(r.target).0, object);
                if !std::ptr::eq(chosen, f.row) {
                    f.row = chosen;
                    r = roles::roles(s, &f, &slots, &kinds, &attacks);
                }
            }
            // "Protests erupted in Tehran", "a demonstration in Lomé": a protest with no actor
            // named still falls on the country of the place it is in (see
            // `place_as_recipient`).
            let place = nearest_place(s, &slots, &doc.mentions, f.head);
            // "A protest was staged at King's Cross": a light row's noun as passive subject.
            let protest_noun = match f.row.pos {
                TriggerPos::Noun => Some(f.row.trigger.as_str()),
                TriggerPos::Light if f.noun.is_some_and(|(start, _)| start < f.start) => {
                    f.row.noun_words().last().map(String::as_str)
                }
                TriggerPos::Light | TriggerPos::Verb => None,
            };
            let placed_protest = f.row.kind == PloverType::Protest
                && matches!(protest_noun, Some("protest" | "demonstration"))
                && place.as_ref().is_some_and(|p| p.country.is_some());
            if r.source.is_none() && r.target.is_none() && !placed_protest {
                continue;
            }
            let (mut certainty, attribution) =
                qualify::qualify(doc, s, &cues, (f.start, f.end), &actor_slots);
            if f.noun.is_some_and(|(n, _)| no_before_noun(s, n)) {
                certainty = griot_model::Certainty::Negated;
            }
            let (source, source_spans) = side(r.source);
            let (target, target_spans) = side(r.target);
            let only_place = placed_protest && source.is_empty() && target.is_empty();
            if !(has_public_actor(f.row.kind, &source, &target, disaster)
                || f.row.kind == PloverType::Assault && war_weapons
                || only_place)
            {
                continue;
            }
            let cameo = f.row.cameo_code();
            let location = place.or_else(|| dateline.clone());
            let (target, target_spans) = place_as_recipient(
                f.row.kind,
                f.row.mode.as_deref(),
                &source,
                target,
                target_spans,
                &location,
            );
            if !visit_between_officials(f.row.kind, f.row.mode.as_deref(), &source, &target) {
                continue;
            }
            let event = Event {
                sentence: s.index,
                kind: f.row.kind,
                mode: f.row.mode.clone(),
                contexts: f.row.context.iter().cloned().collect(),
                cameo: Some(f.row.cameo.clone()),
                goldstein: cameo.map(|c| c.goldstein),
                quad_class: cameo.map(|c| c.quad_class),
                intensity: f.row.kind.score(),
                source,
                target,
                location,
                date: date.clone(),
                negated: certainty == griot_model::Certainty::Negated,
                certainty,
                attribution,
                evidence: Evidence {
                    // A passive light row's noun is its subject: "sanctions were imposed".
                    trigger: Span::new(
                        s.tokens[f.noun.map_or(f.start, |(n, _)| n.min(f.start))]
                            .span
                            .start,
                        s.tokens[f.end - 1].span.end,
                    ),
                    source: source_spans,
                    target: target_spans,
                },
                rule: format!("{}/{}", f.row.id, r.rule),
            };
            let mut event = event;
            intent::recode_obligation(&mut event, s, f.start);
            intent::recode_refusal(&mut event, s, f.start);
            intent::recode_intent(&mut event, s, f.start);
            let key = r.source.map_or(usize::MAX, |sl| sl.mention);
            merge(&mut sentence_events, key, event);
        }
        source_from_accusation(&mut sentence_events);
        prune_secondary(s, &mut sentence_events);
        imprisonment_is_also_arrest(s, &mut sentence_events);
        events.extend(sentence_events.into_iter().map(|(_, e)| e));
    }
    doc.events = events;
    doc.framing = framing(doc, lex);
}

/// "No deadline had been set", "imposed no sanctions": a light verb's noun under "no" is an
/// event that did not happen.
fn no_before_noun(s: &Sentence, noun: usize) -> bool {
    s.tokens[..noun]
        .iter()
        .rev()
        .take(3)
        .take_while(|t| matches!(t.tag, PosTag::DT | PosTag::JJ | PosTag::CD | PosTag::NN))
        .any(|t| t.text.eq_ignore_ascii_case("no"))
}

/// An event with no recipient that happens at a place named in the sentence (not the
/// dateline) falls on that place's country, as coders record it: the host of a visit ("The
/// French president arrived in Algiers" → DZA, when the visitor is foreign there), and the
/// place struck, blockaded, put under curfew, mobilised against or protested in ("imposed a
/// curfew in Cizre", "shelled positions in Jericho", "a general strike in Kathmandu").
fn place_as_recipient(
    kind: PloverType,
    mode: Option<&str>,
    source: &[Actor],
    target: Vec<Actor>,
    target_spans: Vec<Span>,
    location: &Option<Place>,
) -> (Vec<Actor>, Vec<Span>) {
    let Some(place) = location.as_ref().filter(|p| p.span.is_some()) else {
        return (target, target_spans);
    };
    let Some(country) = place.country.as_ref() else {
        return (target, target_spans);
    };
    let visit = mode == Some("visit") && !source.iter().any(|a| a.code.as_ref() == Some(country));
    let affected = matches!(
        kind,
        PloverType::Assault
            | PloverType::Coerce
            | PloverType::Mobilize
            | PloverType::Protest
            | PloverType::Threaten
    );
    if !target.is_empty() || !(visit || affected) {
        return (target, target_spans);
    }
    (
        vec![Actor {
            text: place.name.clone(),
            code: Some(country.clone()),
            span: place.span,
            ..Actor::default()
        }],
        place.span.iter().copied().collect(),
    )
}

/// Violence done to people or things: the types whose recipients need not be actors
/// (firms attacked, property destroyed, "civilians killed in the raid").
pub(crate) fn is_violence(kind: PloverType) -> bool {
    matches!(kind, PloverType::Assault | PloverType::Coerce)
}

/// Sectors of private business: firms, schools, hospitals, farms.
const BUSINESS_SECTORS: &[&str] = &["BUS", "EDU", "MED", "AGR"];

/// Sectors of people acting for no institution: civilians, criminals, refugees, unknowns.
const PEOPLE_SECTORS: &[&str] = &["CVL", "CRM", "REF", "UNK"];

/// Causes that are no actor: a typhoon that killed six people is news, not event data.
const DISASTERS: &[&str] = &[
    "typhoon",
    "hurricane",
    "cyclone",
    "storm",
    "earthquake",
    "quake",
    "flood",
    "flooding",
    "landslide",
    "mudslide",
    "tsunami",
    "avalanche",
    "wildfire",
    "blaze",
    "drought",
    "heatwave",
    "crash",
    "accident",
    "collision",
    "derailment",
    "epidemic",
    "pandemic",
    "outbreak",
];

/// Event data records what states, governments, armed and organised groups do, and what is
/// done to them and to the people of a country; a driver who assaulted a woman, a firm that
/// reached an agreement with another or a storm that killed six people is news but not an
/// event. The stated rule: an event needs at least one actor that is a country, an
/// organisation or a public sector (government, military, rebels, parties, unions, media,
/// clergy …), or people of a known country ("100 civilians" in Syria, "thousands of Turks")
/// when no disaster or accident is what befell them. Firms, schools, hospitals and farms
/// count only when attacked or coerced ("hospitals were targeted"), and so do unknown names
/// whose country is guessed from context ("James Foley" captured in Syria); an actor with
/// neither country nor sector (a place read as an actor) never does.
fn has_public_actor(kind: PloverType, source: &[Actor], target: &[Actor], disaster: bool) -> bool {
    let violence = is_violence(kind);
    let counts = |a: &Actor, recipient: bool| match standing(a) {
        Standing::Public => true,
        Standing::People => a.code.is_some() && !disaster,
        Standing::Business | Standing::Guessed => {
            recipient && violence && a.code.is_some() && !disaster
        }
        Standing::Unknown => false,
    };
    source.iter().any(|a| counts(a, false)) || target.iter().any(|a| counts(a, true))
}

/// How an actor stands for the public-actor rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// A country, an organisation or a public sector.
    Public,
    /// People acting for no institution (`PEOPLE_SECTORS`).
    People,
    /// Firms, schools, hospitals, farms (`BUSINESS_SECTORS`).
    Business,
    /// A name the lexicons do not know, whose country is only guessed from its sentence or
    /// the document ("Amanda Knox" acquitted in Italy, a reporter "talks with" another).
    Guessed,
    /// Neither country nor sector: an unknown name, a place read as an actor.
    Unknown,
}

fn standing(a: &Actor) -> Standing {
    match a.sector.as_deref() {
        Some(s) if BUSINESS_SECTORS.contains(&s) => Standing::Business,
        Some(s) if PEOPLE_SECTORS.contains(&s) => Standing::People,
        Some(_) => Standing::Public,
        None if a.attributes.contains_key("country_from") => Standing::Guessed,
        None if a.code.is_some() => Standing::Public,
        None => Standing::Unknown,
    }
}

/// Whether the sentence names a disaster or accident (as a noun: "troops stormed the camp"
/// names no storm).
fn names_disaster(s: &Sentence) -> bool {
    s.tokens
        .iter()
        .any(|t| t.tag.is_noun() && DISASTERS.contains(&crate::index::lower(&t.lemma).as_ref()))
}

/// Rockets, bombs, air strikes and shelling are acts of organised violence whoever the
/// victims are, even when the text names no perpetrator ("eleven people lost their lives in
/// a rocket attack").
fn weapon_of_war(kind: PloverType, mode: Option<&str>) -> bool {
    kind == PloverType::Assault
        && matches!(
            mode,
            Some(
                "aerial"
                    | "drone"
                    | "explosives"
                    | "heavy-weapons"
                    | "suicide-attack"
                    | "unconventional"
            )
        )
}

/// A visit (CONSULT `visit`) is made by officials or delegations to a host country or its
/// officials. Armed forces arriving somewhere are deployed, not visiting ("peacekeeping
/// troops arrived in Bosnia"); tourists received by a country, or a president arriving at a
/// stadium of his own capital to cheering supporters, are no visit either: both sides must be
/// public actors (see `has_public_actor`).
fn visit_between_officials(
    kind: PloverType,
    mode: Option<&str>,
    source: &[Actor],
    target: &[Actor],
) -> bool {
    if kind != PloverType::Consult || mode != Some("visit") {
        return true;
    }
    let troops = !source.is_empty()
        && source
            .iter()
            .all(|a| matches!(a.sector.as_deref(), Some("MIL" | "REB")));
    let public = |side: &[Actor]| side.iter().any(|a| standing(a) == Standing::Public);
    !troops && public(source) && public(target)
}

/// "The protesters decried Algeria's connivance …, citing the support provided to Imam
/// Dicko": a nominal event without a source that the accusers cite as their evidence is the
/// accused's act, alleged. The stated rule: its claimant is the source of an accusation or
/// protest in the same sentence, and that accusation's target becomes the event's source.
fn source_from_accusation(events: &mut [(usize, Event)]) {
    let accusations: Vec<(Vec<Span>, Vec<Actor>, Vec<Span>)> = events
        .iter()
        .filter(|(_, e)| {
            matches!(e.kind, PloverType::Accuse | PloverType::Protest) && !e.target.is_empty()
        })
        .map(|(_, e)| {
            (
                e.evidence.source.clone(),
                e.target.clone(),
                e.evidence.target.clone(),
            )
        })
        .collect();
    for (_, e) in events.iter_mut() {
        let griot_model::Attribution::Claimant {
            span: Some(claimant),
            ..
        } = &e.attribution
        else {
            continue;
        };
        if !e.rule.contains("/nominal") || !e.source.is_empty() {
            continue;
        }
        let accused = accusations.iter().find(|(accuser, target, _)| {
            accuser.iter().any(|a| a.overlaps(claimant))
                && !target.iter().any(|t| {
                    e.target
                        .iter()
                        .any(|x| x.code.is_some() && x.code == t.code && x.sector == t.sector)
                })
        });
        if let Some((_, target, spans)) = accused {
            e.source = target.clone();
            e.evidence.source = spans.clone();
            e.rule.push_str("+accused");
            // What accusers say the accused did is an allegation, however they phrase it.
            if matches!(
                e.certainty,
                griot_model::Certainty::Asserted | griot_model::Certainty::Reported
            ) {
                e.certainty = griot_model::Certainty::Alleged;
            }
        }
    }
}

/// Words that open a subordinate clause whose events are background to the sentence's news
/// ("… over two air raids in which 20 people were killed", "… after a car struck them").
/// "since" is not one: what a sentence counts time from is a landmark event of its own,
/// recorded by coders ("the deadliest attack since the army deposed Mohamed Morsi").
const SUBORDINATE: &[&str] = &[
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "after",
    "before",
    "while",
    "because",
    "although",
    "though",
    "if",
    "until",
    "as",
    "whereby",
    "despite",
    "notwithstanding",
];

/// "Sentenced to two years in prison": the PLOVER manual codes a conviction whose sentence
/// includes imprisonment as SANCTION `convict` and also COERCE `arrest`, same actors.
fn imprisonment_is_also_arrest(s: &Sentence, events: &mut Vec<(usize, Event)>) {
    if events.iter().any(|(_, e)| e.kind == PloverType::Coerce) {
        return;
    }
    let prison = |e: &Event| {
        let sentenced = s.tokens.iter().any(|t| {
            t.span.start >= e.evidence.trigger.start
                && t.span.end <= e.evidence.trigger.end
                && t.lemma == "sentence"
        });
        // The sentence's terms follow the verb closely: "sentenced … to ten years in prison".
        s.tokens
            .iter()
            .skip_while(|t| t.span.start < e.evidence.trigger.end)
            .take(8)
            .any(|t| {
                matches!(t.lemma.as_str(), "prison" | "jail" | "imprisonment")
                    || (sentenced && matches!(t.lemma.as_str(), "year" | "month"))
            })
    };
    let convicted = events.iter().find(|(_, e)| {
        e.kind == PloverType::Sanction && e.mode.as_deref() == Some("convict") && prison(e)
    });
    if let Some((key, e)) = convicted {
        let mut arrest = e.clone();
        intent::recode(
            &mut arrest,
            PloverType::Coerce,
            Some("arrest"),
            "173",
            "imprisonment",
        );
        let key = *key;
        events.push((key, arrest));
    }
}

/// Keeps a sentence's main-clause events when it has any: events in subordinate clauses and
/// nominal events without an actor of their own are then background, as coders read them.
fn prune_secondary(s: &Sentence, events: &mut Vec<(usize, Event)>) {
    let trigger_token = |e: &Event| {
        s.tokens
            .iter()
            .position(|t| t.span.start >= e.evidence.trigger.start)
    };
    let subordinate = |e: &Event| {
        let Some(t) = trigger_token(e) else {
            return false;
        };
        // The nearest comma before the trigger closes any subordinate phrase opened before
        // it ("… since his hunger strike, complaining that …").
        let from = s.tokens[t.saturating_sub(8)..t]
            .iter()
            .rposition(|tok| tok.text == ",")
            .map_or(t.saturating_sub(8), |k| t.saturating_sub(8) + k + 1);
        s.tokens[from..t].iter().any(|tok| {
            SUBORDINATE.contains(&crate::index::lower(&tok.text).as_ref())
                && matches!(tok.tag, PosTag::WDT | PosTag::WP | PosTag::WRB | PosTag::IN)
        })
    };
    // A nominal event someone in the text claims ("citing … the support provided to X") is
    // kept: who claims what is the point of the record.
    let nominal_without_source = |e: &Event| {
        e.rule.contains("/nominal")
            && e.source.is_empty()
            && matches!(e.attribution, griot_model::Attribution::Outlet)
    };
    let secondary = |e: &Event| subordinate(e) || nominal_without_source(e);
    if events.iter().any(|(_, e)| !secondary(e)) {
        events.retain(|(_, e)| !secondary(e));
    }
}

/// One event per type and source in a sentence: "demonstrated … to protest against X" is one
/// protest, with the recipient whichever trigger found it; "a bombing killed one soldier and
/// wounded two others" is one assault though neither verb has a known actor as its source.
fn merge(events: &mut Vec<(usize, Event)>, source: usize, event: Event) {
    let same_source = |s: usize, e: &Event| {
        if source == usize::MAX {
            s == usize::MAX && e.source.is_empty() && event.source.is_empty()
        } else {
            s == source
        }
    };
    {
        if let Some((_, kept)) = events
            .iter_mut()
            .find(|(s, e)| same_source(*s, e) && e.kind == event.kind)
        {
            // "A suicide bombing claimed by Isis has killed four Americans": the verb names
            // its recipient where the attack noun only had a place.
            let nominal = |e: &Event| e.rule.ends_with("/nominal");
            if nominal(kept) && !nominal(&event) && !event.target.is_empty() {
                *kept = event;
            } else if kept.target.is_empty() && !event.target.is_empty() {
                kept.target = event.target;
                kept.evidence.target = event.evidence.target;
            }
            return;
        }
    }
    events.push((source, event));
}

/// "Threatened the United States and Israel", "French and Egyptian warships": a role filled
/// by coordinated mentions is one compound actor, listed in order. A mention after "and" that
/// a verb follows starts a clause of its own ("… soldiers and Algeria protested").
fn coordinated(s: &Sentence, first: Slot, actors: &[Slot]) -> Vec<Slot> {
    let mut out = vec![first];
    // Back first: a subject is the conjunct nearest its verb ("The United States and Israel
    // condemned …" picks Israel).
    let mut start = first.start;
    while start >= 2 && matches!(s.tokens[start - 1].text.as_str(), "and" | "or") {
        let Some(prev) = actors
            .iter()
            .find(|a| a.end == start - 1 && !out.iter().any(|o| o.mention == a.mention))
        else {
            break;
        };
        out.insert(0, *prev);
        start = prev.start;
    }
    let mut end = first.end;
    while let Some(conj) = s.tokens.get(end) {
        // Commas are left out: "X, the former governor, …" is an apposition, not a list.
        if !matches!(conj.text.as_str(), "and" | "or") {
            break;
        }
        let Some(next) = actors.iter().find(|a| {
            a.start == end + 1
                || a.start == end + 2 && {
                    // "and the Palestinians": a determiner may stand before the next mention.
                    s.tokens[end + 1].tag == PosTag::DT
                }
        }) else {
            break;
        };
        let clause = s
            .tokens
            .get(next.end)
            .is_some_and(|t| t.tag.is_verb() || t.tag == PosTag::MD);
        if clause || out.iter().any(|o| o.mention == next.mention) {
            break;
        }
        out.push(*next);
        end = next.end;
    }
    out
}

fn actors_of(m: &Mention) -> Vec<Actor> {
    // A place as recipient ("a curfew on Cizre") stands for the country it lies in.
    if m.kind == MentionKind::Place {
        return m
            .place
            .iter()
            .filter(|p| p.country.is_some())
            .map(|p| Actor {
                text: m.text.clone(),
                code: p.country.clone(),
                span: Some(m.span),
                ..Actor::default()
            })
            .collect();
    }
    m.actors
        .iter()
        .map(|a| Actor {
            text: m.text.clone(),
            span: Some(m.span),
            ..a.clone()
        })
        .collect()
}

/// The mentions of a sentence with their token ranges.
fn sentence_slots(s: &Sentence, mentions: &[Mention], indices: &[usize]) -> Vec<Slot> {
    indices
        .iter()
        .filter_map(|&i| mentions.get(i).map(|m| (i, m)))
        .filter_map(|(i, m)| {
            let start = s.tokens.iter().position(|t| t.span.start >= m.span.start)?;
            let end = s
                .tokens
                .iter()
                .rposition(|t| t.span.end <= m.span.end)
                .map(|k| k + 1)?;
            (start < end).then_some(Slot {
                mention: i,
                start,
                end,
            })
        })
        .collect()
}

/// The place named after a locative preposition nearest the trigger.
fn nearest_place(s: &Sentence, slots: &[Slot], mentions: &[Mention], head: usize) -> Option<Place> {
    slots
        .iter()
        .filter(|sl| mentions[sl.mention].kind == MentionKind::Place)
        .filter(|sl| {
            // "in Gao", "in the occupied West Bank": a determiner and a few modifiers may
            // stand between the preposition and the name.
            let mut k = sl.start;
            while k > 0
                && sl.start - k < 3
                && matches!(s.tokens[k - 1].tag, PosTag::DT | PosTag::JJ | PosTag::VBN)
            {
                k -= 1;
            }
            k > 0
                && matches!(
                    crate::index::lower(&s.tokens[k - 1].lemma).as_ref(),
                    "in" | "at"
                        | "near"
                        | "outside"
                        | "inside"
                        | "around"
                        | "across"
                        | "throughout"
                )
        })
        .min_by_key(|sl| sl.start.abs_diff(head))
        .and_then(|sl| mentions[sl.mention].place.clone())
}

/// The dateline's place ("BAMAKO (Reuters) -"), resolved in the gazetteer.
fn dateline_place(doc: &Document, lex: &Lexicon) -> Option<Place> {
    let d = doc.datelines.first()?;
    let name = d.place.split(',').next()?.trim();
    let refs = lex.gazetteer.lookup_folded(name);
    let r = refs.first()?;
    match lex.gazetteer.resolve(*r)? {
        griot_lexicon::gazetteer::Named::Country(c, _) => Some(resolve::country_place(c, d.span)),
        griot_lexicon::gazetteer::Named::Place(p) => Some(resolve::city_place(p, d.span)),
        griot_lexicon::gazetteer::Named::Region(g) => Some(resolve::region_place(g, d.span)),
    }
}

/// Loaded-language markers of the document.
fn framing(doc: &Document, lex: &Lexicon) -> Vec<Framing> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let mut i = 0;
        while i < s.tokens.len() {
            let t = &s.tokens[i];
            // A word that is its own lemma needs one look-up, not two.
            let lemma = lex
                .loaded_starts
                .get(crate::index::lower(&t.lemma).as_ref());
            let text = if t.text == t.lemma {
                None
            } else {
                lex.loaded_starts.get(crate::index::lower(&t.text).as_ref())
            };
            let candidates = lemma.into_iter().chain(text).flatten();
            let matched = candidates
                .filter_map(|&k| lex.loaded.get(k))
                .find_map(|term| {
                    let n = term.words.len();
                    let ok = n > 0
                        && i + n <= s.tokens.len()
                        && term.words.iter().enumerate().all(|(k, w)| {
                            let t = &s.tokens[i + k];
                            t.lemma.eq_ignore_ascii_case(w) || t.text.eq_ignore_ascii_case(w)
                        });
                    ok.then_some((term, n))
                });
            match matched {
                Some((term, n)) => {
                    let span = Span::new(s.tokens[i].span.start, s.tokens[i + n - 1].span.end);
                    let bytes = s.tokens[i].bytes.0..s.tokens[i + n - 1].bytes.1;
                    out.push(Framing {
                        span,
                        text: doc.text.get(bytes).unwrap_or_default().to_string(),
                        category: term.category.as_str().to_string(),
                        rule: term.id.clone(),
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    out
}
