//! Finding event triggers in a sentence: verbs with their particles ("cracked down on"),
//! light verbs with their event noun ("carried out a deadly attack") and event nouns ("the
//! arrest of"), matched by lemma against the event lexicon.

use griot_lexicon::events::{EventRow, Events, TriggerPos};
use griot_model::{PosTag, Sentence};

/// A trigger found in a sentence.
#[derive(Debug, Clone)]
pub struct Found<'a> {
    pub row: &'a EventRow,
    /// The token that carries the event: the verb (verb and light rows) or the noun.
    pub head: usize,
    /// Tokens `[start, end)` the trigger covers (particles and light nouns included).
    pub start: usize,
    pub end: usize,
    /// A light row's noun words `[start, end)`: after the verb, or before it when the verb is
    /// passive ("a curfew has been lifted", where `start` is the verb and the noun is the
    /// subject).
    pub noun: Option<(usize, usize)>,
    /// Other rows with the same words and part of speech: other senses of the trigger
    /// ("strike" as walkout or attack), chosen among once the actors are known
    /// (see [`super::sense`]).
    pub senses: Vec<&'a EventRow>,
}

/// Nouns after an event noun that leave it the event: time words the tagger reads as nouns
/// ("its demand today") and heads that only frame it ("a mediation effort").
const EVENT_HEADS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "effort",
    "bid",
    "attempt",
    "campaign",
    "process",
    "operation",
    "mission",
];

/// Words that modify a light verb's noun without breaking the phrase.
fn is_noun_modifier(tag: PosTag) -> bool {
    matches!(
        tag,
        PosTag::DT
            | PosTag::PDT
            | PosTag::PRPS
            | PosTag::CD
            | PosTag::JJ
            | PosTag::JJR
            | PosTag::JJS
    ) || matches!(
        tag,
        PosTag::VBN
            | PosTag::VBG
            | PosTag::RB
            | PosTag::NN
            | PosTag::NNS
            | PosTag::NNP
            | PosTag::NNPS
    )
}
/// A token's lemma in lower case.
fn lemma(s: &Sentence, i: usize) -> std::borrow::Cow<'_, str> {
    crate::index::lower(&s.tokens[i].lemma)
}

fn lemma_is(s: &Sentence, i: usize, word: &str) -> bool {
    let lemma = &s.tokens[i].lemma;
    lemma.eq_ignore_ascii_case(word)
        // "cease-fire" and "ceasefire", "air-strike" and "airstrike" are one word.
        || (lemma.contains('-') || word.contains('-'))
            && lemma
                .bytes()
                .filter(|&b| b != b'-')
                .map(|b| b.to_ascii_lowercase())
                .eq(word.bytes().filter(|&b| b != b'-').map(|b| b.to_ascii_lowercase()))
}

/// Matches `words` at token `i`, allowing adverbs between words; returns the end.
fn match_words(s: &Sentence, mut i: usize, words: &[String]) -> Option<usize> {
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            while i < s.tokens.len() && s.tokens[i].tag == PosTag::RB && !lemma_is(s, i, w) {
                i += 1;
            }
        }
        if i >= s.tokens.len() || !lemma_is(s, i, w) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// Matches a noun trigger's words by lemma or by word: a gerund closing a compound keeps its
/// "-ing" in the lexicon ("intelligence sharing") though its lemma is the verb.
fn match_noun_words(s: &Sentence, i: usize, words: &[String]) -> Option<usize> {
    match_words(s, i, words).or_else(|| {
        let (last, rest) = words.split_last()?;
        let end = match_words(s, i, rest)?;
        let t = s.tokens.get(end)?;
        (!rest.is_empty() && t.tag == PosTag::VBG && t.text.eq_ignore_ascii_case(last))
            .then_some(end + 1)
    })
}

