//! Web archives (WARC 1.0/1.1, plain or gzipped record by record) via the `warc` crate: each
//! HTML or plain-text `response` or `resource` record is one document.
//!
//! The archive is read record by record from a `BufRead`, never whole, and each record's body
//! is read only when it is a page we want and within [`IngestOptions::max_bytes`].

use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

use encoding_rs::Encoding;
use flate2::bufread::MultiGzDecoder;
use warc::{Error as WarcError, Record, RecordType, StreamingBody, WarcHeader, WarcReader};

use crate::decode::{charset_param, decode_with};
use crate::format::GZIP_MAGIC;
use crate::{
    finish, html, read_document, unusable_reason, IngestOptions, Loaded, Note, Outcome, Skip,
    SkipReason,
};

/// Longest WARC header block accepted. Real ones are well under a few KiB; without a bound, a
/// file that is not a WARC would be read whole in search of the blank line ending the header.
const MAX_WARC_HEADER_BYTES: usize = 1024 * 1024;

/// Longest HTTP status line plus headers accepted in a response record.
const MAX_HTTP_HEADER_BYTES: u64 = 64 * 1024;

/// Reads the archive in `input` (gzipped or not: the first bytes tell) and hands `sink` one
/// [`Outcome`] per record that yields a document or a skip, and one for the archive itself
/// when no record does. A corrupt record is a [`SkipReason::BadRecord`] and ends the reading:
/// where the next record starts is unknown. `Err` is an I/O failure that is not corruption.
pub(crate) fn read<'a>(
    name: &str,
    mut input: impl BufRead + 'a,
    opts: &IngestOptions,
    sink: &mut dyn FnMut(Outcome),
) -> io::Result<()> {
    let gzipped = input.fill_buf()?.starts_with(GZIP_MAGIC);
    let input: Box<dyn BufRead + 'a> = if gzipped {
        // `.warc.gz` is one gzip member per record, so the decoder must go on past the first.
        Box::new(BufReader::new(MultiGzDecoder::new(input)))
    } else {
        Box::new(input)
    };
    let header_bytes = Rc::new(Cell::new(0));
    let mut reader = WarcReader::new(Framed {
        inner: input,
        header_bytes: Rc::clone(&header_bytes),
    });
    let mut records = reader.stream_records();
    let mut index = 0;
    let mut yielded = false;
    let mut emit = |outcome: Outcome| {
        yielded = true;
        sink(outcome);
    };
    loop {
        let Some(item) = records.next_item() else {
            // The parser takes a header cut off by the end of the input for the end of the
            // archive; anything consumed since the last body is such a header.
            if header_bytes.get() > 0 {
                let name = record_name(name, index + 1);
                emit(corrupt(&name, "truncated WARC header at end of input"));
            }
            break;
        };
        index += 1;
        let name = record_name(name, index);
        let mut record = match item {
            Ok(record) => record,
            Err(e) => match classify(e, header_bytes.get()) {
                Broken::Record(message) => {
                    emit(corrupt(&name, &message));
                    continue;
                }
                Broken::Archive(message) => {
                    emit(corrupt(&name, &message));
                    break;
                }
                Broken::Io(e) => return Err(e),
            },
        };
        let outcome = read_record(&name, &mut record, opts);
        // Drained here rather than skipped by the parser before the next header, so that a
        // record cut short is reported as itself and not as its successor.
        let drained = outcome.and_then(|o| io::copy(&mut record, &mut io::sink()).map(|_| o));
        let outcome = match drained {
            Ok(_) if record.content_length() > 0 => {
                emit(corrupt(&name, "truncated WARC record"));
                break;
            }
            Ok(outcome) => outcome,
            Err(e) => match io_broken(e) {
                Broken::Io(e) => return Err(e),
                Broken::Record(message) | Broken::Archive(message) => {
                    emit(corrupt(&name, &message));
                    break;
                }
            },
        };
        if let Some(outcome) = outcome {
            emit(outcome);
        }
    }
    if !yielded {
        let reason = if index == 0 {
            SkipReason::Empty
        } else {
            SkipReason::NoText
        };
        sink(Outcome {
            loaded: vec![Loaded::Skipped(Skip {
                name: name.to_string(),
                reason,
            })],
            notes: Vec::new(),
        });
    }
    Ok(())
}

