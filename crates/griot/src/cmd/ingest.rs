//! `griot ingest`: files, folders, feeds and WARC archives coded in parallel into the store.
//!
//! Three stages joined by bounded channels, so memory stays flat on any corpus size:
//! a loader thread reads inputs in order into batches; a coder thread reads and codes each
//! batch on the rayon pool; this thread writes each batch in one transaction. Batches keep
//! input order end to end, which is what makes a killed-and-rerun ingest end with the same
//! database as an uninterrupted one: committed batches are recognised by content hash and
//! the rest are written in the same order with the same near-duplicate decisions.

use crate::collect::{self, InputFile};
use crate::config::LexiconArgs;
use anyhow::{anyhow, Context, Result};
use griot_ingest::{IngestError, IngestOptions, InputFormat, Loaded, NearDupIndex, Signature};
use griot_model::Document;
use griot_store::{Inserted, NewDocument, Store};
use griot_text::Reader;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::IsTerminal;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::time::{Duration, Instant};

#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// Files and folders (walked recursively) of text, HTML, JSONL, RSS/Atom/JSON feeds and
    /// WARC (.warc, .warc.gz) inputs.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The database to write (created when missing).
    #[arg(long, default_value = "griot.db")]
    pub db: PathBuf,
    /// Coding threads (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Input format for every file instead of guessing: text, html, jsonl, feed, warc.
    #[arg(long = "input-format")]
    pub input_format: Option<InputFormat>,
    /// Skip inputs (or WARC records) larger than this many bytes.
    #[arg(long, default_value_t = IngestOptions::default().max_bytes)]
    pub max_bytes: u64,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Progress: `bar` on a terminal, `log` lines every few seconds, `none`; `auto` picks bar
    /// on a terminal and log otherwise.
    #[arg(long, default_value = "auto", value_parser = ["auto", "bar", "log", "none"])]
    pub progress: String,
    /// Summary at the end: `table` or `json`.
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    pub format: String,
}

/// What one ingest did. Counts are per input document (a JSONL record, a feed entry, a WARC
/// record, a file).
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    /// Documents read from the inputs (before de-duplication).
    pub read: u64,
    /// New documents stored and coded.
    pub stored: u64,
    /// Documents whose text was already in the database before this run.
    pub already_stored: u64,
    /// Exact repeats of a document stored earlier in this run.
    pub duplicates: u64,
    /// Stored documents that nearly duplicate an earlier one (linked to it).
    pub near_duplicates: u64,
    /// New event rows.
    pub events: u64,
    /// Events of near-duplicates counted as extra sources of an earlier event.
    pub linked_events: u64,
    /// Inputs left out, by reason.
    pub skipped: BTreeMap<String, u64>,
    pub seconds: f64,
    pub documents_per_second: f64,
    /// Wall time each pipeline stage spent working (they overlap).
    pub busy_seconds: StageSeconds,
}

/// Seconds each stage was busy: loading (parse, clean, language), coding (read, code, sketch
/// on the pool) and writing (SQLite).
#[derive(Debug, Default, Serialize)]
pub struct StageSeconds {
    pub load: f64,
    pub code: f64,
    pub write: f64,
}

/// One input item on its way through the pipeline.
enum Item {
    /// Bytes of one document not yet parsed: a JSONL line or a whole text/HTML file. Parsing,
    /// cleaning and language identification then run on the pool with the coding.
    Raw {
        name: String,
        bytes: Vec<u8>,
        format: InputFormat,
    },
    Doc {
        name: String,
        doc: Box<Document>,
        sketch: Option<Signature>,
    },
    Skip {
        name: String,
        reason: String,
        detail: String,
        exit_code: i32,
    },
    Note(String),
}

