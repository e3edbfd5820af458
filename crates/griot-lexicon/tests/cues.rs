use std::collections::{HashMap, HashSet};
use std::io::Write;

use griot_lexicon::cues::{
    certainty_name, loaded_language, parse_loaded_language, CueKind, CueRow, CueScope, Cues,
    CuesError, LoadedCategory,
};
use griot_model::Certainty;

const HEADER: &str = "id\tphrase\tkind\tvalue\tscope\texample\tcounter_example\tnote\n";

fn builtin() -> &'static Cues {
    match Cues::builtin() {
        Ok(cues) => cues,
        Err(e) => panic!("built-in cues do not parse: {e}"),
    }
}

/// The rows for a lemma phrase; panics when there is none.
fn rows(phrase: &str) -> Vec<&'static CueRow> {
    let found: Vec<_> = builtin().lookup(phrase).collect();
    assert!(!found.is_empty(), "no cue row for {phrase:?}");
    found
}

/// Whether some row for `phrase` has this kind, value and (if given) scope.
fn has(phrase: &str, kind: CueKind, value: Certainty, scope: Option<CueScope>) -> bool {
    rows(phrase)
        .iter()
        .any(|r| r.kind == kind && r.value == value && scope.is_none_or(|s| r.scope == s))
}

#[test]
fn builtin_parses_with_both_kinds() {
    let cues = builtin();
    assert!((150..=250).contains(&cues.len()), "{} cue rows", cues.len());
    let kinds: HashSet<CueKind> = cues.rows().iter().map(|r| r.kind).collect();
    assert_eq!(kinds.len(), 2);
}

#[test]
fn ids_are_unique_and_prefixed_by_kind() {
    let mut seen = HashSet::new();
    for r in builtin().rows() {
        assert!(seen.insert(r.id.as_str()), "duplicate id {}", r.id);
        let prefix = match r.kind {
            CueKind::Attribution => "ATTR-",
            CueKind::Certainty => "CERT-",
        };
        assert!(
            r.id.starts_with(prefix),
            "{} should start with {prefix}",
            r.id
        );
    }
}

#[test]
fn every_certainty_value_but_asserted_has_cues() {
    let mut per_value: HashMap<Certainty, usize> = HashMap::new();
    for r in builtin()
        .rows()
        .iter()
        .filter(|r| r.kind == CueKind::Certainty)
    {
        *per_value.entry(r.value).or_default() += 1;
    }
    for value in [
        Certainty::Reported,
        Certainty::Alleged,
        Certainty::Suspected,
        Certainty::Denied,
        Certainty::Question,
        Certainty::Hypothetical,
        Certainty::Future,
        Certainty::Negated,
    ] {
        assert!(
            per_value.get(&value).copied().unwrap_or(0) >= 1,
            "no certainty cue gives {}",
            certainty_name(value)
        );
    }
    assert!(!per_value.contains_key(&Certainty::Asserted));
}

#[test]
fn few_rows_lack_a_counter_example() {
    let all = builtin().rows();
    let without = all.iter().filter(|r| r.counter_example.is_none()).count();
    assert!(
        without * 5 <= all.len(),
        "{without} of {} cue rows have no counter-example",
        all.len()
    );
}

#[test]
fn required_cues() {
    let (attribution, hedge) = (CueKind::Attribution, CueKind::Certainty);
    assert!(has(
        "according to",
        attribution,
        Certainty::Reported,
        Some(CueScope::Sentence)
    ));
    assert!(has(
        "say",
        attribution,
        Certainty::Reported,
        Some(CueScope::Complement)
    ));
    assert!(has("claim", attribution, Certainty::Alleged, None));
    assert!(has(
        "suspect of",
        hedge,
        Certainty::Suspected,
        Some(CueScope::Object)
    ));
    assert!(has(
        "accuse of",
        hedge,
        Certainty::Alleged,
        Some(CueScope::Object)
    ));
    assert!(has(
        "allegedly",
        hedge,
        Certainty::Alleged,
        Some(CueScope::Clause)
    ));
    assert!(has(
        "reportedly",
        hedge,
        Certainty::Reported,
        Some(CueScope::Clause)
    ));
    assert!(has("deny", hedge, Certainty::Denied, None));
    assert!(has("reject claim", hedge, Certainty::Denied, None));
    assert!(has(
        "?",
        hedge,
        Certainty::Question,
        Some(CueScope::Question)
    ));
    for modal in ["could", "may", "might", "if"] {
        assert!(has(modal, hedge, Certainty::Hypothetical, None), "{modal}");
    }
    for future in ["will", "plan to", "be expect to"] {
        assert!(has(future, hedge, Certainty::Future, None), "{future}");
    }
    for negation in ["do not", "never", "no", "fail to"] {
        assert!(has(negation, hedge, Certainty::Negated, None), "{negation}");
    }
    assert!(has("may have", hedge, Certainty::Suspected, None));
}

