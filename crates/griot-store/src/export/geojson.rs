//! GeoJSON (RFC 7946): a FeatureCollection with one Point feature per event whose place has
//! coordinates; events without them are left out, since a feature without geometry is of no
//! use on a map. Properties are the flat [`EVENT_COLUMNS`], in that order.

use super::Cell;
use crate::{Filter, Result, Store, EVENT_COLUMNS};
use std::io::{BufWriter, Write};

pub(super) fn write(store: &Store, filter: &Filter, out: &mut dyn Write) -> Result<usize> {
    let mut out = BufWriter::new(out);
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
    let lat_at = EVENT_COLUMNS.iter().position(|c| *c == "lat");
    let lon_at = EVENT_COLUMNS.iter().position(|c| *c == "lon");
    let id_at = EVENT_COLUMNS.iter().position(|c| *c == "event_id");
    let mut first = true;
    let mut feature = String::new();
    let n = store.for_each_flat(filter, true, |row| {
        let number = |at: Option<usize>| -> Result<serde_json::Value> {
            Ok(match at {
                Some(i) => Cell::read(row, i)?.json(),
                None => serde_json::Value::Null,
            })
        };
        feature.clear();
        if !first {
            feature.push(',');
        }
        first = false;
        // Built by hand rather than through a serde_json map, which would sort the properties.
        feature.push_str("\n{\"type\":\"Feature\",\"id\":");
        feature.push_str(&number(id_at)?.to_string());
        feature.push_str(",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
        feature.push_str(&number(lon_at)?.to_string());
        feature.push(',');
        feature.push_str(&number(lat_at)?.to_string());
        feature.push_str("]},\"properties\":{");
        for (i, column) in EVENT_COLUMNS.iter().enumerate() {
            if i > 0 {
                feature.push(',');
            }
            feature.push_str(&serde_json::Value::from(*column).to_string());
            feature.push(':');
            feature.push_str(&Cell::read(row, i)?.json().to_string());
        }
        feature.push_str("}}");
        out.write_all(feature.as_bytes())?;
        Ok(())
    })?;
    out.write_all(b"\n]}\n")?;
    out.flush()?;
    Ok(n)
}
