//! JSONL: one `{id?, url?, title?, date?, text}` object per line; other fields are ignored.

use serde_json::{Map, Value};

/// The fields of a record the ingest stage uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub text: String,
}

/// Each non-blank line with its 1-based number: the record, or why it is not one.
pub(crate) fn records(text: &str) -> impl Iterator<Item = (usize, Result<Record, String>)> + '_ {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| (i + 1, parse(line)))
}

fn parse(line: &str) -> Result<Record, String> {
    let value: Value =
        serde_json::from_str(line.trim()).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err("not a JSON object".to_string());
    };
    let text = match map.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err("field `text` is not a string".to_string()),
        None => return Err("missing string field `text`".to_string()),
    };
    let id = match map.get("id") {
        Some(Value::String(s)) => Some(s.trim().to_string()),
        // Numeric ids are common in exports; they are ids all the same.
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
    .filter(|s| !s.is_empty());
    Ok(Record {
        id,
        url: string(&map, "url"),
        title: string(&map, "title"),
        date: string(&map, "date"),
        text,
    })
}

fn string(map: &Map<String, Value>, key: &str) -> Option<String> {
    let s = map.get(key)?.as_str()?.trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_bad_and_blank_lines() {
        let input = "{\"id\": 7, \"text\": \"a\", \"events\": []}\n\n[1]\n{\"text\": 3}\n{oops\n\
                     {\"title\": \"T\", \"date\": null, \"text\": \"b\"}\n";
        let got: Vec<(usize, Result<Record, String>)> = records(input).collect();
        assert_eq!(got.len(), 5);
        assert_eq!(got[0].0, 1);
        assert_eq!(
            got[0].1.as_ref().ok().and_then(|r| r.id.as_deref()),
            Some("7")
        );
        assert_eq!(got[1], (3, Err("not a JSON object".to_string())));
        assert_eq!(got[2], (4, Err("field `text` is not a string".to_string())));
        assert!(got[3]
            .1
            .as_ref()
            .is_err_and(|e| e.starts_with("invalid JSON")));
        let last = got[4].1.as_ref().ok();
        assert_eq!(last.and_then(|r| r.title.as_deref()), Some("T"));
        assert_eq!(last.and_then(|r| r.date.as_deref()), None);
    }
}
