//! Web pages: the article body via readability, metadata from meta tags, `<time>` and JSON-LD.

use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Article, Metadata, Readability};
use serde_json::Value;

use crate::clean::{clean, Cleaned, Layout, TitleRule};

/// What a page yields: its metadata and, when any text is left, the clean text.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub byline: Option<String>,
    pub date: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub cleaned: Option<Cleaned>,
}

/// Elements whose text is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "canvas",
    "iframe",
    "object",
    "embed",
    "video",
    "audio",
    "picture",
    "button",
    "select",
    "option",
    "textarea",
    "input",
    "form",
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "dialog",
    "head",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

pub(crate) fn read(html: &str) -> Page {
    let (extra, article) = match Readability::with_document(Dom::from(html), None, None) {
        Ok(mut reader) => {
            let extra = ExtraMeta::from_dom(&reader.doc);
            (extra, readability(&mut reader))
        }
        Err(_) => (ExtraMeta::default(), None),
    };
    let (found, article_html) = match article {
        Some(article) => {
            let content = article.content.to_string();
            (Found::from(article), Some(content))
        }
        None => {
            let found = Readability::with_document(Dom::from(html), None, None)
                .map(|r| Found::from(r.get_article_metadata(r.parse_json_ld())))
                .unwrap_or_default();
            (found, None)
        }
    };

    let title = non_empty(found.title)
        .or(extra.headline)
        .map(|t| one_line(&t))
        .filter(|t| !t.is_empty());
    let byline = found
        .byline
        .as_deref()
        .map(strip_by)
        .filter(|b| !b.is_empty());
    let date = non_empty(found.published_time)
        .or(extra.date)
        .map(|d| one_line(&d))
        .filter(|d| !d.is_empty());
    let url = extra.url.or_else(|| found.url.filter(|u| is_web_url(u)));
    let site = extra
        .site_name
        .or_else(|| non_empty(found.site_name))
        .or(extra.publisher)
        .map(|s| one_line(&s))
        .filter(|s| !s.is_empty())
        .or_else(|| url.as_deref().and_then(host));

    let given = TitleRule::Given(title);
    let cleaned = article_html
        .and_then(|content| {
            let dom = Dom::fragment(content);
            clean(
                &block_lines(&dom.root()),
                Layout::Lines,
                given.clone(),
                byline.as_deref(),
            )
        })
        .or_else(|| {
            // Readability found no article, or only chrome: read the whole body instead,
            // minus the elements that are never article text.
            let dom = Dom::from(html);
            let body = dom.body()?;
            clean(&block_lines(&body), Layout::Lines, given, byline.as_deref())
        });

    Page {
        byline,
        date,
        site,
        url,
        cleaned,
    }
}

/// Cleans an HTML fragment that is the article body already (a feed entry's content): no
/// readability pass, whose length heuristics are made for whole pages and drop short entries.
pub(crate) fn fragment(html: &str, title: Option<String>, byline: Option<&str>) -> Option<Cleaned> {
    let dom = Dom::fragment(html);
    clean(
        &block_lines(&dom.root()),
        Layout::Lines,
        TitleRule::Given(title),
        byline,
    )
}

/// The text of a short piece of markup (a title, a summary without tags): tags dropped,
/// entities decoded, line breaks kept.
pub(crate) fn plain_text(markup: &str) -> String {
    Dom::fragment(markup).root().text().to_string()
}

/// The metadata fields shared by readability's `Article` and `Metadata`.
#[derive(Debug, Default)]
struct Found {
    title: Option<String>,
    byline: Option<String>,
    published_time: Option<String>,
    site_name: Option<String>,
    url: Option<String>,
}

impl From<Article> for Found {
    fn from(a: Article) -> Self {
        Found {
            title: Some(a.title),
            byline: a.byline,
            published_time: a.published_time,
            site_name: a.site_name,
            url: a.url,
        }
    }
}

