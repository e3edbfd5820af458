//! Penn-Treebank-style tokens with byte and character offsets.
//!
//! Written by hand rather than on `unicode-segmentation` word bounds because those keep "don't"
//! and "Algeria’s" whole and cut "U.S." apart, while the tagger (trained on Treebank-style
//! tokens) and the coder need clitics split and abbreviations whole.
//!
//! Conventions: possessive `'s`/`’s` and a bare possessive `'` are tokens; contractions split
//! ("do" "n't", "ca" "n't", "they" "'re"); "cannot" → "can" "not"; hyphenated words stay whole;
//! dashes (—, –, --), currency symbols and `%` are tokens; abbreviations keep their period.

use crate::abbreviations::{self, Abbreviation};

/// A token's place in the text, before tagging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawToken {
    /// Byte offsets into the text given to [`tokenize`].
    pub start: usize,
    pub end: usize,
    /// Character offsets into the same text.
    pub char_start: usize,
    pub char_end: usize,
    /// The word is an abbreviation whose period was kept.
    pub abbreviation: Option<Abbreviation>,
}

const OPENERS: &[char] = &['"', '“', '‘', '(', '[', '{', '«', '„'];
const CLOSERS: &[char] = &[
    '"', '”', ')', ']', '}', '»', ',', ';', ':', '!', '?', '%', '…',
];
const DASHES: &[&str] = &["—", "–", "--", "―"];
const CURRENCY: &[char] = &['$', '£', '€', '¥', '₦'];

/// Splits `text` into tokens. Offsets are relative to `text`; `char_base` is added to the
/// character offsets so a caller can tokenize a paragraph and get document-level offsets.
pub fn tokenize(text: &str, char_base: usize, out: &mut Vec<RawToken>) {
    let mut chunks = whitespace_chunks(text).peekable();
    let mut char_pos = char_base;
    let mut last_byte = 0;
    while let Some((start, end)) = chunks.next() {
        char_pos += text[last_byte..start].chars().count();
        let next_digit = chunks
            .peek()
            .and_then(|&(s, _)| text[s..].chars().next())
            .is_some_and(|c| c.is_ascii_digit());
        split_chunk(&text[start..end], start, char_pos, next_digit, out);
        char_pos += text[start..end].chars().count();
        last_byte = end;
    }
}

fn whitespace_chunks(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &text[pos..];
        let skip = rest.find(|c: char| !c.is_whitespace())?;
        let start = pos + skip;
        let len = text[start..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - start);
        pos = start + len;
        Some((start, start + len))
    })
}

/// Splits one whitespace-free chunk into tokens.
fn split_chunk(
    chunk: &str,
    base: usize,
    char_base: usize,
    next_digit: bool,
    out: &mut Vec<RawToken>,
) {
    let mut start = 0;
    let mut end = chunk.len();
    let first_out = out.len();
    // Leading openers and currency symbols.
    while start < end {
        let rest = &chunk[start..end];
        let Some(c) = rest.chars().next() else { break };
        let opener = OPENERS.contains(&c)
            || (c == '\'' || c == '’') && !is_clitic(&rest[c.len_utf8()..]) && rest.len() > 1;
        let currency = CURRENCY.contains(&c) && rest.len() > c.len_utf8();
        if opener || currency {
            push(
                out,
                chunk,
                base,
                char_base,
                start,
                start + c.len_utf8(),
                None,
            );
            start += c.len_utf8();
        } else if let Some(d) = DASHES.iter().find(|d| rest.starts_with(**d)) {
            push(out, chunk, base, char_base, start, start + d.len(), None);
            start += d.len();
        } else {
            break;
        }
    }
    // Trailing closers, periods, possessive apostrophes; collected in reverse.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    let mut abbreviation = None;
    while start < end {
        let body = &chunk[start..end];
        if body.ends_with("...") && body.len() > 3 {
            tail.push((end - 3, end));
            end -= 3;
            continue;
        }
        let Some(c) = body.chars().next_back() else {
            break;
        };
        let clen = c.len_utf8();
        if body.len() == clen {
            break;
        }
        if c == '.' {
            abbreviation = abbreviations::classify(body, next_digit);
            if abbreviation.is_some() {
                break;
            }
            tail.push((end - 1, end));
            end -= 1;
        } else if CLOSERS.contains(&c) || c == '\'' || c == '’' {
            tail.push((end - clen, end));
            end -= clen;
        } else if let Some(d) = DASHES.iter().find(|d| body.ends_with(**d)) {
            tail.push((end - d.len(), end));
            end -= d.len();
        } else {
            break;
        }
    }
    if start < end {
        split_body(chunk, base, char_base, start, end, abbreviation, out);
    }
    for &(s, e) in tail.iter().rev() {
        push(out, chunk, base, char_base, s, e, None);
    }
    debug_assert!(out.len() > first_out || chunk.is_empty());
}

