"""PDF import: reflowed text, page starts for citations, and the PDFs that cannot be read."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.library.importers import UnreadableFile, read_articles
from desktop.core.library.importers.building import tidy_text
from desktop.core.library.importers.pdf import (
    clean_line,
    column_split,
    drop_running_lines,
    mend_words,
    pdf_date,
    reflow,
    without_title,
)
from desktop.core.library.importing import import_paths
from desktop.core.library.session import Library
from desktop.core.text.summarize import summarize
from desktop.selftest import pdf_bytes
from tests.cli_runner import run
from tests.core.library.documents import (
    HEADER,
    filled_form,
    long_report,
    pdf_embedding,
    pdf_report,
    pleading_paper,
    reviewed_draft,
)

OPENING = (
    "The committee found that inter-\nnational funding for regional water projects fell by a\n"
    "third in two years, a well-\nknown problem that the minister promised to fix.\n"
    "Costs rose at the same time."
)
PAGES: list[list[str] | None] = [
    [OPENING, "A second paragraph says what the report covers, from the rivers of the north"
     " to the reservoirs of the south, and why it matters now."],
    ["Page two begins a new paragraph about the dams that were never finished and the money"
     " that went missing on the way."],
    ["The left column tells of the river towns and the floods of the spring.",
     "The right column tells of the farms that lost their wells in the summer."],
    ["Page four ends mid-sentence, on a line that the next page"],
    None,  # a scanned page: an image, no text
    ["continues after the scan, so the paragraph goes on.",
     "The last paragraph of the report thanks the engineers."],
]  # fmt: skip


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return pdf_report(
        tmp_path / "water.pdf", PAGES, heading="Rivers Run Dry", columns=frozenset({3})
    )


def test_pdf_text_is_reflowed_without_running_lines_or_broken_words(report: Path) -> None:
    (article,) = read_articles(report)
    assert article.title == "Rivers Run Dry"
    assert article.byline == "Jane Doe"
    assert len(article.published) == 10
    assert HEADER not in article.text
    assert "Page 1 of 6" not in article.text and "of 6" not in article.text
    assert not article.text.startswith("Rivers Run Dry")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == (
        "The committee found that international funding for regional water projects fell by a "
        "third in two years, a well-known problem that the minister promised to fix. "
        "Costs rose at the same time."
    )
    assert paragraphs[1].startswith("A second paragraph says")
    assert "the next page continues after the scan, so the paragraph goes on." in article.text
    left = article.text.index("The left column")
    assert left < article.text.index("The right column")


def test_columns_written_line_by_line_across_the_page_are_read_one_after_the_other(
    tmp_path: Path,
) -> None:
    left = "The left column tells of the river towns and the floods of the spring. " * 12
    right = "The right column tells of the farms that lost their wells in summer. " * 12
    path = pdf_report(
        tmp_path / "rows.pdf",
        [[left.strip(), right.strip()]],
        columns=frozenset({1}),
        row_wise=True,
    )
    (article,) = read_articles(path)
    assert left.strip() + " " + right.strip() in article.text


def test_the_line_numbers_of_pleading_paper_stay_out_of_the_text(tmp_path: Path) -> None:
    """A court filing numbers its lines in the margin: read in, they stood as paragraphs of
    their own ("1", "2", …) and cut sentences at every page ("…in violation of the 28
    procurement statute")."""
    paragraphs = [
        "Plaintiff brings this action against the Ministry of Water for declaratory relief. "
        "The contract for the treatment plant was signed without a public tender, in violation "
        "of the procurement statute, and the second payment was approved by the deputy "
        "minister, whose brother-in-law directs the contractor."
        for _ in range(6)
    ]
    (article,) = read_articles(pleading_paper(tmp_path / "complaint.pdf", paragraphs))
    assert len(article.pages) == 2
    assert not any(p.strip().isdigit() for p in article.text.split("\n\n"))
    assert not re.search(r"\b(?:[1-9]|1\d|2[0-8]) (?:[A-Z]|procurement|of|the)\b", article.text)
    assert article.text.count("in violation of the procurement statute") == 6


def test_a_filled_in_forms_answers_are_read_beside_their_labels(tmp_path: Path) -> None:
    """The answers are the form's fields' values, which the text layer does not hold: they
    were lost ("Name of filer:" with no name)."""
    answers = {
        "Name of filer:": "Jane Roe",
        "Office held:": "Harbour Commissioner",
        "Gifts received:": "A week in a villa owned by Acme Shipping Ltd",
    }
    (article,) = read_articles(filled_form(tmp_path / "disclosure.pdf", answers))
    # Each row a paragraph of its own, the answer beside its label.
    assert article.text.split("\n\n")[-4:] == [
        *(f"{label} {value}" for label, value in answers.items()),
        "I declare these answers true and complete.",
    ]
    # A blank form reads as printed, in the page's own order.
    blank = dict.fromkeys(answers, "")
    (printed,) = read_articles(filled_form(tmp_path / "blank.pdf", blank))
    assert "Name of filer:" in printed.text and "Jane Roe" not in printed.text


def test_fields_outside_a_form_are_read_too(tmp_path: Path) -> None:
    """Fields whose document lists no form (no ``AcroForm``: made by tools that draw them
    alone) get no form environment; the import stopped ("page.flatten() requires prior
    pdf.init_forms()") and lost the whole document."""
    path = filled_form(tmp_path / "loose.pdf", {"Name of filer:": "Jane Roe"})
    path.write_bytes(path.read_bytes().replace(b"/AcroForm", b"/AcroFxrm"))  # same length
    (article,) = read_articles(path)
    assert "Financial disclosure statement" in article.text
    assert "Name of filer: Jane Roe" in article.text


def test_a_page_whose_words_flattening_garbles_is_read_as_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PDFium's flattening can mix up a page's fonts with its fields' (a membership form read
    "9RUQDPH\x0bQ\x0c 1DFKQDPH" for "Vorname(n) Nachname"): such a page is read from an
    untouched copy, as printed, without its answers."""
    from desktop.core.library.importers import pdf_forms

    path = filled_form(tmp_path / "form.pdf", {"Name of filer:": "Jane Roe"})
    read = pdf_forms._text
    seen: list[str] = []

    def garbled_after_flattening(page: object) -> str:
        seen.append(read(page))
        return seen[-1] if len(seen) % 2 else "\x03 9RUQDPH \x0b 1DFKQDPH Jane Roe"

    monkeypatch.setattr(pdf_forms, "_text", garbled_after_flattening)
    (article,) = read_articles(path)
    assert "Financial disclosure statement, filed under the Ethics Act." in article.text
    assert "Name of filer:" in article.text and "Jane Roe" not in article.text
    assert "9RUQDPH" not in article.text


def test_a_reviewers_comments_follow_the_text_under_their_label(tmp_path: Path) -> None:
    """Comments made in a PDF viewer are annotations, not page text: they were left out."""
    (article,) = read_articles(reviewed_draft(tmp_path / "draft.pdf"))
    assert article.text.split("\n\n") == [
        "The plant is safe, the ministry said in its report on the harbour. Repairs to the "
        "quay start in March and end before the summer.",
        "Comments",
        "1. Ana Ruiz on “The plant is safe”: It is not; see the 2019 audit.",
        "2. A reviewer: Check the date with the port.",
    ]
    assert article.pages == ((1, 0),)
    # The label keeps them out of the summary, as a Word document's comments.
    chosen = [s.text for s in summarize(article.text, sentences=3).sentences]
    assert not any("audit" in sentence or "port." in sentence for sentence in chosen)


def test_a_pdfs_embedded_files_become_articles_of_their_own(tmp_path: Path) -> None:
    """A PDF portfolio's cover page says only "click a file to view it": its documents are
    the files embedded in it, read as an e-mail's attachments are."""
    import pypdfium2 as pdfium

    cover = pdf_report(tmp_path / "cover.pdf", [["The documents of this release follow."]])
    document = pdfium.PdfDocument(cover)
    memo = "Harbour memo\n\nThe bridge closes in March for repairs to two girders."
    for name, data in (("memo.txt", memo.encode()), ("budget.xlsx", b"PK\x03\x04 sheet")):
        document.new_attachment(name).set_data(data)
    path = tmp_path / "release.pdf"
    document.save(path)
    document.close()
    package, attached = read_articles(path)
    assert package.text.endswith(  # in the order the document's list of files has them
        "Attachments:\n- budget.xlsx (not imported: a file type Dossier does not read)\n"
        "- memo.txt (imported as its own article)"
    )
    assert attached.origin == f"{path}#memo.txt"
    assert attached.title == "Harbour memo"
    assert attached.text == "The bridge closes in March for repairs to two girders."


