//! The reading pipeline: paragraphs → datelines → tokens → sentences → tags, lemmas, chunks.

use crate::lemma::{LemmaError, Lemmatizer};
use crate::tagger::{Tagger, TaggerError};
use crate::{chunk, sentences, tokenize};
use griot_model::{Dateline, Document, PosTag, Sentence, Span, Token};

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Tagger(#[from] TaggerError),
    #[error(transparent)]
    Lemma(#[from] LemmaError),
}

/// Reads documents with the built-in tagger and lemma tables. Cheap to copy; share freely
/// between threads.
#[derive(Clone, Copy)]
pub struct Reader {
    tagger: &'static Tagger,
    lemmatizer: &'static Lemmatizer,
}

impl Reader {
    pub fn builtin() -> Result<Reader, ReadError> {
        Ok(Reader {
            tagger: Tagger::builtin()?,
            lemmatizer: Lemmatizer::builtin()?,
        })
    }

    /// Fills `doc.sentences` and `doc.datelines` from `doc.text`, replacing what was there.
    pub fn read(&self, doc: &mut Document) {
        doc.sentences.clear();
        doc.datelines.clear();
        let text = doc.text.as_str();
        let title = doc.title.as_deref().map(str::trim);
        let mut raw = Vec::new();
        let mut tags = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for (index, para) in paragraphs(text).enumerate() {
            let mut body = para.text;
            let mut byte_base = para.byte_start;
            let mut char_base = para.char_start;
            let headline = index == 0 && title.is_some_and(|t| t == body);
            if !headline {
                if let Some(m) = sentences::dateline(body) {
                    let place = &body[m.place.0..m.place.1];
                    let prefix = body[..m.len].trim_end();
                    let start = char_base;
                    doc.datelines.push(Dateline {
                        text: prefix.to_string(),
                        place: place.to_string(),
                        span: Span::new(start, start + prefix.chars().count()),
                    });
                    char_base += body[..m.len].chars().count();
                    byte_base += m.len;
                    body = &body[m.len..];
                }
            }
            raw.clear();
            tokenize::tokenize(body, char_base, &mut raw);
            let ranges = if headline {
                vec![(0, raw.len())]
            } else {
                sentences::split(body, &raw)
            };
            for (start, end) in ranges {
                if start >= end {
                    continue;
                }
                let toks = &raw[start..end];
                words.clear();
                words.extend(toks.iter().map(|t| &body[t.start..t.end]));
                tags.clear();
                match crate::retag::sentence_case(self.lemmatizer, &words) {
                    Some(cased) => {
                        let cased: Vec<&str> = cased.iter().map(String::as_str).collect();
                        self.tagger.tag(&cased, &mut tags);
                        crate::retag::retag(self.lemmatizer, &cased, &mut tags);
                    }
                    None => {
                        self.tagger.tag(&words, &mut tags);
                        crate::retag::retag(self.lemmatizer, &words, &mut tags);
                    }
                }
                let tokens: Vec<Token> = toks
                    .iter()
                    .zip(&words)
                    .zip(tags.iter().chain(std::iter::repeat(&PosTag::NN)))
                    .map(|((t, w), &tag)| Token {
                        text: (*w).to_string(),
                        span: Span::new(t.char_start, t.char_end),
                        bytes: (byte_base + t.start, byte_base + t.end),
                        tag,
                        lemma: self.lemmatizer.lemma(w, tag).into_owned(),
                    })
                    .collect();
                let mut chunks = Vec::new();
                chunk::chunk(&words, &tags, &mut chunks);
                let first = &toks[0];
                let last = &toks[toks.len() - 1];
                doc.sentences.push(Sentence {
                    index: doc.sentences.len(),
                    headline,
                    span: Span::new(first.char_start, last.char_end),
                    text: body[first.start..last.end].to_string(),
                    tokens,
                    chunks,
                });
            }
        }
    }
}

struct Paragraph<'a> {
    text: &'a str,
    byte_start: usize,
    char_start: usize,
}

/// Paragraphs are separated by blank lines; leading and trailing white space is trimmed off.
fn paragraphs(text: &str) -> impl Iterator<Item = Paragraph<'_>> {
    let mut byte_pos = 0;
    let mut char_pos = 0;
    std::iter::from_fn(move || loop {
        if byte_pos >= text.len() {
            return None;
        }
        let rest = &text[byte_pos..];
        let len = find_blank_line(rest).unwrap_or(rest.len());
        let raw = &rest[..len];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let para = Paragraph {
            text: trimmed,
            byte_start: byte_pos + lead,
            char_start: char_pos + raw[..lead].chars().count(),
        };
        char_pos += raw.chars().count();
        byte_pos += len;
        if !trimmed.is_empty() {
            return Some(para);
        }
    })
}

/// Byte offset just past the next "\n" + optional spaces + "\n" run.
fn find_blank_line(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'\n') {
        let nl = i + off;
        let mut j = nl + 1;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'\n' {
            let mut end = j + 1;
            while end < bytes.len() && bytes[end].is_ascii_whitespace() {
                end += 1;
            }
            return Some(end);
        }
        i = nl + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_point_back_into_the_document() {
        let mut doc = Document {
            text: "Mali: coup plot ?\n\nBAMAKO (Reuters) - Malian authorities’ arrest of Gen. Dembele. Ménaka fell.\n\n\nThe end".into(),
            title: Some("Mali: coup plot ?".into()),
            ..Default::default()
        };
        Reader::builtin().map(|r| r.read(&mut doc)).ok();
        let texts: Vec<_> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Mali: coup plot ?",
                "Malian authorities’ arrest of Gen. Dembele.",
                "Ménaka fell.",
                "The end"
            ]
        );
        assert!(doc.sentences[0].headline && !doc.sentences[1].headline);
        assert_eq!(doc.datelines.len(), 1);
        assert_eq!(doc.slice(doc.datelines[0].span), "BAMAKO (Reuters) -");
        for s in &doc.sentences {
            assert_eq!(doc.slice(s.span), s.text);
            for t in &s.tokens {
                assert_eq!(doc.slice(t.span), t.text);
                assert_eq!(&doc.text[t.bytes.0..t.bytes.1], t.text);
            }
        }
    }

    #[test]
    fn a_base_verb_after_a_modal_is_a_verb() {
        let mut doc = Document {
            text: "The minister said Libya must hand over the two suspects.".into(),
            ..Default::default()
        };
        Reader::builtin().map(|r| r.read(&mut doc)).ok();
        let hand = doc.sentences[0]
            .tokens
            .iter()
            .find(|t| t.text == "hand")
            .map(|t| t.tag);
        assert_eq!(hand, Some(PosTag::VB));
    }
}
