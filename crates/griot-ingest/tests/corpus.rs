//! English gold and corpus files must load whole: no record skipped, none taken for another
//! language. Skips when the project's shared/ folder is not beside the repository.

use std::path::{Path, PathBuf};

use griot_ingest::{load_path, IngestOptions, Loaded};

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.canonicalize().ok().filter(|d| d.is_dir())
}

fn check_all_load(path: &Path) -> usize {
    let loaded = load_path(path, &IngestOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let skipped: Vec<String> = loaded
        .iter()
        .filter_map(|l| match l {
            Loaded::Skipped(s) => Some(s.to_string()),
            Loaded::Doc(_) => None,
        })
        .collect();
    assert!(skipped.is_empty(), "{skipped:#?}");
    loaded.len()
}

#[test]
fn gold_and_guardian_records_all_load() {
    let Some(shared) = shared() else {
        eprintln!("shared/ not found beside the repository; skipping");
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("gold/dev"))
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
                .collect()
        })
        .unwrap_or_default();
    files.push(shared.join("corpus/guardian/guardian-sdf-sample.jsonl"));
    let mut total = 0;
    for file in files.iter().filter(|f| f.is_file()) {
        let n = check_all_load(file);
        eprintln!("{}: {n} records", file.display());
        total += n;
    }
    assert!(total > 0);
}
