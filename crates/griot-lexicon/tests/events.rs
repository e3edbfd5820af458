use std::collections::{HashMap, HashSet};
use std::io::Write;

use griot_lexicon::events::{EventRow, Events, EventsError, TargetSlot, TriggerPos};
use griot_model::ontology::{cameo, PloverType};

const HEADER: &str =
    "id\ttrigger\tpos\ttype\tmode\tcontext\tcameo\ttarget\tunless\texample\tcounter_example\tnote\n";

fn builtin() -> &'static Events {
    match Events::builtin() {
        Ok(events) => events,
        Err(e) => panic!("built-in events do not parse: {e}"),
    }
}

/// The row with this trigger, pos and type; the first if several differ only in mode.
fn row(trigger: &str, pos: TriggerPos, kind: PloverType) -> &'static EventRow {
    builtin()
        .rows()
        .iter()
        .find(|r| r.trigger == trigger && r.pos == pos && r.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} {} row for {trigger:?}", pos.as_str()))
}

#[test]
fn builtin_parses_with_some_hundreds_of_rows() {
    let n = builtin().len();
    assert!((500..=1500).contains(&n), "{n} rows");
}

#[test]
fn ids_are_unique_and_start_with_the_type() {
    let mut seen = HashSet::new();
    for r in builtin().rows() {
        assert!(seen.insert(r.id.as_str()), "duplicate id {}", r.id);
        assert!(
            r.id.starts_with(&format!("{}-", r.kind.as_str())),
            "{} does not start with its type {}",
            r.id,
            r.kind
        );
    }
}

#[test]
fn every_type_has_at_least_ten_rows() {
    let mut counts: HashMap<PloverType, usize> = HashMap::new();
    for r in builtin().rows() {
        *counts.entry(r.kind).or_default() += 1;
    }
    for t in PloverType::ALL {
        let n = counts.get(&t).copied().unwrap_or(0);
        assert!(n >= 10, "{t} has only {n} trigger rows");
    }
}

#[test]
fn every_mode_of_every_type_has_a_row() {
    let present: HashSet<(PloverType, &str)> = builtin()
        .rows()
        .iter()
        .filter_map(|r| r.mode.as_deref().map(|m| (r.kind, m)))
        .collect();
    let mut missing = Vec::new();
    for t in PloverType::ALL {
        for mode in t.modes() {
            if !present.contains(&(t, mode.name)) {
                missing.push(format!("{t} {}", mode.name));
            }
        }
    }
    assert!(missing.is_empty(), "modes without rows: {missing:?}");
}

#[test]
fn every_cameo_code_exists() {
    for r in builtin().rows() {
        assert!(
            cameo::lookup(&r.cameo).is_some(),
            "{}: CAMEO {} unknown",
            r.id,
            r.cameo
        );
        assert!(r.cameo_code().is_some());
    }
}

/// Rows whose CAMEO code maps to another PLOVER type (or to none) are deliberate: each must
/// say why in its note. Run with `--nocapture` to see the list.
#[test]
fn cameo_type_mismatches_are_explained() {
    let mut unexplained = Vec::new();
    for r in builtin().rows().iter().filter(|r| !r.matches_cameo_type()) {
        let mapped = r
            .cameo_mapping()
            .map_or("no PLOVER type".to_string(), |m| m.kind.to_string());
        println!(
            "{:<40} {:<9} CAMEO {:<5} -> {:<14} {}",
            r.id,
            r.kind,
            r.cameo,
            mapped,
            r.note.as_deref().unwrap_or("")
        );
        if r.note.is_none() {
            unexplained.push(&r.id);
        }
    }
    assert!(
        unexplained.is_empty(),
        "CAMEO mismatches without a note: {unexplained:?}"
    );
}

#[test]
fn few_rows_lack_a_counter_example() {
    let rows = builtin().rows();
    let without = rows.iter().filter(|r| r.counter_example.is_none()).count();
    assert!(
        without * 5 <= rows.len(),
        "{without} of {} rows have no counter-example (at most 20% may)",
        rows.len()
    );
}

#[test]
fn examples_differ_from_counter_examples_and_name_the_trigger() {
    for r in builtin().rows() {
        assert!(!r.example.is_empty(), "{}", r.id);
        assert_ne!(Some(&r.example), r.counter_example.as_ref(), "{}", r.id);
        assert!(!r.words.is_empty(), "{}", r.id);
        assert!(
            r.words.iter().all(|w| w == &w.to_lowercase()),
            "{}: trigger words must be lower-case lemmas",
            r.id
        );
    }
}

