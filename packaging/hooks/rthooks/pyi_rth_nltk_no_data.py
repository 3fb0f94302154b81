"""Stands in for PyInstaller's nltk run-time hook, on purpose empty.

The stock hook imports nltk when the bundle starts, only to point it at a bundled nltk_data
folder. Dossier ships no nltk_data and reads none, and importing nltk there would cost the
window a few hundred milliseconds before its first paint (the app loads nltk in the background).
"""