def test_an_embedded_file_too_large_unpacked_is_listed_not_read(tmp_path: Path) -> None:
    """25 MB of zeros packs into a few kilobytes: read, it would cost as much as a file on
    disk Dossier refuses."""
    zeros = pdf_embedding(tmp_path / "packed.pdf", "zeros.txt", bytes(25 * 1024 * 1024))
    assert zeros.stat().st_size < 100_000
    (article,) = read_articles(zeros)
    assert article.text.endswith("Attachments:\n- zeros.txt (not imported: over 20 MiB unpacked)")
    small = pdf_embedding(tmp_path / "small.pdf", "memo.txt", b"The bridge closes in March.")
    _, memo = read_articles(small)
    assert memo.text == "The bridge closes in March."


def xfa_form(path: Path, *, dynamic: bool) -> Path:
    """A form in XFA with one printed page: a static form's page is its form (with fields in
    its AcroForm too); a dynamic form's (``NeedsRendering``) only asks the reader to wait."""
    page = b"BT /F1 12 Tf 72 720 Td (Please wait while the form loads.) Tj ET"
    rendering = b" /NeedsRendering true" if dynamic else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R%s /AcroForm << /Fields [] /XFA 6 0 R >> >>" % rendering,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(page), page),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length 7 >>\nstream\n<xdp/> \nendstream",
    ]
    path.write_bytes(pdf_bytes(objects))
    return path


