"""Highlights and their notes: the data a journalist must never lose. Headless; the window and
the ``dossier notes`` commands call the same functions.

- ``notebook.Notebook(conn)``: add / add_quote / get / update / delete / undelete / reattach /
  put, for_article, orphans, search, iter_all, count_by_article, tags, categories.
- ``history.NoteHistory(notebook)``: undo and redo of create, edit, delete and re-attach.
- ``anchoring``: ``reanchor(highlight, new_text, digest)`` (pure) and
  ``reanchor_article(conn, article_id, new_text, digest)``; changing an article's text is
  ``library.updating.replace_text``, which calls it in the same transaction.
- ``export.export_notes(conn, fmt, out, …)`` (md, csv, W3C Web Annotation json) and
  ``importer.import_notes(conn, path)`` (the json back, without duplicates).
- ``backups``: ``backup_after_write`` (after every saved change), ``backup_if_due`` (daily),
  ``create_backup``, ``list_backups``, ``restore_backup``; ``backup_rotation`` decides which
  old ones go (never a note's last copy).
- ``recovery.restore_notes(paths, backup)``: restore without opening the library first,
  setting a damaged library aside; ``detached``: restored notes whose article is missing, and
  their re-attachment when it is imported.
- ``errors``: the typed, user-fixable problems (all ``NotesError``).
"""
