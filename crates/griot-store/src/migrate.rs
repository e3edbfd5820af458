//! Schema migrations, tracked in `PRAGMA user_version`.

use crate::{Result, StoreError};
use rusqlite::Connection;
use std::path::Path;

/// Migration `i` brings a database from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[include_str!("schema.sql")];

pub const LATEST: i64 = MIGRATIONS.len() as i64;

fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// The schema version, unless it is newer than this build understands.
fn known_version(conn: &Connection, path: &Path) -> Result<i64> {
    let found = version(conn)?;
    if found > LATEST {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: LATEST,
        });
    }
    Ok(found)
}

/// Refuses databases this build cannot read: newer schemas, and files that are SQLite but
/// not griot's.
pub fn check_readable(conn: &Connection, path: &Path) -> Result<()> {
    let found = known_version(conn, path)?;
    if found == 0 {
        return Err(StoreError::NotGriot {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Applies the missing migrations, each in its own transaction with its version bump.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let found = known_version(conn, path)?;
    if found == 0 {
        // A version-0 file that already has tables is someone else's database.
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Err(StoreError::NotGriot {
                path: path.to_path_buf(),
            });
        }
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
