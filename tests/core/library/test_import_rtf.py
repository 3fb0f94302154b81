"""Rich Text Format documents import as their text, with their own title, author and date."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.importers import detect_format, read_articles
from tests.core.library.refusals import assert_refused

# As TextEdit saves a document: a headline line in bold, "\" line ends, a code page's escapes.
TEXTEDIT = r"""{\rtf1\ansi\ansicpg1252\cocoartf2761
\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss\fcharset0 Helvetica;}
{\colortbl;\red255\green255\blue255;}
{\*\expandedcolortbl;;}
\paperw11900\paperh16840\margl1440\margr1440\vieww11520\viewh8400\viewkind0
\pard\tx566\tx1133\pardirnatural\partightenfactor0

\f0\b\fs24 \cf0 Harbour bridge closed to lorries\
\b0 \
The council voted on Tuesday to close the bridge. Le caf\'e9 du port reste ouvert.\
\
Engineers found cracks \'96 two of them \'96 in its girders.}"""

# As Word and WordPad save one: document properties, Unicode escapes, a picture.
WORD = r"""{\rtf1\ansi\ansicpg1252\deff0\deflang1033{\fonttbl{\f0\fnil\fcharset0 Calibri;}}
{\info{\title Budget memo: the bridge\u8217?s repairs}{\author Maria Brandt}
{\creatim\yr2025\mo11\dy18\hr9\min30}{\revtim\yr2025\mo12\dy1\hr8\min0}}
\viewkind4\uc1\pard\sa200\sl276\slmult1\f0\fs22\lang9 The repairs will cost 2.4 million
 euros, the council\u8217?s engineer said.\par
{\pict\pngblip\picw10\pich10 89504e470d0a1a0a0000000d4948445200000001}\par
Work starts in March.\par
}"""


def saved(tmp_path: Path, text: str, name: str = "memo.rtf") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_a_textedit_document_imports_with_its_first_line_as_title(tmp_path: Path) -> None:
    (article,) = read_articles(saved(tmp_path, TEXTEDIT))
    assert article.title == "Harbour bridge closed to lorries"
    assert article.text.split("\n\n") == [
        "The council voted on Tuesday to close the bridge. Le café du port reste ouvert.",
        "Engineers found cracks – two of them – in its girders.",
    ]


def test_a_word_document_keeps_its_own_title_author_and_date(tmp_path: Path) -> None:
    (article,) = read_articles(saved(tmp_path, WORD))
    assert article.title == "Budget memo: the bridge’s repairs"
    assert article.byline == "Maria Brandt"
    assert article.published == "2025-11-18"  # created, not last revised
    assert article.text.split("\n\n") == [
        "The repairs will cost 2.4 million euros, the council’s engineer said.",
        "Work starts in March.",
    ]


# As Word saves a draft: a footnote, an endnote and a reviewer's comment in their groups.
WORD_NOTES = r"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}
{\info{\title Dam review}}\pard The ministry approved the dam{\super\chftn}{\footnote \ltrpar
\pard\plain {\super\chftn } Ministry of Water, annual report 2019, p.\~14.} after a review.\par
Repairs start in March{\*\atnid AR}{\*\atnauthor Ana Ruiz}\chatn{\*\annotation\pard\plain
{\field{\*\fldinst PAGE}}\chatn Is this date right?}{\super\chftn}{\footnote\ftnalt
\pard\plain {\super\chftn } Figures rounded to the nearest \{1,000\}.}.\par}"""


def test_notes_and_comments_follow_the_text_not_inside_it(tmp_path: Path) -> None:
    (article,) = read_articles(saved(tmp_path, WORD_NOTES))
    assert article.text.split("\n\n") == [
        "The ministry approved the dam after a review.",
        "Repairs start in March.",
        "Footnotes",
        "1. Ministry of Water, annual report 2019, p.\u00a014.",
        "Endnotes",
        "1. Figures rounded to the nearest {1,000}.",
        "Comments",
        "1. Ana Ruiz: Is this date right?",
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Just a note, not rich text.", "not a Rich Text Format document"),
        (r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\pict 8950}}", "holds no text"),
        # Raw UTF-8 in the file: a line separator, which the stored text leaves out.
        ("{\\rtf1\\ansi \u2028\t}", "holds no text"),
    ],
)
def test_a_document_without_rich_text_is_refused_with_its_reason(
    tmp_path: Path, text: str, reason: str
) -> None:
    assert_refused(saved(tmp_path, text, "broken.rtf"), reason)


def test_broken_escapes_read_as_replacement_not_as_a_failure(tmp_path: Path) -> None:
    broken = r"{\rtf1\ansi\ansicpg99999 Caf\'e9 au port, caf\'zz, \u-999999999? fin.\par}"
    (article,) = read_articles(saved(tmp_path, broken))
    assert article.text.startswith("Caf") and article.text.endswith("fin.")
    # A character past the first 65,536 comes as its two UTF-16 halves; a lone half is none.
    halves = r"{\rtf1 Smile \u-10179?\u-8704? and \u-10179? end.\par}"
    assert read_articles(saved(tmp_path, halves))[0].text == "Smile 😀 and \ufffd end."


def test_rich_text_without_a_suffix_is_known_by_its_first_bytes(tmp_path: Path) -> None:
    assert detect_format(Path("memo"), TEXTEDIT.encode()) == "rtf"
    assert read_articles(saved(tmp_path, WORD, "memo"))[0].byline == "Maria Brandt"


def test_a_skippable_mark_inside_a_paragraph_skips_nothing(tmp_path: Path) -> None:
    """StarWriter writes ``\\*`` before a style inside a paragraph's group; a reader that took
    it for a skippable destination lost the paragraph. A real destination is still skipped,
    and an escaped backslash before a star stays text."""
    text = (
        r"{\rtf1\ansi{\*\generator Writer;}"
        r"{\loch\f2\fs24\b0\*\cs7\cf0 The quick brown fox jumps over the lazy dog}\par "
        r"Paths like C:\\*.txt stay.\par}"
    )
    (article,) = read_articles(saved(tmp_path, text))
    assert "The quick brown fox jumps over the lazy dog" in f"{article.title}\n{article.text}"
    assert "C:\\*.txt" in article.text
    assert "Writer" not in article.text


def test_a_document_laid_out_in_its_header_is_read_from_it(tmp_path: Path) -> None:
    """Running headers and footers are left out of a document's text; when they are all it
    holds (a record card, a letterhead form), they are its text instead of "holds no text"."""
    path = tmp_path / "card.rtf"
    path.write_text(
        r"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\header\qc\b Animal Hospital\b0\par"
        r" Anna Smith\tab Hank, 10 years\par}{\footer Page 1\par}}"
    )
    (article,) = read_articles(path)
    assert article.title == "Animal Hospital"
    assert article.text.split("\n\n") == ["Anna Smith\tHank, 10 years"]  # no page number
    # A document with text of its own keeps leaving its header out.
    path.write_text(r"{\rtf1\ansi{\header Animal Hospital\par}The clinic closed on Friday.\par}")
    (article,) = read_articles(path)
    assert "Animal Hospital" not in article.text
