"""Whole-library backups: one file holding the database (articles, versions, pages, notes,
stories, tags, corrections, watchlist) and the settings, restorable on another machine.

- ``files``: names and listing of the backup files (their listing and rotation are shared
  with the notes backups: ``notes.backup_rotation``).
- ``archive``: the file format — a zip with a manifest, the database and the settings — written
  atomically and read back with every check a restore needs.
- ``library_backup``: ``backup_library``, ``restore_library``, the daily backup and rotation.
"""
