-- Chinese, Japanese and Korean text has no spaces between words, so the word index holds a
-- whole sentence as one token: "立法院" inside "台灣立法院今天" was never found. A trigram
-- index of the articles holding such characters (only they: trigrams of all English text would
-- triple the library's size) finds any run of three or more characters; shorter runs are
-- looked for in the articles it holds. The character class is ``text/cjk.py``'s CJK_CLASS.
CREATE VIRTUAL TABLE articles_trigram USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'trigram'
);

INSERT INTO articles_trigram (rowid, title, text)
    SELECT id, title, text FROM articles
    WHERE trashed = '' AND (title GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*'
        OR text GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*');

CREATE TRIGGER articles_trigram_insert AFTER INSERT ON articles
    WHEN new.trashed = '' AND (new.title GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*'
        OR new.text GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*') BEGIN
    INSERT INTO articles_trigram (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_trigram_delete AFTER DELETE ON articles
    WHEN old.trashed = '' AND (old.title GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*'
        OR old.text GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*') BEGIN
    INSERT INTO articles_trigram (articles_trigram, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

-- One trigger for both halves of an edit, so the old entry always goes before the new comes.
CREATE TRIGGER articles_trigram_update AFTER UPDATE OF title, text ON articles
    WHEN old.trashed = '' AND new.trashed = '' BEGIN
    INSERT INTO articles_trigram (articles_trigram, rowid, title, text)
        SELECT 'delete', old.id, old.title, old.text
        WHERE old.title GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*'
            OR old.text GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*';
    INSERT INTO articles_trigram (rowid, title, text)
        SELECT new.id, new.title, new.text
        WHERE new.title GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*'
            OR new.text GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*';
END;

CREATE TRIGGER articles_trigram_trash AFTER UPDATE OF trashed ON articles
    WHEN old.trashed = '' AND new.trashed <> '' AND (old.title GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*'
        OR old.text GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*') BEGIN
    INSERT INTO articles_trigram (articles_trigram, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_trigram_restore AFTER UPDATE OF trashed ON articles
    WHEN old.trashed <> '' AND new.trashed = '' AND (new.title GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*'
        OR new.text GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*') BEGIN
    INSERT INTO articles_trigram (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- How ``words`` counts: 'words', or 'characters' for Chinese and Japanese text. Articles
-- holding such characters are recounted by the background indexer ('' until then).
ALTER TABLE articles ADD COLUMN length_unit TEXT NOT NULL DEFAULT 'words';

UPDATE articles SET length_unit = '' WHERE rowid IN (SELECT rowid FROM articles_trigram_docsize);

CREATE INDEX articles_length_pending ON articles (id) WHERE length_unit = '';
