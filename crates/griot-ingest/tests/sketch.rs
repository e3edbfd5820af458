//! Near-duplicate sketches on real stories: edited copies are found, other stories are not.

use std::path::PathBuf;

use griot_ingest::{estimated_similarity, signature, NearDupIndex, Signature, NEAR_DUP_THRESHOLD};

fn story(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/near-dup")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} not in the story");
    text.replacen(from, to, 1)
}

/// An index holding the wire story as id 10 and the floods story as id 20.
fn index() -> NearDupIndex {
    let mut index = NearDupIndex::new();
    index.insert(10, &signature(&story("wire-story.txt")));
    index.insert(20, &signature(&story("other-story.txt")));
    index
}

#[test]
fn story_with_one_sentence_added_is_a_near_duplicate() {
    let original = story("wire-story.txt");
    let extended = replace_once(
        &original,
        "in its evening news.",
        "in its evening news. A spokesman for the defence ministry declined to comment when \
         reached by telephone on Wednesday evening.",
    );
    let sim = estimated_similarity(&signature(&original), &signature(&extended));
    eprintln!("one sentence added: estimated similarity {sim}");
    assert!(sim >= NEAR_DUP_THRESHOLD, "similarity {sim}");
    assert!(sim < 1.0, "the texts differ: {sim}");
    let found = index().find(&signature(&extended));
    assert!(
        matches!(found, Some((10, s)) if s >= NEAR_DUP_THRESHOLD),
        "{found:?}"
    );
}

#[test]
fn story_with_a_few_words_changed_is_a_near_duplicate() {
    let original = story("wire-story.txt");
    let edited = replace_once(&original, "dozens of soldiers", "scores of soldiers");
    let edited = replace_once(&edited, "on Wednesday", "on Thursday");
    let edited = replace_once(
        &edited,
        "several junior officers",
        "a dozen junior officers",
    );
    let sim = estimated_similarity(&signature(&original), &signature(&edited));
    eprintln!("three words changed: estimated similarity {sim}");
    assert!(sim >= NEAR_DUP_THRESHOLD, "similarity {sim}");
    assert_eq!(
        index().find(&signature(&edited)).map(|(id, _)| id),
        Some(10)
    );
    // Case, punctuation and spacing are not edits.
    let reflowed = original.to_uppercase().replace(", ", " ,  ");
    assert_eq!(signature(&reflowed), signature(&original));
}

#[test]
fn different_stories_are_not_near_duplicates() {
    let wire = signature(&story("wire-story.txt"));
    let floods = signature(&story("other-story.txt"));
    let sim = estimated_similarity(&wire, &floods);
    eprintln!("different stories: estimated similarity {sim}");
    assert!(sim < 0.1, "similarity {sim}");
    let mut index = NearDupIndex::new();
    index.insert(10, &wire);
    assert_eq!(index.find(&floods), None);
    assert_eq!(index.find(&signature(&story("short-story.txt"))), None);
}

#[test]
fn another_country_in_two_places_is_not_a_near_duplicate() {
    // 57 words, so 53 shingles. The first "Niger" is the third word and sits in 3 shingles, the
    // second in 5: 45 of 61 distinct shingles are shared, a Jaccard similarity of 0.74 (the
    // 128-hash estimate is 0.73). A country name is what tells two such reports apart.
    let niger = story("short-story.txt");
    assert_eq!(niger.matches("Niger").count(), 2);
    let chad = niger.replace("Niger", "Chad");
    let sim = estimated_similarity(&signature(&niger), &signature(&chad));
    eprintln!("Niger → Chad in two places: estimated similarity {sim}");
    assert!(sim < NEAR_DUP_THRESHOLD, "similarity {sim}");
    assert!(sim > 0.5, "the stories are still close: {sim}");
    let mut index = NearDupIndex::new();
    index.insert(1, &signature(&niger));
    assert_eq!(index.find(&signature(&chad)), None);
}

#[test]
fn signatures_are_stable_and_storable() {
    let text = story("wire-story.txt");
    let first = signature(&text);
    assert_eq!(first.0.len(), 128);
    assert_eq!(signature(&text), first);
    assert_eq!(
        Signature::from_bytes(&first.to_bytes()),
        Some(first.clone())
    );
    // An identical text is a duplicate at similarity 1, and found as such.
    assert_eq!(estimated_similarity(&first, &signature(&text)), 1.0);
    assert_eq!(index().find(&first), Some((10, 1.0)));
    assert_eq!(index().len(), 2);
}
