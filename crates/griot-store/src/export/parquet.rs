//! Parquet: [`EVENT_COLUMNS`] typed (Int64 ids, offsets and counts; Float64 Goldstein and
//! coordinates; Utf8 for the rest; every column nullable), Snappy-compressed, written in row
//! groups of [`ROW_GROUP_ROWS`].

use super::{column_kind, Cell, Kind, CODER};
use crate::{Filter, Result, Store, StoreError, EVENT_COLUMNS};
use arrow_array::builder::{Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::io::Write;
use std::sync::Arc;

/// Rows per row group: the most the export holds in memory at once.
pub const ROW_GROUP_ROWS: usize = 8192;

pub(super) fn write(store: &Store, filter: &Filter, out: &mut dyn Write) -> Result<usize> {
    let schema = schema();
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_created_by(CODER.to_string())
        .build();
    // `ArrowWriter` needs a `Send` sink, which `dyn Write` is not: it writes into this buffer,
    // drained into `out` after every row group (see `drain`).
    let mut writer = ArrowWriter::try_new(Vec::new(), schema.clone(), Some(props))?;
    let mut columns: Vec<Column> = EVENT_COLUMNS.iter().map(|c| Column::new(c)).collect();
    let mut pending = 0;
    let n = store.for_each_flat(filter, false, |row| {
        for (i, column) in columns.iter_mut().enumerate() {
            column.push(EVENT_COLUMNS[i], Cell::read(row, i)?)?;
        }
        pending += 1;
        if pending == ROW_GROUP_ROWS {
            write_group(&mut writer, &schema, &mut columns, out)?;
            pending = 0;
        }
        Ok(())
    })?;
    if pending > 0 {
        write_group(&mut writer, &schema, &mut columns, out)?;
    }
    // The footer (and any bytes still in the writer's own buffer) comes out with the sink.
    let tail = writer.into_inner()?;
    out.write_all(&tail)?;
    out.flush()?;
    Ok(n)
}

fn schema() -> SchemaRef {
    let fields: Vec<Field> = EVENT_COLUMNS
        .iter()
        .map(|c| {
            let data_type = match column_kind(c) {
                Kind::Int => DataType::Int64,
                Kind::Float => DataType::Float64,
                Kind::Text => DataType::Utf8,
            };
            Field::new(*c, data_type, true)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

/// Closes the rows gathered so far as one row group and moves its bytes to `out`.
fn write_group(
    writer: &mut ArrowWriter<Vec<u8>>,
    schema: &SchemaRef,
    columns: &mut [Column],
    out: &mut dyn Write,
) -> Result<()> {
    let arrays: Vec<ArrayRef> = columns.iter_mut().map(Column::finish).collect();
    let batch = RecordBatch::try_new(schema.clone(), arrays)?;
    writer.write(&batch)?;
    writer.flush()?;
    drain(writer, out)
}

/// Moves what the writer has emitted so far to `out`. Only bytes the writer already handed
/// to its sink are taken, in order, and the writer keeps its own count of bytes written (the
/// footer's offsets come from that count), so emptying the buffer does not disturb it.
fn drain(writer: &mut ArrowWriter<Vec<u8>>, out: &mut dyn Write) -> Result<()> {
    let buf = writer.inner_mut();
    out.write_all(buf)?;
    buf.clear();
    Ok(())
}

/// One column of the row group being gathered.
enum Column {
    Int(Int64Builder),
    Float(Float64Builder),
    Text(StringBuilder),
}

impl Column {
    fn new(name: &str) -> Column {
        match column_kind(name) {
            Kind::Int => Column::Int(Int64Builder::with_capacity(ROW_GROUP_ROWS)),
            Kind::Float => Column::Float(Float64Builder::with_capacity(ROW_GROUP_ROWS)),
            Kind::Text => Column::Text(StringBuilder::new()),
        }
    }

    fn push(&mut self, name: &str, cell: Cell<'_>) -> Result<()> {
        let bad = |cell: &Cell<'_>, reason| StoreError::BadValue {
            column: name.to_string(),
            value: cell.text().into_owned(),
            reason,
        };
        match (self, cell) {
            (Column::Int(b), Cell::Null) => b.append_null(),
            (Column::Int(b), Cell::Int(v)) => b.append_value(v),
            (Column::Int(_), other) => return Err(bad(&other, "not an integer")),
            (Column::Float(b), Cell::Null) => b.append_null(),
            (Column::Float(b), Cell::Float(v)) => b.append_value(v),
            // A REAL column stores a whole number as an integer when it fits exactly.
            (Column::Float(b), Cell::Int(v)) => b.append_value(v as f64),
            (Column::Float(_), other) => return Err(bad(&other, "not a number")),
            (Column::Text(b), Cell::Null) => b.append_null(),
            (Column::Text(b), other) => b.append_value(other.text()),
        }
        Ok(())
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Int(b) => Arc::new(b.finish()),
            Column::Float(b) => Arc::new(b.finish()),
            Column::Text(b) => Arc::new(b.finish()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_types_follow_the_column_kinds() {
        let schema = schema();
        assert_eq!(schema.fields().len(), EVENT_COLUMNS.len());
        let type_of = |n: &str| {
            schema
                .field_with_name(n)
                .map(|f| f.data_type().clone())
                .ok()
        };
        assert_eq!(type_of("event_id"), Some(DataType::Int64));
        assert_eq!(type_of("lat"), Some(DataType::Float64));
        assert_eq!(type_of("doc_id"), Some(DataType::Utf8));
    }

    #[test]
    fn a_text_value_in_an_integer_column_is_an_error() {
        let mut c = Column::new("event_id");
        assert!(c.push("event_id", Cell::Text("x".into())).is_err());
        assert!(c.push("event_id", Cell::Int(1)).is_ok());
    }
}
