"""Writers' profiles shown beside a story are not its first or last paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.importers import read_articles
from desktop.core.library.importers.writer_bios import without_writer_bios

STORY = [
    "The council closed the old harbour bridge to lorries after engineers found cracks in "
    "its deck on Monday.",
    "Drivers of heavy goods vehicles face a detour of eleven miles through the town centre "
    "until repairs are finished next spring.",
]


@pytest.mark.parametrize(
    ("byline", "before", "after"),
    [
        ("Jane Doe", [], ["Jane Doe is a health reporter for the Gazette."]),
        (  # two writers, each with a profile at the end
            "Manoj Jain; Jagpreet Chhatwal",
            [],
            [
                "Manoj Jain is adjunct faculty at Emory University.",
                "Jagpreet Chhatwal is an Associate Professor of Radiology.",
            ],
        ),
        (  # under the byline, before the story
            "Houston Mitchell",
            ["Houston Mitchell is an assistant sports editor and writes the newsletter."],
            [],
        ),
        ("Ana García and Tom Berg", [], ["Tom Berg covers transport from the London office."]),
        (  # at the end: called by one name, and opening with the full name whatever follows
            "Lance Roe",
            [],
            [
                "A 38-year industry veteran and award-winning journalist, Lance has covered "
                "technology since PCs were the size of suitcases. He edited two magazines.",
                "Lance Roe makes frequent appearances on national and local news programmes.",
            ],
        ),
        ("Dawn Weller", [], ["Dawn is a mother of eight who lives with a camera in one hand."]),
        ("Kate B. Marsh", [], ["A keen sailor, Marsh has written about ports for a decade."]),
    ],
)
def test_a_writers_profile_at_either_end_goes(
    byline: str, before: list[str], after: list[str]
) -> None:
    text = "\n\n".join([*before, *STORY, *after])
    assert without_writer_bios(text, byline) == "\n\n".join(STORY)


@pytest.mark.parametrize(
    ("byline", "text"),
    [
        # The same words inside the story: a story about its writer.
        ("Jane Doe", "\n\n".join([STORY[0], "Jane Doe is a health reporter.", STORY[1]])),
        # Someone the byline does not name: a person the story is about.
        ("Jane Doe", "\n\n".join([*STORY, "John Smith is a retired engineer."])),
        # A one-word byline is no full name to look for.
        ("Reuters", "\n\n".join([*STORY, "Reuters is a news agency."])),
        # A long paragraph is the story's, whoever it opens with.
        ("Jane Doe", "\n\n".join([*STORY, "Jane Doe is " + "really " * 130 + "tired."])),
        # The story's Sarah, who shares the writer's first name, and its writer's name after
        # the first sentence.
        ("Sarah Jones", "\n\n".join([*STORY, "Sarah is now back home, her mother said."])),
        ("Jane Doe", "\n\n".join([*STORY, "It reopens in May. Jane has covered it for years."])),
        # Only a closing paragraph is taken by one name.
        ("Dawn Weller", "\n\n".join(["Dawn is a mother of eight.", *STORY])),
        # A text of one paragraph keeps it.
        ("Jane Doe", "Jane Doe is a health reporter for the Gazette."),
    ],
)
def test_other_paragraphs_stay(byline: str, text: str) -> None:
    assert without_writer_bios(text, byline) == text


def test_a_saved_page_loses_its_writers_profile(tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY * 3)
    page.write_text(
        "<html><head><title>Harbour bridge closed to lorries</title>"
        '<meta name="author" content="Jane Doe"></head><body><article>'
        f"<h1>Harbour bridge closed to lorries</h1>{paragraphs}"
        "<p><i>Jane Doe is adjunct faculty at the Harbour Institute and an engineer based in "
        "Leith.</i></p></article></body></html>",
        encoding="utf-8",
    )
    article = read_articles(page)[0]
    assert article.byline == "Jane Doe"
    assert "adjunct faculty" not in article.text
    assert article.text.endswith(STORY[1])
