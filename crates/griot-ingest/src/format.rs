//! Which reader a file goes to: explicit choice, file extension, then a look at the bytes.

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;
use std::sync::LazyLock;

use regex::bytes::Regex;

/// The input formats the ingest stage reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain text; a short first line becomes the title.
    Text,
    /// A web page; the article is found with readability.
    Html,
    /// One JSON object per line with at least a string `text`.
    Jsonl,
    /// An RSS (0.9x, 1.0, 2.0), Atom or JSON Feed; each entry is a document.
    Feed,
    /// A web archive (`.warc`, or `.warc.gz` gzipped record by record); each HTML or plain-text
    /// response or resource record is a document.
    Warc,
}

/// An unknown format name given to [`InputFormat::from_str`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown input format `{0}` (expected text, html, jsonl, feed or warc)")]
pub struct UnknownFormat(pub String);

impl FromStr for InputFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(InputFormat::Text),
            "html" | "htm" => Ok(InputFormat::Html),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            "feed" | "rss" | "atom" => Ok(InputFormat::Feed),
            "warc" => Ok(InputFormat::Warc),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Feed => "feed",
            InputFormat::Warc => "warc",
        })
    }
}

/// The format named by the file extension, if it names one.
pub(crate) fn from_extension(name: &str) -> Option<InputFormat> {
    // `Path::extension` of `x.warc.gz` is only `gz`, and a bare `.gz` says nothing.
    if name.to_ascii_lowercase().ends_with(".warc.gz") {
        return Some(InputFormat::Warc);
    }
    let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "txt" | "text" => Some(InputFormat::Text),
        "rss" | "atom" => Some(InputFormat::Feed),
        "warc" => Some(InputFormat::Warc),
        _ => None,
    }
}

/// How much of the input the sniffer looks at: enough for a page's head, cheap for a large file.
pub(crate) const SNIFF_BYTES: usize = 8192;

/// Closing tags; three or more in the sniffed prefix means markup, not prose that mentions `<`.
static CLOSING_TAG: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"</[A-Za-z][A-Za-z0-9]{0,10}\s*>").ok());

/// JSON Feed's required `version` member, e.g. `"version": "https://jsonfeed.org/version/1.1"`.
static JSON_FEED_VERSION: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#""version"\s*:\s*"[^"]*jsonfeed\.org"#).ok());

/// Every WARC record starts with its version line.
const WARC_MAGIC: &[u8] = b"WARC/1.";

/// The gzip member header; a `.warc.gz` is a series of gzip members.
pub(crate) const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];

/// The media type of a `Content-Type` value without its parameters, lower-cased
/// (`"Text/HTML; charset=utf-8"` → `"text/html"`), as feeds and archived HTTP responses give it.
pub(crate) fn media_essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// The format the caller asked for, else the extension's, else a guess from the first bytes.
pub(crate) fn choose(name: &str, head: &[u8], forced: Option<InputFormat>) -> InputFormat {
    forced
        .or_else(|| from_extension(name))
        .unwrap_or_else(|| sniff_bytes(head))
}

/// Guesses the format from the start of the input.
pub(crate) fn sniff_bytes(bytes: &[u8]) -> InputFormat {
    if bytes.starts_with(WARC_MAGIC) || gzipped_warc(bytes) {
        return InputFormat::Warc;
    }
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) if !encoding.is_ascii_compatible() => {
            // UTF-16: markers are only visible once decoded.
            let end = bytes.len().min(SNIFF_BYTES * 2);
            let (head, _) = encoding.decode_without_bom_handling(&bytes[bom_len..end]);
            sniff(head.as_bytes())
        }
        Some((_, bom_len)) => sniff(&bytes[bom_len..]),
        None => sniff(bytes),
    }
}

