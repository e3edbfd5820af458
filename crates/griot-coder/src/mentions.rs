//! Mentions: who and where, composed over the chunked sentence.
//!
//! Rules, in the order they claim tokens:
//! - a title followed by capitalised names is a person ("General Abass Dembele" → MIL);
//! - inside a noun phrase, a role noun takes its country from demonyms, country names,
//!   possessives, organisations or places that modify it ("Malian authorities" → MLI GOV;
//!   "Moroccan and Malian intelligence agencies" → MAR SPY + MLI SPY; "the Algerian Embassy" →
//!   DZA GOV); with none, the country is left for [`crate::resolve`] to find from context;
//! - plural demonyms are civilians ("hundreds of Malians" → MLI CVL);
//! - a capital city is its government unless it follows a locative preposition ("tensions
//!   between Bamako and Algiers" → MLI GOV, DZA GOV; "in Bamako" → a place);
//! - a country name is an actor, or a place after a locative preposition;
//! - other gazetteer places are places; pronouns are kept for resolution.

use crate::index::Target;
use crate::lexicon::Lexicon;
use crate::resolve;
use griot_lexicon::agents::{AgentKind, AgentRow};
use griot_lexicon::gazetteer::NameKind;
use griot_model::{
    Actor, ChunkKind, Document, Mention, MentionKind, Place, PosTag, Sentence, Span,
};

/// Prepositions after which a place name is where something happens, not who acts.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "within",
    "into",
    "via",
    "towards",
    "toward",
    "across",
    "along",
    "beyond",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "off",
];

/// Nouns that quantify the phrase after "of" ("dozens of soldiers"): the mention covers both.
const QUANTIFIERS: &[&str] = &[
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "score",
    "scores",
    "ten",
    "tens",
    "group",
    "groups",
    "number",
    "some",
    "many",
    "most",
    "several",
    "all",
    "members",
    "member",
    "majority",
    "handful",
    "couple",
    "crowd",
    "crowds",
];

/// "US-led", "Iran-backed": the first part acts.
const PARTICIPLE_SUFFIXES: &[&str] = &[
    "led",
    "backed",
    "based",
    "sponsored",
    "supported",
    "brokered",
    "allied",
    "funded",
    "armed",
    "trained",
    "linked",
    "aligned",
    "controlled",
    "run",
    "held",
    "owned",
    "affiliated",
];

/// Words that make a number approximate ("about 50 soldiers").
const APPROXIMATORS: &[&str] = &[
    "about", "around", "nearly", "almost", "some", "roughly", "over", "up", "to",
];

/// What the resolver still has to settle for a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    Nothing,
    /// A role noun with no country in its phrase: take it from context.
    Country,
    /// "the demonstrators": the nearest earlier mention of the same sector, else context.
    Definite,
    /// "the country": the country in focus.
    TheCountry,
    /// it/its (singular), they/them/their (plural), he/him/his/she/her (a person; him and
    /// her as objects).
    Pronoun {
        plural: bool,
        person: bool,
        object: bool,
    },
    /// A place name with several gazetteer candidates.
    Place,
}

/// A mention under construction, with what resolution needs to know.
#[derive(Debug, Clone)]
pub struct Draft {
    pub mention: Mention,
    pub pending: Pending,
    /// Gazetteer candidates for places (indices into places or regions).
    pub candidates: Vec<Target>,
    /// The head is plural (for pronoun agreement).
    pub plural: bool,
    /// The place follows a locative preposition ("in Bamako"): it says where things happen.
    pub locative: bool,
}

/// Finds the mentions of a read document and stores them in `doc.mentions`.
pub fn find_mentions(doc: &mut Document, lex: &Lexicon) {
    let mut drafts = Vec::new();
    let mut buf = String::new();
    for sentence in &doc.sentences {
        sentence_mentions(sentence, lex, &mut buf, &mut drafts);
    }
    resolve::resolve(doc, lex, &mut drafts);
    doc.mentions = drafts.into_iter().map(|d| d.mention).collect();
}

#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    targets: Vec<Target>,
    used: bool,
}

fn sentence_mentions(s: &Sentence, lex: &Lexicon, buf: &mut String, out: &mut Vec<Draft>) {
    let words: Vec<&str> = s.tokens.iter().map(|t| t.text.as_str()).collect();
    let lemmas: Vec<&str> = s.tokens.iter().map(|t| t.lemma.as_str()).collect();
    let mut hits = find_hits(s, lex, &words, &lemmas, buf);
    let first_new = out.len();
    titled_persons(s, lex, &mut hits, out);
    let mut k = 0;
    while k < s.chunks.len() {
        let chunk = &s.chunks[k];
        k += 1;
        if chunk.kind != ChunkKind::NP {
            continue;
        }
        // "[NP EU] [NP foreign ministers]": the chunker cuts before an adjective; an
        // organisation's name right before a noun phrase modifies it ("EU foreign ministers"
        // are the EU's, as "NATO defence ministers" are NATO's).
        let next = s.chunks.get(k).filter(|n| {
            n.kind == ChunkKind::NP
                && n.start == chunk.end
                && !matches!(s.tokens[n.start].tag, PosTag::DT | PosTag::PRPS)
        });
        let organisation_only = hits.iter().any(|h| {
            h.start == chunk.start
                && h.end == chunk.end
                && h.targets
                    .iter()
                    .filter_map(|t| agent(lex, t))
                    .any(|r| matches!(r.kind, AgentKind::Organisation | AgentKind::Group))
        });
        match next {
            Some(n) if organisation_only => {
                noun_phrase(s, lex, chunk.start, n.end, &mut hits, out);
                k += 1;
            }
            _ => noun_phrase(s, lex, chunk.start, chunk.end, &mut hits, out),
        }
    }
    // Hits outside noun phrases (a demonym the chunker put in an ADJP, a name tagged oddly).
    let leftovers: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| !h.used)
        .map(|h| (h.start, h.end))
        .collect();
    for (start, end) in leftovers {
        noun_phrase(s, lex, start, end, &mut hits, out);
    }
    unknown_names(s, &hits, first_new, out);
    pronouns(s, out);
    out[first_new..].sort_by_key(|d| d.mention.span.start);
}

