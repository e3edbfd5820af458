//! Reading the embedded TSV files: `#` lines are comments, every other line has a fixed number of
//! tab-separated cells.

use super::OntologyError;
use std::str::FromStr;

/// One data line, borrowed from the embedded text so the tables need no string copies.
pub(crate) struct Row<const N: usize> {
    pub file: &'static str,
    pub line: usize,
    pub cells: [&'static str; N],
}

impl<const N: usize> Row<N> {
    pub fn error(&self, reason: impl Into<String>) -> OntologyError {
        OntologyError::Table {
            file: self.file,
            line: self.line,
            reason: reason.into(),
        }
    }

    /// Cell `i` parsed as `T`; `what` names the column in the error.
    pub fn parse<T: FromStr>(&self, i: usize, what: &str) -> Result<T, OntologyError> {
        self.cells[i]
            .parse()
            .map_err(|_| self.error(format!("bad {what} {:?}", self.cells[i])))
    }

    /// Cell `i` parsed as `T`, or `None` when it is empty.
    pub fn parse_opt<T: FromStr>(&self, i: usize, what: &str) -> Result<Option<T>, OntologyError> {
        if self.cells[i].is_empty() {
            Ok(None)
        } else {
            self.parse(i, what).map(Some)
        }
    }

    /// Cell `i`, which must not be empty.
    pub fn required(&self, i: usize, what: &str) -> Result<&'static str, OntologyError> {
        match self.cells[i] {
            "" => Err(self.error(format!("empty {what}"))),
            cell => Ok(cell),
        }
    }
}

pub(crate) fn rows<const N: usize>(
    file: &'static str,
    text: &'static str,
) -> impl Iterator<Item = Result<Row<N>, OntologyError>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(move |(i, line)| {
            let error = |reason: String| OntologyError::Table {
                file,
                line: i + 1,
                reason,
            };
            let mut parts = line.split('\t');
            let mut cells = [""; N];
            for (n, cell) in cells.iter_mut().enumerate() {
                *cell = parts.next().ok_or_else(|| {
                    error(format!("expected {N} tab-separated columns, found {n}"))
                })?;
            }
            if parts.next().is_some() {
                return Err(error(format!("more than {N} tab-separated columns")));
            }
            Ok(Row {
                file,
                line: i + 1,
                cells,
            })
        })
}

/// A cached table: parsed on first use, the error (if any) kept for every later caller.
pub(crate) fn cached<T>(
    cell: &'static std::sync::OnceLock<Result<T, OntologyError>>,
    parse: impl FnOnce() -> Result<T, OntologyError>,
) -> Result<&'static T, OntologyError> {
    cell.get_or_init(parse).as_ref().map_err(Clone::clone)
}
