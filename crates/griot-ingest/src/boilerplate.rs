//! Page-chrome lines ("Share This", "Tags:", cookie notices) recognised from `data/boilerplate.txt`.

use std::sync::LazyLock;

use regex::Regex;

const PATTERNS: &str = include_str!("../data/boilerplate.txt");

/// Patterns that apply to lines of up to `max_words` words.
struct Group {
    max_words: usize,
    regex: Regex,
}

static GROUPS: LazyLock<Vec<Group>> = LazyLock::new(|| compile(PATTERNS).0);

/// Default word limit before any `@max_words` directive.
const DEFAULT_MAX_WORDS: usize = 8;

/// Compiles the pattern file: groups by word limit, plus patterns that failed to compile.
fn compile(source: &str) -> (Vec<Group>, Vec<String>) {
    let mut pending: Vec<(usize, Vec<&str>)> = vec![(DEFAULT_MAX_WORDS, Vec::new())];
    for line in source.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(n) = line.strip_prefix("@max_words") {
            let max_words = n.trim().parse().unwrap_or(DEFAULT_MAX_WORDS);
            pending.push((max_words, Vec::new()));
            continue;
        }
        if let Some((_, patterns)) = pending.last_mut() {
            patterns.push(line);
        }
    }
    let mut groups = Vec::new();
    let mut bad = Vec::new();
    for (max_words, patterns) in pending {
        // Patterns that do not compile are left out alone, so one typo can't disable the rest;
        // the unit test below keeps the shipped file free of them.
        let good: Vec<&str> = patterns
            .into_iter()
            .filter(|p| {
                let ok = Regex::new(p).is_ok();
                if !ok {
                    bad.push((*p).to_string());
                }
                ok
            })
            .collect();
        if good.is_empty() {
            continue;
        }
        let alternation = good
            .iter()
            .map(|p| format!("(?:{p})"))
            .collect::<Vec<_>>()
            .join("|");
        if let Ok(regex) = Regex::new(&format!("^(?i:{alternation})$")) {
            groups.push(Group { max_words, regex });
        }
    }
    (groups, bad)
}

/// True when `line` (whitespace already collapsed) is page chrome rather than article text.
pub(crate) fn is_boilerplate(line: &str) -> bool {
    let key = line.trim_matches(|c: char| !(c.is_alphanumeric() || matches!(c, '©' | '(' | ')')));
    let key = if key.is_empty() { line.trim() } else { key };
    if key.is_empty() {
        return false;
    }
    let words = key.split_whitespace().count();
    GROUPS
        .iter()
        .any(|g| words <= g.max_words && g.regex.is_match(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_pattern_compiles() {
        let (groups, bad) = compile(PATTERNS);
        assert!(bad.is_empty(), "bad patterns: {bad:?}");
        assert!(groups.len() >= 2);
    }

    #[test]
    fn chrome_is_recognised() {
        for line in [
            "Share This",
            "Share this article",
            "CATEGORIES",
            "Tags:",
            "Tags: Mali, Algeria",
            "Related",
            "Read more",
            "» Read More",
            "Advertisement",
            "Subscribe to our daily briefing",
            "Sign up for our newsletter",
            "We use cookies to improve your experience on our site. By continuing to browse you agree.",
            "Accept cookies",
            "Follow us on Twitter",
            "Click here to read the full report",
            "All rights reserved.",
            "© 2024 Sahel Daily",
            "Print",
            "Email",
            "Comments",
            "Leave a comment",
            "Facebook Twitter WhatsApp Email",
        ] {
            assert!(is_boilerplate(line), "not recognised: {line:?}");
        }
    }

    #[test]
    fn prose_is_kept() {
        for line in [
            "Malian authorities have arrested dozens of soldiers.",
            "Mali: Is Algerian regime involved in coup plot ?",
            "Related talks are due to resume in Algiers next week, officials said.",
            "Share prices in Bamako fell sharply after the announcement of the arrests on Monday.",
            "Copyright disputes are rare in the Sahel.",
            "Print media in Mali has been under pressure from the junta since 2021, reporters say.",
            "We use cookies",
        ] {
            let expect_chrome = line == "We use cookies";
            assert_eq!(is_boilerplate(line), expect_chrome, "{line:?}");
        }
    }
}