/// The end of a light verb's noun words found within a few modifiers after `i`.
fn match_light_noun(s: &Sentence, i: usize, words: &[String]) -> Option<usize> {
    let mut k = i;
    // "gave the Ivory Coast 5.1 million dollars of aid": an indirect object and a measure may
    // stand between the light verb and its noun.
    let mut crossed_and = false;
    while k < s.tokens.len() && k - i <= 8 {
        if let Some(end) = match_words(s, k, words) {
            // Past "and", a noun with its own verb after it starts a new clause ("withdrew
            // from the deal and the country reimposed sanctions").
            let new_clause = crossed_and && s.tokens.get(end).is_some_and(|t| t.tag.is_finite());
            if s.tokens[end - 1].tag.is_noun() && !new_clause {
                return Some(end);
            }
        }
        crossed_and |= s.tokens[k].tag == PosTag::CC;
        // "provided aerial photographs and other military intelligence to Macedonia": the
        // noun may be the last of coordinated objects.
        let joins =
            s.tokens[k].lemma == "of" || s.tokens[k].tag == PosTag::CC || quantity_word(s, k);
        if !is_noun_modifier(s.tokens[k].tag) && !joins {
            return None;
        }
        k += 1;
    }
    None
}

/// "expelled more than a dozen diplomats", "sent at least 300 troops": the prepositions of
/// an approximate quantity.
fn quantity_word(s: &Sentence, k: usize) -> bool {
    let prev = k.checked_sub(1).map(|p| s.tokens[p].tag);
    let next = s.tokens.get(k + 1).map(|t| t.lemma.as_str());
    match s.tokens[k].lemma.as_str() {
        "than" => matches!(prev, Some(PosTag::JJR | PosTag::RBR)),
        "at" => matches!(next, Some("least" | "most")),
        "up" => next == Some("to"),
        "to" => k > 0 && s.tokens[k - 1].lemma == "up",
        _ => false,
    }
}

/// Particles a phrasal light verb may put after its object ("pulled its troops out of").
const PARTICLES: &[&str] = &["out", "back", "off", "up", "down", "in", "away"];

/// "Pulled its troops out of South Sudan", "called the army in": a phrasal light verb whose
/// particle follows the object. Returns the end of the particle and the noun's range.
fn particle_after_object(
    s: &Sentence,
    i: usize,
    row: &EventRow,
) -> Option<(usize, (usize, usize))> {
    let (particle, verb) = row.verb_words().split_last()?;
    if verb.is_empty() || !PARTICLES.contains(&particle.as_str()) {
        return None;
    }
    let after = match_words(s, i, verb)?;
    let end = match_light_noun(s, after, row.noun_words())?;
    lemma_is(s, end, particle)
        .then_some(s.tokens[end].tag)
        .filter(|&t| matches!(t, PosTag::RP | PosTag::RB | PosTag::IN))
        .map(|_| (end + 1, (end - row.noun_words().len(), end)))
}

/// "A curfew has been lifted", "new sanctions were imposed on Iran", "an attack was carried
/// out by the rebels": a light row whose verb is passive has its noun in the subject. Returns
/// where the noun words start. The noun must head its phrase ("aid workers were expelled" is
/// no expulsion of aid), and only the subject's modifiers and "of"/"in"/"on"/"against"
/// phrases may stand between it and the verb group.
fn passive_light_noun(s: &Sentence, verb: usize, words: &[String]) -> Option<usize> {
    if s.tokens[verb].tag != PosTag::VBN {
        return None;
    }
    let mut k = verb;
    let mut passive = false;
    while k > 0 {
        let t = &s.tokens[k - 1];
        if t.tag.is_adverb() || t.text == "n't" || t.tag == PosTag::MD || t.lemma == "have" {
            k -= 1;
        } else if t.tag.is_verb() && matches!(t.lemma.as_str(), "be" | "get") {
            passive = true;
            k -= 1;
        } else {
            break;
        }
    }
    if !passive {
        return None;
    }
    let n = words.len();
    let mut end = k;
    while end >= n && k - end <= 10 {
        let head =
            s.tokens[end - 1].tag.is_noun() && !s.tokens.get(end).is_some_and(|t| t.tag.is_noun());
        if head && match_words(s, end - n, words) == Some(end) {
            return Some(end - n);
        }
        let t = &s.tokens[end - 1];
        let inside = matches!(
            t.tag,
            PosTag::DT
                | PosTag::PDT
                | PosTag::PRPS
                | PosTag::POS
                | PosTag::CD
                | PosTag::JJ
                | PosTag::JJR
                | PosTag::JJS
                | PosTag::NN
                | PosTag::NNS
                | PosTag::NNP
                | PosTag::NNPS
        ) || t.tag == PosTag::IN
            && matches!(
                t.lemma.as_str(),
                "of" | "in" | "on" | "against" | "near" | "at"
            );
        if !inside {
            return None;
        }
        end -= 1;
    }
    None
}

