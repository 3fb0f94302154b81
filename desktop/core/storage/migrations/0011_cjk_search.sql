-- Chinese, Japanese and Korean text has no spaces between words, so the word index holds a
-- whole sentence as one token: "立法院" inside "台灣立法院今天" was never found. A trigram
-- index of the articles holding such characters (only they: trigrams of all English text would
-- triple the library's size) finds any run of three or more characters; shorter runs are
-- looked for in the articles it holds.
CREATE VIRTUAL TABLE articles_trigram USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'trigram'
);

-- Whether the title or text holds such characters (``text/cjk.py``): 1 or 0, written by the
-- store with every text. The articles stored before are only marked when they hold such
-- characters, by ``cjk_check`` (the background indexer, or a search for such characters),
-- which reads the ids recorded here: scanning a large library now would hold up the first
-- start after the upgrade for seconds, and writing a mark on every row would rewrite it.
ALTER TABLE articles ADD COLUMN cjk INTEGER CHECK (cjk IN (0, 1));

INSERT INTO meta (key, value) SELECT 'cjk_check_from', min(id) FROM articles HAVING count(*);
INSERT INTO meta (key, value) SELECT 'cjk_check_to', max(id) FROM articles HAVING count(*);

-- How ``words`` counts: 'words', or 'characters' for Chinese and Japanese text.
ALTER TABLE articles ADD COLUMN length_unit TEXT NOT NULL DEFAULT 'words';

CREATE TRIGGER articles_trigram_insert AFTER INSERT ON articles
    WHEN new.cjk = 1 AND new.trashed = '' BEGIN
    INSERT INTO articles_trigram (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_trigram_delete AFTER DELETE ON articles
    WHEN old.cjk = 1 AND old.trashed = '' BEGIN
    INSERT INTO articles_trigram (articles_trigram, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

-- One trigger for both halves of an edit (or of a first check), so the old entry always goes
-- before the new one comes.
CREATE TRIGGER articles_trigram_update AFTER UPDATE OF title, text, cjk ON articles
    WHEN old.trashed = '' AND new.trashed = '' BEGIN
    INSERT INTO articles_trigram (articles_trigram, rowid, title, text)
        SELECT 'delete', old.id, old.title, old.text WHERE old.cjk = 1;
    INSERT INTO articles_trigram (rowid, title, text)
        SELECT new.id, new.title, new.text WHERE new.cjk = 1;
END;

CREATE TRIGGER articles_trigram_trash AFTER UPDATE OF trashed ON articles
    WHEN old.trashed = '' AND new.trashed <> '' AND old.cjk = 1 BEGIN
    INSERT INTO articles_trigram (articles_trigram, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_trigram_restore AFTER UPDATE OF trashed ON articles
    WHEN old.trashed <> '' AND new.trashed = '' AND new.cjk = 1 BEGIN
    INSERT INTO articles_trigram (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
