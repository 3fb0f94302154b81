from __future__ import annotations

import os
from pathlib import Path

from desktop.core.printable import is_valid_text, printable


def test_undecodable_bytes_of_a_name_are_shown_as_escapes() -> None:
    name = os.fsdecode(b"/news/caf\xe9 \xff.txt")
    assert not is_valid_text(name)
    assert printable(name) == "/news/caf\\xe9 \\xff.txt"
    assert printable(Path(name)) == printable(name)
    assert printable(name).encode("utf-8")


def test_valid_text_is_unchanged_and_other_lone_surrogates_are_escaped() -> None:
    assert printable("Zürich “quoted” 東京 🙂") == "Zürich “quoted” 東京 🙂"
    assert printable("half \ud800 pair") == "half \\ud800 pair"
