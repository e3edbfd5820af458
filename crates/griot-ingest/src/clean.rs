//! Clean text: NFC, one paragraph per block, whitespace collapsed, chrome dropped, title first.

use unicode_normalization::UnicodeNormalization;

use crate::boilerplate::is_boilerplate;

/// How the raw text marks paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// Plain text: blank lines separate paragraphs; lines of a hard-wrapped block are joined.
    Prose,
    /// Each line is a paragraph already (the HTML reader writes one line per block element).
    Lines,
}

/// Where the title comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TitleRule {
    /// Plain text: a short first line that is not a sentence is the title.
    Guess,
    /// HTML and JSONL: metadata or the record says what the title is (or that there is none).
    Given(Option<String>),
}

/// The clean text and the title it starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cleaned {
    pub title: Option<String>,
    pub text: String,
}

/// A paragraph and how many source lines it was made of.
struct Para {
    text: String,
    lines: usize,
}

/// Longest title the plain-text guess accepts.
const MAX_TITLE_WORDS: usize = 25;
/// Body paragraphs checked for a repeat of the title or byline (a kicker may come first).
const REPEAT_WINDOW: usize = 4;
/// Blocks whose longest line is shorter than this are lists of short lines, not wrapped prose.
const MIN_WRAP_WIDTH: usize = 40;
/// Blocks with a line longer than this were not hard-wrapped: each line is a paragraph.
const MAX_WRAP_WIDTH: usize = 120;
/// A line shorter than this share of the block's width ends its paragraph.
const SHORT_LINE_SHARE: f64 = 0.6;

/// Cleans `raw`; `None` when nothing but chrome and whitespace is left. A paragraph near the
/// top that only repeats `byline` (with or without "By") is dropped: the byline has a field.
pub(crate) fn clean(
    raw: &str,
    layout: Layout,
    title: TitleRule,
    byline: Option<&str>,
) -> Option<Cleaned> {
    let normal = normalise(raw);
    let paras = match layout {
        Layout::Prose => prose_paragraphs(&normal),
        Layout::Lines => normal
            .lines()
            .map(collapse)
            .filter(|l| !l.is_empty() && !is_boilerplate(l))
            .map(|text| Para { text, lines: 1 })
            .collect(),
    };
    let (title, mut body) = match title {
        TitleRule::Given(t) => (
            t.map(|t| collapse(&normalise(&t)))
                .filter(|t| !t.is_empty()),
            paras,
        ),
        TitleRule::Guess => guess_title(paras),
    };
    // A paragraph straight after its twin is a scraping artefact (a heading printed twice).
    body.dedup_by(|next, prev| compare_key(&next.text) == compare_key(&prev.text));
    let mut repeats: Vec<String> = title.iter().map(|t| compare_key(t)).collect();
    if let Some(b) = byline.map(compare_key).filter(|b| !b.is_empty()) {
        repeats.push(format!("by{b}"));
        repeats.push(b);
    }
    if !repeats.is_empty() {
        let mut seen = 0;
        body.retain(|p| {
            seen += 1;
            !(seen <= REPEAT_WINDOW && repeats.contains(&compare_key(&p.text)))
        });
    }
    if body.is_empty() {
        return None;
    }
    let mut text = String::new();
    for p in title.iter().chain(body.iter().map(|p| &p.text)) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(p);
    }
    Some(Cleaned { title, text })
}

/// NFC; every line break as `\n`; invisible and control characters removed.
fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.nfc().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                out.push('\n');
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\u{2029}' => out.push_str("\n\n"),
            '\n' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' => out.push('\n'),
            '\t' => out.push(' '),
            // Soft hyphens, zero-width characters, BOMs and replacement characters carry no text.
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{fffd}' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Whitespace runs (including no-break spaces) to one space, ends trimmed.
fn collapse(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn prose_paragraphs(text: &str) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut block: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = collapse(line);
        if line.is_empty() {
            flush_block(&mut block, &mut paras);
        } else if !is_boilerplate(&line) {
            block.push(line);
        }
    }
    flush_block(&mut block, &mut paras);
    paras
}

