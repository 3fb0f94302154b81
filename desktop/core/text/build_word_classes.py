"""Write ``resources/keyterms/word-classes-en.tsv``: how often English uses each word form as a
noun, a verb, an adjective or an adverb, for telling a clause ("officer shouts") from a noun
phrase ("price hikes") in key terms.

Run by a maintainer, never at run time or in CI:

    python -m desktop.core.text.build_word_classes /path/to/UD_English-EWT/repo

The counts come from the Universal Dependencies English Web Treebank (CC BY-SA 4.0), read from
a bare git snapshot at ``COMMIT``: the per-document CoNLL-U files under
``not-to-release/sources/`` (all of train, dev and test, about 254,000 words). A rerun on the
same commit writes the same file. One line per lower-cased word form seen at least ``MIN_SEEN``
times: ``word<TAB>noun<TAB>verb<TAB>adjective<TAB>adverb<TAB>other<TAB>past``, where ``past`` counts
the verb uses in the past tense or as a past participle ("saw", "born"). Proper-noun tags are
left out: a common word written as a name ("Charge") says nothing about its ordinary use.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "resources" / "keyterms" / "word-classes-en.tsv"
COMMIT = "15d613d8447b3478787d4c278730a1e48a945efb"  # UD_English-EWT, 2025-05-10
SOURCES = "not-to-release/sources/"
MIN_SEEN = 2
COLUMNS = ("noun", "verb", "adjective", "adverb", "other", "past")
_CLASS = {"NOUN": 0, "NUM": 0, "VERB": 1, "AUX": 1, "ADJ": 2, "ADV": 3}
_OTHER = 4
_PAST = 5  # of the verb uses, those in the past tense or a past participle ("saw", "born")


def count_classes(conllu: Iterable[str]) -> dict[str, list[int]]:
    """Per lower-cased alphabetic word form, its counts in ``COLUMNS`` order, from CoNLL-U
    lines (multi-word token ranges and empty nodes skipped)."""
    counts: dict[str, list[int]] = {}
    for line in conllu:
        if not line[:1].isdigit():
            continue
        fields = line.split("\t")
        if len(fields) < 4 or not fields[0].isdigit() or fields[3] == "PROPN":
            continue
        word = fields[1].lower()
        if not (word.replace("-", "").isalpha() and word[0].isalpha() and word[-1].isalpha()):
            continue
        row = counts.setdefault(word, [0] * len(COLUMNS))
        kind = _CLASS.get(fields[3], _OTHER)
        row[kind] += 1
        if kind == 1 and len(fields) > 5 and "Tense=Past" in fields[5].split("|"):
            row[_PAST] += 1
    return counts


def table_lines(counts: dict[str, list[int]]) -> list[str]:
    """The shipped lines: words seen ``MIN_SEEN`` times or more, sorted."""
    return [
        "\t".join([word, *map(str, row)]) + "\n"
        for word, row in sorted(counts.items())
        if sum(row[:_PAST]) >= MIN_SEEN
    ]


def _documents(repo: Path) -> Iterable[str]:
    """The lines of every source document at ``COMMIT``, in path order."""
    listing = _git(repo, "ls-tree", "-r", "--name-only", COMMIT, SOURCES).splitlines()
    for path in sorted(p for p in listing if p.endswith(".conllu")):
        yield from _git(repo, "show", f"{COMMIT}:{path}").splitlines()


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    ).stdout


def build(repo: Path, out: Path = OUT) -> int:
    """Write the table from the snapshot at ``repo``; returns how many words it holds."""
    lines = table_lines(count_classes(_documents(repo)))
    header = f"# UD_English-EWT {COMMIT} (CC BY-SA 4.0); word\t{chr(9).join(COLUMNS)}\n"
    out.write_text(header + "".join(lines), encoding="utf-8")
    return len(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m desktop.core.text.build_word_classes EWT_GIT_DIR", file=sys.stderr)
        return 2
    try:
        count = build(Path(args[0]))
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"cannot read the treebank at {args[0]}: {error}", file=sys.stderr)
        return 1
    print(f"wrote {count:,} words to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