/// "South Lebanon", "Northern Mali": a compass word before a country's name names part of
/// that country, not a namesake town abroad (GeoNames has a South Lebanon in Ohio).
fn part_of_country(
    lex: &Lexicon,
    words: &[&str],
    lemmas: &[&str],
    i: usize,
    end: usize,
    buf: &mut String,
) -> Option<Vec<Target>> {
    const COMPASS: &[&str] = &[
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
        "Upper", "Lower",
    ];
    if end != i + 2 || !COMPASS.contains(&words[i]) {
        return None;
    }
    let (rest_end, rest) = lex.index.longest_at(words, lemmas, i + 1, buf)?;
    let country: Vec<Target> = rest
        .into_iter()
        .filter(|t| {
            matches!(
                t,
                Target::Country {
                    kind: NameKind::Name | NameKind::Alias,
                    ..
                }
            )
        })
        .collect();
    (rest_end == end && !country.is_empty()).then_some(country)
}

/// Pass 1: longest matches, filtered so that common words are not taken for places.
fn find_hits(
    s: &Sentence,
    lex: &Lexicon,
    words: &[&str],
    lemmas: &[&str],
    buf: &mut String,
) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((end, targets)) = lex.index.longest_at(words, lemmas, i, buf) {
            // "South Sudan" is a country of its own, "South Lebanon" part of one.
            let own_country = targets.iter().any(|t| matches!(t, Target::Country { .. }));
            let targets = (!own_country)
                .then(|| part_of_country(lex, words, lemmas, i, end, buf))
                .flatten()
                .unwrap_or(targets);
            let targets = filter_targets(s, lex, i, end, targets);
            if !targets.is_empty() {
                hits.push(Hit {
                    start: i,
                    end,
                    targets,
                    used: false,
                });
                i = end;
                continue;
            }
        }
        // "Rabat-Bamako": a hyphenated pair of capitals or countries.
        if words[i].contains('-') {
            let parts: Vec<Vec<Target>> = words[i]
                .split('-')
                .filter_map(|p| lex.index.longest_at(&[p], &[p], 0, buf).map(|(_, t)| t))
                .collect();
            let all_states = parts.len() >= 2
                && parts.len() == words[i].split('-').count()
                && parts
                    .iter()
                    .all(|t| t.iter().any(|x| matches!(x, Target::Country { .. })));
            // "US-led", "Algeria-backed": the country leads or backs whatever the phrase names.
            let mut pieces = words[i].rsplitn(2, '-');
            let last = pieces.next().unwrap_or_default().to_lowercase();
            let head = pieces.next().unwrap_or_default();
            if !all_states && PARTICIPLE_SUFFIXES.contains(&last.as_str()) && !head.is_empty() {
                let targets: Vec<Target> = lex
                    .index
                    .longest_at(&[head], &[head], 0, buf)
                    .map(|(_, t)| t)
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|t| match t {
                        Target::Country { index, .. } => Some(Target::Country {
                            index,
                            kind: NameKind::Name,
                        }),
                        Target::Agent(_) => Some(t),
                        _ => None,
                    })
                    .fold(Vec::new(), |mut unique: Vec<Target>, t| {
                        if !unique.contains(&t) {
                            unique.push(t);
                        }
                        unique
                    });
                if !targets.is_empty() {
                    hits.push(Hit {
                        start: i,
                        end: i + 1,
                        targets,
                        used: false,
                    });
                }
            }
            if all_states {
                hits.push(Hit {
                    start: i,
                    end: i + 1,
                    targets: parts
                        .into_iter()
                        .flatten()
                        .filter(|t| matches!(t, Target::Country { .. }))
                        .collect(),
                    used: false,
                });
            }
        }
        i += 1;
    }
    hits
}

