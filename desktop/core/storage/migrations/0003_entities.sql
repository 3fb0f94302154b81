-- Entities and key terms found in each article (the index), and the user's own corrections
-- and watchlist. Mentions are stored as the recogniser found them; corrections are applied
-- when they are read, so a correction reaches every article at once without re-indexing.
CREATE TABLE entity_mentions (
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    category     TEXT    NOT NULL,
    canonical    TEXT    NOT NULL,
    role         TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, start_offset)
) WITHOUT ROWID;

CREATE INDEX entity_mentions_canonical ON entity_mentions (canonical);

CREATE TABLE article_terms (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    rank       INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    score      REAL    NOT NULL,
    spans      TEXT    NOT NULL,  -- JSON [[start, end], ...]
    PRIMARY KEY (article_id, rank)
) WITHOUT ROWID;

-- Which articles are indexed, from which text and with which version of the recogniser.
CREATE TABLE entity_index_state (
    article_id   INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    content_hash TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    indexed_at   TEXT    NOT NULL
);

-- In how many indexed articles each lower-cased word occurs: the library's background for
-- key terms.
CREATE TABLE term_document_frequency (
    word      TEXT    PRIMARY KEY,
    documents INTEGER NOT NULL
) WITHOUT ROWID;

-- One row per name the user corrected: a new name (rename or merge into another entity),
-- a new category, or "not an entity".
CREATE TABLE entity_corrections (
    canonical  TEXT    PRIMARY KEY,
    new_name   TEXT,
    category   TEXT CHECK (category IN ('leader', 'person', 'institution', 'place')),
    not_entity INTEGER NOT NULL DEFAULT 0 CHECK (not_entity IN (0, 1)),
    updated    TEXT    NOT NULL
);

CREATE TABLE watch_items (
    id       INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    category TEXT    NOT NULL
             CHECK (category IN ('leader', 'person', 'institution', 'place', 'term')),
    aliases  TEXT    NOT NULL DEFAULT '[]',  -- JSON array of other spellings
    created  TEXT    NOT NULL
);
