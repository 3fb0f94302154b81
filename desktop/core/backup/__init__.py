"""Whole-library backups: one file holding the database (articles, versions, pages, notes,
stories, tags, corrections, watchlist) and the settings, restorable on another machine.

- ``files``: names and listing of the backup files (standard library only, so the message of a
  damaged library can name the newest one without loading anything else).
- ``archive``: the file format — a zip with a manifest, the database and the settings — written
  atomically and read back with every check a restore needs.
- ``library_backup``: ``backup_library``, ``restore_library``, the daily backup and rotation.
"""
