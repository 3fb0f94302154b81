"""Hypothesis fuzzing of each importer, of notes and of search, through the core functions.

Examples per test: ``FUZZ_EXAMPLES`` (10 in `make test`; `make fuzz` sets more). Each example
runs under the suite's hang alarm, so an input that makes an importer crawl fails as a hang.
"""

from __future__ import annotations

import io
import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.library.importing import import_paths
from desktop.core.library.search_query import QueryError
from desktop.core.library.session import open_library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.core.notes.export import FORMATS, export_notes
from desktop.core.notes.importer import import_notes
from desktop.core.notes.notebook import Notebook
from desktop.core.storage.membership import UnknownStory
from tests.core.library.documents import zip_bytes
from tests.core.library.outlook_files import msg_bytes
from tests.core.library.test_import_flat_documents import WORDML, flat_opendocument
from tests.core.library.test_import_pptx import BRIEFING, presentation
from tests.core.library.test_import_saved_pages import blink_mhtml, safari_webarchive
from tests.hostile.cli import HANG_SECONDS, time_limit
from tests.hostile.conftest import fuzz_settings
from tests.hostile.hostile_files import STORY

MARKUP = [
    "<", ">", "&", ";", "&amp;", "&#", "&#x", "&#0;", "&#xD800;", "&nbsp;", "<p>", "</p>",
    "<br>", "<!--", "-->", "<![CDATA[", "]]>", "<script>", "</script>", "<style>", "<title>",
    "</title>", "<h1>", "<article>", "<meta charset=", "<?xml", "?>", "<!DOCTYPE", '"', "'", "=",
    "\n", "\r", "\t", " ", "# ", "## ", "**", "__", "_", "*", "`", "```", "~~~", "[", "](", ")",
    "![", "> ", "- ", "1. ", "|", "---", "===", "\\", "\x00", "\x0b", "\ufeff", "\u202e",
    "\u2028", "\U0001f600", "e\u0301", "WEBVTT", "-->", "00:01.000", "00:00:01,000", "<v ", "NOTE",
    "<nitf>", "</nitf>", "<body.content>", "<hl1>", "<byline>", "<newsItem>", "<inlineXML>",
]  # fmt: skip
RTF = [
    "{", "}", "\\par ", "\\line ", "\\'e9", "\\'zz", "\\u8217?", "\\u-10179?", "\\u99999999?",
    "\\ansicpg1251 ", "\\ansicpg0 ", "\\uc0 ", "\\uc9 ", "{\\*\\", "{\\pict ", "{\\info{\\title ",
    "{\\creatim\\yr2025\\mo13\\dy40}", "\\bin5 ", "\\\\", "\\{", "\\~", "\\-", "\\",
    "{\\footnote ", "{\\footnote\\ftnalt ", "{\\*\\annotation ", "{\\*\\atnauthor ", "\\chftn ",
]  # fmt: skip
DATA = Path(__file__).parents[1] / "data"
WORD_97 = DATA / "word-97"
POWERPOINT_97 = DATA / "powerpoint-97"
FTS = ['"', "*", "AND", "OR", "NOT", "NEAR(", "(", ")", ":", "^", "-", "+", "title:", "{", "}"]
ENCODINGS = ["utf-8", "utf-16", "latin-1", "cp1252", "koi8-r", "utf-8-sig"]

fragments = st.one_of(
    st.sampled_from(MARKUP), st.text(max_size=12), st.sampled_from([STORY, "council", "é"])
)
markup_text = st.lists(fragments, max_size=80).map("".join)
"""Text built of markup pieces, any Unicode and a real sentence, in any order."""


overwrites = st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)), max_size=6)
"""Up to six runs of bytes, each to be written over a file at a place (a share of its length)."""


def overwritten(data: bytes, changes: list[tuple[float, bytes]]) -> bytes:
    """``data`` with each replacement written over it at its place (a share of the length)."""
    damaged = bytearray(data)
    for where, replacement in changes:
        at = int(where * (len(damaged) - 1))
        damaged[at : at + len(replacement)] = replacement
    return bytes(damaged)