impl Item {
    fn from_loaded(name: String, loaded: Loaded) -> Item {
        match loaded {
            Loaded::Doc(doc) => Item::Doc {
                name,
                doc,
                sketch: None,
            },
            Loaded::Skipped(skip) => Item::Skip {
                name,
                reason: skip.reason.key().to_string(),
                detail: skip.to_string(),
                exit_code: skip.reason.exit_code(),
            },
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let summary = ingest(&args)?;
    print_summary(&args, &summary)?;
    let nothing = summary.read == 0 && !summary.skipped.is_empty();
    Ok(if nothing {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs one ingest and says what it did.
pub fn ingest(args: &Args) -> Result<Summary> {
    let started = Instant::now();
    if args.batch == 0 {
        return Err(anyhow!("--batch must be at least 1"));
    }
    let files = collect::input_files(&args.paths)?;
    let reader = Reader::builtin().context("loading the built-in reading models")?;
    let lexicon = args.lexicon.load()?;
    let mut store = Store::open(&args.db)?;
    let mut index = NearDupIndex::new();
    for (id, bytes) in store.sketches()? {
        if let Some(sig) = Signature::from_bytes(&bytes) {
            index.insert(id, &sig);
        }
    }
    let threads = args.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("griot-pool-{i}"))
        .build()
        .context("starting the coding threads")?;
    let progress = Progress::new(&args.progress, &files);
    let opts = IngestOptions {
        max_bytes: args.max_bytes,
        format: args.input_format,
    };

    let mut summary = Summary {
        files: files.len(),
        ..Summary::default()
    };
    let (load_tx, load_rx) = sync_channel::<Vec<Item>>(2);
    let (code_tx, code_rx) = sync_channel::<Vec<Item>>(2);
    let (load_busy, code_busy) = (AtomicU64::new(0), AtomicU64::new(0));
    let written = std::thread::scope(|scope| -> Result<()> {
        // Named threads, so a profile tells the stages apart.
        std::thread::Builder::new()
            .name("griot-load".into())
            .spawn_scoped(scope, || {
                load(&files, &opts, args.batch, load_tx, &load_busy)
            })
            .context("starting the loader thread")?;
        std::thread::Builder::new()
            .name("griot-code".into())
            .spawn_scoped(scope, || {
                code_batches(
                    &pool, &opts, &reader, &lexicon, load_rx, code_tx, &code_busy,
                )
            })
            .context("starting the coder thread")?;
        write(&mut store, &mut index, code_rx, &mut summary, &progress)
    });
    summary.busy_seconds.load = load_busy.into_inner() as f64 / 1e6;
    summary.busy_seconds.code = code_busy.into_inner() as f64 / 1e6;
    progress.finish();
    written?;
    store.checkpoint()?;

    summary.seconds = started.elapsed().as_secs_f64();
    summary.documents_per_second = summary.read as f64 / summary.seconds.max(1e-9);
    Ok(summary)
}

/// Stage 1: inputs in order, in batches of `batch` items. JSONL files are cut into lines and
/// text or HTML files passed on whole, unparsed, so that parsing runs in parallel; feeds and
/// WARC archives are parsed here, record by record.
fn load(
    files: &[InputFile],
    opts: &IngestOptions,
    batch: usize,
    tx: SyncSender<Vec<Item>>,
    busy: &AtomicU64,
) {
    let mut out = Batcher {
        items: Vec::with_capacity(batch),
        batch,
        tx,
        busy,
        started: Instant::now(),
        stopped: false,
    };
    for file in files {
        let base = file.path.display().to_string();
        let result =
            griot_ingest::file_format(&file.path, opts.format).and_then(|format| match format {
                InputFormat::Jsonl => jsonl_lines(&file.path, &base, &mut out),
                InputFormat::Text | InputFormat::Html => {
                    whole_file(&file.path, &base, format, opts, &mut out)
                }
                InputFormat::Feed | InputFormat::Warc => parsed(&file.path, &base, opts, &mut out),
            });
        if let Err(err) = result {
            out.push(Item::Skip {
                name: format!("{base}#1"),
                reason: "unreadable".into(),
                detail: err.to_string(),
                exit_code: 1,
            });
        }
        if out.stopped {
            return;
        }
    }
    out.flush();
}

/// Collects items and sends them on in batches.
struct Batcher<'a> {
    items: Vec<Item>,
    batch: usize,
    tx: SyncSender<Vec<Item>>,
    busy: &'a AtomicU64,
    started: Instant,
    /// The receiver is gone (the writer failed): stop reading.
    stopped: bool,
}

impl Batcher<'_> {
    fn push(&mut self, item: Item) {
        self.items.push(item);
        if self.items.len() >= self.batch {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.stopped || self.items.is_empty() {
            return;
        }
        self.busy
            .fetch_add(elapsed_micros(self.started), Ordering::Relaxed);
        self.stopped = self.tx.send(std::mem::take(&mut self.items)).is_err();
        self.started = Instant::now();
    }
}

/// Every non-blank line of a JSONL file as its own raw item, read as a stream.
fn jsonl_lines(path: &Path, base: &str, out: &mut Batcher<'_>) -> Result<(), IngestError> {
    let io = |source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut reader = BufReader::new(File::open(path).map_err(io)?);
    let mut position = 0usize;
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line).map_err(io)? == 0 {
            return Ok(());
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        position += 1;
        out.push(Item::Raw {
            name: format!("{base}#{position}"),
            bytes: line,
            format: InputFormat::Jsonl,
        });
        if out.stopped {
            return Ok(());
        }
    }
}

/// A text or HTML file as one raw item; an oversized one is refused unread.
fn whole_file(
    path: &Path,
    base: &str,
    format: InputFormat,
    opts: &IngestOptions,
    out: &mut Batcher<'_>,
) -> Result<(), IngestError> {
    let io = |source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    };
    let name = format!("{base}#1");
    let mut bytes = Vec::new();
    File::open(path)
        .map_err(io)?
        .take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    out.push(Item::Raw {
        name,
        bytes,
        format,
    });
    Ok(())
}

/// Feeds and archives: parsed here, in order.
fn parsed(
    path: &Path,
    base: &str,
    opts: &IngestOptions,
    out: &mut Batcher<'_>,
) -> Result<(), IngestError> {
    let mut position = 0usize;
    griot_ingest::load_path_streaming(path, opts, &mut |outcome| {
        for note in outcome.notes {
            out.push(Item::Note(note.to_string()));
        }
        for loaded in outcome.loaded {
            position += 1;
            out.push(Item::from_loaded(format!("{base}#{position}"), loaded));
        }
    })
}

fn elapsed_micros(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// Stage 2: read, code and sketch each document of a batch in parallel.
fn code_batches(
    pool: &rayon::ThreadPool,
    opts: &IngestOptions,
    reader: &Reader,
    lexicon: &griot_coder::Lexicon,
    rx: Receiver<Vec<Item>>,
    tx: SyncSender<Vec<Item>>,
    busy: &AtomicU64,
) {
    for mut items in rx {
        let started = Instant::now();
        pool.install(|| {
            items.par_iter_mut().for_each(|item| {
                if let Item::Raw {
                    name,
                    bytes,
                    format,
                } = item
                {
                    *item = parse(std::mem::take(name), bytes, *format, opts);
                }
                if let Item::Doc { doc, sketch, .. } = item {
                    reader.read(doc);
                    griot_coder::code(doc, lexicon);
                    *sketch = Some(griot_ingest::signature(&doc.text));
                    // The store keeps no tokens or mentions: free them here, in parallel,
                    // rather than in the single writer thread, and keep batches in flight
                    // small.
                    doc.mentions = Vec::new();
                    for sentence in &mut doc.sentences {
                        sentence.tokens = Vec::new();
                        sentence.chunks = Vec::new();
                    }
                }
            })
        });
        busy.fetch_add(elapsed_micros(started), Ordering::Relaxed);
        if tx.send(items).is_err() {
            return;
        }
    }
}

/// A raw item parsed into a document or a skip. A JSONL line holds one record; notes (a
/// guessed encoding) are dropped here: the document itself is what the store keeps.
fn parse(name: String, bytes: &[u8], format: InputFormat, opts: &IngestOptions) -> Item {
    let opts = IngestOptions {
        format: Some(format),
        ..opts.clone()
    };
    let outcome = griot_ingest::load_bytes_with_notes(&name, bytes, &opts);
    match outcome.loaded.into_iter().next() {
        Some(loaded) => Item::from_loaded(name, loaded),
        None => Item::Skip {
            name,
            reason: "no-text".into(),
            detail: "skipped: nothing to read".into(),
            exit_code: 3,
        },
    }
}

/// Stage 3: one transaction per batch, in input order.
fn write(
    store: &mut Store,
    index: &mut NearDupIndex,
    rx: Receiver<Vec<Item>>,
    summary: &mut Summary,
    progress: &Progress,
) -> Result<()> {
    let mut this_run: HashSet<String> = HashSet::new();
    for items in rx {
        let started = Instant::now();
        let mut batch = store.batch()?;
        for item in &items {
            match item {
                Item::Note(note) => progress.line(&format!("griot: {note}")),
                // The pool turns every raw item into a document or a skip.
                Item::Raw { .. } => {}
                Item::Skip {
                    name,
                    reason,
                    detail,
                    exit_code,
                } => {
                    progress.line(&format!("griot: {detail}"));
                    batch.skip(name, reason, detail, *exit_code)?;
                    *summary.skipped.entry(reason.clone()).or_default() += 1;
                    progress.inc(1);
                }
                Item::Doc { name, doc, sketch } => {
                    summary.read += 1;
                    progress.inc(1);
                    let known = batch.document_by_hash(&doc.content_hash)?.is_some();
                    let duplicate_of = match (known, sketch) {
                        (false, Some(sig)) => index.find(sig),
                        _ => None,
                    };
                    let new = NewDocument {
                        doc,
                        name,
                        sketch: sketch.as_ref().map(Signature::to_bytes),
                        duplicate_of,
                    };
                    match batch.insert(&new)? {
                        Inserted::Known { .. } => {
                            if this_run.contains(&doc.content_hash) {
                                summary.duplicates += 1;
                            } else {
                                summary.already_stored += 1;
                            }
                        }
                        Inserted::New { id, events, linked } => {
                            if let Some(sig) = sketch {
                                index.insert(id, sig);
                            }
                            this_run.insert(doc.content_hash.clone());
                            summary.stored += 1;
                            summary.near_duplicates += u64::from(duplicate_of.is_some());
                            summary.events += events as u64;
                            summary.linked_events += linked as u64;
                        }
                    }
                }
            }
        }
        batch.commit()?;
        summary.busy_seconds.write += started.elapsed().as_secs_f64();
        progress.status(summary);
    }
    Ok(())
}

/// Documents expected, for the progress bar: JSONL lines are counted (streamed, so a huge file
/// costs one extra read but no memory); every other file counts one until it turns out to hold
/// more (feeds, WARC), which then grow the total.
fn estimate_documents(files: &[InputFile]) -> u64 {
    files
        .iter()
        .map(|f| {
            let name = f.path.to_string_lossy().to_ascii_lowercase();
            if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
                count_records(&f.path).unwrap_or(1)
            } else {
                1
            }
        })
        .sum()
}

/// Non-blank lines, as the loader counts records.
fn count_records(path: &Path) -> std::io::Result<u64> {
    let mut reader = BufReader::new(File::open(path)?);
    let (mut line, mut records) = (Vec::new(), 0u64);
    while reader.read_until(b'\n', &mut line)? > 0 {
        if !line.iter().all(u8::is_ascii_whitespace) {
            records += 1;
        }
        line.clear();
    }
    Ok(records)
}

/// Progress on a terminal (indicatif), as log lines elsewhere, or not at all.
struct Progress {
    bar: Option<ProgressBar>,
    log: bool,
    started: Instant,
    last_log: std::cell::Cell<Instant>,
}

impl Progress {
    /// The document estimate is only worked out for the bar, the one user of it.
    fn new(mode: &str, files: &[InputFile]) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        let (bar, log) = match mode {
            "bar" => (true, false),
            "log" => (false, true),
            "none" => (false, false),
            _ => (terminal, !terminal),
        };
        let bar = bar.then(|| {
            let estimate = estimate_documents(files);
            let pb = ProgressBar::with_draw_target(Some(estimate), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} docs {per_sec} ETA {eta} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            pb.set_style(style);
            pb
        });
        let now = Instant::now();
        Progress {
            bar,
            log,
            started: now,
            last_log: std::cell::Cell::new(now),
        }
    }