#[test]
fn light_rows_split_verb_and_noun() {
    let attack = row("carry out <attack>", TriggerPos::Light, PloverType::Assault);
    assert_eq!(attack.verb_words(), ["carry", "out"]);
    assert_eq!(attack.noun_words(), ["attack"]);
    assert_eq!(attack.words, ["carry", "out", "attack"]);
    let talks = row("hold <talk>", TriggerPos::Light, PloverType::Consult);
    assert_eq!(talks.verb_words(), ["hold"]);
    assert_eq!(talks.noun_words(), ["talk"]);
    for r in builtin().rows() {
        match r.pos {
            TriggerPos::Light => {
                assert!(
                    !r.verb_words().is_empty() && !r.noun_words().is_empty(),
                    "{}",
                    r.id
                );
                assert!(r.trigger.ends_with('>'), "{}", r.id);
            }
            TriggerPos::Verb => assert!(r.noun_words().is_empty(), "{}", r.id),
            TriggerPos::Noun => assert!(r.verb_words().is_empty(), "{}", r.id),
        }
        assert_eq!(r.targets.is_empty(), r.swap.is_some(), "{}", r.id);
    }
}

#[test]
fn required_triggers_have_their_types_modes_and_codes() {
    let cases: &[(&str, TriggerPos, PloverType, Option<&str>, &str)] = &[
        (
            "arrest",
            TriggerPos::Verb,
            PloverType::Coerce,
            Some("arrest"),
            "173",
        ),
        (
            "arrest",
            TriggerPos::Noun,
            PloverType::Coerce,
            Some("arrest"),
            "173",
        ),
        (
            "demonstrate",
            TriggerPos::Verb,
            PloverType::Protest,
            Some("demo"),
            "141",
        ),
        (
            "demonstration",
            TriggerPos::Noun,
            PloverType::Protest,
            Some("demo"),
            "141",
        ),
        (
            "denounce",
            TriggerPos::Verb,
            PloverType::Accuse,
            Some("disapprove"),
            "111",
        ),
        (
            "withdraw from",
            TriggerPos::Verb,
            PloverType::Sanction,
            Some("withdraw"),
            "160",
        ),
        (
            "interception",
            TriggerPos::Noun,
            PloverType::Coerce,
            Some("seize"),
            "171",
        ),
    ];
    for &(trigger, pos, kind, mode, code) in cases {
        let r = row(trigger, pos, kind);
        assert_eq!(r.mode.as_deref(), mode, "{}", r.id);
        assert_eq!(r.cameo, code, "{}", r.id);
    }
    let by_type: &[(&str, TriggerPos, PloverType)] = &[
        ("call for", TriggerPos::Verb, PloverType::Request),
        ("pull out of", TriggerPos::Verb, PloverType::Retreat),
        ("crack down on", TriggerPos::Verb, PloverType::Coerce),
        ("take to the street", TriggerPos::Verb, PloverType::Protest),
        ("carry out <attack>", TriggerPos::Light, PloverType::Assault),
        ("hold <talk>", TriggerPos::Light, PloverType::Consult),
        ("withdrawal", TriggerPos::Noun, PloverType::Sanction),
        ("withdrawal", TriggerPos::Noun, PloverType::Retreat),
        ("support", TriggerPos::Noun, PloverType::Support),
        ("support", TriggerPos::Verb, PloverType::Support),
        ("impose <sanction>", TriggerPos::Light, PloverType::Sanction),
        (
            "recall <ambassador>",
            TriggerPos::Light,
            PloverType::Sanction,
        ),
        ("threaten", TriggerPos::Verb, PloverType::Threaten),
        ("reject", TriggerPos::Verb, PloverType::Reject),
        ("veto", TriggerPos::Verb, PloverType::Reject),
        ("agree", TriggerPos::Verb, PloverType::Agree),
        ("meet", TriggerPos::Verb, PloverType::Consult),
        ("release", TriggerPos::Verb, PloverType::Retreat),
        ("deploy", TriggerPos::Verb, PloverType::Mobilize),
        ("extradite", TriggerPos::Verb, PloverType::Cooperate),
        ("provide <aid>", TriggerPos::Light, PloverType::Aid),
        ("pardon", TriggerPos::Verb, PloverType::Concede),
        ("air strike", TriggerPos::Noun, PloverType::Assault),
        ("connivance", TriggerPos::Noun, PloverType::Cooperate),
        ("interference", TriggerPos::Noun, PloverType::Coerce),
    ];
    for &(trigger, pos, kind) in by_type {
        row(trigger, pos, kind);
    }
}

