-- Articles and their full-text index.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    title         TEXT    NOT NULL,
    byline        TEXT    NOT NULL DEFAULT '',
    source        TEXT    NOT NULL DEFAULT '',
    url           TEXT    NOT NULL DEFAULT '',
    published     TEXT    NOT NULL DEFAULT '',
    added         TEXT    NOT NULL,
    language      TEXT    NOT NULL DEFAULT 'en',
    text          TEXT    NOT NULL,
    content_hash  TEXT    NOT NULL UNIQUE,
    words         INTEGER NOT NULL,
    read          INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    starred       INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    origin        TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX articles_added ON articles (added);
CREATE INDEX articles_published ON articles (published);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Small facts about the library itself (e.g. whether the sample articles were added).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
