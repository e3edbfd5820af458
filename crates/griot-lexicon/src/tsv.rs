//! The outer format of the authored lexicon files (agents, organisations, event triggers, cues,
//! loaded language) and what their loaders share: UTF-8, tab-separated, blank lines and lines
//! starting with `#` skipped, a header row naming the columns, one row per line with a unique
//! `id`. Each module parses its own columns; reading lines, checking the header, the column
//! count and duplicate ids, caching the built-in rows and merging a user's rows are done here.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A file refused at one line (0 when the file as a whole is wrong). Each module's error enum
/// turns it into its `Row` variant (see `load_error!`).
#[derive(Debug, Clone)]
pub struct RowError {
    pub source_name: String,
    pub line: usize,
    pub message: String,
}

impl RowError {
    pub fn new(source_name: &str, line: usize, message: impl Into<String>) -> RowError {
        RowError {
            source_name: source_name.to_string(),
            line,
            message: message.into(),
        }
    }
}

/// A loader's public error: a `Row` variant built from a [`RowError`] and an `Io` variant for a
/// user file that cannot be read.
pub trait LoadError: From<RowError> {
    fn io(path: PathBuf, source: std::io::Error) -> Self;
}

/// Implements [`LoadError`] for an error enum with the variants
/// `Row { source_name, line, message }` and `Io { path, source }`.
macro_rules! load_error {
    ($error:ident) => {
        impl From<$crate::tsv::RowError> for $error {
            fn from(e: $crate::tsv::RowError) -> $error {
                $error::Row {
                    source_name: e.source_name,
                    line: e.line,
                    message: e.message,
                }
            }
        }

        impl $crate::tsv::LoadError for $error {
            fn io(path: std::path::PathBuf, source: std::io::Error) -> $error {
                $error::Io { path, source }
            }
        }
    };
}
pub(crate) use load_error;

/// A row type with a unique id.
pub trait Keyed {
    fn id(&self) -> &str;
}

/// The data rows of `tsv`, each with its 1-based line number. The first line that is neither
/// blank nor a comment must be `columns`; every later one must have as many tab-separated fields
/// (trimmed before `parse` sees them) and an id no earlier row has. `parse`'s message is
/// reported at the row's line.
pub fn rows<T: Keyed, const N: usize>(
    source_name: &str,
    tsv: &str,
    columns: &[&str],
    mut parse: impl FnMut([&str; N]) -> Result<T, String>,
) -> Result<Vec<(usize, T)>, RowError> {
    debug_assert_eq!(columns.len(), N);
    let error = |line: usize, message: String| RowError::new(source_name, line, message);
    let mut out = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut header_seen = false;
    for (index, raw) in tsv.lines().enumerate() {
        let line = index + 1;
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        if text.trim().is_empty() || text.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = text.split('\t').map(str::trim).collect();
        if !header_seen {
            if fields != columns {
                let expected = columns.join("\t");
                return Err(error(line, format!("expected the header row {expected:?}")));
            }
            header_seen = true;
            continue;
        }
        let fields: [&str; N] = fields.as_slice().try_into().map_err(|_| {
            let (expected, found) = (columns.len(), fields.len());
            error(
                line,
                format!("expected {expected} tab-separated columns, found {found}"),
            )
        })?;
        let row = parse(fields).map_err(|m| error(line, m))?;
        if let Some(first) = first_line.insert(row.id().to_string(), line) {
            let id = row.id();
            return Err(error(
                line,
                format!("duplicate id {id:?} (first on line {first})"),
            ));
        }
        out.push((line, row));
    }
    if !header_seen {
        return Err(error(0, "no header row".into()));
    }
    Ok(out)
}

/// `rows` with `added` merged in: a row whose id `by_id` holds replaces that row in place, the
/// others follow in file order.
pub fn merge<T: Keyed + Clone>(
    rows: &[T],
    by_id: &HashMap<String, usize>,
    added: Vec<(usize, T)>,
) -> Vec<T> {
    let mut merged = rows.to_vec();
    for (_, row) in added {
        match by_id.get(row.id()) {
            Some(&i) => merged[i] = row,
            None => merged.push(row),
        }
    }
    merged
}

/// Reads a user file and hands its text to `extend`, with the path as the name row errors give.
pub fn extend_from_file<E: LoadError>(
    path: &Path,
    extend: impl FnOnce(&str, &str) -> Result<usize, E>,
) -> Result<usize, E> {
    let text = std::fs::read_to_string(path).map_err(|source| E::io(path.to_path_buf(), source))?;
    extend(&path.display().to_string(), &text)
}

/// The built-in rows cached in `cell`, parsed by `init` on first use. A failure is cached too,
/// and each caller gets its own copy of the error.
pub fn builtin<T, E: From<RowError>>(
    cell: &'static OnceLock<Result<T, RowError>>,
    init: impl FnOnce() -> Result<T, RowError>,
) -> Result<&'static T, E> {
    cell.get_or_init(init)
        .as_ref()
        .map_err(|e| E::from(e.clone()))
}

/// An `id` column: non-empty, ASCII letters, digits, `-`, `_` or `.`.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(format!(
            "id {id:?} must be non-empty ASCII letters, digits, '-', '_' or '.'"
        ));
    }
    Ok(())
}

/// A column where empty or `-` means none.
pub fn optional(field: &str) -> Option<String> {
    match field {
        "" | "-" => None,
        s => Some(s.to_string()),
    }
}

/// The items of a `|`-separated list, trimmed; empty items are kept for the caller to judge.
pub fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim)
}

/// A `counter_example` column where `-` means there is no sensible one: it must not be empty
/// nor repeat the example, and `check` says what else it must show.
pub fn counter_example(
    id: &str,
    field: &str,
    example: &str,
    check: impl FnOnce(&str) -> Result<(), String>,
) -> Result<Option<String>, String> {
    match field {
        "-" => Ok(None),
        "" => Err(format!(
            "{id}: no counter-example (write '-' when there is no sensible one)"
        )),
        c if c == example => Err(format!("{id}: counter-example repeats the example")),
        c => check(c).map(|()| Some(c.to_string())),
    }
}