def test_an_xfa_form_imports_without_advice_for_pdfiums_developers(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """pypdfium2 logs how to rebuild PDFium with XFA for a form in XFA, on the user's screen."""
    (article,) = read_articles(xfa_form(tmp_path / "application.pdf", dynamic=False))
    assert article.text == "Please wait while the form loads."
    assert not caplog.records
    assert "XFA" not in capfd.readouterr().err


def test_a_dynamic_xfa_form_is_refused_with_what_to_do(tmp_path: Path) -> None:
    """Its page is only Adobe's "Please wait…": stored, it would pass for the document."""
    with pytest.raises(UnreadableFile, match=r"dynamic XFA form.*print it to PDF"):
        read_articles(xfa_form(tmp_path / "i-485.pdf", dynamic=True))


def test_a_numbered_list_or_table_keeps_its_numbers(tmp_path: Path) -> None:
    """Numbers at the text's own left edge, or counting on from an earlier page, are data."""
    (article,) = read_articles(pleading_paper(tmp_path / "list.pdf", [], numbered=False))
    assert "12 Repair the 36 lamps on the north quay" in article.text
    rows = pleading_paper(tmp_path / "rows.pdf", ["Harbour lamps repaired."] * 10, first=6)
    assert "\n\n20\n\n" in read_articles(rows)[0].text


def test_column_split_needs_two_tall_columns_and_nothing_across_them() -> None:
    width, height = 600.0, 800.0
    rows = [700.0 - 14 * n for n in range(20)]
    columns = [(72, y, 280, y + 10) for y in rows] + [(320, y, 520, y + 10) for y in rows]
    header = [(72, 760, 520, 770)]  # across the page, above the columns
    split = column_split(columns + header, width, height)
    assert split is not None and 280 < split[0] <= 320
    assert split[1] < rows[-1] and split[2] > rows[0] + 10
    one_column = [(72, y, 520, y + 10) for y in rows]
    assert column_split(one_column, width, height) is None
    short_lines = [(72, y, 250 + 10 * (n % 3), y + 10) for n, y in enumerate(rows)]
    assert column_split(one_column + short_lines, width, height) is None  # ragged, not columns
    table = [(72, y, 200, y + 10) for y in rows[:4]] + [(320, y, 400, y + 10) for y in rows[:4]]
    assert column_split(one_column[4:] + table, width, height) is None  # too short to be columns
    crossed = [*columns, (72, rows[10], 520, rows[10] + 10)]  # a line runs across the gap
    assert column_split(crossed, width, height) is None


def test_pdf_keeps_where_each_page_starts(report: Path) -> None:
    (article,) = read_articles(report)
    assert [number for number, _ in article.pages] == [1, 2, 3, 4, 5, 6]
    starts = dict(article.pages)
    assert starts[1] == 0
    assert article.text[starts[2] :].startswith("Page two begins")
    assert article.text[starts[3] :].startswith("The left column")
    assert article.text[starts[4] :].startswith("Page four ends")
    assert starts[5] == starts[6]  # the scanned page holds no text
    assert article.text[starts[6] :].startswith("continues after the scan")


def test_pdf_pages_are_stored_and_shown_in_json(
    report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "import", str(report))
    assert code == 0, err
    code, out, _ = run(capsys, "list", "--json")
    (pdf,) = [a for a in json.loads(out) if a["title"] == "Rivers Run Dry"]
    code, out, _ = run(capsys, "show", str(pdf["id"]), "--json")
    shown = json.loads(out)
    assert shown["pages"][:2] == [
        {"number": 1, "start": 0},
        {"number": 2, "start": shown["text"].index("Page two begins")},
    ]
    code, out, _ = run(capsys, "show", "1", "--json")  # the seed article: no pages
    assert json.loads(out)["pages"] == []
    code, out, _ = run(capsys, "show", str(pdf["id"]))
    assert out.splitlines()[1].endswith(" words · 6 pages")


def test_pdf_pages_follow_a_new_version_and_go_with_the_article(
    empty_library: Library, report: Path
) -> None:
    library = empty_library
    (article_id,) = import_paths(library, [report]).imported
    last = [*PAGES[-1], "A new closing paragraph lists the towns that will get water first."]
    pdf_report(report, [*PAGES[:-1], last])  # a corrected edition: one paragraph longer
    (updated,) = import_paths(library, [report]).updated
    assert updated == article_id
    stored = library.store.get(article_id)
    assert stored is not None
    assert stored.text[dict(stored.pages)[6] :].endswith("the towns that will get water first.")
    library.store.delete(article_id)
    rows = library.conn.execute("SELECT count(*) FROM article_pages").fetchone()[0]
    assert rows == 0


def test_pdf_title_set_over_two_lines(tmp_path: Path) -> None:
    pages: list[list[str] | None] = [["The opening paragraph of the report, in body type."]]
    path = pdf_report(tmp_path / "x.pdf", pages, heading="Rivers Run Dry\nin the South")
    (article,) = read_articles(path)
    assert article.title == "Rivers Run Dry in the South"
    assert article.text.endswith("The opening paragraph of the report, in body type.")
    assert "South" not in article.text


def test_pdf_title_from_metadata(tmp_path: Path) -> None:
    path = pdf_report(tmp_path / "x.pdf", [["Some text on the only page of it."]], title="Budget")
    (article,) = read_articles(path)
    assert article.title == "Budget"


def test_scanned_pdf_needs_ocr(tmp_path: Path) -> None:
    path = pdf_report(tmp_path / "scan.pdf", [None, None])
    with pytest.raises(UnreadableFile) as failure:
        read_articles(path)
    assert str(failure.value) == f"{path}: has no text layer (scanned?) — run OCR first"


def test_encrypted_pdf_is_a_clear_failure(tmp_path: Path) -> None:
    path = pdf_report(tmp_path / "locked.pdf", [["Secret text."]], password="s3cret")
    with pytest.raises(UnreadableFile, match=r"encrypted \(password-protected\)"):
        read_articles(path)


def test_truncated_pdf_is_a_clear_failure(tmp_path: Path, report: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(report.read_bytes()[:2000])
    with pytest.raises(UnreadableFile, match=r"not a readable PDF \(damaged or truncated\)"):
        read_articles(path)


def test_running_lines_need_most_pages_and_page_numbers_go_anywhere() -> None:
    bodies = ["Rain fell.", "Rivers rose.", "Dams held.", "Towns dried out."]
    pages = [["Annual report 2024", body, f"- {n} -"] for n, body in enumerate(bodies, start=1)]
    pages.append(["Annual report 2024", "The end."])
    cleaned = drop_running_lines(pages)
    assert cleaned == [[body] for body in bodies] + [["The end."]]
    two = drop_running_lines([["Annual report", "Text one."], ["Annual report", "Text two."]])
    assert two == [["Text one."], ["Text two."]]  # two pages: a running line is on both
    half = drop_running_lines([["Annual report", "Text one."], ["Text two."], ["Text three."]])
    assert half[0] == ["Annual report", "Text one."]
    assert drop_running_lines([["Annual report", "Text."]]) == [["Annual report", "Text."]]


@pytest.mark.parametrize("line", ["12", "- 12 -", "Page 3 of 40", "xiv", "(iv)", "p. 7"])
def test_page_numbers_at_an_edge_go(line: str) -> None:
    assert drop_running_lines([["Text of the page.", line]]) == [["Text of the page."]]


@pytest.mark.parametrize("line", ["Civil", "Mild", "I was there.", "1984 and after"])
def test_words_at_an_edge_are_not_page_numbers(line: str) -> None:
    assert drop_running_lines([["Text of the page.", line]]) == [["Text of the page.", line]]


def test_running_heads_with_the_printed_page_number_go_but_a_chapter_heading_stays() -> None:
    """Book-style heads alternate and change per chapter; the printed number runs with the
    page, two ahead of its place in the file here."""
    words = [
        "rain",
        "wells",
        "dams",
        "towns",
        "farms",
        "rivers",
        "lakes",
        "roads",
        "bridges",
        "canals",
    ]
    pages = [["Title page"], ["Contents"]]
    for index, word in enumerate(words, start=2):
        head = f"{index - 2} The Manual" if index % 2 == 0 else f"Chapter 1: Rivers {index - 2}"
        pages.append([head, f"All about {word}.", f"More on {word}s."])
    pages[5][0] = "3 Rivers and lakes"
    cleaned = drop_running_lines(pages)
    assert cleaned[:2] == [["Title page"], ["Contents"]]
    assert cleaned[5][0] == "3 Rivers and lakes"  # the chapter's own heading, seen once
    others = cleaned[2:5] + cleaned[6:]
    assert [page[0] for page in others] == [f"All about {w}." for w in words if w != "towns"]


def test_the_title_paragraph_leaves_the_text_and_page_starts_follow() -> None:
    text = "Header\n\nThe Title\n\nBody one.\n\nBody two."
    starts = [(1, 0), (2, text.index("Body two"))]
    cut, moved = without_title(text, starts, "The Title")
    assert cut == "Header\n\nBody one.\n\nBody two."
    assert moved == [(1, 0), (2, cut.index("Body two"))]
    assert without_title(text, starts, "Body two.") == (text, starts)  # not among the first
    assert without_title("The Title", [(1, 0)], "The Title") == ("The Title", [(1, 0)])


def test_reflow_joins_lines_and_keeps_page_starts() -> None:
    long = "a line of text that runs right across the page, as body text does"
    text, starts = reflow([[long, "and ends here."], [], ["New paragraph on page three."]])
    assert text == f"{long} and ends here.\n\nNew paragraph on page three."
    assert starts == [(1, 0), (2, text.index("New")), (3, text.index("New"))]
    text, _ = reflow([[long + ".", "1.2. What it is", long + ":", "• first", "• second"]])
    assert text.split("\n\n") == [
        long + ".",
        "1.2. What it is " + long + ":",
        "• first",
        "• second",
    ]


def test_a_word_broken_across_a_page_break_is_mended(tmp_path: Path) -> None:
    pages: list[list[str] | None] = [
        [f"Opening paragraph number {n} of the first page, which runs on and on." for n in (1, 2)]
        + ["The ministry paid the inter-"],
        ["national contractors late, and a self-", "styled adviser took the blame."],
    ]
    (article,) = read_articles(pdf_report(tmp_path / "broken.pdf", pages))
    assert "paid the international contractors late, and a self-styled adviser" in article.text
    assert article.text[dict(article.pages)[2] :].startswith("national contractors")
    assert HEADER not in article.text  # two pages: the header is on both
    assert article.title == "broken"  # no title on page 1; none is taken from page 2


def test_broken_words_are_mended_and_compounds_kept() -> None:
    assert mend_words("an inter\ufffenational deal") == "an international deal"
    assert mend_words("a well\ufffeknown face") == "a well-known face"
    assert mend_words("the state\ufffement") == "the statement"
    assert mend_words("soft hyphen at the end\u00ad") == "soft hyphen at the end"


def test_lines_are_cleaned_as_stored_text_is() -> None:
    """Regression: a decomposed accent or a byte-order mark changed the text when it was
    stored, so the page starts no longer matched and the PDF was refused."""
    assert clean_line("Cafe\u0301 \ufeff owners\t protest ") == "Café owners protest"
    pages = [[clean_line("Cafe\u0301 owners\ufeff protest"), "on Monday."], ["Page two."]]
    text, starts = reflow(pages)
    assert tidy_text(text) == text and text[starts[1][1] :] == "Page two."


def test_pdf_dates() -> None:
    assert pdf_date("D:20240115093000+01'00'") == "2024-01-15"
    assert pdf_date("D:2024") == ""
    assert pdf_date("D:20241345") == ""
    assert pdf_date("garbage") == ""


@pytest.mark.slow
def test_a_300_page_report_imports_with_every_page_start(tmp_path: Path) -> None:
    """Its time is measured by `make bench ONLY=importers`, not asserted here."""
    path = long_report(tmp_path / "long.pdf", 300)
    (article,) = read_articles(path)
    assert [number for number, _ in article.pages] == list(range(1, 301))
    starts = [start for _, start in article.pages]
    assert starts == sorted(starts) and len(set(starts)) == 300
    assert all(article.text[start:].startswith("Section 1 reviews") for start in starts)


LINES = (
    st.text(alphabet="abcXY .-:•\ufffe\u00ad1", min_size=1, max_size=30)
    .map(lambda line: " ".join(line.split()))
    .filter(bool)
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(LINES, max_size=6), min_size=1, max_size=6))
def test_reflow_page_starts_always_point_at_their_page(pages: list[list[str]]) -> None:
    """Whatever the lines, each page's start lies in the text, in page order, and a page with
    text starts where its first line (mended) does."""
    text, starts = reflow(pages)
    assert [number for number, _ in starts] == list(range(1, len(pages) + 1))
    offsets = [start for _, start in starts]
    assert offsets == sorted(offsets) and all(0 <= o <= len(text) for o in offsets)
    for (_, start), lines in zip(starts, pages, strict=True):
        if lines:
            first = mend_words(lines[0])
            # a broken word joined across the break may have lost its hyphen before `start`,
            # and one broken at this line's end and joined to the next loses it here
            assert text[start:].startswith(first.removesuffix("-"))


CUT = [
    "The ministry approved the dam in 2019 after a review of its safety record by outside "
    "engineers.",
    "Engineers later found cracks in the spillway, which the operator had reported to the "
    "regulator in a letter that the ministry says it never received, although the regulator "
    "logged it and the minister's office was copied on every page of the",
]
GOES_ON = [
    "correspondence seen by this newspaper.",
    "Repairs to the spillway are due to start in March and will cost 2.4 million euros, which "
    "the operator and the region have agreed to share between them in equal parts, the "
    "ministry said.",
]
NOTES = {
    1: [
        "1 Ministry of Water, annual report 2019, p. 14.",
        "2 Letter from the operator to the regulator, 3 May 2021, held by the national archive "
        "and released under the freedom of information law after a two-year appeal.",
    ],
    2: ["3 Interview with the regional finance officer, March 2024."],
}


def test_footnotes_are_set_apart_and_a_sentence_goes_on_across_them(tmp_path: Path) -> None:
    """PDFium reads a page's footnotes between its last line and the next page's first: a
    sentence running on across the break was cut by them, glued to the first note."""
    path = pdf_report(tmp_path / "dam.pdf", [CUT, GOES_ON], title="Dam", footnotes=NOTES)
    (article,) = read_articles(path)
    paragraphs = article.text.split("\n\n")
    assert paragraphs == [
        CUT[0],
        f"{CUT[1]} {GOES_ON[0]}",
        NOTES[1][0],
        NOTES[1][1],
        GOES_ON[1],
        NOTES[2][0],
    ]
    second = dict(article.pages)[2]
    assert article.text[second:].startswith("correspondence seen by")


def test_small_print_that_is_no_note_stays_where_it_is(tmp_path: Path) -> None:
    """A table's source line in small type, and small type filling most of a page (a form),
    are the page's own text."""
    source = {1: ["Source: Ministry of Water, 2019."], 2: [f"{n} Item of the form" for n in (1, 2)]}
    pages = [CUT, ["A short page."]]
    path = pdf_report(tmp_path / "f.pdf", pages, title="Forms", footnotes=source)
    (article,) = read_articles(path)
    printed = [*CUT, "Source: Ministry of Water, 2019.", "A short page.", "1 Item of the form"]
    assert article.text.split() == " ".join([*printed, "2 Item of the form"]).split()


def test_footnotes_are_told_by_their_printed_size_where_the_font_size_is_one(
    tmp_path: Path,
) -> None:
    """pdfTeX and others set every font at size 1 and scale the text instead: the notes are
    told from the body by how tall their letters are printed."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "scaled.pdf"
    pdf = canvas.Canvas(str(path))
    pages = (
        ([*textwrap.wrap(CUT[1], 80)], NOTES[1][0]),
        (["correspondence seen by this newspaper."], ""),
    )
    for lines, note in pages:
        for n, line in enumerate(lines):
            _scaled_line(pdf, 72, 760 - 14 * n, 11, line)
        if note:
            _scaled_line(pdf, 72, 60, 7, note)
        pdf.showPage()
    pdf.save()
    (article,) = read_articles(path)
    assert article.text.split("\n\n")[-2:] == [
        f"{CUT[1]} correspondence seen by this newspaper.",
        NOTES[1][0],
    ]


def _scaled_line(pdf: object, x: float, y: float, size: float, line: str) -> None:
    pdf.saveState()  # type: ignore[attr-defined]
    pdf.translate(x, y)  # type: ignore[attr-defined]
    pdf.scale(size, size)  # type: ignore[attr-defined]
    pdf.setFont("Helvetica", 1)  # type: ignore[attr-defined]
    pdf.drawString(0, 0, line)  # type: ignore[attr-defined]
    pdf.restoreState()  # type: ignore[attr-defined]


def test_a_superscript_alone_in_the_margin_is_no_line_number(tmp_path: Path) -> None:
    """A note mark in the margin ("²") is a digit to ``str.isdigit`` but no number: the
    search for pleading paper's line numbers reads decimal digits only."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "marked.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 11)
    pdf.drawString(30, 700, "\u00b2")
    for row in range(8):
        pdf.drawString(90, 700 - 16 * row, f"The harbour board met on day {row + 1} of the strike.")
    pdf.save()
    (article,) = read_articles(path)
    assert "The harbour board met on day 8 of the strike." in article.text


def test_a_document_of_nothing_but_a_line_on_every_page_is_no_scan(tmp_path: Path) -> None:
    """Lines that recur on every page are running heads, left out; when they are all a
    document holds, it was reported as "has no text layer (scanned?)"."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "slides.pdf"
    pdf = canvas.Canvas(str(path))
    for page in range(1, 4):
        pdf.drawString(72, 700, f"Exhibit 4: Page {page}")
        pdf.showPage()
    pdf.save()
    (article,) = read_articles(path)
    assert "Exhibit 4: Page 2" in article.text


def test_a_scan_whose_text_layer_is_a_stamp_needs_ocr(tmp_path: Path) -> None:
    """A production's scanned pages carry only their Bates number and a confidentiality
    stamp as text: that is no document to read, but a scan to put through OCR."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = tmp_path / "production.pdf"
    pdf = canvas.Canvas(str(path))
    for page in range(1, 4):
        pdf.drawImage(ImageReader(Image.new("L", (300, 400), 220)), 20, 20, 555, 800)
        pdf.drawString(400, 30, f"CONFIDENTIAL ACME{page:06d}")
        pdf.showPage()
    pdf.save()
    with pytest.raises(UnreadableFile, match=r"has no text layer \(scanned\?\)"):
        read_articles(path)


def test_page_starts_follow_a_repair_of_the_whole_text() -> None:
    """The stored text is read back whole when it looks double-encoded, which may change a
    few characters the reflow left (a fuzzed or badly encoded PDF was refused outright):
    each page start stays in its paragraph, as far into it as before."""
    from desktop.core.library.importers.pdf import _moved_starts

    text = "Page one.\n\nIt goes on\n\nPage two a\u00e2\u0080\u0099b.\n\nEnd"
    stored = "Page one.\n\nIt goes on\n\nPage two a\u2019b.\n\nEnd"
    starts = [(1, 0), (2, text.index("Page two")), (3, text.index("End"))]
    moved = _moved_starts(text, stored, starts)
    assert [stored[start : start + 4] for _, start in moved] == ["Page", "Page", "End"]
    assert _moved_starts(text, stored.replace("\n\nEnd", " End"), starts) == []


def test_a_password_error_left_from_an_earlier_file_is_no_encryption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PDFium keeps its last error when a damaged file sets none: after an encrypted file, a
    damaged one (a fuzzed file of pdf.js's tests) was reported as "encrypted"."""
    import pypdfium2

    def stale_password_error(*_args: object, **_kwargs: object) -> None:
        raise pypdfium2.PdfiumError("Failed to load document", err_code=4)

    monkeypatch.setattr(pypdfium2, "PdfDocument", stale_password_error)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
    with pytest.raises(UnreadableFile, match=r"not a readable PDF \(damaged or truncated\)"):
        read_articles(damaged)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(damaged.read_bytes() + b"trailer << /Root 1 0 R /Encrypt 5 0 R >>\n")
    with pytest.raises(UnreadableFile, match="the PDF is encrypted"):
        read_articles(locked)
