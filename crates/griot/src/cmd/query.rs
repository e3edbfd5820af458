//! `griot query`: events from the database by actor, type, certainty, attribution, place,
//! time and text, listed or counted by group.

use anyhow::{Context, Result};
use griot_store::{Filter, PlaceFilter, Row, Store};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Source actor: `CODE`, `CODE:SECTOR` or `:SECTOR` (`DZA`, `MLI:GOV`, `:REB`); comma for any of several.
    #[arg(long, value_delimiter = ',')]
    pub source: Vec<String>,
    /// Target actor, as --source.
    #[arg(long, value_delimiter = ',')]
    pub target: Vec<String>,
    /// Actor on either side, as --source.
    #[arg(long, value_delimiter = ',')]
    pub actor: Vec<String>,
    /// PLOVER event type (ASSAULT, PROTEST, …); comma for several.
    #[arg(long = "type", value_delimiter = ',')]
    pub kind: Vec<String>,
    /// PLOVER mode; comma for several.
    #[arg(long, value_delimiter = ',')]
    pub mode: Vec<String>,
    /// asserted, reported, alleged, suspected, denied, question, hypothetical, future, negated.
    #[arg(long, value_delimiter = ',')]
    pub certainty: Vec<String>,
    /// `outlet`, or words of the claimant ("protesters"), or a claimant's country code.
    #[arg(long)]
    pub attribution: Option<String>,
    /// Events on or after this date (2025, 2025-01, 2025-01-15).
    #[arg(long)]
    pub since: Option<String>,
    /// Events on or before this date (a month or year includes all of it).
    #[arg(long)]
    pub until: Option<String>,
    /// A place name or country code, or a box `min_lon,min_lat,max_lon,max_lat`.
    #[arg(long)]
    pub place: Option<String>,
    /// Full-text search over the documents (SQLite FTS5 syntax: words, "phrases", OR, NEAR).
    #[arg(long)]
    pub text: Option<String>,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
}

impl FilterArgs {
    pub fn filter(&self) -> Result<Filter> {
        let place = match &self.place {
            Some(p) => Some(p.parse::<PlaceFilter>()?),
            None => None,
        };
        Ok(Filter {
            source: self.source.clone(),
            target: self.target.clone(),
            actor: self.actor.clone(),
            kind: self.kind.clone(),
            mode: self.mode.clone(),
            certainty: self.certainty.clone(),
            attribution: self.attribution.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            place,
            text: self.text.clone(),
            limit: self.limit,
        })
    }
}

#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The database to read.
    #[arg(long, default_value = "griot.db")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Count events per group instead of listing them: any of type, mode, cameo, source,
    /// target, certainty, attribution, place, country, day, month, year, site, document.
    #[arg(long = "group-by", value_delimiter = ',')]
    pub group_by: Vec<String>,
    /// Output: a readable `table`, `json` (one array of objects) or `csv`.
    #[arg(long, default_value = "table", value_parser = ["table", "json", "csv"])]
    pub format: String,
}

/// Columns shown by the readable table when listing events; json and csv carry them all.
const TABLE_COLUMNS: &[&str] = &[
    "event_id",
    "date",
    "type",
    "mode",
    "source",
    "target",
    "certainty",
    "attribution",
    "place",
    "trigger_text",
    "num_articles",
];

/// Opens an existing database for reading; a missing one is a hint, not SQLite's bare error.
pub fn open_db(db: &Path) -> Result<Store> {
    if !db.exists() {
        anyhow::bail!(
            "no database at {} (run `griot ingest` first, or give --db)",
            db.display()
        );
    }
    Ok(Store::open_read_only(db)?)
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = open_db(&args.db)?;
    let filter = args.filter.filter()?;
    let table = if args.group_by.is_empty() {
        store.events(&filter)?
    } else {
        store.group(&filter, &args.group_by)?
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format.as_str() {
        "json" => {
            serde_json::to_writer_pretty(&mut out, &objects(&table))?;
            writeln!(out)?;
        }
        "csv" => write_csv(&mut out, &table)?,
        _ => {
            let shown = if args.group_by.is_empty() {
                select(&table, TABLE_COLUMNS)
            } else {
                table
            };
            write_table(&mut out, &shown)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn objects(table: &Row) -> Vec<serde_json::Map<String, Value>> {
    table
        .rows
        .iter()
        .map(|row| {
            table
                .columns
                .iter()
                .cloned()
                .zip(row.iter().cloned())
                .collect()
        })
        .collect()
}

fn select(table: &Row, columns: &[&str]) -> Row {
    let idx: Vec<usize> = columns
        .iter()
        .filter_map(|c| table.columns.iter().position(|t| t == c))
        .collect();
    Row {
        columns: idx.iter().map(|&i| table.columns[i].clone()).collect(),
        rows: table
            .rows
            .iter()
            .map(|r| idx.iter().map(|&i| r[i].clone()).collect())
            .collect(),
    }
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn write_csv(out: &mut dyn Write, table: &Row) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(&table.columns)?;
    for row in &table.rows {
        w.write_record(row.iter().map(cell))?;
    }
    w.flush().context("writing CSV")?;
    Ok(())
}

/// Columns padded to their widest cell (capped, so one long claimant does not push the rest
/// off screen).
fn write_table(out: &mut dyn Write, table: &Row) -> Result<()> {
    const MAX: usize = 40;
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|v| {
                    let s = cell(v).replace('\n', " ");
                    if s.chars().count() > MAX {
                        let cut: String = s.chars().take(MAX - 1).collect();
                        format!("{cut}…")
                    } else {
                        s
                    }
                })
                .collect()
        })
        .collect();
    let widths: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .map(|r| r[i].chars().count())
                .chain([c.len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |vals: Vec<&str>| -> String {
        vals.iter()
            .zip(&widths)
            .map(|(v, w)| format!("{v:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(
        out,
        "{}",
        line(table.columns.iter().map(String::as_str).collect())
    )?;
    for row in &cells {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    writeln!(out, "({} rows)", table.rows.len())?;
    Ok(())
}
