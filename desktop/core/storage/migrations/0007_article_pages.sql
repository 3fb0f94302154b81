-- Where each page of a paged source (a PDF) begins in its article's text, so a passage can be
-- cited by page ("p. 12"). Deleted with the article; replaced with a new version of its text.
CREATE TABLE article_pages (
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL CHECK (number >= 1),
    start       INTEGER NOT NULL CHECK (start >= 0),
    PRIMARY KEY (article_id, number)
) WITHOUT ROWID;
