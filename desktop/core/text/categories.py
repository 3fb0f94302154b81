"""The entity categories, in a module of their own so storage code can check a category
without loading the tagger (numpy, the model)."""

from __future__ import annotations

CATEGORIES = ("leader", "person", "institution", "place")