/// Guesses the format from the (ASCII-compatible) start of the input.
fn sniff(text_start: &[u8]) -> InputFormat {
    let head = &text_start[..text_start.len().min(SNIFF_BYTES)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let trimmed = &head[start..];
    let lower: Vec<u8> = trimmed
        .iter()
        .take(16)
        .map(u8::to_ascii_lowercase)
        .collect();
    // Before the markup rule: feeds are XML and often open with `<?xml` or a comment.
    if is_feed_markup(trimmed) {
        return InputFormat::Feed;
    }
    let markup_start = [
        &b"<!doctype"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<?xml",
        b"<!--",
    ];
    if markup_start.iter().any(|m| lower.starts_with(m)) {
        return InputFormat::Html;
    }
    // Before the JSONL rule: a JSON Feed is one (usually pretty-printed) object, not one per line.
    if trimmed.first() == Some(&b'{')
        && JSON_FEED_VERSION
            .as_ref()
            .is_some_and(|re| re.is_match(trimmed))
    {
        return InputFormat::Feed;
    }
    if trimmed.first() == Some(&b'{') && first_line_is_object(trimmed) {
        return InputFormat::Jsonl;
    }
    let tags = CLOSING_TAG
        .as_ref()
        .map_or(0, |re| re.find_iter(head).take(3).count());
    if tags >= 3 {
        return InputFormat::Html;
    }
    InputFormat::Text
}

/// A gzip stream whose first member starts like a WARC record: a `.warc.gz` under another name.
fn gzipped_warc(bytes: &[u8]) -> bool {
    if !bytes.starts_with(GZIP_MAGIC) {
        return false;
    }
    let mut start = Vec::with_capacity(WARC_MAGIC.len());
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    // A cut-off member still yields its first bytes; any error just means "not a WARC".
    let read = flate2::read::GzDecoder::new(head)
        .take(WARC_MAGIC.len() as u64)
        .read_to_end(&mut start);
    read.is_ok() && start == WARC_MAGIC
}

/// The root element of a feed, once the XML declaration, processing instructions, comments and
/// a non-HTML doctype are out of the way.
fn is_feed_markup(head: &[u8]) -> bool {
    let mut rest = head;
    loop {
        rest = trim_start(rest);
        let skip_to = if rest.starts_with(b"<?") {
            b"?>".as_slice()
        } else if rest.starts_with(b"<!--") {
            b"-->".as_slice()
        } else if starts_with_ignore_case(rest, b"<!doctype") {
            if starts_with_ignore_case(trim_start(&rest[9..]), b"html") {
                return false;
            }
            b">".as_slice()
        } else {
            break;
        };
        match find(rest, skip_to) {
            Some(at) => rest = &rest[at + skip_to.len()..],
            None => return false,
        }
    }
    [&b"<rss"[..], b"<feed", b"<rdf:rdf"].iter().any(|root| {
        starts_with_ignore_case(rest, root)
            // `<feedback>` is not `<feed>`.
            && rest
                .get(root.len())
                .is_some_and(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
    })
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn first_line_is_object(bytes: &[u8]) -> bool {
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    // A first line longer than the sniffed prefix is cut off here; a JSONL record line whose
    // opening is an object start and that fails to parse only because it is cut is still JSONL.
    match serde_json::from_slice::<serde_json::Value>(line) {
        Ok(v) => v.is_object(),
        Err(e) => e.is_eof() && line.len() >= SNIFF_BYTES - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names() {
        assert_eq!("txt".parse::<InputFormat>(), Ok(InputFormat::Text));
        assert_eq!("TEXT".parse::<InputFormat>(), Ok(InputFormat::Text));
        assert_eq!("html".parse::<InputFormat>(), Ok(InputFormat::Html));
        assert_eq!("jsonl".parse::<InputFormat>(), Ok(InputFormat::Jsonl));
        for name in ["feed", "rss", "Atom"] {
            assert_eq!(name.parse::<InputFormat>(), Ok(InputFormat::Feed));
        }
        assert_eq!("warc".parse::<InputFormat>(), Ok(InputFormat::Warc));
        for format in [
            InputFormat::Text,
            InputFormat::Html,
            InputFormat::Jsonl,
            InputFormat::Feed,
            InputFormat::Warc,
        ] {
            assert_eq!(format.to_string().parse::<InputFormat>(), Ok(format));
        }
        assert!("pdf".parse::<InputFormat>().is_err());
    }

    #[test]
    fn extension_wins_names() {
        assert_eq!(from_extension("a/b.HTM"), Some(InputFormat::Html));
        assert_eq!(from_extension("x.ndjson"), Some(InputFormat::Jsonl));
        assert_eq!(from_extension("x.txt"), Some(InputFormat::Text));
        assert_eq!(from_extension("x"), None);
        assert_eq!(from_extension("x.json"), None);
        assert_eq!(from_extension("news.rss"), Some(InputFormat::Feed));
        assert_eq!(from_extension("news.ATOM"), Some(InputFormat::Feed));
        assert_eq!(from_extension("crawl.warc"), Some(InputFormat::Warc));
        assert_eq!(from_extension("crawl.WARC.gz"), Some(InputFormat::Warc));
        assert_eq!(from_extension("crawl.gz"), None);
        assert_eq!(from_extension("warc.gz"), None);
    }

    #[test]
    fn sniffs_feeds() {
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"),
            InputFormat::Feed
        );
        assert_eq!(
            sniff(
                b"<?xml version='1.0'?><?xml-stylesheet href='s.xsl'?><!-- generator -->\n\
                  <feed xmlns=\"http://www.w3.org/2005/Atom\">"
            ),
            InputFormat::Feed
        );
        assert_eq!(
            sniff(b"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"),
            InputFormat::Feed
        );
        assert_eq!(
            sniff(
                b"<!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\">\n<rss version=\"0.91\">"
            ),
            InputFormat::Feed
        );
        assert_eq!(
            sniff(b"{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"items\": []\n}"),
            InputFormat::Feed
        );
        // Markup that is not a feed root stays HTML.
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><html>"), InputFormat::Html);
        assert_eq!(
            sniff(b"<!-- c --><feedback>x</feedback>"),
            InputFormat::Html
        );
        assert_eq!(sniff(b"<!DOCTYPE html><rss>"), InputFormat::Html);
        assert_eq!(
            sniff(b"{\"version\": \"2\", \"text\": \"a\"}\n"),
            InputFormat::Jsonl
        );
    }

    #[test]
    fn sniffs_warc() {
        assert_eq!(
            sniff_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"),
            InputFormat::Warc
        );
        assert_eq!(sniff_bytes(b"WARC/1.1\r\n"), InputFormat::Warc);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let written = std::io::Write::write_all(&mut gz, b"WARC/1.0\r\nWARC-Type: response\r\n");
        let gz = written.and_then(|()| gz.finish()).unwrap_or_default();
        assert_eq!(sniff_bytes(&gz), InputFormat::Warc);
        assert_ne!(sniff_bytes(b"WARC is a format"), InputFormat::Warc);
    }

    #[test]
    fn sniffs() {
        assert_eq!(sniff(b"  <!DOCTYPE html><p>x"), InputFormat::Html);
        assert_eq!(sniff(b"<html lang=en>"), InputFormat::Html);
        assert_eq!(
            sniff(b"<div><p>a</p><p>b</p><p>c</p></div>"),
            InputFormat::Html
        );
        assert_eq!(
            sniff(b"{\"text\": \"a\"}\n{\"text\": \"b\"}"),
            InputFormat::Jsonl
        );
        assert_eq!(sniff(b"{not json\n"), InputFormat::Text);
        assert_eq!(sniff(b"Mali: a < b, said the\n"), InputFormat::Text);
    }
}