#[test]
fn targets_follow_the_grammar_of_the_trigger() {
    let arrest = row("arrest", TriggerPos::Noun, PloverType::Coerce);
    assert_eq!(arrest.targets[0], TargetSlot::Prep("of".into()));
    let demo = row("demonstrate", TriggerPos::Verb, PloverType::Protest);
    assert_eq!(demo.targets, [TargetSlot::Prep("against".into())]);
    let received = row("receive <aid>", TriggerPos::Light, PloverType::Aid);
    assert_eq!(received.swap, Some(TargetSlot::Prep("from".into())));
    let hosted = row("host", TriggerPos::Verb, PloverType::Consult);
    assert_eq!(hosted.swap, Some(TargetSlot::Object));
    assert!(builtin()
        .rows()
        .iter()
        .filter(|r| r.pos == TriggerPos::Noun)
        .all(|r| !r.targets.contains(&TargetSlot::Object)));
}

#[test]
fn lookup_by_first_word_and_type() {
    let events = builtin();
    assert!(events
        .starting_with("carry")
        .any(|r| r.trigger == "carry out <attack>"));
    assert!(events.starting_with("nonexistent").next().is_none());
    assert!(events
        .of_type(PloverType::Mobilize)
        .all(|r| r.kind == PloverType::Mobilize));
    let first = &events.rows()[0];
    assert_eq!(events.get(&first.id), Some(first));
    assert!(events.get("NO-such-id").is_none());
}

fn row_error(tsv: &str) -> (usize, String) {
    match Events::parse("user.tsv", tsv) {
        Err(EventsError::Row {
            source_name,
            line,
            message,
        }) => {
            assert_eq!(source_name, "user.tsv");
            (line, message)
        }
        Err(other) => panic!("expected a Row error, got {other}"),
        Ok(_) => panic!("accepted:\n{tsv}"),
    }
}

const GOOD: &str =
    "X-detain-v\tdetain\tverb\tCOERCE\tarrest\t\t173\tobj\t\tPolice detained him.\t-\t\n";

#[test]
fn a_minimal_user_file_parses() {
    let events = Events::parse("user.tsv", &format!("# comment\n\n{HEADER}{GOOD}")).unwrap();
    assert_eq!(events.len(), 1);
    let r = &events.rows()[0];
    assert_eq!(
        (r.kind, r.mode.as_deref()),
        (PloverType::Coerce, Some("arrest"))
    );
    assert_eq!(r.counter_example, None);
    assert_eq!(r.note, None);
}