/// All triggers of a sentence, left to right, one per head token (the longest row wins).
pub fn find<'a>(s: &Sentence, events: &'a Events) -> Vec<Found<'a>> {
    let mut found: Vec<Found<'a>> = Vec::new();
    let mut i = 0;
    while i < s.tokens.len() {
        let tag = s.tokens[i].tag;
        let is_verb = tag.is_verb();
        let is_noun = tag.is_noun() && !tag.is_proper_noun();
        // Multiword noun triggers may open with an adjective ("humanitarian aid", "general
        // strike"); the last word must still be a noun.
        let is_adjective = matches!(tag, PosTag::JJ);
        if !is_verb && !is_noun && !is_adjective {
            i += 1;
            continue;
        }
        // Auxiliaries are not events ("have arrested", "is suspected"), nor are participles
        // before the noun they modify ("armed groups", "abducted truck drivers").
        let modifier = inside_noun_phrase(s, i) && !gerund_after_preposition(s, i);
        // "evacuated the wounded", "buried the dead": a participle after "the" with no noun
        // after it names people, not an act.
        let nominalised = i > 0
            && s.tokens[i - 1].lemma.eq_ignore_ascii_case("the")
            && !s.tokens.get(i + 1).is_some_and(|t| t.tag.is_noun());
        if is_verb && (is_auxiliary(s, i) || modifier || prenominal(s, i) || nominalised) {
            i += 1;
            continue;
        }
        // "refugees evicted from the church", "civilians killed in the raid": a participle
        // after its noun still reports violence done to it; other such participles only
        // describe the noun ("the agreement signed in 2015", "soldiers accused of plotting").
        let describing = is_verb && postnominal(s, i);
        let mut best: Option<Found<'a>> = None;
        for row in events.starting_with(&lemma(s, i)) {
            if describing && !super::is_violence(row.kind) {
                continue;
            }
            let mut noun = None;
            let m = match row.pos {
                TriggerPos::Verb if is_verb => {
                    match_words(s, i, row.verb_words()).map(|end| (i, end))
                }
                TriggerPos::Light if is_verb => {
                    let words = row.noun_words();
                    let forward = match_words(s, i, row.verb_words()).and_then(|after| {
                        match_light_noun(s, after, words).map(|end| (end, (end - words.len(), end)))
                    });
                    let found = forward
                        .or_else(|| particle_after_object(s, i, row))
                        .or_else(|| {
                            let end = match_words(s, i, row.verb_words())?;
                            passive_light_noun(s, i, words)
                                .map(|start| (end, (start, start + words.len())))
                        });
                    found.map(|(end, range)| {
                        noun = Some(range);
                        (i, end)
                    })
                }
                TriggerPos::Noun if is_noun || is_adjective && row.words.len() > 1 => {
                    match_noun_words(s, i, row.noun_words()).and_then(|end| {
                        // The last word of a noun trigger must be a noun ("air strike"), and
                        // not one that modifies the next noun ("attack drone", "aid workers",
                        // "arrest warrant"): those name things, not events.
                        let modifier = s.tokens[end - 1].tag == PosTag::NN
                            && s.tokens.get(end).is_some_and(|t| {
                                matches!(t.tag, PosTag::NN | PosTag::NNS)
                                    && !EVENT_HEADS.contains(&t.lemma.as_str())
                            });
                        // "intelligence sharing": a gerund closing a compound is its head.
                        let gerund = end - i > 1 && s.tokens[end - 1].tag == PosTag::VBG;
                        ((s.tokens[end - 1].tag.is_noun() || gerund) && !modifier)
                            .then_some((end - 1, end))
                    })
                }
                _ => None,
            };
            let Some((head, end)) = m else { continue };
            if other_sense(s, end, &row.unless) {
                continue;
            }
            let better = best.as_ref().is_none_or(|b| {
                let (len, blen) = (row.words.len(), b.row.words.len());
                // Of two light rows, the one whose noun comes first names the verb's object
                // ("sending troops and heavy weapons" is a deployment).
                if row.pos == TriggerPos::Light && b.row.pos == TriggerPos::Light && end != b.end {
                    return end < b.end;
                }
                len > blen
                    || len == blen && row.pos == TriggerPos::Light && b.row.pos != TriggerPos::Light
            });
            if better {
                best = Some(Found {
                    row,
                    head,
                    start: i,
                    end,
                    noun,
                    senses: Vec::new(),
                });
            } else if let Some(b) = best
                .as_mut()
                .filter(|b| b.row.words == row.words && b.row.pos == row.pos && b.end == end)
            {
                b.senses.push(row);
            }
        }
        match best {
            Some(f) => {
                i = if f.row.pos == TriggerPos::Light {
                    f.start + 1
                } else {
                    f.end
                };
                // A light verb's noun is not a second, nominal event.
                found.push(f);
            }
            None => i += 1,
        }
    }
    found.retain(|f| f.row.pos != TriggerPos::Noun || !stopped(s, f.start));
    found.retain(|f| f.row.pos == TriggerPos::Noun || !plotted(s, f.start));
    // Drop nominal triggers inside a light trigger's span, or that are its passive subject.
    let lights: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| f.row.pos == TriggerPos::Light)
        .flat_map(|f| [(f.start, f.end), f.noun.unwrap_or((f.start, f.end))])
        .collect();
    found.retain(|f| {
        f.row.pos != TriggerPos::Noun || !lights.iter().any(|&(a, b)| f.head >= a && f.head < b)
    });
    found
}