#[test]
fn question_mark_and_words() {
    let q = rows("?")[0];
    assert_eq!(q.words, ["?"]);
    assert!(q.example.ends_with('?'));
    let according = rows("according to")[0];
    assert_eq!(according.words, ["according", "to"]);
    assert_eq!(builtin().get(&according.id), Some(according));
    assert!(builtin().get("CERT-no-such-cue").is_none());
}

fn row_error(tsv: &str) -> (usize, String) {
    match Cues::parse("user.tsv", tsv) {
        Err(CuesError::Row {
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

#[test]
fn malformed_cue_rows_are_row_errors_with_line_numbers() {
    let bad: &[(&str, &str)] = &[
        ("CERT-a\tallegedly\tcertainty\talleged\tclause\n", "columns"),
        (
            "CERT-a\tallegedly\thedge\talleged\tclause\tHe allegedly fled.\t-\t\n",
            "kind",
        ),
        (
            "CERT-a\tallegedly\tcertainty\tmaybe\tclause\tHe allegedly fled.\t-\t\n",
            "value",
        ),
        (
            "CERT-a\tallegedly\tcertainty\tasserted\tclause\tHe allegedly fled.\t-\t\n",
            "default",
        ),
        (
            "ATTR-a\tsay\tattribution\tfuture\tcomplement\tHe said so.\t-\t\n",
            "attribution",
        ),
        (
            "CERT-a\tallegedly\tcertainty\talleged\tparagraph\tHe allegedly fled.\t-\t\n",
            "scope",
        ),
        (
            "CERT-a\tallegedly\tcertainty\talleged\tquestion\tHe allegedly fled.\t-\t\n",
            "question",
        ),
        (
            "CERT-a\t?\tcertainty\tquestion\tquestion\tDid he flee.\t-\t\n",
            "end with",
        ),
        (
            "CERT-a\t?\tcertainty\tnegated\tquestion\tDid he flee?\t-\t\n",
            "question",
        ),
        (
            "CERT-a\tallegedly\tcertainty\talleged\tclause\tHe fled.\t-\t\n",
            "cue word",
        ),
        (
            "CERT-a\tallegedly\tcertainty\talleged\tclause\tHe allegedly fled.\tHe ran.\t\n",
            "counter-example",
        ),
        (
            "CERT-a\tallegedly\tcertainty\talleged\tclause\tHe allegedly fled.\t\t\n",
            "counter-example",
        ),
        (
            "CERT-a\tAllegedly\tcertainty\talleged\tclause\tHe allegedly fled.\t-\t\n",
            "lower case",
        ),
        (
            "CERT a\tallegedly\tcertainty\talleged\tclause\tHe allegedly fled.\t-\t\n",
            "id",
        ),
    ];
    for (row, expect) in bad {
        let (line, message) = row_error(&format!("# comment\n\n{HEADER}{row}"));
        assert_eq!(line, 4, "{message}");
        assert!(
            message.to_lowercase().contains(&expect.to_lowercase()),
            "{expect:?} not in {message:?}"
        );
    }
    let good = "CERT-a\tallegedly\tcertainty\talleged\tclause\tHe allegedly fled.\t-\t\n";
    let (line, message) = row_error(&format!("{HEADER}{good}{good}"));
    assert_eq!(line, 3);
    assert!(message.contains("duplicate id"), "{message}");
    assert_eq!(row_error("id\tphrase\n").0, 1);
}

#[test]
fn a_user_file_extends_and_overrides_cues() {
    let mut cues = builtin().clone();
    let before = cues.len();
    let according = rows("according to")[0].id.clone();
    let mut file = tempfile::NamedTempFile::new().unwrap();
    write!(
        file,
        "{HEADER}{according}\taccording to\tattribution\talleged\tsentence\tAccording to the rebels, the army fled.\t-\tpartisan outlets\n\
         CERT-soi-disant\tsoi-disant\tcertainty\talleged\tclause\tThe soi-disant liberation of the town was filmed.\t-\t\n"
    )
    .unwrap();
    assert_eq!(cues.extend_from_file(file.path()).unwrap(), 2);
    assert_eq!(cues.len(), before + 1);
    assert_eq!(
        cues.get(&according).map(|r| r.value),
        Some(Certainty::Alleged)
    );
    assert_eq!(cues.lookup("soi-disant").count(), 1);

    let snapshot = cues.len();
    assert!(matches!(
        cues.extend_from_str("broken.tsv", &format!("{HEADER}X\tx\n")),
        Err(CuesError::Row { line: 2, .. })
    ));
    assert_eq!(cues.len(), snapshot);
    assert!(matches!(
        cues.extend_from_file(std::path::Path::new("/nonexistent/cues.tsv")),
        Err(CuesError::Io { .. })
    ));
}

#[test]
fn loaded_language_parses_with_every_category() {
    let terms = match loaded_language() {
        Ok(terms) => terms,
        Err(e) => panic!("loaded-language.tsv does not parse: {e}"),
    };
    assert!((80..=150).contains(&terms.len()), "{} terms", terms.len());
    let mut per_category: HashMap<LoadedCategory, usize> = HashMap::new();
    let mut ids = HashSet::new();
    for t in terms {
        assert!(ids.insert(t.id.as_str()), "duplicate id {}", t.id);
        *per_category.entry(t.category).or_default() += 1;
    }
    for c in LoadedCategory::ALL {
        assert!(per_category.contains_key(&c), "no {} terms", c.as_str());
    }
    for (phrase, category) in [
        ("regime", LoadedCategory::PejorativeLabel),
        ("junta", LoadedCategory::PejorativeLabel),
        ("so-called", LoadedCategory::Delegitimizing),
        ("self-proclaimed", LoadedCategory::Delegitimizing),
        ("heinous", LoadedCategory::Intensifier),
        ("alarming", LoadedCategory::Alarmist),
        ("neutralize", LoadedCategory::Euphemism),
    ] {
        let term = terms
            .iter()
            .find(|t| t.phrase == phrase)
            .unwrap_or_else(|| panic!("no loaded term {phrase:?}"));
        assert_eq!(term.category, category, "{phrase}");
    }
    for ordinary in ["regime", "junta"] {
        let note = terms
            .iter()
            .find(|t| t.phrase == ordinary)
            .and_then(|t| t.note.as_deref())
            .unwrap_or("");
        assert!(
            note.to_lowercase().contains("neutral"),
            "{ordinary}: the note should say it is also neutral usage"
        );
    }
}

#[test]
fn malformed_loaded_language_rows_are_errors() {
    let header = "id\tphrase\tcategory\tnote\texample\n";
    let bad = [
        "LOAD-a\tthug\tinsult\t-\tThugs beat him.\n",
        "LOAD-a\tthug\tpejorative-label\t-\tNobody was hurt.\n",
        "LOAD-a\tthug\tpejorative-label\t-\n",
    ];
    for row in bad {
        match parse_loaded_language("user.tsv", &format!("{header}{row}")) {
            Err(CuesError::Row { line: 2, .. }) => {}
            other => panic!("{row:?}: {other:?}"),
        }
    }
    let ok = parse_loaded_language(
        "user.tsv",
        &format!("{header}LOAD-a\tthug\tpejorative-label\t-\tThugs beat him.\n"),
    )
    .unwrap();
    assert_eq!(ok[0].note, None);
    assert_eq!(ok[0].words, ["thug"]);
}
