-- The article a highlight was written on, kept for a highlight restored from a backup whose
-- article is not in this library (its article_id is then 0, never an old id that a later
-- import could give to another article). Importing an article with this text (content hash)
-- or URL re-attaches the highlight to it.
CREATE TABLE detached_highlights (
    highlight_id  TEXT PRIMARY KEY REFERENCES highlights (id) ON DELETE CASCADE,
    content_hash  TEXT NOT NULL,
    url           TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE INDEX detached_highlights_hash ON detached_highlights (content_hash);
CREATE INDEX detached_highlights_url ON detached_highlights (url) WHERE url <> '';