fn filter_targets(
    s: &Sentence,
    lex: &Lexicon,
    start: usize,
    end: usize,
    mut targets: Vec<Target>,
) -> Vec<Target> {
    let toks = &s.tokens[start..end];
    let proper = toks.iter().any(|t| t.tag.is_proper_noun());
    let last = &toks[toks.len() - 1];
    // "al-Qaeda", "al-Shabaab", "el-Sisi": an Arabic article before a capital counts.
    let capitalised = {
        let w = toks[0].text.as_str();
        let body = [
            "al-", "el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-",
        ]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .unwrap_or(w);
        body.chars().next().is_some_and(char::is_uppercase)
    };
    // A place inside a longer name ("the Algiers Peace Agreement", "Tripoli Airport") is not
    // a place mention: a capitalised proper noun touches it on either side.
    let in_longer_name = |k: Option<usize>| {
        k.and_then(|k| s.tokens.get(k)).is_some_and(|t| {
            t.tag.is_proper_noun() && t.text.chars().next().is_some_and(char::is_uppercase)
        })
    };
    let embedded = in_longer_name(start.checked_sub(1)) || in_longer_name(Some(end));
    let has_country = targets.iter().any(|t| matches!(t, Target::Country { .. }));
    targets.retain(|t| match t {
        Target::Place(_) | Target::Region(_) => proper && !has_country && !embedded,
        Target::Country { .. } | Target::Macro(_) | Target::Ethnic { .. } => capitalised,
        Target::Agent(i) => match lex.agents.rows().get(*i as usize).map(|r| r.kind) {
            // Role nouns must be read as nouns ("suspected", "advocating" are not agents).
            // …and a capitalised name after a preposition is a name, not a role ("near Man").
            Some(AgentKind::Agent) => {
                (last.tag.is_noun() || adjective_as_head(s, start, end))
                    && !(toks[0].tag.is_proper_noun()
                        && start > 0
                        && matches!(s.tokens[start - 1].tag, PosTag::IN | PosTag::TO))
            }
            Some(_) => capitalised,
            None => false,
        },
    });
    targets
}

/// "The Philippine military on Tuesday rescued …": the tagger reads some role nouns as
/// adjectives ("military", "rebel"); one that ends its noun phrase after a determiner,
/// possessive or modifier heads it ("military operations" does not: a noun follows).
fn adjective_as_head(s: &Sentence, start: usize, end: usize) -> bool {
    let tag = |k: usize| s.tokens.get(k).map(|t| t.tag);
    let modifier = |t: Option<PosTag>| {
        matches!(
            t,
            Some(PosTag::DT | PosTag::JJ | PosTag::NNP | PosTag::NNPS | PosTag::POS | PosTag::PRPS)
        )
    };
    let continues = |t: Option<PosTag>| {
        t.is_some_and(|t| t.is_noun() || matches!(t, PosTag::JJ | PosTag::CD | PosTag::VBG))
    };
    end > start
        && tag(end - 1) == Some(PosTag::JJ)
        && end - 1 > 0
        && modifier(tag(end - 2))
        && !continues(tag(end))
}

fn agent<'a>(lex: &'a Lexicon, t: &Target) -> Option<&'a AgentRow> {
    match t {
        Target::Agent(i) => lex.agents.rows().get(*i as usize),
        _ => None,
    }
}

/// The hit's agents-table row of `kind` (a title, a known person), if it has one.
fn row_of_kind<'a>(lex: &'a Lexicon, hit: &Hit, kind: AgentKind) -> Option<&'a AgentRow> {
    hit.targets
        .iter()
        .filter_map(|t| agent(lex, t))
        .find(|r| r.kind == kind)
}