def _imports_or_names(library, path: Path) -> None:
    """Reading and storing ``path``: articles stored, or one line naming the file; no crash."""
    with time_limit(HANG_SECONDS):
        report = import_paths(library, [path])
    result, *parts = report.files
    if result.error:
        assert result.error.startswith(f"{path}: ") and "\n" not in result.error
    else:
        assert result.imported or result.duplicates or result.updated
        for article_id in result.imported:
            assert library.store.get(article_id).text.strip()
    for part in parts:  # a feed's entry of a headline only, a mailbox's message without text
        assert str(part.path).startswith(f"{path}#")
        assert (part.error or part.skipped) and "\n" not in part.error + part.skipped


@pytest.fixture
def library():
    with open_library(seed=False) as opened:
        yield opened


@pytest.mark.parametrize(
    "suffix",
    [
        ".txt",
        ".md",
        ".html",
        ".xml",
        ".mhtml",
        ".webarchive",
        ".msg",
        ".rtf",
        ".doc",
        ".ppt",
        ".vtt",
        ".bin",
    ],
)
@fuzz_settings()
@given(data=st.binary(max_size=4096))
def test_any_bytes(library, tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    _imports_or_names(library, path)


@fuzz_settings()
@given(pieces=st.lists(st.one_of(st.sampled_from(RTF), fragments), max_size=80))
def test_rich_text(library, tmp_path: Path, pieces: list[str]) -> None:
    """RTF built of control words, groups, escapes and text in any order."""
    path = tmp_path / "fuzz.rtf"
    path.write_bytes(("{\\rtf1\\ansi " + "".join(pieces)).encode("utf-8", "surrogatepass"))
    _imports_or_names(library, path)


@pytest.mark.parametrize("suffix", [".mhtml", ".webarchive", ".msg", ".doc", ".pptx", ".ppt"])
@fuzz_settings()
@given(changes=overwrites)
def test_damaged_containers(
    library, tmp_path: Path, suffix: str, changes: list[tuple[float, bytes]]
) -> None:
    """A browser's saved page, an Outlook message, an old Word file or a presentation with bytes
    overwritten anywhere: its head, a boundary, a property list's offsets, a compound file's
    sector chains, a piece table, a record's length, a persist directory, a zip's directory."""
    page = f"<html><body><article><p>{STORY}</p></article></body></html>"
    made = {
        ".mhtml": lambda: blink_mhtml(page),
        ".webarchive": lambda: safari_webarchive(page.encode()),
        ".msg": lambda: msg_bytes(subject="Budget", body=STORY, attachments={"a.txt": b"x y"}),
        ".doc": lambda: (WORD_97 / "SampleDoc.doc").read_bytes(),
        ".pptx": lambda: presentation(BRIEFING, order=[1, 0, 2], title="Bridge"),
        ".ppt": lambda: (POWERPOINT_97 / "basic_test_ppt_file.ppt").read_bytes(),
    }
    data = overwritten(made[suffix](), changes)
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    _imports_or_names(library, path)


@pytest.mark.parametrize("sample", ["tnef/quick-winmail.dat", "word-97/MarkAuthorsTable.doc"])
@fuzz_settings()
@given(changes=overwrites)
def test_damaged_wrappings_and_revision_marks(
    library, tmp_path: Path, sample: str, changes: list[tuple[float, bytes]]
) -> None:
    """Outlook's winmail.dat sent with a mail (its attributes' lengths, its property lists'
    counts) and a Word file's tracked changes (their property pages, the reviewers' table),
    with bytes overwritten anywhere."""
    data = overwritten((DATA / sample).read_bytes(), changes)
    if sample.endswith(".doc"):
        path = tmp_path / "fuzz.doc"
        path.write_bytes(data)
    else:
        message = EmailMessage()
        message["Subject"] = "Files"
        message.set_content("Attached.")
        message.add_attachment(data, "application", "ms-tnef", filename="winmail.dat")
        path = tmp_path / "fuzz.eml"
        path.write_bytes(bytes(message))
    _imports_or_names(library, path)


@pytest.mark.parametrize("suffix", [".xml", ".fodt"])
@fuzz_settings()
@given(changes=overwrites)
def test_damaged_flat_office_documents(
    library, tmp_path: Path, suffix: str, changes: list[tuple[float, bytes]]
) -> None:
    """Word 2003's XML and a flat OpenDocument text with bytes overwritten anywhere."""
    data = overwritten(
        WORDML.encode()
        if suffix == ".xml"
        else flat_opendocument(
            "application/vnd.oasis.opendocument.text",
            "<office:text><text:p>The quay reopens in May.</text:p></office:text>",
        ),
        changes,
    )
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    _imports_or_names(library, path)


@pytest.mark.parametrize(
    "suffix", [".txt", ".md", ".html", ".htm", ".vtt", ".srt", ".nitf", ".unknown"]
)
@fuzz_settings()
@given(text=markup_text, encoding=st.sampled_from(ENCODINGS))
def test_markup_text(library, tmp_path: Path, suffix: str, text: str, encoding: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(text.encode(encoding, "replace"))
    _imports_or_names(library, path)


MAIL = [
    ">", "> ", ">>", "> >", " ", "\r\n", "\n", " \r\n", "-- \r\n", "\r\n\r\n",
    "<blockquote type='cite'>", "<blockquote class='gmail_quote'>", "</blockquote>", "<p>", "</p>",
    "<div>", "</div>", "<br>", "On Mon, 2 Nov 2026, Tom wrote:",
]  # fmt: skip
MAIL_TYPES = [
    "text/plain; charset=utf-8",
    "text/plain; charset=utf-8; format=flowed",
    "text/plain; charset=utf-8; format=flowed; delsp=yes",
    "text/html; charset=utf-8",
]


@pytest.mark.parametrize("content_type", MAIL_TYPES)
@fuzz_settings()
@given(pieces=st.lists(st.one_of(st.sampled_from(MAIL), fragments), max_size=120))
def test_mail_quotes_and_flowed_lines(
    library, tmp_path: Path, content_type: str, pieces: list[str]
) -> None:
    """A reply built of quote marks at any depth, flowed and fixed lines, signatures and HTML
    quotes in any order."""
    head = f"From: Tom <tom@example.org>\r\nSubject: Re: budget\r\nContent-Type: {content_type}"
    path = tmp_path / "fuzz.eml"
    path.write_bytes(f"{head}\r\n\r\n{STORY}\r\n{''.join(pieces)}".encode("utf-8", "replace"))
    _imports_or_names(library, path)


FEED = (
    '<?xml version="1.0" encoding="{declared}"?>\n<rss version="2.0"><channel><title>{0}</title>'
    "<item><title>{0}</title><link>{1}</link><pubDate>{2}</pubDate><description>{3}</description>"
    "</item><item><title>{1}</title><description><![CDATA[{3}]]></description></item>"
    "</channel></rss>"
)
ATOM = (
    '<?xml version="1.0" encoding="{declared}"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
    '<title>{0}</title><entry><title>{0}</title><link href="{1}"/><updated>{2}</updated>'
    '<content type="html">{3}</content></entry></feed>'
)


@pytest.mark.parametrize("template", [FEED, ATOM], ids=["rss", "atom"])
@fuzz_settings()
@given(fields=st.lists(markup_text, min_size=4, max_size=4))
def test_feed_fields(library, tmp_path: Path, template: str, fields: list[str]) -> None:
    path = tmp_path / "fuzz.xml"
    path.write_bytes(template.format(*fields, declared="utf-8").encode("utf-8"))
    _imports_or_names(library, path)


@fuzz_settings()
@given(
    text=markup_text,
    declared=st.sampled_from(["Shift_JIS", "GB2312", "GB18030", "Big5", "EUC-KR", "UTF-16"]),
    actual=st.sampled_from(["shift_jis", "gb18030", "big5", "euc-kr", "utf-16-le", "utf-8"]),
)
def test_feed_declaring_a_multibyte_encoding(
    library, tmp_path: Path, text: str, declared: str, actual: str
) -> None:
    path = tmp_path / "fuzz.xml"
    path.write_bytes(FEED.format(text, "", "", STORY, declared=declared).encode(actual, "replace"))
    _imports_or_names(library, path)


@fuzz_settings()
@given(
    text=st.text(min_size=1, max_size=400).filter(str.strip),
    bounds=st.tuples(st.integers(0, 400), st.integers(1, 40)),
    note=st.text(max_size=200),
    tags=st.lists(st.text(max_size=20), max_size=4),
)
def test_notes_round_trip(
    library, tmp_path: Path, text: str, bounds: tuple[int, int], note: str, tags: list[str]
) -> None:
    """Any passage of any text (even one that cuts words, as a selection may) with any note
    and tags is stored, exported in every format, and imported back into another library
    with the note unchanged."""
    article = library.store.add(with_hash(Article(0, "Fuzz", text, "", 0, url="u"))).id
    start = bounds[0] % len(text)
    end = min(len(text), start + bounds[1])
    quote = text[start:end]
    notebook = Notebook(library.conn)
    with time_limit(HANG_SECONDS):
        highlight = notebook.add(article, start, end, note=note, tags=tags)
        assert (highlight.quote, highlight.note) == (quote, note)
        for fmt in FORMATS:
            export_notes(library.conn, fmt, io.StringIO(), article_id=article)
        exported = io.StringIO()
        export_notes(library.conn, "json", exported, article_id=article)
        for words in (note, quote):  # query syntax in a note ('(', '"') may be refused
            try:
                assert isinstance(notebook.search(words), list)
            except (QueryError, UnknownStory) as exc:
                assert "\n" not in str(exc)
    path = tmp_path / "notes.json"
    path.write_text(exported.getvalue(), encoding="utf-8")
    with open_library(library.paths, seed=False) as other:
        with time_limit(HANG_SECONDS):
            report = import_notes(other.conn, path, backup=False)
        assert not report.problems
        assert note in {h.note for h in Notebook(other.conn).iter_all()}


@fuzz_settings()
@given(
    query=st.lists(st.one_of(st.sampled_from(FTS), st.text(max_size=10)), max_size=12).map(" ".join)
)
def test_search_queries(library, query: str) -> None:
    """Any query is answered, or refused with one line (an unclosed quote, a lone OR, a date
    that is none, a story not made): never an FTS5 syntax error, in the library or the
    notebook, which read queries alike."""
    library.store.add(with_hash(Article(0, "Budget vote", STORY, "", 0, url="u")))
    with time_limit(HANG_SECONDS):
        try:
            hits = library.store.search(query)
        except (QueryError, UnknownStory) as exc:
            assert "\n" not in str(exc)
            refused = type(exc)
        else:
            assert all(h.article.id for h in hits)
            refused = None
        try:
            assert isinstance(Notebook(library.conn).search(query), list)
        except (QueryError, UnknownStory) as exc:
            assert type(exc) is refused and "\n" not in str(exc)


@fuzz_settings()
@given(payload=st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=40,
))  # fmt: skip
def test_notes_import_of_any_json(library, tmp_path: Path, payload: object) -> None:
    """Any JSON value as a notes file: imported, or refused as a ``NotesError``."""
    from desktop.core.notes.errors import NotesError

    path = tmp_path / "notes.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    try:
        with time_limit(HANG_SECONDS):
            import_notes(library.conn, path, backup=False)
    except NotesError as exc:
        assert str(path) in str(exc)


def test_notes_import_of_deeply_nested_json(library, tmp_path: Path) -> None:
    from desktop.core.notes.errors import NotesError

    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(NotesError, match=r"deep\.json"):
        import_notes(library.conn, path, backup=False)


@fuzz_settings()
@given(changes=overwrites)
def test_damaged_zip_archives(library, tmp_path: Path, changes: list[tuple[float, bytes]]) -> None:
    """A zip archive of files and of a zip inside, with bytes overwritten anywhere (its
    directory, an entry's header, flags, sizes, the zip inside): each of its files imports,
    is skipped or fails with a line naming it inside the archive."""
    inner = zip_bytes({"memo.txt": STORY, "photo.jpg": b"\xff\xd8\xff"})
    data = zip_bytes({"story.txt": STORY, "more/page.html": f"<p>{STORY}</p>", "scans.zip": inner})
    path = tmp_path / "fuzz.zip"
    path.write_bytes(overwritten(data, changes))
    with time_limit(HANG_SECONDS):
        report = import_paths(library, [path])
    for result in report.files:
        assert str(result.path).startswith(str(path))
        if result.error:
            assert result.error.startswith(f"{result.path}: ") and "\n" not in result.error
        else:
            assert result.imported or result.duplicates or result.updated or result.skipped
