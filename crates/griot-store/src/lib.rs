//! griot's store: coded documents and their events in an embedded SQLite database.
//!
//! # What this crate owns
//!
//! The schema (documents, events, actors, places, evidence spans, event↔document links,
//! input sightings and skips, FTS5 over document text) and its migrations; writing coded
//! documents in batched transactions; the queries behind `griot query`; the exports.
//!
//! It does not read, code, or decide which documents are near-duplicates: the binary does
//! that and tells the store (see [`NewDocument::duplicate_of`]).
//!
//! # Decisions worth knowing
//!
//! - WAL journal, `synchronous=NORMAL`: a crash loses at most the batch being written, never
//!   a committed one, and readers never block the writer.
//! - One transaction per batch ([`Store::batch`]); a batch is all-or-nothing, so killing the
//!   process and running the same ingest again ends with the same rows as one uninterrupted
//!   run (inputs are taken in the same order and committed documents are recognised by their
//!   content hash).
//! - The schema version lives in `PRAGMA user_version`. A database newer than this binary is
//!   refused ([`StoreError::TooNew`]) rather than half-understood.
//! - Exports ([`Store::export`]) stream events in id order straight from SQLite; nothing but
//!   one Parquet row group is held in memory.
//! - Compound actors are rows in `event_actors` with a position, never a concatenated code.
//! - A near-duplicate document is stored (it is another source) but its events that match an
//!   event of the first copy (same type, mode, source and target codes) are linked to that
//!   event in `event_documents` instead of being stored again; GDELT's NumArticles and
//!   NumSources are counted from those links.

pub mod export;
mod migrate;
mod query;
mod write;

pub use export::{ExportFormat, ExportOptions, GDELT_COLUMNS};
pub use query::{Filter, Place as PlaceFilter, Row, EVENT_COLUMNS, GROUP_KEYS};
pub use write::{Batch, Inserted, NewDocument};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Schema version this build writes and reads.
pub const SCHEMA_VERSION: i64 = migrate::LATEST;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open database {}: {source}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "database {} has schema version {found}, newer than this griot understands ({supported}); use a newer griot",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{} is not a griot database (no griot tables, schema version 0); refusing to write to it", path.display())]
    NotGriot { path: PathBuf },
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("bad stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("invalid filter: {0}")]
    Filter(String),
    #[error("unknown export format `{0}` (expected plover, gdelt, csv, parquet or geojson)")]
    UnknownFormat(String),
    /// A stored value that cannot take the exported column's type (a damaged database).
    #[error("cannot export {column} = {value}: {reason}")]
    BadValue {
        column: String,
        value: String,
        reason: &'static str,
    },
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("Arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open griot database.
pub struct Store {
    conn: Connection,
    /// Actor key → row id, so writing an event does not look its actors up in SQL each time.
    /// Only ever holds committed rows (see [`Batch`]).
    actor_ids: std::collections::HashMap<String, i64>,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) a database for writing and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        let mut store = Store {
            conn,
            actor_ids: Default::default(),
            path: path.to_path_buf(),
        };
        store.configure()?;
        migrate::migrate(&mut store.conn, path)?;
        Ok(store)
    }

    /// Opens an existing database without changing it.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        migrate::check_readable(&conn, path)?;
        Ok(Store {
            conn,
            actor_ids: Default::default(),
            path: path.to_path_buf(),
        })
    }

    fn configure(&self) -> Result<()> {
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        self.conn.busy_timeout(std::time::Duration::from_secs(30))?;
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection, for exports and tests that read tables directly.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Starts a write batch: everything written through it lands in one transaction.
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        Batch::new(&mut self.conn, &mut self.actor_ids)
    }

    /// Moves the write-ahead log into the main file and empties it, so the database is one
    /// self-contained file to copy (a reader open during the ingest can keep SQLite from
    /// doing this at close).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Near-duplicate sketches of every stored document, oldest first, to rebuild the
    /// in-memory index when an ingest starts or resumes.
    pub fn sketches(&self) -> Result<Vec<(i64, Vec<u8>)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, sketch FROM documents WHERE sketch IS NOT NULL ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Row counts per table, for summaries and tests.
    pub fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Counts {
            documents: count("documents")?,
            near_duplicates: self.conn.query_row(
                "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL",
                [],
                |r| r.get(0),
            )?,
            sightings: count("sightings")?,
            skips: count("skips")?,
            events: count("events")?,
            event_links: count("event_documents")?,
            actors: count("actors")?,
            places: count("places")?,
        })
    }
}

/// How many rows the main tables hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    pub documents: i64,
    pub near_duplicates: i64,
    pub sightings: i64,
    pub skips: i64,
    pub events: i64,
    pub event_links: i64,
    pub actors: i64,
    pub places: i64,
}
