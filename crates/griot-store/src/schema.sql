-- griot store, schema version 1. Applied by `migrate.rs`; never edit a released migration,
-- add the next one instead.

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT NOT NULL,            -- a JSONL record's id, else the content hash
    content_hash TEXT NOT NULL UNIQUE,     -- BLAKE3 of the clean text: exact duplicates
    url          TEXT,
    title        TEXT,
    byline       TEXT,
    site         TEXT,
    date         TEXT,                     -- publication date as found (ISO 8601)
    language     TEXT,
    text         TEXT NOT NULL,
    tone         REAL,                     -- loaded-language markers per 100 words, negated
    framing      TEXT NOT NULL DEFAULT '[]', -- JSON list of loaded-language markers with spans
    sentences    INTEGER NOT NULL DEFAULT 0,
    sketch       BLOB,                     -- MinHash signature for near-duplicates
    duplicate_of INTEGER REFERENCES documents(id), -- near-duplicate of this earlier document
    similarity   REAL                      -- estimated Jaccard with duplicate_of
);
CREATE INDEX documents_doc_id ON documents(doc_id);
CREATE INDEX documents_date ON documents(date);

-- Every input name (file, file:line, file#record-N) that yielded a document, so no article
-- is lost and repeated sightings are kept without coding the text twice.
CREATE TABLE sightings (
    name        TEXT PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id)
);
CREATE INDEX sightings_document ON sightings(document_id);

-- Inputs left out, with the reason (the same reasons and exit codes as `griot read`).
CREATE TABLE skips (
    name      TEXT PRIMARY KEY,
    reason    TEXT NOT NULL,           -- empty, binary, too-large, no-text, language, …
    detail    TEXT NOT NULL,           -- the one-line message griot printed
    exit_code INTEGER NOT NULL
);

CREATE TABLE places (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    geonames_id INTEGER,
    lat         REAL,
    lon         REAL,
    country     TEXT,
    admin1      TEXT,
    feature     TEXT,
    UNIQUE (name, geonames_id)
);

CREATE TABLE actors (
    id     INTEGER PRIMARY KEY,
    code   TEXT,                           -- ISO alpha-3 or international code
    sector TEXT,                           -- PLOVER sector
    name   TEXT NOT NULL,                  -- the text as first seen, lower-cased key below
    key    TEXT NOT NULL UNIQUE            -- code|sector|lower(name)
);
CREATE INDEX actors_code ON actors(code, sector);

CREATE TABLE events (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents(id),
    sentence          INTEGER NOT NULL,
    type              TEXT NOT NULL,       -- PLOVER type, upper case
    mode              TEXT,
    contexts          TEXT NOT NULL DEFAULT '[]', -- JSON list
    cameo             TEXT,
    goldstein         REAL,
    quad_class        INTEGER,
    intensity         REAL,
    certainty         TEXT NOT NULL,
    negated           INTEGER NOT NULL DEFAULT 0,
    attribution       TEXT NOT NULL,       -- 'outlet' or the claimant's text
    attribution_code  TEXT,
    attribution_sector TEXT,
    place_id          INTEGER REFERENCES places(id),
    date              TEXT,                -- ISO 8601 at its precision
    date_precision    TEXT,
    rule              TEXT NOT NULL,
    trigger_text      TEXT NOT NULL,
    trigger_start     INTEGER NOT NULL,
    trigger_end       INTEGER NOT NULL
);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_type ON events(type, mode);
CREATE INDEX events_date ON events(date);

-- Source and target actors in order: compound actors are several rows, never one code.
CREATE TABLE event_actors (
    event_id   INTEGER NOT NULL REFERENCES events(id),
    role       TEXT NOT NULL CHECK (role IN ('source', 'target')),
    position   INTEGER NOT NULL,
    actor_id   INTEGER NOT NULL REFERENCES actors(id),
    text       TEXT NOT NULL,
    attributes TEXT,                       -- JSON object (ethnicity, religion, name…)
    PRIMARY KEY (event_id, role, position)
);
CREATE INDEX event_actors_actor ON event_actors(actor_id, role);

-- Character spans the event was read from: trigger, source/target actors, claimant.
CREATE TABLE evidence (
    event_id INTEGER NOT NULL REFERENCES events(id),
    role     TEXT NOT NULL,                -- trigger, source, target, attribution
    position INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (event_id, role, position)
);

-- Which documents report an event: its own, plus near-duplicates that coded the same event
-- (GDELT's NumArticles / NumSources).
CREATE TABLE event_documents (
    event_id    INTEGER NOT NULL REFERENCES events(id),
    document_id INTEGER NOT NULL REFERENCES documents(id),
    PRIMARY KEY (event_id, document_id)
);
CREATE INDEX event_documents_document ON event_documents(document_id);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='id'
);

-- One row per event with its actors flattened: what queries and flat exports read.
CREATE VIEW event_rows AS
SELECT
    e.id AS event_id,
    d.doc_id AS doc_id,
    e.document_id AS document_id,
    e.sentence,
    e.type, e.mode, e.contexts, e.cameo, e.goldstein, e.quad_class, e.intensity,
    e.certainty, e.negated, e.attribution, e.attribution_code, e.attribution_sector,
    -- group_concat over an ordered subquery rather than `group_concat(… ORDER BY …)`, which
    -- needs SQLite 3.44: the database must open in older builds (Python's sqlite3, R's RSQLite).
    (SELECT group_concat(k, '+') FROM (
        SELECT coalesce(a.code, '---') || coalesce(':' || a.sector, '') AS k
          FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
         WHERE ea.event_id = e.id AND ea.role = 'source' ORDER BY ea.position)) AS source,
    (SELECT group_concat(t, ' + ') FROM (
        SELECT ea.text AS t FROM event_actors ea
         WHERE ea.event_id = e.id AND ea.role = 'source' ORDER BY ea.position)) AS source_text,
    (SELECT group_concat(k, '+') FROM (
        SELECT coalesce(a.code, '---') || coalesce(':' || a.sector, '') AS k
          FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
         WHERE ea.event_id = e.id AND ea.role = 'target' ORDER BY ea.position)) AS target,
    (SELECT group_concat(t, ' + ') FROM (
        SELECT ea.text AS t FROM event_actors ea
         WHERE ea.event_id = e.id AND ea.role = 'target' ORDER BY ea.position)) AS target_text,
    p.name AS place, p.geonames_id, p.lat, p.lon, p.country AS place_country,
    e.date, e.date_precision,
    e.rule, e.trigger_text, e.trigger_start, e.trigger_end,
    (SELECT count(*) FROM event_documents ed WHERE ed.event_id = e.id) AS num_articles,
    (SELECT count(DISTINCT coalesce(d2.site, d2.id)) FROM event_documents ed
       JOIN documents d2 ON d2.id = ed.document_id WHERE ed.event_id = e.id) AS num_sources,
    d.url AS url, d.site AS site, d.date AS doc_date, d.title AS title
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN places p ON p.id = e.place_id;
