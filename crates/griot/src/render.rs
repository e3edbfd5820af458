//! Human-readable views for the terminal.

use griot_model::Document;
use std::io::{self, Write};

/// A document as sentences, each with its tagged tokens and its chunks.
pub fn document(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    write!(out, "# {}", doc.id)?;
    for (label, value) in [
        ("title", &doc.title),
        ("date", &doc.date),
        ("site", &doc.site),
        ("language", &doc.language),
    ] {
        if let Some(v) = value {
            write!(out, "  {label}: {v}")?;
        }
    }
    writeln!(out)?;
    for d in &doc.datelines {
        writeln!(out, "dateline: {} (place: {})", d.text, d.place)?;
    }
    for s in &doc.sentences {
        let mark = if s.headline { " headline" } else { "" };
        writeln!(out, "[{}{}] {}", s.index, mark, s.text)?;
        let tagged: Vec<String> = s
            .tokens
            .iter()
            .map(|t| format!("{}/{}", t.text, t.tag))
            .collect();
        writeln!(out, "    {}", tagged.join(" "))?;
        let mut chunks = Vec::new();
        let mut next = 0;
        for c in &s.chunks {
            chunks.extend(s.tokens[next..c.start].iter().map(|t| t.text.clone()));
            let words: Vec<&str> = s.tokens[c.start..c.end]
                .iter()
                .map(|t| t.text.as_str())
                .collect();
            chunks.push(format!("[{} {}]", c.kind.as_str(), words.join(" ")));
            next = c.end;
        }
        chunks.extend(s.tokens[next..].iter().map(|t| t.text.clone()));
        writeln!(out, "    {}", chunks.join(" "))?;
    }
    Ok(())
}
