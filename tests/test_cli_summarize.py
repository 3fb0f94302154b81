"""`dossier summarize` end to end: a stored article, a file, batch mode and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.library.session import open_library
from tests.cli_runner import run
from tests.summary_sample import TEXT, store_budget


def stored_article() -> int:
    with open_library(seed=False) as library:
        return store_budget(library).id


def test_summarize_stored_article_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    article_id = stored_article()
    code, out, _ = run(capsys, "summarize", str(article_id), "--sentences", "2", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["method"] == "news" and result["id"] == article_id
    assert len(result["sentences"]) == 2
    for s in result["sentences"]:
        assert TEXT[s["start"] : s["end"]] == s["text"]
        assert s.keys() == {"text", "start", "end", "rank", "score"}
    assert sorted(s["rank"] for s in result["sentences"]) == [1, 2]


def test_summarize_prints_sentences_with_ranks(capsys: pytest.CaptureFixture[str]) -> None:
    article_id = stored_article()
    code, out, _ = run(capsys, "summarize", str(article_id), "--method", "lead", "--sentences", "2")
    assert code == 0
    assert out.splitlines() == [
        "[1] The council approved the new budget on Tuesday after a long debate.",
        "[2] Spending on roads will rise by a tenth next year.",
    ]


def test_summarize_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "budget.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, _ = run(capsys, "summarize", str(path), "--method", "lexrank", "--json")
    assert code == 0
    result = json.loads(out)
    assert len(result["sentences"]) == 3
    assert all(s["text"] in TEXT for s in result["sentences"])


def test_batch_writes_one_line_per_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "in.jsonl"
    records = [{"id": "a", "text": TEXT}, {"id": "b", "text": ""}, {"id": 7, "text": "One line."}]
    batch.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "summarize", "--batch", str(batch), "--sentences", "3")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", 7]
    assert len(lines[0]["sentences"]) == 3 and lines[1]["sentences"] == []
    for s in lines[0]["sentences"]:
        assert s.keys() == {"start", "end", "text", "rank"}
        assert TEXT[s["start"] : s["end"]] == s["text"]


def test_batch_reports_bad_lines_and_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "in.jsonl"
    batch.write_text('{"id": 1, "text": "Fine here."}\nnot json\n{"id": 2}\n', encoding="utf-8")
    code, out, err = run(capsys, "summarize", "--batch", str(batch))
    assert code == 1
    assert len(out.splitlines()) == 1
    assert f"{batch}:2" in err and f"{batch}:3" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["summarize", "999"], "no article with id 999"),
        (["summarize"], "give an article id or a file"),
        (["summarize", "/no/such/file.txt"], "/no/such/file.txt"),
    ],
)
def test_user_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code != 0
    assert message in err and "Traceback" not in err


def test_bad_length_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["summarize", "1", "--sentences", "0"])
    with pytest.raises(SystemExit):
        main(["summarize", "1", "--sentences", "2", "--words", "10"])
    assert "must be at least 1" in capsys.readouterr().err


@pytest.fixture
def lexrank_takes_four(monkeypatch: pytest.MonkeyPatch) -> None:
    """LexRank's limit lowered under the five-sentence budget article."""
    from desktop.core.text.methods import lexrank

    monkeypatch.setattr(lexrank, "MAX_SENTENCES", 4)


REFUSAL = "lexrank handles up to 4 sentences; this text has 5 — use news or lead"


@pytest.mark.usefixtures("lexrank_takes_four")
def test_a_refusal_names_the_file_or_id_on_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "budget.txt"
    path.write_text(TEXT, encoding="utf-8")
    article_id = stored_article()
    for target in (str(path), str(article_id)):
        code, out, err = run(capsys, "summarize", target, "--method", "lexrank")
        assert (code, out) == (1, "")
        assert err == f"dossier: {target}: {REFUSAL}\n"


@pytest.mark.usefixtures("lexrank_takes_four")
def test_batch_reports_a_refused_record_and_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "in.jsonl"
    records = [
        {"id": "long", "text": TEXT},
        {"id": "short", "text": "Storm hits the coast. Crews restore power on the coast."},
    ]
    batch.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "summarize", "--batch", str(batch), "--method", "lexrank")
    assert code == 1
    refused, summarised = (json.loads(line) for line in out.splitlines())
    assert refused == {"id": "long", "sentences": [], "error": REFUSAL}
    assert summarised["id"] == "short" and len(summarised["sentences"]) == 2
    assert err == f"dossier: {batch}: id 'long': {REFUSAL}\n"


def test_batch_leaves_out_a_headline_repeated_as_the_first_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    headline = "Council agrees budget after long night of talks."
    text = headline + "\n\n" + TEXT
    batch = tmp_path / "in.jsonl"
    records = [
        {"id": "titled", "title": headline, "text": text},
        {"id": "untitled", "text": text},
        {"id": "odd title", "title": 5, "text": text},
    ]
    batch.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "summarize", "--batch", str(batch), "--sentences", "1")
    assert code == 0
    first = {line["id"]: line["sentences"][0]["text"] for line in map(json.loads, out.splitlines())}
    assert first["untitled"] == first["odd title"] == headline
    assert first["titled"] != headline
