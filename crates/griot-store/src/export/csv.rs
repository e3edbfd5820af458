//! Flat CSV: a header row of [`EVENT_COLUMNS`], then one row per event. Compound actors stay
//! in one cell each side (`MLI:GOV+FRA:MIL`), as in `griot query`; nulls are empty cells.

use super::Cell;
use crate::{Filter, Result, Store, StoreError, EVENT_COLUMNS};
use std::io::Write;

pub(super) fn write(store: &Store, filter: &Filter, out: &mut dyn Write) -> Result<usize> {
    let mut csv = ::csv::Writer::from_writer(out);
    csv.write_record(EVENT_COLUMNS).map_err(csv_error)?;
    let mut fields: Vec<String> = Vec::with_capacity(EVENT_COLUMNS.len());
    let n = store.for_each_flat(filter, false, |row| {
        fields.clear();
        for i in 0..EVENT_COLUMNS.len() {
            fields.push(Cell::read(row, i)?.text().into_owned());
        }
        csv.write_record(&fields).map_err(csv_error)?;
        Ok(())
    })?;
    csv.flush()?;
    Ok(n)
}

/// A failed write is an I/O error in every format, so callers can tell a closed pipe from a
/// bad value without knowing which writer hit it.
fn csv_error(e: ::csv::Error) -> StoreError {
    if !e.is_io_error() {
        return StoreError::Csv(e);
    }
    match e.into_kind() {
        ::csv::ErrorKind::Io(io) => StoreError::Io(io),
        _ => StoreError::Io(std::io::Error::other("CSV write failed")),
    }
}
