//! Bytes to text: empty and binary checks, byte-order marks, declared and guessed encodings.

use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use regex::bytes::Regex;

/// Text decoded from the input, with what the reader had to assume to get it.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// Messages worth a warning, e.g. the encoding was guessed.
    pub notes: Vec<String>,
}

/// Why the bytes are not text we can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unusable {
    Empty,
    Binary,
}

/// The binary checks look at this much of the input: binary formats show themselves early.
const PROBE_BYTES: usize = 8192;

/// Share of replacement characters above which a decode is treated as failed.
const MAX_REPLACEMENT_SHARE: f64 = 0.10;

/// `<meta charset=…>`, `<meta http-equiv … content="…; charset=…">` and the XML declaration.
static DECLARED_CHARSET: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)|<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_:.\-]+)"#,
    )
    .ok()
});

/// Decodes `bytes`; `markup` says the input is HTML, whose declared charset is honoured.
pub(crate) fn decode(bytes: &[u8], markup: bool) -> Result<Decoded, Unusable> {
    decode_with(bytes, markup, None)
}

/// [`decode`] with the charset the transport declared (an archived HTTP `Content-Type`).
///
/// It ranks below a BOM and below bytes that are valid UTF-8 (servers often send a stale
/// default), and above the page's own declaration, as in browsers.
pub(crate) fn decode_with(
    bytes: &[u8],
    markup: bool,
    transport: Option<&'static Encoding>,
) -> Result<Decoded, Unusable> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Unusable::Empty);
    }
    let mut notes = Vec::new();
    let wide_transport = transport.filter(|e| !e.is_ascii_compatible());
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        // A BOM is the strongest signal there is, and UTF-16 would fail the NUL check below.
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if encoding == UTF_16LE || encoding == UTF_16BE {
            notes.push(format!(
                "input is {} (byte-order mark); decoded",
                encoding.name()
            ));
        }
        if had_errors {
            notes.push(format!(
                "input had malformed {} sequences; dropped",
                encoding.name()
            ));
        }
        text.into_owned()
    } else if let Some(encoding) = wide_transport {
        // UTF-16 without a BOM would fail the NUL check below; the server's word is all there is.
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        notes.push(format!(
            "input is {} (declared by the server); decoded",
            encoding.name()
        ));
        text.into_owned()
    } else {
        if looks_binary(bytes) {
            return Err(Unusable::Binary);
        }
        decode_unmarked(bytes, markup, transport, &mut notes)
    };
    if text.trim().is_empty() {
        return Err(Unusable::Empty);
    }
    let total = text.chars().count();
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    if total > 0 && replaced as f64 / total as f64 > MAX_REPLACEMENT_SHARE {
        return Err(Unusable::Binary);
    }
    Ok(Decoded { text, notes })
}

/// NUL bytes or many control characters in the first bytes: not a text file.
fn looks_binary(bytes: &[u8]) -> bool {
    let probe = &bytes[..bytes.len().min(PROBE_BYTES)];
    if probe.contains(&0) {
        return true;
    }
    let controls = probe
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    controls * 10 > probe.len()
}

fn decode_unmarked(
    bytes: &[u8],
    markup: bool,
    transport: Option<&'static Encoding>,
    notes: &mut Vec<String>,
) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    if let Some(encoding) = transport.filter(|&e| e != UTF_8) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        notes.push(format!(
            "input is not UTF-8; decoded as {} (declared by the server)",
            encoding.name()
        ));
        return text.into_owned();
    }
    if markup {
        if let Some(encoding) = declared_charset(bytes) {
            if encoding != UTF_8 {
                let (text, _) = encoding.decode_without_bom_handling(bytes);
                notes.push(format!(
                    "input is not UTF-8; decoded as {} (declared by the page)",
                    encoding.name()
                ));
                return text.into_owned();
            }
        }
    }
    let (valid_non_ascii, invalid) = utf8_tally(bytes);
    if valid_non_ascii > 0 && valid_non_ascii >= invalid {
        // Mostly good UTF-8 with a few stray bytes: a legacy guess would garble every accent.
        // Legacy 8-bit text almost never forms valid multi-byte sequences by chance.
        let text = String::from_utf8_lossy(bytes).replace('\u{FFFD}', "");
        let plural = if invalid == 1 { "" } else { "s" };
        notes.push(format!(
            "input had {invalid} invalid UTF-8 byte sequence{plural}; dropped"
        ));
        return text;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    notes.push(format!(
        "input is not UTF-8; decoded as {} (guessed)",
        encoding.name()
    ));
    text.into_owned()
}

