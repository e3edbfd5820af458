//! Turning the paths given to `griot ingest` into an ordered list of input files.
//!
//! Order matters: ingest commits in input order, so that a resumed run ends with the same
//! database as an uninterrupted one. Folders are walked recursively in file-name order.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Extensions taken from folders (`.gz` only as `.warc.gz`). Files named explicitly are always
/// taken, whatever their name.
const INGESTED_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "jsonl", "ndjson", "rss", "atom", "xml", "json", "warc",
];

/// One input file.
pub struct InputFile {
    pub path: PathBuf,
}

/// Expands folders; keeps files as given. A missing path is an error before anything is
/// written.
pub fn input_files(paths: &[PathBuf]) -> Result<Vec<InputFile>> {
    let mut files = Vec::new();
    for path in paths {
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if !meta.is_dir() {
            files.push(InputFile { path: path.clone() });
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walker {
            let entry = entry.with_context(|| format!("walking {}", path.display()))?;
            if !entry.file_type().is_file() || is_hidden(entry.path()) || !wanted(entry.path()) {
                continue;
            }
            files.push(InputFile {
                path: entry.into_path(),
            });
        }
    }
    Ok(files)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn wanted(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if name.ends_with(".gz") {
        return name.ends_with(".warc.gz");
    }
    match name.rsplit_once('.') {
        Some((_, ext)) => INGESTED_EXTENSIONS.contains(&ext),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_files_by_extension() {
        assert!(wanted(Path::new("a/story.html")));
        assert!(wanted(Path::new("a/crawl.warc.gz")));
        assert!(wanted(Path::new("feeds/world.RSS")));
        assert!(!wanted(Path::new("a/archive.tar.gz")));
        assert!(!wanted(Path::new("a/photo.jpg")));
        assert!(!wanted(Path::new("a/README")));
        assert!(is_hidden(Path::new("a/.DS_Store")));
    }
}
