"""Importers hand hard-wrapped text over as paragraphs: a Gutenberg-style book, a plain-text
e-mail, a blog page whose paragraphs keep the author's line breaks."""

from __future__ import annotations

from pathlib import Path

from desktop.core.library.importers import read_articles
from desktop.core.text.summarize import summarize
from tests.core.library.documents import email_message
from tests.core.text.test_wrapped_lines import BOOK, BOOK_JOINED

MAIL_BODY = """\
Hi desk,

I read the minutes of the planning committee last night and there are
three things worth a story before the vote on Thursday, starting with
the harbour contract.

> Could you check whether the harbour contract was ever put out to
> tender? The council's own rules say it must be above 50,000 euros.

Best,
Jane
"""

BLOG = """\
<!DOCTYPE html><html><head><title>Harbour master shares storm photographs</title></head>
<body><div class="post-body"><div style="text-align: justify;"><span>Photographs
 which were shared online this week and are being passed around widely,
show the harbour master, Greta Olsen, standing on the flooded quay in her
rubber boots.  <br></span></div>
<div><span>The harbour master, who in 2012 was named sailor of the year by the
Northport Yacht Club, has posted more pictures of the storm damage on
her own page since Sunday, along with a warning to owners of small boats.
<br></span></div>
<div><span>She said the quay would stay closed until engineers had checked
the sea wall, which was damaged in two places during the night.<br></span></div>
</div></body></html>
"""


def test_a_hard_wrapped_book_imports_as_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "harbour-book.txt"
    path.write_text("The Harbour Book\n\n" + BOOK + "\n", encoding="utf-8")
    (article,) = read_articles(path)
    assert article.title == "The Harbour Book"
    assert article.text == BOOK_JOINED


def test_a_wrapped_mail_joins_its_lines_and_its_quotes_and_keeps_the_signature(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tip.eml"
    path.write_bytes(bytes(email_message("Planning committee", MAIL_BODY)))
    (article,) = read_articles(path)
    assert article.text.split("\n\n") == [
        "Hi desk,",
        "I read the minutes of the planning committee last night and there are three things "
        "worth a story before the vote on Thursday, starting with the harbour contract.",
        "> Could you check whether the harbour contract was ever put out to tender? The "
        "council's own rules say it must be above 50,000 euros.",  # joined inside its marks
        "Best,\nJane",
    ]


def test_a_page_that_keeps_its_authors_line_breaks_summarises_in_whole_sentences(
    tmp_path: Path,
) -> None:
    path = tmp_path / "storm.html"
    path.write_text(BLOG, encoding="utf-8")
    (article,) = read_articles(path)
    assert article.text.startswith(
        "Photographs which were shared online this week and are being passed around widely, "
        "show the harbour master, Greta Olsen, standing on the flooded quay in her rubber boots."
    )
    summary = summarize(article.text, "news", sentences=3, title=article.title)
    assert summary.sentences
    for sentence in summary.sentences:
        assert sentence.text[0].isupper() and sentence.text.endswith("."), sentence.text
