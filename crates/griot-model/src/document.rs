//! Documents and the reading layers: sentences, tokens, chunks.

use crate::event::Event;
use crate::mention::Mention;
use crate::pos::PosTag;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One article, cleaned, with whatever layers the pipeline has added so far.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// A JSONL record's own `id`, else the content hash of [`Document::text`].
    pub id: String,
    /// Stable content hash of the clean text (BLAKE3, 128 bits as hex).
    pub content_hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// Publication date as found (ISO 8601 where the source gave it so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// ISO 639-3 code of the detected language, `None` when the text was too short to judge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Clean text: NFC, boilerplate dropped; the title (if any) is its first paragraph and
    /// paragraphs are separated by a blank line. Every [`Span`] points into this.
    pub text: String,
    /// "BAMAKO (Reuters) -" style prefixes found at paragraph starts; kept out of sentences.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub datelines: Vec<Dateline>,
    #[serde(default)]
    pub sentences: Vec<Sentence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// Loaded language: words that show the outlet's framing ("reckless", "junta").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub framing: Vec<Framing>,
}

/// A loaded-language marker found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Framing {
    pub span: Span,
    pub text: String,
    /// `pejorative-label`, `intensifier`, `alarmist`, `delegitimizing`, …
    pub category: String,
    /// The lexicon row that matched.
    pub rule: String,
}

impl Document {
    /// The text under a span, or `""` when the span lies outside the text.
    pub fn slice(&self, span: Span) -> &str {
        let mut chars = self.text.char_indices().map(|(b, _)| b);
        let start = chars.nth(span.start);
        let end = if span.end > span.start {
            chars.nth(span.end - span.start - 1)
        } else {
            start
        };
        match (start, end) {
            (Some(s), Some(e)) => &self.text[s..e],
            (Some(s), None) if span.end == self.text.chars().count() => &self.text[s..],
            _ => "",
        }
    }
}

/// A dateline such as `BAMAKO (Reuters) -` or `NAIROBI, Kenya —`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    pub text: String,
    /// The place part (`BAMAKO`, `NAIROBI, Kenya`).
    pub place: String,
    pub span: Span,
}

/// One sentence: its tokens and chunks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Position of the sentence in the document, from 0.
    pub index: usize,
    /// True for the headline (the document's title paragraph).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
    pub span: Span,
    pub text: String,
    pub tokens: Vec<Token>,
    #[serde(default)]
    pub chunks: Vec<Chunk>,
}

/// A token with its offsets, tag and lemma.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Token {
    pub text: String,
    /// Character offsets into the document text.
    pub span: Span,
    /// Byte offsets into the document text, for slicing from Rust.
    #[serde(skip)]
    pub bytes: (usize, usize),
    pub tag: PosTag,
    pub lemma: String,
}

/// A base phrase (CoNLL-2000 style: the preposition alone is the PP chunk, its object a NP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    pub kind: ChunkKind,
    /// Token range `[start, end)` within the sentence.
    pub start: usize,
    pub end: usize,
    /// Index (within the sentence) of the head token.
    pub head: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChunkKind {
    NP,
    VP,
    PP,
    ADJP,
    ADVP,
    SBAR,
    PRT,
}

impl ChunkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChunkKind::NP => "NP",
            ChunkKind::VP => "VP",
            ChunkKind::PP => "PP",
            ChunkKind::ADJP => "ADJP",
            ChunkKind::ADVP => "ADVP",
            ChunkKind::SBAR => "SBAR",
            ChunkKind::PRT => "PRT",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_uses_character_offsets() {
        let doc = Document {
            text: "country’s military — Ménaka".into(),
            ..Default::default()
        };
        assert_eq!(doc.slice(Span::new(0, 9)), "country’s");
        assert_eq!(doc.slice(Span::new(21, 27)), "Ménaka");
        assert_eq!(doc.slice(Span::new(21, 99)), "");
    }
}