impl From<Metadata> for Found {
    fn from(m: Metadata) -> Self {
        Found {
            title: Some(m.title),
            byline: m.byline,
            published_time: m.published_time,
            site_name: m.site_name,
            url: m.url,
        }
    }
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

/// Runs readability; `None` when it finds no article.
fn readability(reader: &mut Readability) -> Option<Article> {
    // A panic inside the third-party extractor must cost one page, not a whole batch; the
    // body fallback still reads the page.
    catch_unwind(AssertUnwindSafe(|| reader.parse().ok()))
        .ok()
        .flatten()
}

/// Metadata read straight from the page, where readability's own reading falls short.
#[derive(Debug, Default)]
struct ExtraMeta {
    url: Option<String>,
    site_name: Option<String>,
    publisher: Option<String>,
    date: Option<String>,
    headline: Option<String>,
}

impl ExtraMeta {
    fn from_dom(dom: &Dom) -> Self {
        let ld = JsonLd::from_dom(dom);
        let url = attr(dom, r#"link[rel="canonical"]"#, "href")
            .filter(|u| is_web_url(u))
            .or_else(|| meta(dom, "og:url").filter(|u| is_web_url(u)))
            .or(ld.url.filter(|u| is_web_url(u)));
        let date = meta(dom, "article:published_time")
            .or_else(|| attr(dom, r#"meta[itemprop="datePublished"]"#, "content"))
            .or_else(|| attr(dom, r#"time[itemprop="datePublished"]"#, "datetime"))
            .or_else(|| attr(dom, "time[pubdate]", "datetime"))
            .or_else(|| attr(dom, "time[datetime]", "datetime"))
            .or(ld.date);
        ExtraMeta {
            url,
            site_name: meta(dom, "og:site_name"),
            publisher: ld.publisher,
            date,
            headline: ld.headline,
        }
    }
}

/// `<meta property=NAME content=…>` (or `name=NAME`), trimmed and non-empty.
fn meta(dom: &Dom, name: &str) -> Option<String> {
    attr(dom, &format!(r#"meta[property="{name}"]"#), "content")
        .or_else(|| attr(dom, &format!(r#"meta[name="{name}"]"#), "content"))
}

/// The attribute of the first element matching `selector`, trimmed and non-empty.
fn attr(dom: &Dom, selector: &str, name: &str) -> Option<String> {
    // `try_select` rather than `select`: the latter panics on a selector it cannot parse.
    let value = dom.try_select(selector)?.attr(name)?;
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Fields of the first article-like object in the page's JSON-LD.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    date: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

impl JsonLd {
    fn from_dom(dom: &Dom) -> Self {
        let Some(scripts) = dom.try_select(r#"script[type="application/ld+json"]"#) else {
            return JsonLd::default();
        };
        for node in scripts.nodes() {
            let text = node.text();
            let text = text
                .trim()
                .trim_start_matches("<![CDATA[")
                .trim_end_matches("]]>");
            let Ok(value) = serde_json::from_str::<Value>(text) else {
                continue;
            };
            if let Some(found) = Self::from_value(&value) {
                return found;
            }
        }
        JsonLd::default()
    }

    /// Searches objects, arrays and `@graph` for one with a headline or publication date.
    fn from_value(root: &Value) -> Option<Self> {
        let mut stack = vec![root];
        while let Some(value) = stack.pop() {
            match value {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    let headline = string_field(value, "headline");
                    let date = string_field(value, "datePublished");
                    if headline.is_some() || date.is_some() {
                        let publisher = match map.get("publisher") {
                            Some(p @ Value::Object(_)) => string_field(p, "name"),
                            Some(Value::String(s)) => Some(s.trim().to_string()),
                            _ => None,
                        };
                        let url = string_field(value, "url").or_else(|| {
                            match map.get("mainEntityOfPage") {
                                Some(Value::String(s)) => Some(s.trim().to_string()),
                                Some(m @ Value::Object(_)) => string_field(m, "@id"),
                                _ => None,
                            }
                        });
                        return Some(JsonLd {
                            headline,
                            date,
                            publisher,
                            url,
                        });
                    }
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                }
                _ => {}
            }
        }
        None
    }
}

fn string_field(value: &Value, key: &str) -> Option<String> {
    let s = value.get(key)?.as_str()?.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The text under `root`, one line per block element, chrome elements left out.
fn block_lines(root: &NodeRef) -> String {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Close,
    }
    let mut out = String::new();
    let mut stack: Vec<Step> = root.children_it(true).map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Close => {
                out.push('\n');
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            // Line breaks in HTML source are plain spaces; only block elements break lines.
            out.extend(
                node.text()
                    .chars()
                    .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
            );
            continue;
        }
        let Some(name) = node.node_name() else {
            continue;
        };
        let name = name.to_ascii_lowercase();
        if SKIPPED.contains(&name.as_str())
            || node.has_attr("hidden")
            || node.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        {
            continue;
        }
        match name.as_str() {
            "br" => out.push('\n'),
            "pre" => {
                out.push('\n');
                out.push_str(&node.text());
                out.push('\n');
            }
            n if BLOCKS.contains(&n) => {
                out.push('\n');
                stack.push(Step::Close);
                stack.extend(node.children_it(true).map(Step::Enter));
            }
            _ => stack.extend(node.children_it(true).map(Step::Enter)),
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "By Jane Doe" → "Jane Doe".
fn strip_by(byline: &str) -> String {
    let line = one_line(byline);
    match line.get(..3) {
        Some(prefix) if prefix.eq_ignore_ascii_case("by ") => line[3..].trim().to_string(),
        _ => line,
    }
}

fn is_web_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The host of an absolute URL, without `www.` and port: a site name of last resort.
pub(crate) fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = host_port.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_of_url() {
        assert_eq!(
            host("https://www.Example.org:8080/a/b?c"),
            Some("example.org".into())
        );
        assert_eq!(host("http://news.site/"), Some("news.site".into()));
        assert_eq!(host("nonsense"), None);
    }

    #[test]
    fn block_lines_keep_paragraphs() {
        let dom = Dom::from(
            "<body><nav>Home News</nav><h1>Title</h1><p>One\ntwo <b>three</b></p>\
             <ul><li>a</li><li>b</li></ul><script>var x;</script><p>Last<br>line</p></body>",
        );
        let lines = dom.body().map(|b| block_lines(&b)).unwrap_or_default();
        let lines: Vec<&str> = lines
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, ["Title", "One two three", "a", "b", "Last", "line"]);
    }

    #[test]
    fn json_ld_graph() {
        let v: Value = serde_json::from_str(
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
               {"@type":"NewsArticle","headline":"H","datePublished":"2025-01-02",
                "publisher":{"name":"P"},"mainEntityOfPage":{"@id":"https://p.example/a"}}]}"#,
        )
        .unwrap_or_default();
        let ld = JsonLd::from_value(&v);
        assert_eq!(
            ld.as_ref().and_then(|l| l.date.as_deref()),
            Some("2025-01-02")
        );
        assert_eq!(ld.as_ref().and_then(|l| l.publisher.as_deref()), Some("P"));
        assert_eq!(ld.and_then(|l| l.url), Some("https://p.example/a".into()));
    }

    #[test]
    fn fragment_keeps_short_entries() {
        let c = fragment(
            "<p>Troops <b>withdrew</b> from Ménaka.</p><p>Share This</p><script>x()</script>\
             <p>Talks resume &amp; continue.</p>",
            Some("Withdrawal".into()),
            None,
        );
        assert_eq!(
            c.map(|c| c.text).as_deref(),
            Some("Withdrawal\n\nTroops withdrew from Ménaka.\n\nTalks resume & continue.")
        );
        assert_eq!(plain_text("Aid &amp; <i>talks</i>"), "Aid & talks");
    }

    #[test]
    fn malformed_html_does_not_panic() {
        for html in [
            "<p><b><i>unclosed",
            "</p></div><<>>",
            "<html><body><table><td>x",
            "",
        ] {
            let _ = read(html);
        }
    }
}
