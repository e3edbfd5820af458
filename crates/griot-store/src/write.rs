//! Writing coded documents: one transaction per batch, idempotent by content hash.

use crate::Result;
use griot_model::{Actor, Attribution, Document, Event, Place, Span};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::HashMap;

/// A coded document to store, with where it came from and what the binary decided about it.
pub struct NewDocument<'a> {
    pub doc: &'a Document,
    /// The input it was read from: a path, `path:LINE` for JSONL, `path#record-N` for WARC.
    pub name: &'a str,
    /// Near-duplicate sketch (opaque bytes from the ingest stage).
    pub sketch: Option<Vec<u8>>,
    /// The stored document this one nearly duplicates, with the estimated similarity.
    pub duplicate_of: Option<(i64, f64)>,
}

/// What happened to a document handed to [`Batch::insert`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// Stored as a new document; `events` new event rows, `linked` events of the first copy
    /// that this near-duplicate reports again.
    New {
        id: i64,
        events: usize,
        linked: usize,
    },
    /// The same text is already stored under `id`; only the sighting was recorded.
    Known { id: i64 },
}

/// Actor ids kept in memory at most; past this the cache starts over.
const ACTOR_CACHE_LIMIT: usize = 500_000;

/// Character offsets → byte offsets of one document, built once so that slicing each evidence
/// span does not walk the text from its start.
struct CharIndex<'a> {
    text: &'a str,
    bytes: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { text, bytes }
    }

    /// The text under a span; `""` for a span outside the text, as [`Document::slice`].
    fn slice(&self, span: Span) -> &'a str {
        match (self.bytes.get(span.start), self.bytes.get(span.end)) {
            (Some(&a), Some(&b)) if a <= b => &self.text[a..b],
            _ => "",
        }
    }
}

/// One write transaction. Dropped without [`Batch::commit`], it rolls back.
pub struct Batch<'c> {
    tx: Transaction<'c>,
    /// The store's committed actor ids; this batch's new ones wait in `new_actors` until the
    /// commit, so a rolled-back batch leaves no id behind that points at nothing.
    actor_ids: &'c mut HashMap<String, i64>,
    new_actors: HashMap<String, i64>,
    /// The first document stored by this batch: full-text indexing waits for the commit.
    first_new: Option<i64>,
}

impl<'c> Batch<'c> {
    pub(crate) fn new(
        conn: &'c mut Connection,
        actor_ids: &'c mut HashMap<String, i64>,
    ) -> Result<Self> {
        Ok(Batch {
            tx: conn.transaction()?,
            actor_ids,
            new_actors: HashMap::new(),
            first_new: None,
        })
    }

    /// Indexes the batch's new documents for full-text search and commits. FTS5 flushes its
    /// pending terms at every statement savepoint, so one INSERT…SELECT per batch instead of
    /// one per document keeps its segments few and large (ingest spent a fifth of its write
    /// time merging them before).
    pub fn commit(self) -> Result<()> {
        if let Some(first) = self.first_new {
            self.tx.execute(
                "INSERT INTO documents_fts (rowid, title, text)
                 SELECT id, title, text FROM documents WHERE id >= ?1",
                [first],
            )?;
        }
        self.tx.commit()?;
        // A bound on memory over very large collections; the table is the truth.
        if self.actor_ids.len() > ACTOR_CACHE_LIMIT {
            self.actor_ids.clear();
        }
        self.actor_ids.extend(self.new_actors);
        Ok(())
    }

    /// The id of the stored document with this content hash.
    pub fn document_by_hash(&self, hash: &str) -> Result<Option<i64>> {
        Ok(self
            .tx
            .prepare_cached("SELECT id FROM documents WHERE content_hash = ?1")?
            .query_row([hash], |r| r.get(0))
            .optional()?)
    }