/// Verbs whose object is an event that does not (or no longer) take place.
const STOPPERS: &[&str] = &[
    "end", "stop", "halt", "prevent", "avert", "avoid", "prohibit", "forbid", "ban", "outlaw",
    "suspend", "postpone", "cancel", "obstruct", "block", "hinder", "impede", "thwart", "foil",
    "derail",
];

/// Verbs whose infinitive complement is planned in secret, not done ("plotting to topple").
const PLOTS: &[&str] = &["plot", "conspire", "scheme"];

/// "Soldiers accused of plotting to topple the leaders": a plot is news of its own, but what
/// it plans has not happened and is no event (nor a threat: a threat is made openly).
/// A plan or attempt named as what someone is arrested for or accused of ("detained for their
/// involvement in planning to overthrow the government", "accusations of attempting to
/// overthrow") is the grounds of that event, not one of its own; a plan announced ("Russia
/// plans to withdraw") is a statement of intent, and an attempt reported ("tried to storm the
/// camp") an event, coded as such.
fn plotted(s: &Sentence, verb: usize) -> bool {
    if verb < 2 || s.tokens[verb - 1].tag != PosTag::TO {
        return false;
    }
    let planner = verb - 2;
    PLOTS.contains(&lemma(s, planner).as_ref())
        || matches!(lemma(s, planner).as_ref(), "plan" | "attempt" | "try")
            && s.tokens[planner].tag == PosTag::VBG
            && planner > 0
            && matches!(s.tokens[planner - 1].tag, PosTag::IN | PosTag::CC)
}

/// "Efforts to end the fighting", "prevented the demonstration": an event noun that is the
/// object of a verb that stops or forbids it is not an event that happens. (When the stopping
/// itself is an event, such as "halted aid" or "banned the march", a light row codes it.)
fn stopped(s: &Sentence, noun_start: usize) -> bool {
    let mut k = noun_start;
    // Determiners and modifiers between the verb and the noun: "end the bloody fighting".
    while k > 0
        && matches!(
            s.tokens[k - 1].tag,
            PosTag::DT | PosTag::JJ | PosTag::PRPS | PosTag::CD | PosTag::NN | PosTag::VBN
        )
        && noun_start - k < 4
    {
        k -= 1;
    }
    let Some(verb) = k.checked_sub(1).map(|v| &s.tokens[v]) else {
        return false;
    };
    // "call off": the particle stands right before the object.
    let phrasal = k >= 2 && s.tokens[k - 1].lemma == "off" && s.tokens[k - 2].lemma == "call";
    phrasal || verb.tag.is_verb() && STOPPERS.contains(&lemma(s, k - 1).as_ref())
}

