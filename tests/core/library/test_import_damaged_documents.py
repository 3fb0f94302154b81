"""Damaged documents of every new format: each is imported or refused with a reason of its
own, never through the safety net's "could not be read" (an error no importer foresaw)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from desktop.core.library.importers import UnreadableFile, read_articles
from tests.core.library.documents import (
    chapter_xhtml,
    docx_bytes,
    email_message,
    epub_bytes,
    odt_bytes,
    pdf_report,
)

MUTATIONS = 40


def samples(folder: Path) -> dict[str, bytes]:
    odt = odt_bytes("<text:p>The attached minutes.</text:p>")
    mail = email_message(
        "Minutes",
        "See the minutes.",
        attachments=(("minutes.odt", odt, "application/vnd.oasis.opendocument.text"),),
    )
    stamp = b"From desk@example.org Tue Mar  5 09:30:00 2024\n"
    return {
        ".pdf": pdf_report(
            folder / "s.pdf", [["Some text of the report."], ["More."]]
        ).read_bytes(),
        ".docx": docx_bytes(title="Memo", paragraphs=("The memo's text.",)),
        ".odt": odt,
        ".epub": epub_bytes([("a.xhtml", "", chapter_xhtml("One", ["word " * 80]))], nav_labels={}),
        ".eml": bytes(mail),
        ".mbox": stamp + bytes(mail) + b"\n" + stamp + bytes(email_message("Next", "Body.")),
    }


def mutated(data: bytes, rng: random.Random) -> bytes:
    """``data`` with a few bytes changed, cut out or put in, as a bad disk or download does."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        at = rng.randrange(len(out))
        roll = rng.random()
        if roll < 0.6:
            out[at] = rng.randrange(256)
        elif roll < 0.8:
            del out[at : at + rng.randint(1, 40)]
        else:
            out[at:at] = rng.randbytes(rng.randint(1, 16))
    return bytes(out)


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".odt", ".epub", ".eml", ".mbox"])
def test_damaged_documents_are_imported_or_refused_with_a_reason(
    tmp_path: Path, suffix: str
) -> None:
    rng = random.Random(f"damaged{suffix}")
    original = samples(tmp_path)[suffix]
    unforeseen = []
    for number in range(MUTATIONS):
        path = tmp_path / f"damaged-{number}{suffix}"
        path.write_bytes(mutated(original, rng))
        try:
            read_articles(path)
        except UnreadableFile as failure:
            if failure.reason.startswith("could not be read:"):
                unforeseen.append(str(failure))
    assert unforeseen == []
