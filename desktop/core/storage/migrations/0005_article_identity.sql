-- An imported article whose text changed is looked up by its URL, else by where it came from
-- (file path, or feed path#entry), so a re-import updates it in place: one lookup per article.
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_origin ON articles (origin);
