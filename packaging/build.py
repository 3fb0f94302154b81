"""Build the one-folder bundle and an archive of it, and record how long the build took.

Run with the Python of a virtual environment that holds ``pip install '.[package]'`` (the same
command on Linux, Windows and macOS). It reinstalls the project non-editable first, so the bundle
always holds the current source, then runs PyInstaller on ``packaging/dossier.spec``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "dossier.spec"
BUNDLE_NAME = "dossier"


def archive_base(dist: Path) -> Path:
    from desktop import __version__  # imported after build() reinstalled the project

    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return dist / f"{BUNDLE_NAME}-{__version__}-{system}-{platform.machine().lower()}"


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT, env=env)


def build(dist: Path, work: Path, clean: bool) -> Path:
    """Reinstall the project, run PyInstaller, archive the folder; return the archive path."""
    run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--force-reinstall", str(ROOT)])  # fmt: skip
    if clean and work.exists():
        shutil.rmtree(work)
    with tempfile.TemporaryDirectory(prefix="dossier-no-nltk-data-") as empty:
        # An empty NLTK_DATA keeps any nltk_data on the build machine out of sight.
        env = {**os.environ, "NLTK_DATA": empty}
        command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                   "--distpath", str(dist), "--workpath", str(work), str(SPEC)]  # fmt: skip
        if clean:
            command.insert(3, "--clean")
        run(command, env)
    fmt = "zip" if sys.platform == "win32" else "gztar"
    folder = "Dossier.app" if sys.platform == "darwin" else BUNDLE_NAME  # what users install
    return Path(shutil.make_archive(str(archive_base(dist)), fmt, dist, folder))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--clean", action="store_true", help="start without PyInstaller's cache")
    parser.add_argument("--report", type=Path, help="write build figures here (JSON)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    archive = build(args.dist.resolve(), args.work.resolve(), args.clean)
    seconds = time.perf_counter() - start
    print(f"built {args.dist / BUNDLE_NAME} and {archive.name} in {seconds:.0f} s")
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        figures = {"build_seconds": round(seconds, 1), "archive": str(archive)}
        args.report.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