/// Splits the inside of a chunk at dashes and before clitics.
fn split_body(
    chunk: &str,
    base: usize,
    char_base: usize,
    start: usize,
    end: usize,
    abbreviation: Option<Abbreviation>,
    out: &mut Vec<RawToken>,
) {
    let body = &chunk[start..end];
    // A full stop glued to the next sentence's opening quote: "process.“They".
    if let Some(i) = glued_quote(body) {
        let cut = start + i + 1;
        let cut_chars = char_base + chunk[..cut].chars().count();
        let head_chars = char_base + chunk[..start].chars().count();
        split_chunk(&chunk[start..cut], base + start, head_chars, false, out);
        split_chunk(&chunk[cut..end], base + cut, cut_chars, false, out);
        return;
    }
    // Every dash is either "--" or non-ASCII: plain words skip the substring searches.
    let may_dash = body.bytes().any(|b| b == b'-' || !b.is_ascii());
    let dash = if may_dash {
        DASHES
            .iter()
            .filter_map(|d| body.find(*d).map(|i| (i, *d)))
            .min_by_key(|(i, _)| *i)
    } else {
        None
    };
    if let Some((i, d)) = dash {
        if i > 0 {
            split_body(chunk, base, char_base, start, start + i, None, out);
        }
        push(
            out,
            chunk,
            base,
            char_base,
            start + i,
            start + i + d.len(),
            None,
        );
        if start + i + d.len() < end {
            split_body(
                chunk,
                base,
                char_base,
                start + i + d.len(),
                end,
                abbreviation,
                out,
            );
        }
        return;
    }
    if let Some(split) = clitic_split(body) {
        push(out, chunk, base, char_base, start, start + split, None);
        push(out, chunk, base, char_base, start + split, end, None);
        return;
    }
    push(out, chunk, base, char_base, start, end, abbreviation);
}

/// Byte index of a sentence-final `.`/`?`/`!` directly followed by an opening quote and a capital.
fn glued_quote(body: &str) -> Option<usize> {
    body.char_indices().find_map(|(i, c)| {
        if !matches!(c, '.' | '?' | '!') {
            return None;
        }
        let mut rest = body[i + 1..].chars();
        let quote = rest.next()?;
        let letter = rest.next()?;
        (matches!(quote, '“' | '"' | '‘') && letter.is_uppercase() && i > 0).then_some(i)
    })
}

/// Where a word splits before its clitic: "don't" → 2, "Algeria’s" → 7, "cannot" → 3.
fn clitic_split(word: &str) -> Option<usize> {
    let lower_end = |suffix: &str| {
        word.len() > suffix.len()
            && word.is_char_boundary(word.len() - suffix.len())
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    if word.eq_ignore_ascii_case("cannot") {
        return Some(3);
    }
    // Every other clitic has an apostrophe: ASCII ' or ’ (which starts with byte 0xE2).
    if !word.bytes().any(|b| b == b'\'' || b == 0xE2) {
        return None;
    }
    for neg in ["n't", "n’t"] {
        if lower_end(neg) && word.len() > neg.len() + 1 {
            return Some(word.len() - neg.len());
        }
    }
    for clitic in [
        "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
    ] {
        if lower_end(clitic) {
            let stem = &word[..word.len() - clitic.len()];
            if stem.chars().last().is_some_and(char::is_alphanumeric) {
                return Some(stem.len());
            }
        }
    }
    None
}

/// True when `rest` (what follows an apostrophe) is a clitic such as "s" or "re".
fn is_clitic(rest: &str) -> bool {
    ["s", "re", "ve", "ll", "d", "m", "t"]
        .iter()
        .any(|c| rest.eq_ignore_ascii_case(c))
}

fn push(
    out: &mut Vec<RawToken>,
    chunk: &str,
    base: usize,
    char_base: usize,
    start: usize,
    end: usize,
    abbreviation: Option<Abbreviation>,
) {
    let char_start = char_base + chunk[..start].chars().count();
    let char_end = char_start + chunk[start..end].chars().count();
    out.push(RawToken {
        start: base + start,
        end: base + end,
        char_start,
        char_end,
        abbreviation,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, 0, &mut out);
        out.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn splits_clitics_and_keeps_abbreviations() {
        assert_eq!(
            words("Algeria’s support for the U.S.-backed force didn't help Gen. Dembele."),
            [
                "Algeria",
                "’s",
                "support",
                "for",
                "the",
                "U.S.-backed",
                "force",
                "did",
                "n't",
                "help",
                "Gen.",
                "Dembele",
                "."
            ]
        );
        assert_eq!(
            words("They can't, he said: “No.”"),
            ["They", "ca", "n't", ",", "he", "said", ":", "“", "No", ".", "”"]
        );
        assert_eq!(
            words("soldiers' families cannot"),
            ["soldiers", "'", "families", "can", "not"]
        );
    }

    #[test]
    fn splits_money_dashes_and_parentheses() {
        assert_eq!(
            words("a $10bn (£7.6bn) fee—up front"),
            ["a", "$", "10bn", "(", "£", "7.6bn", ")", "fee", "—", "up", "front"]
        );
        assert_eq!(
            words("Rabat-Bamako axis, 1,000 troops, 40%."),
            [
                "Rabat-Bamako",
                "axis",
                ",",
                "1,000",
                "troops",
                ",",
                "40",
                "%",
                "."
            ]
        );
        assert_eq!(words("Wait..."), ["Wait", "..."]);
        assert_eq!(words("process.“They"), ["process", ".", "“", "They"]);
        assert_eq!(
            words("No. 5 and said no."),
            ["No.", "5", "and", "said", "no", "."]
        );
    }

    #[test]
    fn character_offsets_count_unicode_scalars() {
        let text = "Ménaka’s “rebels”";
        let mut out = Vec::new();
        tokenize(text, 10, &mut out);
        let spans: Vec<_> = out.iter().map(|t| (t.char_start, t.char_end)).collect();
        assert_eq!(spans, [(10, 16), (16, 18), (19, 20), (20, 26), (26, 27)]);
    }
}