    /// Records an input that was left out. A later successful read of the same name clears it.
    pub fn skip(&mut self, name: &str, reason: &str, detail: &str, exit_code: i32) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO skips (name, reason, detail, exit_code) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (name) DO UPDATE SET reason = excluded.reason,
                     detail = excluded.detail, exit_code = excluded.exit_code",
            )?
            .execute(params![name, reason, detail, exit_code])?;
        Ok(())
    }

    /// Stores a coded document and its events, or only its sighting when the text is known.
    pub fn insert(&mut self, new: &NewDocument<'_>) -> Result<Inserted> {
        let doc = new.doc;
        if let Some(id) = self.document_by_hash(&doc.content_hash)? {
            self.sighting(new.name, id)?;
            return Ok(Inserted::Known { id });
        }
        let framing = serde_json::to_string(&doc.framing)?;
        let (dup, similarity) = match new.duplicate_of {
            Some((id, s)) => (Some(id), Some(s)),
            None => (None, None),
        };
        self.tx
            .prepare_cached(
                "INSERT INTO documents (doc_id, content_hash, url, title, byline, site, date,
                    language, text, tone, framing, sentences, sketch, duplicate_of, similarity)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?
            .execute(params![
                doc.id,
                doc.content_hash,
                doc.url,
                doc.title,
                doc.byline,
                doc.site,
                doc.date,
                doc.language,
                doc.text,
                tone(doc),
                framing,
                doc.sentences.len() as i64,
                new.sketch,
                dup,
                similarity,
            ])?;
        let id = self.tx.last_insert_rowid();
        self.first_new.get_or_insert(id);
        self.sighting(new.name, id)?;
        self.tx
            .prepare_cached("DELETE FROM skips WHERE name = ?1")?
            .execute([new.name])?;

        let earlier = match dup {
            Some(first) => self.event_keys(first)?,
            None => Vec::new(),
        };
        let (mut events, mut linked) = (0, 0);
        let chars = CharIndex::new(&doc.text);
        for event in &doc.events {
            let key = event_key(event);
            if let Some((event_id, _)) = earlier.iter().find(|(_, k)| *k == key) {
                self.link(*event_id, id)?;
                linked += 1;
            } else {
                self.event(id, &chars, event)?;
                events += 1;
            }
        }
        Ok(Inserted::New { id, events, linked })
    }

    fn sighting(&mut self, name: &str, document_id: i64) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO sightings (name, document_id) VALUES (?1, ?2)
                 ON CONFLICT (name) DO UPDATE SET document_id = excluded.document_id",
            )?
            .execute(params![name, document_id])?;
        Ok(())
    }

    fn link(&mut self, event_id: i64, document_id: i64) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO event_documents (event_id, document_id) VALUES (?1, ?2)",
            )?
            .execute(params![event_id, document_id])?;
        Ok(())
    }

    /// The events first stored with a document, keyed for near-duplicate matching by the same
    /// [`EventKey`] as new events, so the two sides cannot drift apart.
    fn event_keys(&self, document_id: i64) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT e.id, e.type, e.mode, ea.role, a.code, a.sector
               FROM events e
               LEFT JOIN event_actors ea ON ea.event_id = e.id
               LEFT JOIN actors a ON a.id = ea.actor_id
              WHERE e.document_id = ?1
              ORDER BY e.id, ea.role, ea.position",
        )?;
        let mut rows = stmt.query([document_id])?;
        let mut keys: Vec<(i64, EventKey)> = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if keys.last().is_none_or(|(last, _)| *last != id) {
                let kind: String = r.get(1)?;
                let mode: Option<String> = r.get(2)?;
                keys.push((id, EventKey::new(&kind, mode.as_deref())));
            }
            let role: Option<String> = r.get(3)?;
            let code: Option<String> = r.get(4)?;
            let sector: Option<String> = r.get(5)?;
            if let (Some((_, key)), Some(role)) = (keys.last_mut(), role) {
                key.actor(role == "source", code.as_deref(), sector.as_deref());
            }
        }
        Ok(keys.into_iter().map(|(id, k)| (id, k.finish())).collect())
    }

    fn event(&mut self, document_id: i64, chars: &CharIndex<'_>, e: &Event) -> Result<i64> {
        let place_id = match &e.location {
            Some(p) => Some(self.place(p)?),
            None => None,
        };
        let (attribution, attribution_code, attribution_sector) = match &e.attribution {
            Attribution::Outlet => ("outlet".to_string(), None, None),
            Attribution::Claimant { text, actor, .. } => (
                text.clone(),
                actor.as_ref().and_then(|a| a.code.clone()),
                actor.as_ref().and_then(|a| a.sector.clone()),
            ),
        };
        let trigger = e.evidence.trigger;
        self.tx
            .prepare_cached(
                "INSERT INTO events (document_id, sentence, type, mode, contexts, cameo,
                    goldstein, quad_class, intensity, certainty, negated, attribution,
                    attribution_code, attribution_sector, place_id, date, date_precision, rule,
                    trigger_text, trigger_start, trigger_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                         ?17, ?18, ?19, ?20, ?21)",
            )?
            .execute(params![
                document_id,
                e.sentence as i64,
                e.kind.as_str(),
                e.mode,
                serde_json::to_string(&e.contexts)?,
                e.cameo,
                e.goldstein,
                e.quad_class,
                e.intensity,
                enum_str(&e.certainty)?,
                e.negated,
                attribution,
                attribution_code,
                attribution_sector,
                place_id,
                e.date.as_ref().map(|d| d.value.clone()),
                e.date
                    .as_ref()
                    .map(|d| enum_str(&d.precision))
                    .transpose()?,
                e.rule,
                chars.slice(trigger),
                trigger.start as i64,
                trigger.end as i64,
            ])?;
        let event_id = self.tx.last_insert_rowid();
        self.link(event_id, document_id)?;
        for (role, actors, spans) in [
            ("source", &e.source, &e.evidence.source),
            ("target", &e.target, &e.evidence.target),
        ] {
            for (i, actor) in actors.iter().enumerate() {
                let actor_id = self.actor(actor)?;
                let attributes = if actor.attributes.is_empty() {
                    None
                } else {
                    Some(serde_json::to_string(&actor.attributes)?)
                };
                self.tx
                    .prepare_cached(
                        "INSERT OR IGNORE INTO event_actors
                            (event_id, role, position, actor_id, text, attributes)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    )?
                    .execute(params![
                        event_id, role, i as i64, actor_id, actor.text, attributes
                    ])?;
            }
            for (i, span) in spans.iter().enumerate() {
                self.evidence(event_id, role, i, chars, *span)?;
            }
        }
        self.evidence(event_id, "trigger", 0, chars, trigger)?;
        if let Attribution::Claimant {
            span: Some(span), ..
        } = &e.attribution
        {
            self.evidence(event_id, "attribution", 0, chars, *span)?;
        }
        Ok(event_id)
    }

    fn evidence(
        &mut self,
        event_id: i64,
        role: &str,
        position: usize,
        chars: &CharIndex<'_>,
        span: Span,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO evidence (event_id, role, position, start, end, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                event_id,
                role,
                position as i64,
                span.start as i64,
                span.end as i64,
                chars.slice(span)
            ])?;
        Ok(())
    }

    fn actor(&mut self, a: &Actor) -> Result<i64> {
        let key = format!(
            "{}|{}|{}",
            a.code.as_deref().unwrap_or(""),
            a.sector.as_deref().unwrap_or(""),
            a.text.to_lowercase()
        );
        if let Some(&id) = self
            .actor_ids
            .get(&key)
            .or_else(|| self.new_actors.get(&key))
        {
            return Ok(id);
        }
        let stored: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM actors WHERE key = ?1")?
            .query_row([&key], |r| r.get(0))
            .optional()?;
        let id = match stored {
            Some(id) => id,
            None => {
                self.tx
                    .prepare_cached(
                        "INSERT INTO actors (code, sector, name, key) VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![a.code, a.sector, a.text, key])?;
                self.tx.last_insert_rowid()
            }
        };
        self.new_actors.insert(key, id);
        Ok(id)
    }

    fn place(&mut self, p: &Place) -> Result<i64> {
        // `IS` compares NULLs as equal, so unresolved names share one row too.
        if let Some(id) = self
            .tx
            .prepare_cached("SELECT id FROM places WHERE name = ?1 AND geonames_id IS ?2")?
            .query_row(params![p.name, p.geonames_id], |r| r.get(0))
            .optional()?
        {
            return Ok(id);
        }
        self.tx
            .prepare_cached(
                "INSERT INTO places (name, geonames_id, lat, lon, country, admin1, feature)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                p.name,
                p.geonames_id,
                p.lat,
                p.lon,
                p.country,
                p.admin1,
                p.feature
            ])?;
        Ok(self.tx.last_insert_rowid())
    }
}

