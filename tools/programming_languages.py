"""Write ``resources/ner/programming-languages.txt`` from GitHub Linguist's language list.

Run by a maintainer with the other snapshots (``make knowledge-import MIRRORS=/path``), never at
run time or in CI: the list is committed. Linguist (MIT) names every programming language GitHub
recognises; only those of type ``programming`` and of two characters or more are kept ("C",
"R" and "D" are letters in ordinary text too).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from desktop.core.text.ner.packed import write_text
from tools.knowledge_import import Mirrors

REPO = "github-linguist/linguist"
COMMIT = "b45dbe9b2825a43285bcd035861be91cc0a7299e"
PATH = "lib/linguist/languages.yml"
OUT = Path(__file__).resolve().parent.parent / "resources" / "ner" / "programming-languages.txt"
_ENTRY = re.compile(r"^(?:\"(?P<quoted>[^\"]+)\"|(?P<plain>[^\s#][^:]*)):\s*$")
_TYPE = re.compile(r"^\s+type:\s*(\w+)\s*$")
MIN_LENGTH = 2


def programming_languages(yaml_text: str) -> list[str]:
    """Names of the top-level entries whose ``type`` is ``programming``, sorted."""
    names, current = set(), None
    for line in yaml_text.splitlines():
        entry = _ENTRY.match(line)
        if entry:
            current = entry.group("quoted") or entry.group("plain")
            continue
        kind = _TYPE.match(line)
        if kind and current is not None and kind.group(1) == "programming":
            names.add(current)
    return sorted(n for n in names if len(n) >= MIN_LENGTH)


def main(mirrors: Path) -> int:
    mirror = Mirrors(mirrors)
    names = programming_languages(mirror.read(REPO, COMMIT, PATH))
    header = (
        "# Programming languages (GitHub Linguist's lib/linguist/languages.yml, type programming;\n"
        f"# {REPO} @ {COMMIT[:7]} ({mirror.day(REPO, COMMIT)}), MIT licence), written by\n"
        "# tools/programming_languages.py: in a software story such a name is a language, no\n"
        "# person, place or organisation.\n"
    )
    write_text(OUT, header + "".join(f"{name}\n" for name in names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
