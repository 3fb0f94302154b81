-- Marking an article read or unread is counted too, as its own kind ('reads'): a window
-- re-reads only the rows it shows for it (unless its list is sorted or filtered by it), not
-- its whole list, so an article marked read from the command line, or opened in a second
-- window, shows as read without a restart. Setting the flag it already has counts nothing.
INSERT INTO change_counts (kind) VALUES ('reads');

CREATE TRIGGER articles_counted_read AFTER UPDATE OF read ON articles
    WHEN old.read IS NOT new.read BEGIN
    UPDATE change_counts SET count = count + 1 WHERE kind = 'reads';
END;
