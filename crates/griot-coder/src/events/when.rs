//! When and where an event happened.
//!
//! Dates: an explicit date in the sentence ("In January 2025" → 2025-01, month precision;
//! "on 5 March 2024" → day; "in 2015" → year); else a relative word against the document's
//! date ("yesterday", "on Wednesday" — the last Wednesday, news being about the past — "last
//! week", "last month", "lately"); else the document's date (precision `document`); else none.
//!
//! Places: the place named after a locative preposition nearest the trigger in the sentence;
//! else the document's dateline; else none.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use griot_model::{DatePrecision, EventDate, Sentence};
use regex::Regex;
use std::sync::OnceLock;

/// Weekday names, lower case, Monday first (the order `chrono::Weekday` counts from).
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub fn document_date(date: Option<&str>) -> Option<NaiveDate> {
    let d = date?.trim();
    NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok()
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| m.starts_with(lower) && lower.len() >= 3)
        .map(|i| i as u32 + 1)
}

fn patterns() -> Option<&'static [Regex; 3]> {
    static RE: OnceLock<Option<[Regex; 3]>> = OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
        Some([
            // 5 March 2024 | March 5, 2024
            Regex::new(&format!(r"\b(\d{{1,2}}) {month},? (\d{{4}})\b|\b{month} (\d{{1,2}}),? (\d{{4}})\b")).ok()?,
            // January 2025
            Regex::new(&format!(r"\b{month},? (\d{{4}})\b")).ok()?,
            // in 2015
            Regex::new(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring) ((?:19|20)\d{2})\b").ok()?,
        ])
    })
    .as_ref()
}

/// The date of events in sentence `s` of a document published on `published`.
pub fn event_date(s: &Sentence, published: Option<NaiveDate>) -> Option<EventDate> {
    let text = s.text.as_str();
    // Every explicit pattern has a four-digit year; most sentences have none, and a byte scan
    // is far cheaper than the regexes' capture search.
    let year_like = text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if let (true, Some([day, month, year])) = (year_like, patterns()) {
        if let Some(c) = day.captures(text) {
            let (d, m, y) = if c.get(1).is_some() {
                (c.get(1), c.get(2), c.get(3))
            } else {
                (c.get(5), c.get(4), c.get(6))
            };
            let parsed = (|| {
                let d: u32 = d?.as_str().parse().ok()?;
                let m = month_number(m?.as_str())?;
                let y: i32 = y?.as_str().parse().ok()?;
                NaiveDate::from_ymd_opt(y, m, d)
            })();
            if let Some(date) = parsed {
                return Some(day_precision(date));
            }
        }
        if let Some(c) = month.captures(text) {
            let m = c.get(1).and_then(|m| month_number(m.as_str()));
            let y = c.get(2).and_then(|y| y.as_str().parse::<i32>().ok());
            if let (Some(m), Some(y)) = (m, y) {
                return Some(EventDate {
                    value: format!("{y:04}-{m:02}"),
                    precision: DatePrecision::Month,
                });
            }
        }
        if let Some(y) = year.captures(text).and_then(|c| c.get(1)) {
            return Some(EventDate {
                value: y.as_str().to_string(),
                precision: DatePrecision::Year,
            });
        }
    }
    let published = published?;
    let words = &s.tokens;
    let has = |w: &str| words.iter().any(|t| t.text.eq_ignore_ascii_case(w));
    let after = |a: &str, b: &str| {
        words
            .windows(2)
            .any(|p| p[0].text.eq_ignore_ascii_case(a) && p[1].text.eq_ignore_ascii_case(b))
    };
    if has("yesterday") {
        return Some(day_precision(published - Duration::days(1)));
    }
    if has("today") || has("tonight") {
        return Some(day_precision(published));
    }
    for (i, name) in WEEKDAYS.iter().enumerate() {
        if has(name) {
            let target = Weekday::try_from(i as u8).unwrap_or(Weekday::Mon);
            // News past-bias: a bare weekday is the most recent one, up to a week back.
            let back = (published.weekday().num_days_from_monday() + 7
                - target.num_days_from_monday())
                % 7;
            return Some(day_precision(published - Duration::days(i64::from(back))));
        }
    }
    if after("last", "week") {
        return Some(day_precision(published - Duration::days(7)));
    }
    if after("last", "month") {
        let prev = published
            .with_day(1)
            .map(|d| d - Duration::days(1))
            .unwrap_or(published);
        return Some(EventDate {
            value: format!("{:04}-{:02}", prev.year(), prev.month()),
            precision: DatePrecision::Month,
        });
    }
    if after("last", "year") {
        return Some(EventDate {
            value: format!("{:04}", published.year() - 1),
            precision: DatePrecision::Year,
        });
    }
    Some(EventDate {
        value: published.format("%Y-%m-%d").to_string(),
        precision: DatePrecision::Document,
    })
}

fn day_precision(d: NaiveDate) -> EventDate {
    EventDate {
        value: d.format("%Y-%m-%d").to_string(),
        precision: DatePrecision::Day,
    }
}
