-- What changed, so a window notices the writes of another process (the command line, a second
-- window) without re-reading everything: each kind of data counts its changes, kept by the
-- triggers below in the same transaction as the change. PRAGMA data_version says only that
-- another connection committed; these counts say what — the list for an imported or edited
-- article, the notes for a note — and never fire for the entity index or cached summaries.
-- Opening an article marks it read: ``read`` is not counted, or every article opened in one
-- window would have every other window re-read its list.
CREATE TABLE change_counts (
    kind   TEXT    PRIMARY KEY,
    count  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO change_counts (kind) VALUES
    ('articles'), ('notes'), ('categories'), ('labels'), ('entities');

CREATE TRIGGER articles_counted_insert AFTER INSERT ON articles BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'articles';
END;
CREATE TRIGGER articles_counted_update
    AFTER UPDATE OF title, byline, source, url, published, text, starred, trashed
    ON articles BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'articles';
END;
CREATE TRIGGER articles_counted_delete AFTER DELETE ON articles BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'articles';
END;

CREATE TRIGGER highlights_counted_insert AFTER INSERT ON highlights BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'notes';
END;
CREATE TRIGGER highlights_counted_update AFTER UPDATE ON highlights BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'notes';
END;
CREATE TRIGGER highlights_counted_delete AFTER DELETE ON highlights BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'notes';
END;
CREATE TRIGGER categories_counted_insert AFTER INSERT ON highlight_categories BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'categories';
END;
CREATE TRIGGER categories_counted_update AFTER UPDATE ON highlight_categories BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'categories';
END;
CREATE TRIGGER categories_counted_delete AFTER DELETE ON highlight_categories BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'categories';
END;

CREATE TRIGGER stories_counted_insert AFTER INSERT ON stories BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'labels';
END;
CREATE TRIGGER stories_counted_update AFTER UPDATE ON stories BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'labels';
END;
CREATE TRIGGER stories_counted_delete AFTER DELETE ON stories BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'labels';
END;
CREATE TRIGGER story_articles_counted_insert AFTER INSERT ON story_articles BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'labels';
END;
CREATE TRIGGER story_articles_counted_delete AFTER DELETE ON story_articles BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'labels';
END;
CREATE TRIGGER article_tags_counted_insert AFTER INSERT ON article_tags BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'labels';
END;
CREATE TRIGGER article_tags_counted_delete AFTER DELETE ON article_tags BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'labels';
END;

CREATE TRIGGER corrections_counted_insert AFTER INSERT ON entity_corrections BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'entities';
END;
CREATE TRIGGER corrections_counted_update AFTER UPDATE ON entity_corrections BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'entities';
END;
CREATE TRIGGER corrections_counted_delete AFTER DELETE ON entity_corrections BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'entities';
END;
CREATE TRIGGER watch_items_counted_insert AFTER INSERT ON watch_items BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'entities';
END;
CREATE TRIGGER watch_items_counted_update AFTER UPDATE ON watch_items BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'entities';
END;
CREATE TRIGGER watch_items_counted_delete AFTER DELETE ON watch_items BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'entities';
END;