/// The identity of an event across near-duplicate copies of an article: type, mode, and the
/// country and sector of each source and target actor in order.
struct EventKey {
    head: String,
    sources: Vec<String>,
    targets: Vec<String>,
}

impl EventKey {
    fn new(kind: &str, mode: Option<&str>) -> Self {
        EventKey {
            head: format!("{kind}|{}", mode.unwrap_or("")),
            sources: Vec::new(),
            targets: Vec::new(),
        }
    }

    fn actor(&mut self, source: bool, code: Option<&str>, sector: Option<&str>) {
        let side = if source {
            &mut self.sources
        } else {
            &mut self.targets
        };
        side.push(format!("{}:{}", code.unwrap_or(""), sector.unwrap_or("")));
    }

    fn finish(self) -> String {
        format!(
            "{}|{}|{}",
            self.head,
            self.sources.join("+"),
            self.targets.join("+")
        )
    }
}

fn event_key(e: &Event) -> String {
    let mut key = EventKey::new(e.kind.as_str(), e.mode.as_deref());
    for (source, actors) in [(true, &e.source), (false, &e.target)] {
        for a in actors {
            key.actor(source, a.code.as_deref(), a.sector.as_deref());
        }
    }
    key.finish()
}

/// Loaded-language markers per 100 words, negated so that, as in GDELT's AvgTone, more
/// loaded language reads as more negative. A crude proxy, but one that comes with spans.
fn tone(doc: &Document) -> Option<f64> {
    let words = doc.text.split_whitespace().count();
    if words == 0 {
        return None;
    }
    Some(-100.0 * doc.framing.len() as f64 / words as f64)
}

/// The serde name of a unit enum variant (`reported`, `month`).
fn enum_str<T: serde::Serialize>(v: &T) -> Result<String> {
    Ok(match serde_json::to_value(v)? {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    })
}
