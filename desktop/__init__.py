"""Dossier: an offline desktop reader for journalists."""

__version__ = "0.1.0"
