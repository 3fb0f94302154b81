-- Highlights, their notes and categories, with a full-text index for the notebook.

-- A category is referred to by its style name; label and colours are the user's to change.
CREATE TABLE highlight_categories (
    name      TEXT    PRIMARY KEY,
    label     TEXT    NOT NULL,
    light     TEXT    NOT NULL,
    dark      TEXT    NOT NULL,
    builtin   INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    position  INTEGER NOT NULL DEFAULT 0
);

INSERT INTO highlight_categories (name, label, light, dark, builtin, position) VALUES
    ('key-fact',     'Key fact',     '#fff3a3', '#6b5d00', 1, 0),
    ('quote-to-use', 'Quote to use', '#c8f0c8', '#1f5a2a', 1, 1),
    ('to-verify',    'To verify',    '#ffd8a8', '#7a4100', 1, 2),
    ('disagree',     'Disagree',     '#f7c6d0', '#7a2136', 1, 3);

-- No foreign key to articles on purpose: a note outlives the article it was written on
-- (it is then listed as an orphan) instead of blocking or cascading a delete.
CREATE TABLE highlights (
    seq           INTEGER PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    article_id    INTEGER NOT NULL,
    start         INTEGER NOT NULL CHECK (start >= 0),
    "end"         INTEGER NOT NULL CHECK ("end" >= start),
    quote         TEXT    NOT NULL,
    prefix        TEXT    NOT NULL DEFAULT '',
    suffix        TEXT    NOT NULL DEFAULT '',
    content_hash  TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    note          TEXT    NOT NULL DEFAULT '',
    tags          TEXT    NOT NULL DEFAULT '[]',
    created       TEXT    NOT NULL,
    modified      TEXT    NOT NULL,
    orphan        INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
    deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
);

CREATE INDEX highlights_article ON highlights (article_id, start);
CREATE INDEX highlights_created ON highlights (created);
-- Ordered by seq within a category, so "newest first" in one category needs no sort.
CREATE INDEX highlights_category ON highlights (category);

-- One row per tag so filtering by tag is an index lookup, not a scan of JSON.
CREATE TABLE highlight_tags (
    tag  TEXT    NOT NULL COLLATE NOCASE,
    seq  INTEGER NOT NULL REFERENCES highlights (seq) ON DELETE CASCADE,
    PRIMARY KEY (tag, seq)
) WITHOUT ROWID;

CREATE INDEX highlight_tags_seq ON highlight_tags (seq);

CREATE VIRTUAL TABLE highlights_fts USING fts5 (
    quote, note, tags,
    content = 'highlights', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN
    INSERT INTO highlights_fts (rowid, quote, note, tags)
        VALUES (new.seq, new.quote, new.note, new.tags);
END;

CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN
    INSERT INTO highlights_fts (highlights_fts, rowid, quote, note, tags)
        VALUES ('delete', old.seq, old.quote, old.note, old.tags);
END;

CREATE TRIGGER highlights_fts_update AFTER UPDATE OF quote, note, tags ON highlights BEGIN
    INSERT INTO highlights_fts (highlights_fts, rowid, quote, note, tags)
        VALUES ('delete', old.seq, old.quote, old.note, old.tags);
    INSERT INTO highlights_fts (rowid, quote, note, tags)
        VALUES (new.seq, new.quote, new.note, new.tags);
END;
