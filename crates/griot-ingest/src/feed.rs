//! Feeds (RSS 0.9x, 1.0 and 2.0, Atom, JSON Feed) via feed-rs: one document per entry.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::LazyLock;

use chrono::SecondsFormat;
use feed_rs::model::{Entry, Feed, Link, Text};
use regex::Regex;

use crate::clean::{clean, Cleaned, Layout, TitleRule};
use crate::{html, Meta};

/// One entry: its metadata and, when any text is left, its clean text.
#[derive(Debug)]
pub(crate) struct Item {
    pub meta: Meta,
    pub cleaned: Option<Cleaned>,
}

/// An opening or closing tag, or a comment: the text is markup, not prose that mentions `<`.
static TAG: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][A-Za-z0-9]*[\s/>]|<!--").ok());

/// The entries of the feed in `bytes`, in feed order; `Err` with the parser's message when no
/// feed parser accepts it.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Item>, String> {
    let feed = parse(bytes)?;
    let site = feed.title.as_ref().map(text_of).filter(|s| !s.is_empty());
    Ok(feed
        .entries
        .iter()
        .map(|entry| item(entry, site.clone()))
        .collect())
}

fn parse(bytes: &[u8]) -> Result<Feed, String> {
    // The raw bytes rather than our decoded text: feed-rs decodes by the XML declaration, and
    // would misread text already turned into UTF-8 under a declaration naming another charset.
    // A panic inside the third-party parser must cost one feed, not a whole batch.
    match catch_unwind(AssertUnwindSafe(|| feed_rs::parser::parse(bytes))) {
        Ok(Ok(feed)) => Ok(feed),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the feed parser failed on this input".to_string()),
    }
}

fn item(entry: &Entry, site: Option<String>) -> Item {
    let title = entry.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    // RSS 2 `<author>` is an e-mail address; feed-rs splits out a name when there is one.
    let byline = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref().map(one_line))
        .find(|n| !n.is_empty() && !n.contains('@'));
    let cleaned = body(entry).and_then(|(text, markup)| {
        if markup && TAG.as_ref().is_some_and(|re| re.is_match(text)) {
            html::fragment(text, title.clone(), byline.as_deref())
        } else {
            // RSS descriptions are typed HTML whatever they hold; without tags they are prose
            // whose blank lines are paragraph breaks, which the HTML reader would flatten.
            let prose = if markup && text.contains('&') {
                html::plain_text(text)
            } else {
                text.to_string()
            };
            clean(
                &prose,
                Layout::Prose,
                TitleRule::Given(title.clone()),
                byline.as_deref(),
            )
        }
    });
    // Same shape as the HTML reader's `article:published_time`; feed-rs has moved it to UTC.
    let date = entry
        .published
        .or(entry.updated)
        .map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, true));
    Item {
        meta: Meta {
            url: link(entry),
            byline,
            site,
            date,
        },
        cleaned,
    }
}

/// The entry's text and whether it is markup: the content when it is text, else the summary.
fn body(entry: &Entry) -> Option<(&str, bool)> {
    let content = entry.content.as_ref().and_then(|c| {
        let text = c.body.as_deref().filter(|b| !b.trim().is_empty())?;
        markup(c.content_type.as_str()).map(|m| (text, m))
    });
    content.or_else(|| {
        let summary = entry.summary.as_ref()?;
        let text = Some(summary.content.as_str()).filter(|t| !t.trim().is_empty())?;
        markup(summary.content_type.as_str()).map(|m| (text, m))
    })
}

/// `Some(true)` for markup, `Some(false)` for plain text, `None` for media that is not text (an
/// enclosure, a base64 document).
fn markup(media_type: &str) -> Option<bool> {
    let essence = crate::format::media_essence(media_type);
    match essence.as_str() {
        "text/plain" | "text" => Some(false),
        e if e.starts_with("text/") || e.ends_with("+xml") || e == "html" || e == "xhtml" => {
            Some(true)
        }
        _ => None,
    }
}

/// A title as one line of text, tags dropped when it is typed HTML.
fn text_of(text: &Text) -> String {
    match markup(text.content_type.as_str()) {
        Some(true) => one_line(&html::plain_text(&text.content)),
        _ => one_line(&text.content),
    }
}

/// The entry's own page: the first link that is not an enclosure, edit link or the like, else
/// the first link.
fn link(entry: &Entry) -> Option<String> {
    let usable = |l: &&Link| !l.href.trim().is_empty();
    entry
        .links
        .iter()
        .filter(usable)
        .find(|l| {
            l.rel
                .as_deref()
                .is_none_or(|r| r.eq_ignore_ascii_case("alternate"))
        })
        .or_else(|| entry.links.iter().find(usable))
        .map(|l| l.href.trim().to_string())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types() {
        assert_eq!(markup("text/html; charset=utf-8"), Some(true));
        assert_eq!(markup("application/xhtml+xml"), Some(true));
        assert_eq!(markup("text/plain"), Some(false));
        assert_eq!(markup("audio/mpeg"), None);
    }

    #[test]
    fn rss_item_with_escaped_html_title_and_no_tags() {
        let rss = br#"<rss version="2.0"><channel><title>Wire &amp; Co</title>
            <item><title>Aid arrives</title><link>https://w.example/aid</link>
            <description>Trucks reached Gao on Monday.

Officials said more would follow &amp; soon.</description></item></channel></rss>"#;
        let items = read(rss).unwrap_or_default();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].meta.site.as_deref(), Some("Wire & Co"));
        assert_eq!(
            items[0].cleaned.as_ref().map(|c| c.text.as_str()),
            Some(
                "Aid arrives\n\nTrucks reached Gao on Monday.\n\nOfficials said more would \
                 follow & soon."
            )
        );
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bytes in [
            &b"<rss version=\"2.0\"><channel><item>"[..],
            b"<feed><entry><content type=\"html\"></content></entry></feed>",
            b"{\"version\": \"https://jsonfeed.org/version/1\", \"items\": 3}",
            b"",
            b"\xff\xfe<",
        ] {
            let _ = read(bytes);
        }
        assert!(read(b"<html><body>not a feed</body></html>").is_err());
    }
}
