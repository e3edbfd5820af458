//! `griot export`: the database's events in the formats event-data users load into pandas, R
//! and GIS tools.

use super::query::FilterArgs;
use anyhow::{Context, Result};
use griot_store::{ExportFormat, ExportOptions};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The database to read.
    #[arg(long, default_value = "griot.db")]
    pub db: PathBuf,
    /// plover (PLOVER JSONL), gdelt (GDELT 2.0 events TSV, 61 columns), csv, parquet, geojson.
    #[arg(long)]
    pub format: ExportFormat,
    /// Write here instead of standard output (Parquet needs a file).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// GDELT only: write the 61 column names as a first line (GDELT's own files have none).
    #[arg(long)]
    pub header: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = super::query::open_db(&args.db)?;
    let filter = args.filter.filter()?;
    let options = ExportOptions {
        header: args.header,
        ..ExportOptions::default()
    };
    let written = match &args.output {
        Some(path) => {
            // Written beside the target and renamed, so a failed export never leaves a
            // half-written file where a good one was.
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("creating a file in {}", dir.display()))?;
            let n = {
                let mut w = std::io::BufWriter::new(tmp.as_file_mut());
                let n = store.export_with(args.format, &filter, &options, &mut w)?;
                w.flush()?;
                n
            };
            tmp.persist(path)
                .with_context(|| format!("writing {}", path.display()))?;
            n
        }
        None => {
            if args.format == ExportFormat::Parquet && std::io::stdout().is_terminal() {
                anyhow::bail!("Parquet is binary: give --output FILE or redirect standard output");
            }
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            let n = store.export_with(args.format, &filter, &options, &mut w)?;
            w.flush()?;
            n
        }
    };
    eprintln!("griot: exported {written} events");
    Ok(ExitCode::SUCCESS)
}