fn record_name(file: &str, index: usize) -> String {
    format!("{file}#record-{index}")
}

/// The input between the WARC parser and the archive: bounds header reads and drops the blank
/// lines some writers put between records.
///
/// The parser reads headers line by line through `fill_buf`/`consume` and bodies through
/// `read`, so the bytes consumed since the last `read` are the header being parsed.
struct Framed<R> {
    inner: R,
    header_bytes: Rc<Cell<usize>>,
}

impl<R: BufRead> Read for Framed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.header_bytes.set(0);
        self.inner.read(buf)
    }
}

impl<R: BufRead> BufRead for Framed<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let consumed = self.header_bytes.get();
        if consumed > MAX_WARC_HEADER_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "WARC header longer than 1 MiB",
            ));
        }
        if consumed == 0 {
            // Between records: a blank line is padding, not a header, and not corruption.
            loop {
                let buf = self.inner.fill_buf()?;
                let blank = buf
                    .iter()
                    .take_while(|&&b| b == b'\r' || b == b'\n')
                    .count();
                if blank == 0 {
                    break;
                }
                self.inner.consume(blank);
            }
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.header_bytes
            .set(self.header_bytes.get().saturating_add(amt));
        self.inner.consume(amt);
    }
}

/// How bad a read error is.
#[derive(Debug)]
enum Broken {
    /// This record is unusable, but the archive goes on after it.
    Record(String),
    /// Where the next record starts is unknown: stop reading the archive.
    Archive(String),
    /// The file itself failed (not its content).
    Io(io::Error),
}

fn classify(e: WarcError, header_bytes: usize) -> Broken {
    match e {
        WarcError::ReadData(e) => io_broken(e),
        // Nothing consumed since the last body: the parser failed on the `\r\n\r\n` that must
        // follow a body, so the previous record is longer than its Content-Length said.
        WarcError::ParseHeaders(_) if header_bytes == 0 => Broken::Archive(
            "record does not start where the previous record's Content-Length ends".to_string(),
        ),
        WarcError::ParseHeaders(_) => Broken::Archive("unreadable WARC header".to_string()),
        // Without a length the next record cannot be found.
        WarcError::MissingHeader(WarcHeader::ContentLength) => {
            Broken::Archive("WARC header without Content-Length".to_string())
        }
        // The length was read, so the parser can still skip this record's body.
        WarcError::MissingHeader(header) => Broken::Record(format!("WARC header without {header}")),
        WarcError::MalformedHeader(header, why) => {
            Broken::Record(format!("malformed WARC header {header}: {why}"))
        }
        WarcError::UnexpectedEOB => Broken::Archive("truncated WARC record".to_string()),
        WarcError::ReadOverflow => {
            Broken::Archive("WARC record longer than its Content-Length".to_string())
        }
    }
}

/// Bad gzip data, a cut-off stream and an over-long header are the archive's fault; other
/// errors are the file system's.
fn io_broken(e: io::Error) -> Broken {
    match e.kind() {
        io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput | io::ErrorKind::UnexpectedEof => {
            Broken::Archive(format!("corrupt archive: {e}"))
        }
        _ => Broken::Io(e),
    }
}

fn corrupt(name: &str, message: &str) -> Outcome {
    skip_outcome(
        name,
        SkipReason::BadRecord {
            message: message.to_string(),
        },
        Vec::new(),
    )
}

fn skip_outcome(name: &str, reason: SkipReason, notes: Vec<Note>) -> Outcome {
    Outcome {
        loaded: vec![Loaded::Skipped(Skip {
            name: name.to_string(),
            reason,
        })],
        notes,
    }
}

/// What the WARC header says about a record we read.
struct Origin {
    /// `WARC-Target-URI`, without the angle brackets WARC 1.0 drafts put around it.
    target: Option<String>,
    /// The capture day, `YYYY-MM-DD`.
    captured: String,
    /// The record's declared length, for the size limit.
    length: u64,
}