/// Whether the words right after a trigger are one of its row's `unless` phrases ("tried
/// to", "pleaded guilty"), compared by lemma or lower-cased word.
fn other_sense(s: &Sentence, end: usize, unless: &[Vec<String>]) -> bool {
    unless.iter().any(|words| {
        words.iter().enumerate().all(|(k, w)| {
            s.tokens
                .get(end + k)
                .is_some_and(|t| t.lemma.eq_ignore_ascii_case(w) || t.text.eq_ignore_ascii_case(w))
        })
    })
}

/// "to dismantle armed groups", "intended for armed groups": a participle right after a verb
/// that is no auxiliary, or after a preposition, and right before a common noun, is that
/// noun's modifier (the tagger tends to read it as a verb in the verb's chunk).
fn prenominal(s: &Sentence, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|k| &s.tokens[k]) else {
        return false;
    };
    let after_verb = prev.tag.is_verb()
        && !matches!(prev.lemma.as_str(), "be" | "have" | "get")
        && prev.text != "'s";
    s.tokens[i].tag == PosTag::VBN
        && (after_verb || matches!(prev.tag, PosTag::IN | PosTag::TO))
        && s.tokens
            .get(i + 1)
            .is_some_and(|t| t.tag.is_noun() && !t.tag.is_proper_noun())
}

/// Verbs of saying whose complement clause may drop its "that" ("said Turkish troops fired
/// on …"): the participle-looking verb after that clause's subject is its main verb, as after
/// "that", a wh-word or a subordinating conjunction.
const SAYING: &[&str] = &[
    "say", "report", "claim", "tell", "add", "confirm", "announce", "allege",
];

/// A participle right after a noun with no object and no "by" agent ("the agreement signed in
/// 2015", "civilians killed in the raid") follows the noun it is said of.
pub(crate) fn postnominal(s: &Sentence, i: usize) -> bool {
    let np_start = s
        .chunks
        .iter()
        .find(|c| c.kind == griot_model::ChunkKind::NP && c.start < i && i <= c.end)
        .map_or(i.saturating_sub(1), |c| c.start);
    let reported_clause = np_start > 0 && {
        let before = &s.tokens[np_start - 1];
        before.text.eq_ignore_ascii_case("that")
            || before.tag.is_verb() && SAYING.contains(&before.lemma.as_str())
            // "… when the authorities arrested and charged him": a clause's own subject.
            || matches!(before.tag, PosTag::WRB | PosTag::WDT | PosTag::WP)
            || before.tag == PosTag::IN && SUBORDINATORS.contains(&before.lemma.as_str())
    };
    // "Iraq's Nineveh plains, hailed as a cradle of civilisation": a participle set off by a
    // comma after its noun describes it too.
    let after_noun = i > 0 && s.tokens[i - 1].tag.is_noun()
        || i > 1
            && s.tokens[i - 1].tag == PosTag::Comma
            && s.tokens[i - 2].tag.is_noun()
            && s.tokens[i].tag == PosTag::VBN;
    participle(s, i)
        && after_noun
        // "said families evicted from a school are sleeping in the street": with the
        // clause's finite verb after it, the participle is one after the subject too.
        && (!reported_clause || finite_verb_follows(s, i))
        // With an object it is a verb the tagger misread ("the army arrested 12 herders"); a
        // time is no object ("civilians killed this year", "the man arrested last week").
        && (!s.tokens.get(i + 1).is_some_and(|t| {
            matches!(t.tag, PosTag::CD | PosTag::DT | PosTag::PRPS | PosTag::PDT) || t.tag.is_noun()
        }) || time_follows(s, i + 1))
        && !s.tokens[i + 1..]
            .iter()
            .take(4)
            .any(|t| t.text.eq_ignore_ascii_case("by"))
}

/// Words that open a clause after a preposition's tag ("unless the Kremlin closed …").
pub(crate) const SUBORDINATORS: &[&str] = &[
    "that", "if", "whether", "unless", "because", "after", "before", "while", "since", "until",
    "although", "though", "as", "once",
];