    fn inc(&self, n: u64) {
        if let Some(pb) = &self.bar {
            if pb.position() + n > pb.length().unwrap_or(0) {
                pb.inc_length(n);
            }
            pb.inc(n);
        }
    }

    fn line(&self, message: &str) {
        match &self.bar {
            Some(pb) => pb.println(message),
            None => eprintln!("{message}"),
        }
    }

    fn status(&self, s: &Summary) {
        if let Some(pb) = &self.bar {
            pb.set_message(format!("{} events", s.events));
        }
        if self.log && self.last_log.get().elapsed() >= Duration::from_secs(5) {
            self.last_log.set(Instant::now());
            let secs = self.started.elapsed().as_secs_f64();
            eprintln!(
                "griot: ingest: {} documents read ({:.0}/s), {} stored, {} events",
                s.read,
                s.read as f64 / secs.max(1e-9),
                s.stored,
                s.events
            );
        }
    }

    fn finish(&self) {
        if let Some(pb) = &self.bar {
            pb.finish_and_clear();
        }
    }
}

fn print_summary(args: &Args, s: &Summary) -> Result<()> {
    if args.format == "json" {
        println!("{}", serde_json::to_string_pretty(s)?);
        return Ok(());
    }
    println!("ingested into {}", args.db.display());
    println!("  files            {:>8}", s.files);
    println!("  documents read   {:>8}", s.read);
    println!("  stored and coded {:>8}", s.stored);
    println!("  already stored   {:>8}", s.already_stored);
    println!("  duplicates       {:>8}", s.duplicates);
    println!("  near-duplicates  {:>8}", s.near_duplicates);
    println!(
        "  events           {:>8}  (+{} reported again by near-duplicates)",
        s.events, s.linked_events
    );
    let skipped: u64 = s.skipped.values().sum();
    println!("  skipped          {skipped:>8}");
    for (reason, n) in &s.skipped {
        println!("    {reason:<14} {n:>8}");
    }
    println!(
        "  {:.1} s, {:.0} documents/s (busy: load {:.1} s, code {:.1} s, write {:.1} s)",
        s.seconds,
        s.documents_per_second,
        s.busy_seconds.load,
        s.busy_seconds.code,
        s.busy_seconds.write
    );
    Ok(())
}