/// The outcome of one record; `None` for records that are not pages (requests, metadata,
/// images, DNS answers, …).
fn read_record<R: Read>(
    name: &str,
    record: &mut Record<StreamingBody<'_, R>>,
    opts: &IngestOptions,
) -> io::Result<Option<Outcome>> {
    let origin = Origin {
        target: record
            .header(WarcHeader::TargetURI)
            .map(|u| {
                u.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string()
            })
            .filter(|u| !u.is_empty()),
        captured: record.date().date_naive().to_string(),
        length: record.content_length(),
    };
    match record.warc_type() {
        RecordType::Response => response(name, record, &origin, opts),
        RecordType::Resource => {
            let content_type = record
                .header(WarcHeader::ContentType)
                .map(|c| c.into_owned())
                .unwrap_or_default();
            let Some(html) = page_kind(&content_type) else {
                return Ok(None);
            };
            if let Some(too_large) = too_large(name, origin.length, opts) {
                return Ok(Some(too_large));
            }
            let mut payload = Vec::new();
            record.read_to_end(&mut payload)?;
            let page = Payload {
                bytes: payload,
                html,
                charset: charset_param(&content_type),
            };
            Ok(Some(document(name, page, &origin, Vec::new())))
        }
        _ => Ok(None),
    }
}

/// A response record: an HTTP status line, headers and body.
fn response(
    name: &str,
    record: &mut impl Read,
    origin: &Origin,
    opts: &IngestOptions,
) -> io::Result<Option<Outcome>> {
    let mut body = BufReader::new(record);
    if !body.fill_buf()?.starts_with(b"HTTP/") {
        // `dns:` lookups and other non-HTTP captures are responses too.
        return Ok(None);
    }
    let head = match read_http_head(&mut body)? {
        Ok(head) => head,
        Err(message) => return Ok(Some(corrupt(name, message))),
    };
    let content_type = head.get("content-type").unwrap_or_default();
    let Some(html) = page_kind(content_type) else {
        return Ok(None);
    };
    if !(200..300).contains(&head.status) {
        let reason = SkipReason::HttpStatus { code: head.status };
        return Ok(Some(skip_outcome(name, reason, Vec::new())));
    }
    if let Some(too_large) = too_large(name, origin.length, opts) {
        return Ok(Some(too_large));
    }
    let mut payload = Vec::new();
    body.read_to_end(&mut payload)?;
    let mut notes = Vec::new();
    let chunked = head
        .get("transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    if chunked {
        match dechunk(&payload) {
            Some(plain) => payload = plain,
            None => notes.push(note(
                name,
                "body declared chunked but is not; read as it is".to_string(),
            )),
        }
    }
    let encoding = head.get("content-encoding").unwrap_or_default();
    let payload = match decompress(payload, encoding, opts.max_bytes.saturating_add(1)) {
        Decompressed::Done(bytes) => bytes,
        Decompressed::TooLarge(bytes) => {
            let reason = SkipReason::TooLarge {
                bytes,
                limit: opts.max_bytes,
            };
            return Ok(Some(skip_outcome(name, reason, notes)));
        }
        Decompressed::Failed(message) => {
            let reason = SkipReason::BadRecord { message };
            return Ok(Some(skip_outcome(name, reason, notes)));
        }
    };
    let page = Payload {
        bytes: payload,
        html,
        charset: charset_param(content_type),
    };
    Ok(Some(document(name, page, origin, notes)))
}

fn too_large(name: &str, length: u64, opts: &IngestOptions) -> Option<Outcome> {
    (length > opts.max_bytes).then(|| {
        let reason = SkipReason::TooLarge {
            bytes: length,
            limit: opts.max_bytes,
        };
        skip_outcome(name, reason, Vec::new())
    })
}

/// `Some(true)` for HTML, `Some(false)` for plain text, `None` for anything else.
fn page_kind(content_type: &str) -> Option<bool> {
    let essence = crate::format::media_essence(content_type);
    match essence.as_str() {
        "text/html" | "application/xhtml+xml" => Some(true),
        "text/plain" => Some(false),
        _ => None,
    }
}

/// The page bytes of a record, as the transport described them.
struct Payload {
    bytes: Vec<u8>,
    html: bool,
    charset: Option<&'static Encoding>,
}

