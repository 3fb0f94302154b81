"""A non-editable ``pip install .`` finds its bundled seeds and resources.

The wheel is built from this checkout and installed, without dependencies, into a fresh venv
that borrows the test environment's site-packages for them, so the test needs no network.
It runs from a temporary folder, so nothing can fall back to the checkout.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import desktop, json
from desktop.core.resources import resource_path, seeds_dir
print(json.dumps({"package": desktop.__file__, "seeds": str(seeds_dir()),
                  "resources": str(resource_path())}))
"""


def _run(*args: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=600, check=False, **kwargs
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.mark.slow
def test_installed_wheel_finds_seeds_and_resources(tmp_path: Path) -> None:
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    wheels = tmp_path / "wheels"
    _run(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", *isolation, "-w", wheels, ROOT
    )
    (wheel,) = wheels.glob("dossier-*.whl")

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel)
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    borrowed = Path(sysconfig.get_path("purelib"))
    (Path(purelib.stdout.strip()) / "borrowed-dependencies.pth").write_text(f"{borrowed}\n")

    env = {**os.environ, "DOSSIER_HOME": str(tmp_path / "home")}
    env.pop("PYTHONPATH", None)
    found = json.loads(_run(python, "-c", PROBE, cwd=tmp_path, env=env).stdout)
    for key in ("package", "seeds", "resources"):
        assert Path(found[key]).is_relative_to(venv), found
    assert Path(found["seeds"]).name == "seeds"

    listed = json.loads(
        _run(venv / "bin" / "dossier", "list", "--json", cwd=tmp_path, env=env).stdout
    )
    (seed,) = [a for a in listed if a["origin"] == "seeds/000_66ae021c01a1e4e0.txt"]
    assert seed["published"] == "2025-08-18"
