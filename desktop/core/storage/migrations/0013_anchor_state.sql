-- How sure Dossier is of where a highlight sits, and the passage it was first written on.
--
-- ``moved`` marks a highlight placed after its article's text changed by a match that is not
-- certain (an approximate match, a copy whose surroundings disagree, one of several equally
-- good places): it is shown as "moved — please check" until the user accepts it or attaches
-- it to a new selection. ``original_quote`` is the text the user highlighted, kept as it was
-- while ``quote`` follows the passage through later versions of the article.
ALTER TABLE highlights ADD COLUMN moved INTEGER NOT NULL DEFAULT 0 CHECK (moved IN (0, 1));
ALTER TABLE highlights ADD COLUMN original_quote TEXT NOT NULL DEFAULT '';
UPDATE highlights SET original_quote = quote;
