//! Which reader a file goes to: explicit choice, file extension, then a look at the bytes.

use std::fmt;
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
}

/// An unknown format name given to [`InputFormat::from_str`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown input format `{0}` (expected text, html or jsonl)")]
pub struct UnknownFormat(pub String);

impl FromStr for InputFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(InputFormat::Text),
            "html" | "htm" => Ok(InputFormat::Html),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
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
        })
    }
}

/// The format named by the file extension, if it names one.
pub(crate) fn from_extension(name: &str) -> Option<InputFormat> {
    let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "txt" | "text" => Some(InputFormat::Text),
        _ => None,
    }
}

/// How much of the input the sniffer looks at: enough for a page's head, cheap for a large file.
const SNIFF_BYTES: usize = 8192;

/// Closing tags; three or more in the sniffed prefix means markup, not prose that mentions `<`.
static CLOSING_TAG: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"</[A-Za-z][A-Za-z0-9]{0,10}\s*>").ok());

/// Guesses the format from the start of the input.
pub(crate) fn sniff_bytes(bytes: &[u8]) -> InputFormat {
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
        assert!("pdf".parse::<InputFormat>().is_err());
    }

    #[test]
    fn extension_wins_names() {
        assert_eq!(from_extension("a/b.HTM"), Some(InputFormat::Html));
        assert_eq!(from_extension("x.ndjson"), Some(InputFormat::Jsonl));
        assert_eq!(from_extension("x.txt"), Some(InputFormat::Text));
        assert_eq!(from_extension("x"), None);
        assert_eq!(from_extension("x.json"), None);
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