/// Decodes and reads a page the way [`crate::load_bytes`] reads a file, then fills in what the
/// archive knows and the page did not say.
fn document(name: &str, page: Payload, origin: &Origin, mut notes: Vec<Note>) -> Outcome {
    let decoded = match decode_with(&page.bytes, page.html, page.charset) {
        Ok(d) => d,
        Err(unusable) => return skip_outcome(name, unusable_reason(unusable), notes),
    };
    notes.extend(crate::notes(name, decoded.notes));
    let (mut meta, cleaned) = read_document(&decoded.text, page.html);
    // The address the page was fetched from, even when it names a canonical one: that is
    // where this copy of the text came from.
    if origin.target.is_some() {
        meta.url.clone_from(&origin.target);
    }
    if meta.site.is_none() {
        meta.site = meta.url.as_deref().and_then(html::host);
    }
    if meta.date.is_none() {
        meta.date = Some(origin.captured.clone());
    }
    Outcome {
        loaded: vec![finish(name, None, meta, cleaned)],
        notes,
    }
}

fn note(name: &str, message: String) -> Note {
    Note {
        name: name.to_string(),
        message,
    }
}

/// An HTTP response's status and headers (names lowercased).
#[derive(Debug)]
struct HttpHead {
    status: u16,
    headers: Vec<(String, String)>,
}

