"""`dossier search` end to end: the query language, counts, pages, no matches, JSON shapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import run


@pytest.fixture
def corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    """25 budget reports (3 naming Zelensky, spelt two ways), a rally, a Chinese article."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(25):
        name = ("Zelenskyy", "Zelensky", "Zelenskiy")[n % 3] if n < 3 else "the minister"
        (folder / f"budget-{n:02d}.txt").write_text(
            f" date 2024-01-{n + 1:02d}\nBudget report {n}\n\nThe budget was debated by {name}"
            f" in session {n}.\n",
            encoding="utf-8",
        )
    (folder / "rally.txt").write_text(
        " date 2024-03-05\nTrump rally\n\nTrump spoke; Biden answered.\n", encoding="utf-8"
    )
    (folder / "taipei.txt").write_text(
        " date 2024-02-01\n台灣新聞\n\n台灣立法院今天三讀通過明年度中央政府總預算案。\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "import", str(folder))
    assert code == 0, err
    code, out, _ = run(capsys, "list", "--json", "--limit", "100")
    return {a["title"]: a["id"] for a in json.loads(out)}


def test_counts_pages_and_limits(corpus: dict[str, int], capsys) -> None:
    code, out, err = run(capsys, "search", "budget")
    assert code == 0 and err == ""
    assert out.splitlines()[-1] == "20 of 25 matches (next: --offset 20)"
    code, out, _ = run(capsys, "search", "budget", "--offset", "20")
    assert code == 0 and out.splitlines()[-1] == "21–25 of 25 matches"
    assert out.count("Budget report") == 5
    code, out, _ = run(capsys, "search", "budget", "--limit", "3")
    assert out.splitlines()[-1] == "3 of 25 matches (next: --offset 3)"


def test_json_stays_an_array_and_json_page_adds_the_totals(corpus: dict[str, int], capsys):
    code, out, _ = run(capsys, "search", "budget", "--json", "--limit", "2")
    hits = json.loads(out)
    assert code == 0 and isinstance(hits, list) and len(hits) == 2
    assert {"id", "title", "snippet", "score", "words", "length_unit"} <= hits[0].keys()
    code, out, _ = run(capsys, "search", "budget", "--json-page", "--limit", "2", "--offset", "4")
    page = json.loads(out)
    assert (page["total"], page["offset"], page["limit"]) == (25, 4, 2)
    assert len(page["results"]) == 2 and page["expansions"] == []


def test_no_matches_is_a_message_and_exit_1(corpus: dict[str, int], capsys) -> None:
    code, out, err = run(capsys, "search", "zanzibar")
    assert (code, out) == (1, "")
    assert err == 'dossier: No matches for "zanzibar"\n'
    code, out, err = run(capsys, "search", "zanzibar", "--json")
    assert (code, json.loads(out), err) == (1, [], 'dossier: No matches for "zanzibar"\n')
    code, out, err = run(capsys, "search", "budget", "--offset", "30")
    assert code == 1 and "beyond the first 30 of 25" in err


@pytest.mark.parametrize(
    "argv",
    [
        ("--json-page", "--", "-trump", "budget", "debated"),
        ("--json-page", "-trump budget debated"),
        ("--json-page", "-trump", "budget", "debated"),
        ("budget", "-trump", "debated", "--limit", "30", "--json-page"),
        ("budget", "debated", "NOT", "trump", "--json-page"),
    ],
)
def test_a_query_may_start_with_a_minus(corpus: dict[str, int], capsys, argv) -> None:
    code, out, err = run(capsys, "search", *argv)
    assert code == 0, err
    assert json.loads(out)["total"] == 25


def test_operators_filters_and_date_flags(corpus: dict[str, int], capsys) -> None:
    def titles(*argv: str) -> set[str]:
        code, out, err = run(capsys, "search", *argv, "--json", "--limit", "50")
        assert code in (0, 1), err
        return {h["title"] for h in json.loads(out)}

    seed = "As Ukrainian President Volodymyr Zelenskyy and a delegation of top European leaders…"
    assert titles("trump", "OR", "zelensky") == {
        "Trump rally", "Budget report 0", "Budget report 1", "Budget report 2", seed
    }  # fmt: skip
    assert titles("trump or biden") == set()  # lower-case "or" is a word
    assert titles("title:rally") == {"Trump rally"}
    assert titles("budget", "--after", "2024-01-24") == {"Budget report 23", "Budget report 24"}
    assert titles("budget after:2024-01-24") == {"Budget report 23", "Budget report 24"}
    assert titles("before:2024-01-02") == {"Budget report 0", "Budget report 1"}
    assert titles("--before", "2024-01-01", "--after", "2024-01-01") == {"Budget report 0"}
    assert titles("立法院") == {"台灣新聞"}
    assert titles('"budget was"', "-report") == set()


def test_expansions_are_shown(corpus: dict[str, int], capsys) -> None:
    code, out, err = run(capsys, "search", "Zelensky")
    assert code == 0
    assert out.splitlines()[-1] == "4 of 4 matches"  # and the sample article
    assert err.startswith(
        "dossier: Zelensky also found as Zelenski, Zelenskiy, Zelenskyi, Zelenskyy"
    )
    code, out, _ = run(capsys, "search", "Zelensky", "--json-page")
    (expansion,) = json.loads(out)["expansions"]
    assert expansion["term"] == "Zelensky" and "Zelenskyy" in expansion["spellings"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (('"unclosed budget',), "unbalanced quote"),
        (("OR", "budget"), "OR needs something"),
        (("budget", "OR"), "OR needs something"),
        (("budget", "--after", "last week"), "after: needs a date"),
        (("(budget",), "never closed"),
        ((), "nothing to search for"),
        (("story:Nope",), "no story named 'Nope'"),
    ],
)
def test_malformed_queries_are_one_line(corpus: dict[str, int], capsys, argv, message) -> None:
    code, out, err = run(capsys, "search", *argv)
    assert code == 1 and out == ""
    assert err.startswith("dossier: ") and message in err and err.count("\n") == 1
    assert "fts5" not in err.lower() and "Traceback" not in err


def test_chinese_articles_are_counted_in_characters(corpus: dict[str, int], capsys) -> None:
    taipei = corpus["台灣新聞"]
    code, out, _ = run(capsys, "show", str(taipei))
    assert code == 0 and out.splitlines()[1] == "2024-02-01 · 22 characters"
    code, out, _ = run(capsys, "list")
    assert code == 0
    (row,) = [line for line in out.splitlines() if "台灣新聞" in line]
    assert "    22c  台灣新聞" in row
