-- Articles the user deleted wait in the trash (``trashed`` is when, '' for a live article)
-- until it is emptied: the row stays, so its id, notes, stories and tags come back on restore.
-- A trashed article leaves the search index, so no query can find it; the triggers below keep
-- the index in step and never remove an article that is not in it.
ALTER TABLE articles ADD COLUMN trashed TEXT NOT NULL DEFAULT '';
-- The metadata fields (title, byline, source, published, url) the user edited, as a JSON
-- array: a re-import of the same document keeps the user's values for them.
ALTER TABLE articles ADD COLUMN edited TEXT NOT NULL DEFAULT '[]';
-- Only the few trashed articles: the trash and the notes' filter read it, while lists of the
-- library keep walking their sort index (an index on every row's flag would tempt the planner
-- away from it and sort 100,000 rows).
CREATE INDEX articles_trashed ON articles (id) WHERE trashed <> '';

DROP TRIGGER articles_fts_delete;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles WHEN old.trashed = '' BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

DROP TRIGGER articles_fts_update;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
    WHEN old.trashed = '' AND new.trashed = '' BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_fts_trash AFTER UPDATE OF trashed ON articles
    WHEN old.trashed = '' AND new.trashed <> '' BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_fts_restore AFTER UPDATE OF trashed ON articles
    WHEN old.trashed <> '' AND new.trashed = '' BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Stories: named collections of articles; an article can be in several.
CREATE TABLE stories (
    id       INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    created  TEXT    NOT NULL
);

CREATE TABLE story_articles (
    story_id    INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, article_id)
) WITHOUT ROWID;

CREATE INDEX story_articles_article ON story_articles (article_id);

-- Tags on articles (the user's, and a feed's categories), one row each so a filter is an
-- index lookup.
CREATE TABLE article_tags (
    tag         TEXT    NOT NULL COLLATE NOCASE,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (tag, article_id)
) WITHOUT ROWID;

CREATE INDEX article_tags_article ON article_tags (article_id);