/// Turns one blank-line-delimited block into paragraphs.
fn flush_block(block: &mut Vec<String>, paras: &mut Vec<Para>) {
    let lines = std::mem::take(block);
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let wrapped = (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width);
    if !wrapped {
        paras.extend(lines.into_iter().map(|text| Para { text, lines: 1 }));
        return;
    }
    let mut current: Option<Para> = None;
    for line in lines {
        match current.as_mut() {
            Some(p) => {
                p.text.push(' ');
                p.text.push_str(&line);
                p.lines += 1;
            }
            None => {
                current = Some(Para {
                    text: line.clone(),
                    lines: 1,
                })
            }
        }
        // A hard-wrapped paragraph fills its lines; a short one ends it (or is a heading).
        if (line.chars().count() as f64) < SHORT_LINE_SHARE * width as f64 {
            paras.extend(current.take());
        }
    }
    paras.extend(current);
}

fn guess_title(mut paras: Vec<Para>) -> (Option<String>, Vec<Para>) {
    let is_title = paras.len() > 1
        && paras.first().is_some_and(|p| {
            p.lines == 1
                && p.text.split_whitespace().count() <= MAX_TITLE_WORDS
                && !p.text.ends_with('.')
        });
    if is_title {
        let title = paras.remove(0).text;
        (Some(title), paras)
    } else {
        (None, paras)
    }
}

/// Title comparison ignores case, spacing and punctuation ("plot ?" = "Plot?").
fn compare_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(raw: &str) -> Option<Cleaned> {
        clean(raw, Layout::Prose, TitleRule::Guess, None)
    }

    #[test]
    fn title_guessed_and_repeat_dropped() {
        let c = prose("Coup plot foiled\r\n\r\nCoup plot foiled\r\n\r\nSoldiers were held.\r\n");
        assert_eq!(
            c,
            Some(Cleaned {
                title: Some("Coup plot foiled".into()),
                text: "Coup plot foiled\n\nSoldiers were held.".into()
            })
        );
    }

    #[test]
    fn sentence_first_line_is_not_a_title() {
        let c = prose("Soldiers were held.\n\nTalks resume.");
        assert_eq!(c.and_then(|c| c.title), None);
    }

    #[test]
    fn single_line_is_body_not_title() {
        let c = prose("Soldiers held in Bamako");
        assert_eq!(
            c,
            Some(Cleaned {
                title: None,
                text: "Soldiers held in Bamako".into()
            })
        );
    }

    #[test]
    fn wrapped_lines_are_joined_and_whitespace_collapsed() {
        let raw = "Headline here\n\nMalian  authorities have arrested lately dozens of\n\
                   soldiers accused of plotting to topple the\u{a0}country's\n\
                   military leaders.\nA second paragraph starts here and it runs on for a\n\
                   while.\n";
        let c = prose(raw).map(|c| c.text);
        assert_eq!(
            c.as_deref(),
            Some(
                "Headline here\n\nMalian authorities have arrested lately dozens of soldiers \
                 accused of plotting to topple the country's military leaders.\n\nA second \
                 paragraph starts here and it runs on for a while."
            )
        );
    }

    #[test]
    fn nfc_and_invisibles() {
        let c = prose("Me\u{301}naka\u{200b} co\u{ad}te").map(|c| c.text);
        assert_eq!(c.as_deref(), Some("Ménaka cote"));
    }

    #[test]
    fn byline_repeat_goes() {
        let c = clean(
            "Title\nBy Amina  Traoré\nSoldiers were held.\nBy Friday talks resumed.",
            Layout::Lines,
            TitleRule::Given(Some("Title".into())),
            Some("Amina Traoré"),
        );
        assert_eq!(
            c.map(|c| c.text).as_deref(),
            Some("Title\n\nSoldiers were held.\n\nBy Friday talks resumed.")
        );
    }

    #[test]
    fn twin_paragraphs_collapse_even_without_a_title() {
        let c = clean(
            "Coup plot foiled\n\nCoup plot foiled\n\nSoldiers were held.",
            Layout::Prose,
            TitleRule::Given(None),
            None,
        );
        assert_eq!(
            c.map(|c| c.text).as_deref(),
            Some("Coup plot foiled\n\nSoldiers were held.")
        );
    }

    #[test]
    fn chrome_only_is_nothing() {
        assert_eq!(prose("CATEGORIES\nShare This\n\nAdvertisement"), None);
    }

    #[test]
    fn given_title_leads_and_its_repeat_goes() {
        let c = clean(
            "Coup plot foiled\nSoldiers were held.",
            Layout::Lines,
            TitleRule::Given(Some(" Coup  plot foiled ".into())),
            None,
        );
        assert_eq!(
            c.map(|c| c.text).as_deref(),
            Some("Coup plot foiled\n\nSoldiers were held.")
        );
    }
}
