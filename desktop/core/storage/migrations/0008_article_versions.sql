-- Every text an update replaced, so no import ever loses what a journalist already had: the
-- versions of one article are numbered from 1 in the order they were replaced, and any of them
-- can be restored (the text it replaces becomes a version in turn).
CREATE TABLE article_versions (
    article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number        INTEGER NOT NULL CHECK (number >= 1),
    title         TEXT    NOT NULL,
    byline        TEXT    NOT NULL DEFAULT '',
    source        TEXT    NOT NULL DEFAULT '',
    url           TEXT    NOT NULL DEFAULT '',
    published     TEXT    NOT NULL DEFAULT '',
    text          TEXT    NOT NULL,
    content_hash  TEXT    NOT NULL,
    words         INTEGER NOT NULL,
    replaced      TEXT    NOT NULL,
    PRIMARY KEY (article_id, number)
);
