//! Inputs that are not ingested, and why.

use std::fmt;

/// An input (a file, a JSONL record, a feed entry or a WARC record) that was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// The file name as given; `file:LINE` for a JSONL record, `file#entry-N` for the Nth entry
    /// of a feed, `file#record-N` for the Nth record of a WARC archive (both 1-based).
    pub name: String,
    pub reason: SkipReason,
}

/// Why an input was left out. Each reason has an exit code; see [`SkipReason::exit_code`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Zero bytes, or whitespace only.
    Empty,
    /// NUL bytes, many control characters, or bytes no encoding reads as text.
    Binary,
    /// Larger than [`crate::IngestOptions::max_bytes`]. For a stream, `bytes` is how much was
    /// read before giving up (the limit plus one), not the stream's full length.
    TooLarge { bytes: u64, limit: u64 },
    /// Nothing left once markup, chrome and whitespace are gone (e.g. a page of scripts, a feed
    /// entry without content or summary, a WARC archive without HTML or plain-text records).
    NoText,
    /// An archived HTTP response whose status is not 2xx (a 404 page, a redirect): its body is
    /// an error page, not the article.
    HttpStatus { code: u16 },
    /// Reliably identified as a language other than English (ISO 639-3 code).
    Language { code: String },
    /// A JSONL line that is not a JSON object with a string `text`, or a WARC record that cannot
    /// be read (bad header, truncated body, undecodable HTTP message).
    BadRecord { message: String },
    /// A feed that no feed parser accepts (malformed XML, unknown root, bad JSON Feed).
    BadFeed { message: String },
}

impl SkipReason {
    /// The process exit code for this reason when it is the only outcome:
    ///
    /// | code | reasons |
    /// |------|---------|
    /// | 3 | [`Empty`](SkipReason::Empty), [`NoText`](SkipReason::NoText), [`HttpStatus`](SkipReason::HttpStatus) |
    /// | 4 | [`Binary`](SkipReason::Binary) |
    /// | 5 | [`TooLarge`](SkipReason::TooLarge) |
    /// | 6 | [`Language`](SkipReason::Language) |
    /// | 7 | [`BadRecord`](SkipReason::BadRecord), [`BadFeed`](SkipReason::BadFeed) |
    ///
    /// 0 (success), 1 (I/O error) and 2 (usage) belong to the binary.
    /// A short stable name for the reason, for summaries and stored records (`language`,
    /// `too-large`), without the details the message carries.
    pub fn key(&self) -> &'static str {
        match self {
            SkipReason::Empty => "empty",
            SkipReason::Binary => "binary",
            SkipReason::TooLarge { .. } => "too-large",
            SkipReason::NoText => "no-text",
            SkipReason::Language { .. } => "language",
            SkipReason::BadRecord { .. } => "bad-record",
            SkipReason::BadFeed { .. } => "bad-feed",
            SkipReason::HttpStatus { .. } => "http-status",
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            SkipReason::Empty | SkipReason::NoText | SkipReason::HttpStatus { .. } => 3,
            SkipReason::Binary => 4,
            SkipReason::TooLarge { .. } => 5,
            SkipReason::Language { .. } => 6,
            SkipReason::BadRecord { .. } | SkipReason::BadFeed { .. } => 7,
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Empty => f.write_str("skipped: empty file"),
            SkipReason::Binary => f.write_str("skipped: binary file"),
            SkipReason::TooLarge { bytes, limit } => write!(
                f,
                "skipped: too large ({bytes} bytes > {limit} limit; raise --max-bytes)"
            ),
            SkipReason::NoText => f.write_str("skipped: no readable text"),
            SkipReason::HttpStatus { code } => write!(f, "skipped: HTTP status {code}"),
            SkipReason::Language { code } => write!(f, "skipped: language {code}"),
            SkipReason::BadRecord { message } => write!(f, "skipped: bad record ({message})"),
            SkipReason::BadFeed { message } => write!(f, "skipped: bad feed ({message})"),
        }
    }
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_messages() {
        let too_large = SkipReason::TooLarge {
            bytes: 104_857_600,
            limit: 33_554_432,
        };
        assert_eq!(
            too_large.to_string(),
            "skipped: too large (104857600 bytes > 33554432 limit; raise --max-bytes)"
        );
        let skip = Skip {
            name: "a.txt".into(),
            reason: SkipReason::Language { code: "fra".into() },
        };
        assert_eq!(skip.to_string(), "a.txt: skipped: language fra");
        assert_eq!(SkipReason::Binary.to_string(), "skipped: binary file");
        assert_eq!(
            SkipReason::HttpStatus { code: 404 }.to_string(),
            "skipped: HTTP status 404"
        );
        assert_eq!(
            SkipReason::BadFeed {
                message: "no root element".into()
            }
            .to_string(),
            "skipped: bad feed (no root element)"
        );
    }

    #[test]
    fn exit_codes() {
        assert_eq!(SkipReason::Empty.exit_code(), 3);
        assert_eq!(SkipReason::NoText.exit_code(), 3);
        assert_eq!(SkipReason::Binary.exit_code(), 4);
        assert_eq!(too_large().exit_code(), 5);
        assert_eq!(SkipReason::Language { code: "fra".into() }.exit_code(), 6);
        assert_eq!(
            SkipReason::BadRecord {
                message: String::new()
            }
            .exit_code(),
            7
        );
        assert_eq!(SkipReason::HttpStatus { code: 500 }.exit_code(), 3);
        assert_eq!(
            SkipReason::BadFeed {
                message: String::new()
            }
            .exit_code(),
            7
        );
    }

    fn too_large() -> SkipReason {
        SkipReason::TooLarge { bytes: 2, limit: 1 }
    }
}