impl HttpHead {
    /// The first header of that (lowercase) name.
    fn get(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads the status line and headers, leaving `body` at the first byte of the body. The inner
/// `Err` is a message for a head that cannot be read (too long, cut off, bad status line).
fn read_http_head(body: &mut impl BufRead) -> io::Result<Result<HttpHead, &'static str>> {
    let mut limited = body.take(MAX_HTTP_HEADER_BYTES);
    let mut line = Vec::new();
    limited.read_until(b'\n', &mut line)?;
    let status_line = String::from_utf8_lossy(&line);
    let Some(status) = status_line
        .split_ascii_whitespace()
        .nth(1)
        .and_then(|code| code.parse::<u16>().ok())
    else {
        return Ok(Err("unreadable HTTP status line"));
    };
    let mut headers = Vec::new();
    loop {
        line.clear();
        if limited.read_until(b'\n', &mut line)? == 0 || !line.ends_with(b"\n") {
            return Ok(Err("HTTP header cut off or longer than 64 KiB"));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        // Lines without a colon (obsolete folding, junk) carry nothing we use.
        if let Some((name, value)) = text.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    Ok(Ok(HttpHead { status, headers }))
}

/// The body of a `Transfer-Encoding: chunked` message. `None` when it does not start with a
/// chunk size (some archivers store the body de-chunked but keep the header); a body cut off
/// mid-chunk keeps what arrived.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    let mut first = true;
    while !rest.is_empty() {
        let size = rest.iter().position(|&b| b == b'\n').and_then(|end| {
            let line = std::str::from_utf8(&rest[..end]).ok()?;
            let hex = line.split(';').next()?.trim();
            let size = usize::from_str_radix(hex, 16).ok()?;
            Some((size, end + 1))
        });
        let Some((size, line_len)) = size else {
            return if first { None } else { Some(out) };
        };
        first = false;
        rest = &rest[line_len..];
        if size == 0 {
            // Trailers, if any, are headers: nothing for the text.
            break;
        }
        let take = size.min(rest.len());
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
    Some(out)
}

/// A body after its `Content-Encoding` is undone.
#[derive(Debug, PartialEq)]
enum Decompressed {
    Done(Vec<u8>),
    /// Inflates beyond the limit (the number is how much was inflated before giving up).
    TooLarge(u64),
    Failed(String),
}

/// Undoes gzip and deflate, reading at most `limit` bytes so that a small record cannot
/// inflate into gigabytes.
fn decompress(body: Vec<u8>, encoding: &str, limit: u64) -> Decompressed {
    let encoding = encoding.trim().to_ascii_lowercase();
    let inflate = |r: &mut dyn Read| -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        r.take(limit).read_to_end(&mut out)?;
        Ok(out)
    };
    let inflated = match encoding.as_str() {
        "" | "identity" => return Decompressed::Done(body),
        "gzip" | "x-gzip" => inflate(&mut flate2::read::MultiGzDecoder::new(&body[..])),
        // HTTP's "deflate" is zlib-wrapped, but servers have long sent raw deflate as well.
        "deflate" => inflate(&mut flate2::read::ZlibDecoder::new(&body[..]))
            .or_else(|_| inflate(&mut flate2::read::DeflateDecoder::new(&body[..]))),
        other => {
            return Decompressed::Failed(format!("content encoding `{other}` is not supported"))
        }
    };
    match inflated {
        Ok(bytes) if bytes.len() as u64 >= limit => Decompressed::TooLarge(bytes.len() as u64),
        Ok(bytes) => Decompressed::Done(bytes),
        Err(e) => Decompressed::Failed(format!("undecodable {encoding} body: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn chunked_bodies() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n"),
            Some(b"Hello, world".to_vec())
        );
        // Cut off mid-chunk: what arrived.
        assert_eq!(dechunk(b"5\r\nHel"), Some(b"Hel".to_vec()));
        // Not chunked after all.
        assert_eq!(dechunk(b"<html>"), None);
        assert_eq!(dechunk(b""), Some(Vec::new()));
    }

    #[test]
    fn http_head() {
        let mut input: &[u8] =
            b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=UTF-8\r\nX: a:b\r\n\r\nbody";
        let head = read_http_head(&mut input).ok().and_then(Result::ok);
        assert_eq!(head.as_ref().map(|h| h.status), Some(404));
        assert_eq!(
            head.as_ref().and_then(|h| h.get("content-type")),
            Some("text/html; charset=UTF-8")
        );
        assert_eq!(head.as_ref().and_then(|h| h.get("x")), Some("a:b"));
        assert_eq!(input, b"body");

        let mut cut: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
        assert!(read_http_head(&mut cut).is_ok_and(|h| h.is_err()));
        let mut bad: &[u8] = b"HTTP/1.1 OK\r\n\r\n";
        assert!(read_http_head(&mut bad).is_ok_and(|h| h.is_err()));
    }

    #[test]
    fn content_encodings() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let gz = gz
            .write_all(b"<p>Talks resumed.</p>")
            .and_then(|()| gz.finish())
            .unwrap_or_default();
        assert_eq!(
            decompress(gz.clone(), "gzip", 1000),
            Decompressed::Done(b"<p>Talks resumed.</p>".to_vec())
        );
        assert_eq!(decompress(gz, "gzip", 10), Decompressed::TooLarge(10));
        assert_eq!(
            decompress(b"plain".to_vec(), "", 1000),
            Decompressed::Done(b"plain".to_vec())
        );
        assert!(matches!(
            decompress(b"plain".to_vec(), "gzip", 1000),
            Decompressed::Failed(_)
        ));
        assert!(matches!(
            decompress(b"x".to_vec(), "br", 1000),
            Decompressed::Failed(m) if m.contains("`br`")
        ));
    }

    /// Counts what the reader has pulled from the archive so far.
    struct Counting<R> {
        inner: R,
        read: Rc<Cell<usize>>,
    }

    impl<R: Read> Read for Counting<R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.read.set(self.read.get() + n);
            Ok(n)
        }
    }

    #[test]
    fn records_are_handed_over_before_the_archive_is_read() {
        let text = "Troops withdrew from the town on Monday, residents said. ".repeat(400);
        let mut archive = Vec::new();
        for i in 0..40 {
            let header = format!(
                "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Date: 2025-04-03T07:30:00Z\r\n\
                 WARC-Record-ID: <urn:test:{i}>\r\nContent-Type: text/plain\r\n\
                 Content-Length: {}\r\n\r\n",
                text.len()
            );
            archive.extend_from_slice(header.as_bytes());
            archive.extend_from_slice(text.as_bytes());
            archive.extend_from_slice(b"\r\n\r\n");
        }
        let read = Rc::new(Cell::new(0));
        let input = BufReader::with_capacity(
            8192,
            Counting {
                inner: &archive[..],
                read: Rc::clone(&read),
            },
        );
        let mut seen = Vec::new();
        let result = super::read("big.warc", input, &IngestOptions::default(), &mut |o| {
            seen.push((read.get(), o.loaded.len()));
        });
        assert!(result.is_ok());
        assert_eq!(seen.len(), 40);
        assert!(seen.iter().all(|&(_, n)| n == 1));
        // The first record is handed over having read about one record, not forty.
        assert!(seen[0].0 < 2 * (text.len() + 200), "{:?}", seen[0]);
        assert!(seen.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn page_kinds() {
        assert_eq!(page_kind("text/html; charset=utf-8"), Some(true));
        assert_eq!(page_kind("Application/XHTML+XML"), Some(true));
        assert_eq!(page_kind("text/plain"), Some(false));
        assert_eq!(page_kind("image/png"), None);
        assert_eq!(page_kind(""), None);
    }
}