#[test]
fn malformed_rows_are_row_errors_with_line_numbers() {
    let bad: &[(&str, &str)] = &[
        ("X-a\tdetain\tverb\tCOERCE\tarrest\t\t173\tobj\t\tPolice detained him.\n", "columns"),
        ("X-a\tdetain\tverb\tFIGHT\t\t\t173\tobj\t\tPolice detained him.\t-\t\n", "PLOVER type"),
        ("X-a\tdetain\tverb\tcoerce\t\t\t173\tobj\t\tPolice detained him.\t-\t\n", "write the type"),
        ("X-a\tdetain\tverb\tCOERCE\triot\t\t173\tobj\t\tPolice detained him.\t-\t\n", "mode"),
        ("X-a\tdetain\tverb\tCOERCE\tarrest\t\t999\tobj\t\tPolice detained him.\t-\t\n", "CAMEO"),
        ("X-a\tdetain\tverb\tCOERCE\tarrest\t\t173\tpp:agaist\t\tPolice detained him.\t-\t\n", "preposition"),
        ("X-a\tdetain\tverb\tCOERCE\tarrest\t\t173\tnone|obj\t\tPolice detained him.\t-\t\n", "none"),
        ("X-a\tdetain\tnoun\tCOERCE\tarrest\t\t173\tobj\t\tThe detain.\t-\t\n", "direct object"),
        ("X-a\tdetain\tverb\tCOERCE\tarrest\t\t173\tobj\t\tPolice held him.\t-\t\n", "trigger word"),
        ("X-a\tdetain\tverb\tCOERCE\tarrest\t\t173\tobj\t\tPolice detained him.\t\t\n", "counter-example"),
        ("X-a\tdetain\tverb\tCOERCE\tarrest\t\t173\tobj\t\tPolice detained him.\tPolice detained him.\t\n", "repeats"),
        ("X-a\tdetain\tverb\tCOERCE\tarrest\t\t173\tobj\t\tPolice detained him.\tThe sky is blue.\t\n", "trigger word"),
        ("X-a\tDetain\tverb\tCOERCE\tarrest\t\t173\tobj\t\tPolice detained him.\t-\t\n", "lower case"),
        ("X-a\tcarry out attack\tlight\tASSAULT\t\t\t190\tobj\t\tThey carried out an attack.\t-\t\n", "angle brackets"),
        ("X-a\tcarry out <attack>\tlight\tASSAULT\t\t\t190\tobj\t\tThey carried out a raid.\t-\t\n", "noun"),
        ("X-a\tdetain\tverb\tCOERCE\tarrest\tfuture\t173\tobj\t\tPolice detained him.\t-\t\n", "auxiliary"),
        ("X-a\tdetain\tverb\tCOERCE\tarrest\tweather\t173\tobj\t\tPolice detained him.\t-\t\n", "context"),
        ("X-a\tdetain\tsentence\tCOERCE\tarrest\t\t173\tobj\t\tPolice detained him.\t-\t\n", "pos"),
        ("bad id\tdetain\tverb\tCOERCE\tarrest\t\t173\tobj\t\tPolice detained him.\t-\t\n", "id"),
        ("X-a\ttry\tverb\tACCUSE\t\t\t1121\tobj\tTo\tThey tried him.\t-\t\n", "lower-case words"),
    ];
    for (row, expect) in bad {
        let (line, message) = row_error(&format!("# a comment\n{HEADER}{row}"));
        assert_eq!(line, 3, "{message}");
        assert!(
            message.to_lowercase().contains(&expect.to_lowercase()),
            "{expect:?} not in {message:?}"
        );
    }
    let (line, message) = row_error(&format!("{HEADER}{GOOD}{GOOD}"));
    assert_eq!(line, 3);
    assert!(message.contains("duplicate id"), "{message}");
    let (line, _) = row_error("id\ttrigger\n");
    assert_eq!(line, 1);
    let (line, message) = row_error("# only comments\n");
    assert_eq!(line, 0);
    assert!(message.contains("header"), "{message}");
}

#[test]
fn a_user_file_extends_and_overrides_the_builtin_rows() {
    let mut events = builtin().clone();
    let before = events.len();
    let arrest = row("arrest", TriggerPos::Verb, PloverType::Coerce);
    let override_row = format!(
        "{}\tarrest\tverb\tASSAULT\tabduct\t\t181\tobj\t\tRebels arrested two soldiers.\t-\tcaptured combatants\n",
        arrest.id
    );
    let new_row = "COERCE-frogmarch-v\tfrogmarch\tverb\tCOERCE\tarrest\t\t173\tobj\t\tPolice frogmarched the mayor out.\t-\t\n";
    let mut file = tempfile::NamedTempFile::new().unwrap();
    write!(file, "{HEADER}{override_row}{new_row}").unwrap();
    assert_eq!(events.extend_from_file(file.path()).unwrap(), 2);
    assert_eq!(events.len(), before + 1);
    let replaced = events.get(&arrest.id).unwrap();
    assert_eq!(replaced.kind, PloverType::Assault);
    assert_eq!(replaced.note.as_deref(), Some("captured combatants"));
    assert_eq!(
        events.rows().iter().position(|r| r.id == arrest.id),
        builtin().rows().iter().position(|r| r.id == arrest.id),
        "an override keeps its place"
    );
    assert!(events.get("COERCE-frogmarch-v").is_some());

    let snapshot = events.len();
    let err = events
        .extend_from_str("broken.tsv", &format!("{HEADER}X\tx\tverb\n"))
        .unwrap_err();
    assert!(matches!(err, EventsError::Row { line: 2, .. }), "{err}");
    assert_eq!(events.len(), snapshot, "a failed extension changes nothing");

    let missing = events.extend_from_file(std::path::Path::new("/nonexistent/events.tsv"));
    assert!(matches!(missing, Err(EventsError::Io { .. })));
}

#[test]
fn unless_words_are_read_as_word_sequences() {
    let events = Events::builtin().unwrap();
    let plead = events
        .rows()
        .iter()
        .find(|r| r.id == "REQUEST-plead-v")
        .unwrap();
    assert!(plead
        .unless
        .contains(&vec!["not".to_string(), "guilty".to_string()]));
    let arrest = events
        .rows()
        .iter()
        .find(|r| r.id == "COERCE-arrest-v")
        .unwrap();
    assert!(arrest.unless.is_empty());
}
