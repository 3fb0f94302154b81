"""Replaces the stock nltk hook, which copies every local ``nltk_data`` folder into the bundle.

Dossier never reads NLTK data (it ships its own sentence rules), so only the files inside the
nltk package itself are kept (``VERSION`` is read at import), minus its doctest folder.
"""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("nltk", include_py_files=False, excludes=["test"])
