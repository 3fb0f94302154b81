-- Every article was stored as English whatever its language. An empty language means "not
-- detected yet": the background indexer (and opening the article) detects and stores it.
UPDATE articles SET language = '';

CREATE INDEX articles_language_pending ON articles (id) WHERE language = '';