/// "General Abass Dembele", "Imam Mahmoud Dicko", "President Assimi Goita".
fn titled_persons(s: &Sentence, lex: &Lexicon, hits: &mut [Hit], out: &mut Vec<Draft>) {
    for h in 0..hits.len() {
        let Some(row) = row_of_kind(lex, &hits[h], AgentKind::Title) else {
            continue;
        };
        let name_start = hits[h].end;
        let mut name_end = name_start;
        while name_end < s.tokens.len() && name_end - name_start < 5 && is_name_token(s, name_end) {
            name_end += 1;
        }
        if name_end == name_start {
            continue;
        }
        // A name the lexicon knows ("President Barack Obama") carries its country.
        let mut known: Option<&AgentRow> = None;
        for other in hits.iter_mut() {
            if other.start >= name_start && other.end <= name_end {
                other.used = true;
                known = known.or_else(|| row_of_kind(lex, other, AgentKind::Person));
            }
        }
        hits[h].used = true;
        let mut start = hits[h].start;
        // A demonym right before the title gives the country: "Malian President X".
        let mut code = row
            .code
            .clone()
            .or_else(|| known.and_then(|k| k.code.clone()));
        if let Some(prev) = hits.iter_mut().find(|p| p.end == start && !p.used) {
            let country = prev.targets.iter().find_map(|t| match t {
                Target::Country {
                    index,
                    kind: NameKind::Adjective | NameKind::Name | NameKind::Alias,
                } => lex.gazetteer.countries().get(*index as usize),
                _ => None,
            });
            if let Some(c) = country {
                code = Some(c.iso3.clone());
                start = prev.start;
                prev.used = true;
            }
        }
        let span = span_of(s, start, name_end);
        let name: Vec<&str> = s.tokens[name_start..name_end]
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        let mut actor = Actor {
            text: text_of(s, start, name_end),
            code: code.clone(),
            sector: row.sector.clone(),
            id: Some(name.join(" ")),
            span: Some(span),
            ..Default::default()
        };
        actor.attributes.insert(
            "title".into(),
            s.tokens[hits[h].start..hits[h].end]
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        out.push(Draft {
            mention: Mention {
                span,
                text: actor.text.clone(),
                kind: MentionKind::Person,
                sentence: s.index,
                actors: vec![actor],
                place: None,
                antecedent: None,
                rule: Some(row.id.clone()),
            },
            pending: if code.is_none() {
                Pending::Country
            } else {
                Pending::Nothing
            },
            candidates: Vec::new(),
            plural: false,
            locative: false,
        });
    }
}

fn is_name_token(s: &Sentence, i: usize) -> bool {
    let t = &s.tokens[i];
    t.tag.is_proper_noun() && t.text.chars().next().is_some_and(char::is_uppercase)
}

/// Builds the mentions inside the token range `[start, end)` (a noun phrase or a lone hit).
fn noun_phrase(
    s: &Sentence,
    lex: &Lexicon,
    start: usize,
    end: usize,
    hits: &mut [Hit],
    out: &mut Vec<Draft>,
) {
    let inside: Vec<usize> = (0..hits.len())
        .filter(|&h| !hits[h].used && hits[h].start >= start && hits[h].end <= end)
        .collect();
    let locative = is_locative(s, start);
    let definite = matches!(
        s.tokens[start].lemma.as_str(),
        "the" | "this" | "that" | "these" | "those"
    );
    // The role noun nearest the head.
    let head_agent = inside.iter().rev().copied().find_map(|h| {
        hits[h]
            .targets
            .iter()
            .filter_map(|t| agent(lex, t))
            .find(|r| r.kind == AgentKind::Agent)
            .map(|r| (h, r))
    });
    let org = inside.iter().copied().find_map(|h| {
        hits[h]
            .targets
            .iter()
            .filter_map(|t| agent(lex, t))
            .find(|r| matches!(r.kind, AgentKind::Organisation | AgentKind::Group))
            .map(|r| (h, r))
    });
    if let Some((ah, row)) = head_agent {
        // Countries (and organisations, places) that modify the role noun.
        let mut codes: Vec<String> = Vec::new();
        let mut attributes = Vec::new();
        for &h in &inside {
            if h == ah || hits[h].start > hits[ah].start {
                continue;
            }
            for t in &hits[h].targets {
                match t {
                    Target::Country { index, .. } => {
                        if let Some(c) = lex.gazetteer.countries().get(*index as usize) {
                            push_unique(&mut codes, c.iso3.clone());
                        }
                    }
                    Target::Place(p) => {
                        if let Some(p) = lex.gazetteer.places().get(*p as usize) {
                            if codes.is_empty() {
                                attributes.push(("place".to_string(), p.name().to_string()));
                            }
                        }
                    }
                    _ => {}
                }
            }
            hits[h].used = true;
        }
        // "Hungarian and Romanian officials" when the chunker split the demonyms off.
        let mut start = start;
        while start >= 2 && matches!(s.tokens[start - 1].text.as_str(), "and" | "or" | ",") {
            let Some(prev) = hits.iter_mut().find(|p| p.end == start - 1 && !p.used) else {
                break;
            };
            let Some(c) = prev.targets.iter().find_map(|t| match t {
                Target::Country {
                    index,
                    kind: NameKind::Adjective,
                } => lex.gazetteer.countries().get(*index as usize),
                _ => None,
            }) else {
                break;
            };
            codes.insert(0, c.iso3.clone());
            prev.used = true;
            start = prev.start;
        }
        for &h in &inside {
            for t in &hits[h].targets {
                if let Target::Ethnic {
                    index,
                    people: false,
                } = t
                {
                    if let Some(g) = lex.ethnic.get(*index as usize) {
                        attributes.push((g.attribute().to_string(), g.name().to_string()));
                        if codes.is_empty() {
                            codes.extend(g.country.clone());
                        }
                    }
                }
            }
        }
        if codes.is_empty() {
            if let Some((oh, org_row)) = org {
                if hits[oh].start < hits[ah].start {
                    if let Some(c) = &org_row.code {
                        codes.push(c.clone());
                    }
                    hits[oh].used = true;
                }
            }
        }
        // "opponents to Malian rulers", "soldiers of Mali": the complement names the country
        // — unless a possessive pronoun already names the owner ("withdrew its troops from
        // South Lebanon").
        if codes.is_empty() && s.tokens[start].tag != PosTag::PRPS {
            codes.extend(complement_country(s, lex, end, hits));
        }
        if codes.is_empty() {
            if let Some(c) = &row.code {
                codes.push(c.clone());
            }
        }
        hits[ah].used = true;
        let sector = sector_with_modifiers(s, lex, start, hits[ah].start, row);
        let span_start = quantified_start(s, start);
        let span_end = hits[ah].end.max(end.min(hits[ah].end));
        let span = span_of(s, span_start, span_end);
        let text = text_of(s, span_start, span_end);
        let pending = if !codes.is_empty() {
            Pending::Nothing
        } else if definite && is_the_country(s, hits[ah].start) {
            Pending::TheCountry
        } else if definite {
            Pending::Definite
        } else {
            Pending::Country
        };
        let actors = if codes.is_empty() {
            vec![None]
        } else {
            codes.into_iter().map(Some).collect()
        };
        let actors = actors
            .into_iter()
            .map(|code| {
                let mut a = Actor {
                    text: text.clone(),
                    code,
                    sector: sector.clone(),
                    span: Some(span),
                    ..Default::default()
                };
                for (k, v) in row.attributes.iter().chain(attributes.iter()) {
                    if matches!(k.as_str(), "ethnicity" | "religion" | "place")
                        && !a.attributes.contains_key(k)
                    {
                        a.attributes.insert(k.clone(), v.clone());
                    }
                }
                a
            })
            .collect::<Vec<_>>();
        let plural = s.tokens[hits[ah].end - 1].tag.is_noun()
            && matches!(s.tokens[hits[ah].end - 1].tag, PosTag::NNS | PosTag::NNPS)
            || actors.len() > 1;
        out.push(Draft {
            mention: Mention {
                span,
                text,
                kind: MentionKind::Actor,
                sentence: s.index,
                actors,
                place: None,
                antecedent: None,
                rule: Some(row.id.clone()),
            },
            pending,
            candidates: Vec::new(),
            plural,
            locative: false,
        });
        // Possessors after the head ("soldiers of Mali") are left for a later pass.
        return;
    }
    // "Iraqi Kurds", "Tuaregs": an ethnic or religious group as an actor (civilians).
    let people = inside.iter().copied().find_map(|h| {
        hits[h].targets.iter().find_map(|t| match t {
            Target::Ethnic {
                index,
                people: true,
            } => lex.ethnic.get(*index as usize).map(|g| (h, g)),
            _ => None,
        })
    });
    if let Some((ph, group)) = people {
        let mut codes = Vec::new();
        for &h in &inside {
            if hits[h].start < hits[ph].start {
                for t in &hits[h].targets {
                    if let Target::Country {
                        index,
                        kind: NameKind::Adjective | NameKind::Name,
                    } = t
                    {
                        if let Some(c) = lex.gazetteer.countries().get(*index as usize) {
                            push_unique(&mut codes, c.iso3.clone());
                        }
                    }
                }
            }
            hits[h].used = true;
        }
        if codes.is_empty() {
            codes.extend(group.country.clone());
        }
        let span_start = quantified_start(s, start);
        let pending = if codes.is_empty() {
            Pending::Country
        } else {
            Pending::Nothing
        };
        let mut d = draft_actor(
            s,
            span_start,
            hits[ph].end,
            codes.first().cloned(),
            Some("CVL".into()),
            pending,
            &group.id,
            true,
        );
        for a in &mut d.mention.actors {
            a.attributes
                .insert(group.attribute().to_string(), group.name().to_string());
        }
        out.push(d);
        return;
    }
    if definite && is_the_country_phrase(s, start, end) {
        out.push(draft_actor(
            s,
            start,
            end,
            None,
            None,
            Pending::TheCountry,
            "coref-the-country",
            false,
        ));
        return;
    }
    for h in inside {
        if hits[h].used {
            continue;
        }
        hits[h].used = true;
        let (hs, he) = (hits[h].start, hits[h].end);
        let targets = hits[h].targets.clone();
        if let Some(row) = targets.iter().filter_map(|t| agent(lex, t)).find(|r| {
            matches!(
                r.kind,
                AgentKind::Organisation | AgentKind::Group | AgentKind::Person
            )
        }) {
            let mut d = draft_actor(
                s,
                hs,
                he,
                row.code.clone(),
                row.sector.clone(),
                Pending::Nothing,
                &row.id,
                false,
            );
            d.mention.kind = if row.kind == AgentKind::Person {
                MentionKind::Person
            } else {
                MentionKind::Organisation
            };
            d.mention.actors[0].id = Some(row.id.clone());
            out.push(d);
            continue;
        }
        // One entry per country: "UK" is both a name and an alias of the same country.
        let mut countries: Vec<(usize, NameKind)> = Vec::new();
        for t in &targets {
            if let Target::Country { index, kind } = t {
                if !countries.iter().any(|(i, _)| *i == *index as usize) {
                    countries.push((*index as usize, *kind));
                }
            }
        }
        if countries.len() >= 2 {
            // "Rabat-Bamako": each side's government.
            let actors: Vec<Actor> = countries
                .iter()
                .filter_map(|(i, kind)| lex.gazetteer.countries().get(*i).map(|c| (c, kind)))
                .map(|(c, kind)| Actor {
                    text: text_of(s, hs, he),
                    code: Some(c.iso3.clone()),
                    sector: (*kind == NameKind::Capital).then(|| "GOV".to_string()),
                    span: Some(span_of(s, hs, he)),
                    ..Default::default()
                })
                .collect();
            let mut d = draft_actor(
                s,
                hs,
                he,
                None,
                None,
                Pending::Nothing,
                "compound-states",
                true,
            );
            d.mention.actors = actors;
            out.push(d);
            continue;
        }
        if let Some(&(ci, kind)) = countries.first() {
            let Some(country) = lex.gazetteer.countries().get(ci) else {
                continue;
            };
            match kind {
                NameKind::People => {
                    let qs = quantified_start(s, start.min(hs));
                    out.push(draft_actor(
                        s,
                        qs,
                        he,
                        Some(country.iso3.clone()),
                        Some("CVL".into()),
                        Pending::Nothing,
                        "people-demonym",
                        true,
                    ));
                }
                NameKind::Adjective => {
                    // "Hungarian and Romanian officials": left for the phrase after "and".
                    if he == end && coordinated_with_agent(s, lex, end, hits) {
                        hits[h].used = false;
                        continue;
                    }
                    // A demonym modifying something that is not an actor ("Algerian support"):
                    // the country acts, unless it only describes a place or thing.
                    let tag = s.tokens[hs].tag;
                    if !locative
                        && (tag.is_adjective() || tag.is_proper_noun())
                        && modifies_possession(s, he, end)
                    {
                        out.push(draft_actor(
                            s,
                            hs,
                            he,
                            Some(country.iso3.clone()),
                            None,
                            Pending::Nothing,
                            "demonym",
                            false,
                        ));
                    }
                }
                NameKind::Capital => {
                    let possessive = he < s.tokens.len() && s.tokens[he].tag == PosTag::POS;
                    if locative || (he < end && !possessive) {
                        out.push(place_of_capital(s, lex, hs, he, ci, locative && he >= end));
                    } else {
                        out.push(draft_actor(
                            s,
                            hs,
                            he,
                            Some(country.iso3.clone()),
                            Some("GOV".into()),
                            Pending::Nothing,
                            "capital-metonymy",
                            false,
                        ));
                    }
                }
                NameKind::Name | NameKind::Alias => {
                    if locative && he >= end {
                        out.push(Draft {
                            mention: Mention {
                                span: span_of(s, hs, he),
                                text: text_of(s, hs, he),
                                kind: MentionKind::Place,
                                sentence: s.index,
                                actors: Vec::new(),
                                place: Some(resolve::country_place(country, span_of(s, hs, he))),
                                antecedent: None,
                                rule: Some("country-place".into()),
                            },
                            pending: Pending::Nothing,
                            candidates: Vec::new(),
                            plural: false,
                            locative: true,
                        });
                    } else {
                        out.push(draft_actor(
                            s,
                            hs,
                            he,
                            Some(country.iso3.clone()),
                            None,
                            Pending::Nothing,
                            "country",
                            false,
                        ));
                    }
                }
            }
            continue;
        }
        if let Some(Target::Macro(m)) = targets.iter().find(|t| matches!(t, Target::Macro(_))) {
            let name = crate::index::MACRO_REGIONS
                .get(*m as usize)
                .copied()
                .unwrap_or_default();
            let span = span_of(s, hs, he);
            out.push(Draft {
                mention: Mention {
                    span,
                    text: text_of(s, hs, he),
                    kind: MentionKind::Place,
                    sentence: s.index,
                    actors: Vec::new(),
                    place: Some(Place {
                        name: name.to_string(),
                        feature: Some("macro-region".into()),
                        span: Some(span),
                        ..Default::default()
                    }),
                    antecedent: None,
                    rule: Some("macro-region".into()),
                },
                pending: Pending::Nothing,
                candidates: Vec::new(),
                plural: false,
                locative,
            });
            continue;
        }
        let places: Vec<Target> = targets
            .iter()
            .copied()
            .filter(|t| matches!(t, Target::Place(_) | Target::Region(_)))
            .collect();
        if !places.is_empty() {
            out.push(Draft {
                mention: Mention {
                    span: span_of(s, hs, he),
                    text: text_of(s, hs, he),
                    kind: MentionKind::Place,
                    sentence: s.index,
                    actors: Vec::new(),
                    place: None,
                    antecedent: None,
                    rule: Some("gazetteer-place".into()),
                },
                pending: Pending::Place,
                candidates: places,
                plural: false,
                locative,
            });
        }
    }
}

fn place_of_capital(
    s: &Sentence,
    lex: &Lexicon,
    hs: usize,
    he: usize,
    country: usize,
    locative: bool,
) -> Draft {
    let span = span_of(s, hs, he);
    let place = lex
        .gazetteer
        .countries()
        .get(country)
        .map(|c| resolve::capital_place(lex, c, span));
    Draft {
        mention: Mention {
            span,
            text: text_of(s, hs, he),
            kind: MentionKind::Place,
            sentence: s.index,
            actors: Vec::new(),
            place,
            antecedent: None,
            rule: Some("capital-place".into()),
        },
        pending: Pending::Nothing,
        candidates: Vec::new(),
        plural: false,
        locative,
    }
}

#[allow(clippy::too_many_arguments)]
fn draft_actor(
    s: &Sentence,
    start: usize,
    end: usize,
    code: Option<String>,
    sector: Option<String>,
    pending: Pending,
    rule: &str,
    plural: bool,
) -> Draft {
    let span = span_of(s, start, end);
    let text = text_of(s, start, end);
    Draft {
        mention: Mention {
            span,
            text: text.clone(),
            kind: MentionKind::Actor,
            sentence: s.index,
            actors: vec![Actor {
                text,
                code,
                sector,
                span: Some(span),
                ..Default::default()
            }],
            place: None,
            antecedent: None,
            rule: Some(rule.to_string()),
        },
        pending,
        candidates: Vec::new(),
        plural,
        locative: false,
    }
}

/// "military leaders", "security officials": a modifier that changes a role noun's sector.
fn sector_with_modifiers(
    s: &Sentence,
    _lex: &Lexicon,
    start: usize,
    agent_start: usize,
    row: &AgentRow,
) -> Option<String> {
    let military =
        (start..agent_start).any(|k| matches!(s.tokens[k].lemma.as_str(), "military" | "army"));
    match row.sector.as_deref() {
        Some("GOV") if military && row.attribute("sector_from") != Some("owner") => {
            Some("MIL".into())
        }
        _ => row.sector.clone(),
    }
}

/// The country named in the "of/to/in/from" phrase right after a noun phrase ending at `end`.
fn complement_country(s: &Sentence, lex: &Lexicon, end: usize, hits: &[Hit]) -> Option<String> {
    let prep = s.tokens.get(end)?;
    if !matches!(
        crate::index::lower(&prep.text).as_ref(),
        "of" | "to" | "in" | "from"
    ) {
        return None;
    }
    let next = s
        .chunks
        .iter()
        .find(|c| c.start == end + 1 && c.kind == ChunkKind::NP)?;
    hits.iter()
        .filter(|h| h.start >= next.start && h.end <= next.end)
        .flat_map(|h| &h.targets)
        .find_map(|t| match t {
            Target::Country { index, .. } => lex.gazetteer.countries().get(*index as usize),
            _ => None,
        })
        .map(|c| c.iso3.clone())
}

/// Whether the tokens after `end` are "and"/"or"/"," and then a phrase whose head is a role noun.
fn coordinated_with_agent(s: &Sentence, lex: &Lexicon, end: usize, hits: &[Hit]) -> bool {
    if !s
        .tokens
        .get(end)
        .is_some_and(|t| matches!(t.text.as_str(), "and" | "or" | ","))
    {
        return false;
    }
    let Some(next) = s
        .chunks
        .iter()
        .find(|c| c.start == end + 1 && c.kind == ChunkKind::NP)
    else {
        return false;
    };
    hits.iter().any(|h| {
        h.start >= next.start
            && h.end <= next.end
            && h.targets
                .iter()
                .any(|t| agent(lex, t).is_some_and(|r| r.kind == AgentKind::Agent))
    })
}

/// A demonym before a possessed noun ("Algerian interference"): PLOVER reads the country as
/// the actor. Before a place or a generic noun it only describes. A demonym the tagger read as
/// a proper noun may end its own chunk ("[Israeli] [military policies]"): the noun phrase right
/// after it is what it modifies.
fn modifies_possession(s: &Sentence, he: usize, end: usize) -> bool {
    if he < end {
        return (he..end).any(|k| s.tokens[k].tag.is_noun());
    }
    s.chunks
        .iter()
        .find(|c| c.start == he && c.kind == ChunkKind::NP)
        .is_some_and(|c| (c.start..c.end).any(|k| s.tokens[k].tag.is_noun()))
}

fn is_locative(s: &Sentence, start: usize) -> bool {
    start > 0 && {
        let prev = &s.tokens[start - 1];
        matches!(prev.tag, PosTag::IN | PosTag::RB | PosTag::TO)
            && LOCATIVE.contains(&crate::index::lower(&prev.text).as_ref())
    }
}

fn is_the_country(s: &Sentence, agent_start: usize) -> bool {
    agent_start > 0
        && s.tokens[..agent_start]
            .iter()
            .any(|t| t.lemma == "country" || t.lemma == "nation")
}

fn is_the_country_phrase(s: &Sentence, start: usize, end: usize) -> bool {
    end > start
        && matches!(s.tokens[end - 1].lemma.as_str(), "country" | "nation")
        && s.tokens[end - 1].tag == PosTag::NN
}

/// Extends a phrase back over "dozens of", "hundreds of", "about 50" to where the quantity
/// starts.
fn quantified_start(s: &Sentence, start: usize) -> usize {
    if start >= 2 && s.tokens[start - 1].lemma == "of" {
        let q = &s.tokens[start - 2];
        if QUANTIFIERS.contains(&crate::index::lower(&q.text).as_ref()) || q.tag == PosTag::CD {
            // Take in the quantifier's own phrase ("several hundred of", "about 50").
            let mut k = start - 2;
            while k > 0
                && (matches!(s.tokens[k - 1].tag, PosTag::CD | PosTag::DT | PosTag::JJ)
                    || APPROXIMATORS.contains(&crate::index::lower(&s.tokens[k - 1].text).as_ref()))
            {
                k -= 1;
            }
            return k;
        }
    }
    start
}

/// Words that make a capitalised name a thing or a body rather than a person ("the Algiers
/// Peace Agreement", "Supreme Court", "Human Rights Day").
const NOT_PERSON_NOUNS: &[&str] = &[
    "agreement",
    "accord",
    "treaty",
    "day",
    "council",
    "forum",
    "party",
    "front",
    "movement",
    "committee",
    "commission",
    "court",
    "ministry",
    "army",
    "force",
    "forces",
    "union",
    "organization",
    "organisation",
    "agency",
    "bank",
    "company",
    "group",
    "institute",
    "university",
    "airport",
    "hotel",
    "street",
    "square",
    "bridge",
    "act",
    "law",
    "plan",
    "conference",
    "summit",
    "program",
    "programme",
    "office",
    "department",
    "service",
    "news",
    "times",
    "post",
    "network",
    "report",
    "club",
    "festival",
    "war",
    "peace",
    "republic",
    "kingdom",
    "state",
    "states",
    "province",
    "region",
    "city",
    "island",
    "islands",
    "river",
    "lake",
    "mountain",
    "desert",
    "sea",
    "ocean",
    "gulf",
    "coast",
    "valley",
    "camp",
    "prison",
    "hospital",
    "school",
    "church",
    "mosque",
    "stadium",
    "palace",
    "house",
    "assembly",
    "parliament",
    "congress",
    "senate",
    "government",
    "police",
    "guard",
    "brigade",
    "battalion",
    "division",
    "corps",
    "alliance",
    "coalition",
    "federation",
    "association",
    "foundation",
    "fund",
    "centre",
    "center",
    "council",
    "declaration",
    "charter",
    "resolution",
    "convention",
    "operation",
    "initiative",
    "project",
    // Places and buildings GeoNames does not list as populated places.
    "peninsula",
    "mountains",
    "hills",
    "heights",
    "plateau",
    "strait",
    "bay",
    "basin",
    "canal",
    "strip",
    "district",
    "county",
    "zone",
    "park",
    "forest",
    "synagogue",
    "temple",
    "cathedral",
    "shrine",
    "memorial",
    "monument",
    "museum",
    "tower",
    "station",
    "embassy",
    "consulate",
    "port",
    "base",
    "road",
    "avenue",
    "highway",
    "ltd",
    "inc",
    "corp",
    "co",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Runs of two or more capitalised proper nouns that no rule claimed ("Kofi Annan", "Carlos
/// Menem"): most are people; their country comes from context like a titled person's.
fn unknown_names(s: &Sentence, hits: &[Hit], first_new: usize, out: &mut Vec<Draft>) {
    let taken: Vec<Span> = out[first_new..].iter().map(|d| d.mention.span).collect();
    let claimed = |k: usize| {
        let span = s.tokens[k].span;
        hits.iter().any(|h| h.start <= k && k < h.end) || taken.iter().any(|t| t.overlaps(&span))
    };
    let mut k = 0;
    while k < s.tokens.len() {
        let start = k;
        while k < s.tokens.len() && is_name_token(s, k) && !claimed(k) {
            k += 1;
        }
        let institutional = s.tokens[start..k].iter().any(|t| {
            let w = crate::index::lower(&t.lemma);
            NOT_PERSON_NOUNS.contains(&w.as_ref())
                || crate::events::when::WEEKDAYS.contains(&w.as_ref())
        });
        if k - start >= 2 && !s.headline && !institutional {
            let mut d = draft_actor(
                s,
                start,
                k,
                None,
                None,
                Pending::Country,
                "unknown-name",
                false,
            );
            d.mention.kind = MentionKind::Person;
            out.push(d);
        }
        k = k.max(start + 1);
    }
}

fn pronouns(s: &Sentence, out: &mut Vec<Draft>) {
    for (i, t) in s.tokens.iter().enumerate() {
        let (plural, person) = match crate::index::lower(&t.text).as_ref() {
            "it" | "its" => (false, false),
            "he" | "him" | "his" | "she" | "her" => (false, true),
            "they" | "them" | "their" => (true, false),
            _ => continue,
        };
        // "him", and "her" standing alone, are objects.
        let object = person
            && t.tag == PosTag::PRP
            && matches!(crate::index::lower(&t.text).as_ref(), "him" | "her");
        if !matches!(t.tag, PosTag::PRP | PosTag::PRPS) {
            continue;
        }
        let mut d = draft_actor(
            s,
            i,
            i + 1,
            None,
            None,
            Pending::Pronoun {
                plural,
                person,
                object,
            },
            "coref-pronoun",
            plural,
        );
        d.mention.actors.clear();
        out.push(d);
    }
}

fn push_unique(v: &mut Vec<String>, x: String) {
    if !v.contains(&x) {
        v.push(x);
    }
}

pub(crate) fn span_of(s: &Sentence, start: usize, end: usize) -> Span {
    let a = s.tokens.get(start).map_or(s.span.start, |t| t.span.start);
    let b = end
        .checked_sub(1)
        .and_then(|e| s.tokens.get(e))
        .map_or(a, |t| t.span.end);
    Span::new(a, b)
}

/// The sentence text under a token range (original spacing kept).
pub(crate) fn text_of(s: &Sentence, start: usize, end: usize) -> String {
    let (Some(first), Some(last)) = (
        s.tokens.get(start),
        end.checked_sub(1).and_then(|e| s.tokens.get(e)),
    ) else {
        return String::new();
    };
    let offset = s.span.start;
    let from = first.span.start.saturating_sub(offset);
    let to = last.span.end.saturating_sub(offset);
    s.text
        .chars()
        .skip(from)
        .take(to.saturating_sub(from))
        .collect()
}
