"""File names and arguments as text that SQLite, JSON and any terminal accept.

On Linux a file name is bytes; Python hands the ones that are not UTF-8 over as lone surrogates
(``surrogateescape``), which no UTF-8 encoder takes. The name keeps working as a path; wherever
it is shown or stored as text, it goes through ``printable`` first.
"""

from __future__ import annotations

import os


def printable(value: str | os.PathLike[str]) -> str:
    """``value`` as valid Unicode: each byte that was not UTF-8 shown as ``\\xff``, any other
    lone surrogate as ``\\udc80``; the same name always gives the same text."""
    text = os.fspath(value)
    if is_valid_text(text):
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that never was a byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def is_valid_text(text: str) -> bool:
    """Whether ``text`` can be encoded as UTF-8: false when it holds a lone surrogate."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
