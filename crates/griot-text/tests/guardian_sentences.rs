//! Sentence splitting on hand-picked tricky passages of the 200 Guardian stories in
//! `../shared/corpus/guardian/` (read from the shared folder; skipped when it is absent).
//!
//! Each case names a story and either a boundary (the text one sentence must end with and the
//! text the next must start with) or a passage that must stay inside one sentence.

use griot_model::Document;
use griot_text::Reader;
use std::collections::HashMap;
use std::path::Path;

enum Case {
    Split(&'static str, &'static str, &'static str),
    Whole(&'static str, &'static str),
}
use Case::{Split, Whole};

const CASES: &[Case] = &[
    // Closing quotes after the full stop, then a new sentence.
    Split(
        "guardian-000",
        "described as a “volcano”.",
        "Baghdad has asked for",
    ),
    Split(
        "guardian-000",
        "out of options.”",
        "Brett McGurk, the former",
    ),
    Split(
        "guardian-001",
        "on their behalf.”",
        "Elaine Pearson, the Australian",
    ),
    Split(
        "guardian-001",
        "they obviously need.”",
        "Dr Abdulkarim Omar",
    ),
    Split(
        "guardian-003",
        "an attempt to kill him.”",
        "According to regional",
    ),
    Split(
        "guardian-004",
        "lives of your family!”",
        "Trump showed reporters",
    ),
    Split(
        "guardian-005",
        "seen so far?”",
        "Save the Children has set up",
    ),
    Split(
        "guardian-006",
        "of their own will.”",
        "Those conditions do not currently exist.",
    ),
    Split(
        "guardian-018",
        "a day I can never celebrate.”",
        "Some names have been changed.",
    ),
    Split(
        "guardian-158",
        "on an “epic scale.”",
        "Diana Semaan, the charity’s",
    ),
    Split(
        "guardian-162",
        "of the Terrorism Act 2006.”",
        "Matthews is due to appear",
    ),
    Split("guardian-192", "We will get him this year.", "Finally.”"),
    Split(
        "guardian-125",
        "supposed to be free?” he asks.",
        "Yakovenko claims",
    ),
    Split(
        "guardian-009",
        "“What is our guilt?",
        "What is our crime?” he said.",
    ),
    // A full stop glued to the next opening quote.
    Split(
        "guardian-017",
        "the repatriation process.",
        "“They are more dangerous there than here.”",
    ),
    // Ellipses: a capital after them starts a sentence, a lower-case word does not.
    Split(
        "guardian-061",
        "stuck in north-east Syria once already …",
        "We cannot do it again.”",
    ),
    Split(
        "guardian-065",
        "and strategic assets...",
        "The president clearly believes",
    ),
    Whole(
        "guardian-127",
        "“We call upon... members of the international community",
    ),
    Whole(
        "guardian-028",
        "will not protect you... the Americans will put you",
    ),
    Whole(
        "guardian-025",
        "when she travelled … she was aware of Daesh",
    ),
    // Questions and exclamations inside a quote, continued by a lower-case verb.
    Whole("guardian-013", "groomed as a minor?” she said on Friday."),
    Whole(
        "guardian-113",
        "“How about you go out and get a job Mohammed?” read another.",
    ),
    Whole("guardian-113", "“Haram?” he asked."),
    Whole("guardian-113", "“GO HOME!!!” were typical comments."),
    Whole(
        "guardian-121",
        "“Mission Accomplished!” tweeted Donald Trump",
    ),
    Whole("guardian-127", "not so soon at all!” the president said"),
    // Abbreviations.
    Whole("guardian-125", "(U.S. President Donald) Trump"),
    Whole("guardian-125", "to deter U.S. and allied naval maneuvers"),
    Whole("guardian-077", "for Vermont Sen. Bernie Sanders"),
    Whole("guardian-077", "for Texas U.S. Rep. Beto O’Rourke"),
    Whole(
        "guardian-077",
        "The Washington, D.C. attorney general filed",
    ),
    Whole("guardian-077", "fuel for Donald Trump Jr., who sees"),
    Whole("guardian-077", "to serve Mr. Trump and his business"),
    Whole(
        "guardian-077",
        "Senator Lindsey Graham (R-S.C.) is condemning",
    ),
    Whole(
        "guardian-077",
        "salaries etc.,” Trump said in a tweet Wednesday.",
    ),
    Whole("guardian-077", "until Feb. 8, CNN reported."),
    Whole(
        "guardian-077",
        "coming to the U.S.,” Trump said in a tweet.",
    ),
];

fn load_stories() -> Option<HashMap<String, Document>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/guardian/guardian-sdf-sample.jsonl");
    let Ok(jsonl) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found (needs ../shared)", path.display());
        return None;
    };
    let reader = Reader::builtin().ok()?;
    let mut stories = HashMap::new();
    for line in jsonl.lines() {
        let record: serde_json::Value = serde_json::from_str(line).ok()?;
        let mut doc = Document {
            id: record["id"].as_str()?.to_string(),
            text: record["text"].as_str()?.to_string(),
            ..Default::default()
        };
        reader.read(&mut doc);
        stories.insert(doc.id.clone(), doc);
    }
    Some(stories)
}

#[test]
fn tricky_guardian_passages_split_where_a_reader_would() {
    let Some(stories) = load_stories() else {
        return;
    };
    assert_eq!(stories.len(), 200);
    assert!(CASES.len() >= 30);
    let mut failures = Vec::new();
    for case in CASES {
        let (id, ok, what) = match *case {
            Split(id, end, start) => {
                let s = &stories[id].sentences;
                let ok = s
                    .windows(2)
                    .any(|w| w[0].text.ends_with(end) && w[1].text.starts_with(start));
                (id, ok, format!("a boundary between {end:?} and {start:?}"))
            }
            Whole(id, passage) => {
                let ok = stories[id]
                    .sentences
                    .iter()
                    .any(|s| s.text.contains(passage));
                (id, ok, format!("{passage:?} inside one sentence"))
            }
        };
        if !ok {
            failures.push(format!("{id}: expected {what}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
