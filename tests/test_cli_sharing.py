"""``dossier cite`` and ``dossier export`` end to end, on the sample article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_runner import run


def _seed(capsys: pytest.CaptureFixture[str]) -> str:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    return str(json.loads(out)[0]["id"])


def test_cite_a_quote_a_highlight_and_the_article(capsys: pytest.CaptureFixture[str]) -> None:
    seed = _seed(capsys)
    code, out, _ = run(capsys, "cite", seed, "--quote", "security\n guarantees")
    assert code == 0
    assert out.startswith("“security guarantees”\n— “As Ukrainian President")
    assert "Dossier sample, 18 August 2025." in out
    code, out, _ = run(capsys, "notes", "add", seed, "--quote", "two key issues")
    highlight = json.loads(out)["id"]
    code, out, _ = run(capsys, "cite", seed, "--highlight", highlight, "--style", "apa")
    assert code == 0 and out.startswith("“two key issues” (“As Ukrainian President")
    assert ", 2025)\n\n" in out
    code, out, _ = run(capsys, "cite", seed, "--style", "markdown")
    assert code == 0 and out.startswith("*As Ukrainian President") and "\n" not in out.strip()


def test_cite_failures_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    seed = _seed(capsys)
    code, _, err = run(capsys, "cite", seed, "--quote", "words not there")
    assert code == 1 and err.startswith(f"dossier: cannot cite article {seed}: quote not found")
    code, _, err = run(capsys, "cite", seed, "--highlight", "nope")
    assert code == 1 and "no highlight with id nope" in err
    code, _, err = run(capsys, "cite", "999")
    assert code == 1 and "no article with id 999" in err
    with pytest.raises(SystemExit):
        run(capsys, "cite", seed, "--quote", "a", "--highlight", "b")


def test_export_writes_markdown_and_html(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    seed = _seed(capsys)
    run(capsys, "notes", "add", seed, "--quote", "two key issues", "--note", "<b>why</b>")
    code, out, _ = run(capsys, "export", seed)
    assert code == 0 and "==two key issues==[^1]" in out and "\\<b\\>why\\</b\\>" in out
    target = tmp_path / "article.html"
    code, out, _ = run(capsys, "export", seed, "--format", "html", "-o", str(target))
    assert code == 0 and out == ""
    page = target.read_text(encoding="utf-8")
    assert ">two key issues</mark>" in page and "&lt;b&gt;why&lt;/b&gt;" in page
    code, _, err = run(capsys, "export", seed, "-o", str(tmp_path / "missing" / "a.md"))
    assert code == 1 and "a.md: cannot write export" in err
    code, _, err = run(capsys, "export", "999")
    assert code == 1 and "no article with id 999" in err