/// A past participle, or a past tense the tagger chose where a preposition follows it and
/// the clause's finite verb comes later ("refugees evicted/VBD from the church are coming":
/// a reduced relative). A noun right after the verb is its object or the subject of its
/// complement clause ("Erdoğan vowed he would …"), so the verb is finite; the later verb must
/// stand before any comma, conjunction, relative word, infinitive or subordinator, which
/// open clauses of their own ("troops fired on the crowd that was marching", "threatened on
/// Monday to break relations unless the Kremlin closed …").
pub(crate) fn participle(s: &Sentence, i: usize) -> bool {
    match s.tokens[i].tag {
        PosTag::VBN => true,
        PosTag::VBD => {
            s.tokens.get(i + 1).is_some_and(|t| {
                t.tag == PosTag::IN && !matches!(t.lemma.as_str(), "that" | "if" | "whether")
            }) && finite_verb_follows(s, i)
        }
        _ => false,
    }
}

/// Whether a finite verb follows token `i` in its clause.
fn finite_verb_follows(s: &Sentence, i: usize) -> bool {
    s.tokens[i + 1..]
        .iter()
        .enumerate()
        .take_while(|&(n, t)| {
            // "a bus the pilgrims had hired", "the areas it captured": a noun phrase right
            // after a noun, or a pronoun, opens a relative clause without "that".
            let prev = &s.tokens[i + n];
            let relative_subject =
                t.tag == PosTag::PRP || t.tag == PosTag::DT && prev.tag.is_noun();
            let opens_clause = relative_subject
                || matches!(
                    t.tag,
                    PosTag::Comma
                        | PosTag::CC
                        | PosTag::WDT
                        | PosTag::WP
                        | PosTag::WRB
                        | PosTag::Colon
                        | PosTag::TO
                )
                || t.tag == PosTag::IN && SUBORDINATORS.contains(&t.lemma.as_str());
            !opens_clause
        })
        .any(|(_, t)| t.tag.is_finite())
}

/// Words that make a noun phrase a time ("this year", "last week", "on Monday").
const TIME_WORDS: &[&str] = &[
    "year",
    "month",
    "week",
    "day",
    "night",
    "morning",
    "evening",
    "weekend",
    "yesterday",
    "today",
];

/// Whether the tokens from `k` are a time phrase ("this year", "last Friday", "yesterday").
fn time_follows(s: &Sentence, k: usize) -> bool {
    let word = |j: usize| s.tokens.get(j).map(|t| crate::index::lower(&t.lemma));
    let is_time = |j: usize| {
        word(j).is_some_and(|w| {
            TIME_WORDS.contains(&w.as_ref()) || super::when::WEEKDAYS.contains(&w.as_ref())
        })
    };
    is_time(k)
        || word(k).is_some_and(|w| matches!(w.as_ref(), "this" | "last" | "next" | "the"))
            && is_time(k + 1)
}

/// "convicted the general of torturing prisoners", "arrested for attacking police": a gerund
/// after "of", "for", "with" or "by" is the act, with its object, though the chunker puts
/// it in the object's noun phrase. Participles that usually describe their noun ("the
/// fighting forces", "warring factions") stay modifiers.
fn gerund_after_preposition(s: &Sentence, i: usize) -> bool {
    s.tokens[i].tag == PosTag::VBG
        && i > 0
        && matches!(s.tokens[i - 1].lemma.as_str(), "of" | "for" | "with" | "by")
        && !matches!(
            s.tokens[i].lemma.as_str(),
            "fight"
                | "war"
                | "oppose"
                | "rule"
                | "govern"
                | "compete"
                | "lead"
                | "strike"
                | "protest"
                | "invade"
                | "flee"
                | "riot"
                | "occupy"
                | "advance"
                | "retreat"
                | "rebel"
        )
}

fn inside_noun_phrase(s: &Sentence, i: usize) -> bool {
    s.chunks
        .iter()
        .any(|c| c.kind == griot_model::ChunkKind::NP && c.start <= i && i < c.end && c.head != i)
}

fn is_auxiliary(s: &Sentence, i: usize) -> bool {
    let l = lemma(s, i);
    if !matches!(l.as_ref(), "be" | "have" | "do" | "get") {
        return false;
    }
    // An auxiliary is followed (maybe after adverbs or "not") by another verb.
    s.tokens[i + 1..]
        .iter()
        .take_while(|t| matches!(t.tag, PosTag::RB) || t.text == "n't")
        .count()
        .checked_add(i + 1)
        .and_then(|k| s.tokens.get(k))
        .is_some_and(|t| t.tag.is_verb())
}
