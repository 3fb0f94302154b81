-- Summaries computed once and looked up after: keyed by the text (its content hash), the
-- method, the requested length, the language and the algorithm version, so an edited text or
-- a newer algorithm never serves a stale summary. Offsets index the article text as stored.
CREATE TABLE summaries (
    content_hash  TEXT    NOT NULL,
    method        TEXT    NOT NULL,
    length        TEXT    NOT NULL,
    language      TEXT    NOT NULL,
    algorithm     TEXT    NOT NULL,
    sentences     TEXT    NOT NULL,
    created       TEXT    NOT NULL,
    PRIMARY KEY (content_hash, method, length, language, algorithm)
) WITHOUT ROWID;