/// The encoding named by a `charset` parameter of a `Content-Type` value, when it names one.
pub(crate) fn charset_param(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        if !key.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let label = value.trim().trim_matches(|c| c == '"' || c == '\'');
        Encoding::for_label(label.as_bytes())
    })
}

/// The encoding the document declares in its first bytes, when it is one we can use.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let caps = DECLARED_CHARSET.as_ref()?.captures(head)?;
    let label = caps.get(1).or_else(|| caps.get(2))?.as_bytes();
    let encoding = Encoding::for_label(label)?;
    // A UTF-16 label on bytes without a BOM is a lie HTML tells often; browsers ignore it too.
    (encoding != UTF_16LE && encoding != UTF_16BE && encoding.is_ascii_compatible())
        .then_some(encoding)
}

/// (valid non-ASCII characters, invalid byte runs) in a UTF-8 reading of `bytes`.
fn utf8_tally(bytes: &[u8]) -> (usize, usize) {
    let mut valid_non_ascii = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    (valid_non_ascii, invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_whitespace() {
        assert_eq!(decode(b"", false).err(), Some(Unusable::Empty));
        assert_eq!(decode(b" \n\t\r\n", false).err(), Some(Unusable::Empty));
        assert_eq!(
            decode(b"\xEF\xBB\xBF  \n", false).err(),
            Some(Unusable::Empty)
        );
    }

    #[test]
    fn binary() {
        assert_eq!(decode(b"abc\0def", false).err(), Some(Unusable::Binary));
        assert_eq!(
            decode(b"\x01\x02\x03\x04abcdef", false).err(),
            Some(Unusable::Binary)
        );
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let d = decode("\u{FEFF}Ménaka".as_bytes(), false).ok();
        assert_eq!(d.map(|d| d.text), Some("Ménaka".to_string()));
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Ménaka".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes, false).ok();
        assert_eq!(d.as_ref().map(|d| d.text.as_str()), Some("Ménaka"));
    }

    #[test]
    fn stray_byte_in_utf8_is_dropped() {
        let mut bytes = "Ménaka’s market".as_bytes().to_vec();
        bytes.insert(3, 0xFF);
        let d = decode(&bytes, false).ok();
        assert_eq!(d.as_ref().map(|d| d.text.as_str()), Some("Ménaka’s market"));
        assert_eq!(d.map(|d| d.notes.len()), Some(1));
    }

    #[test]
    fn server_charset_ranks_below_utf8_and_above_the_page() {
        let latin1 = encoding_rs::WINDOWS_1252;
        let (bytes, _, _) =
            latin1.encode("<html><head><meta charset=\"koi8-r\"></head><body>côte</body></html>");
        let d = decode_with(&bytes, true, Some(latin1)).ok();
        assert!(d.is_some_and(|d| d.text.contains("côte") && d.notes[0].contains("server")));
        // Valid UTF-8 wins over a stale server default.
        let d = decode_with("côte".as_bytes(), false, Some(latin1)).ok();
        assert_eq!(d.map(|d| d.text), Some("côte".to_string()));
    }

    #[test]
    fn charset_parameter() {
        assert_eq!(
            charset_param("text/html; charset=\"ISO-8859-1\""),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(charset_param("text/plain;charset=utf-8"), Some(UTF_8));
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(charset_param("text/html; charset=bogus"), None);
    }

    #[test]
    fn declared_charset_is_honoured() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("<html><head><meta charset=\"iso-8859-1\"></head><body>côte</body></html>");
        let d = decode(&bytes, true).ok();
        assert!(d.is_some_and(|d| d.text.contains("côte") && d.notes[0].contains("declared")));
    }
}
