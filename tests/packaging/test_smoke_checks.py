"""The bundle checks of packaging/smoke_test.py, on small folders made here."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

SMOKE_TEST = Path(__file__).resolve().parents[2] / "packaging" / "smoke_test.py"


@pytest.fixture(scope="module")
def smoke() -> ModuleType:
    spec = importlib.util.spec_from_file_location("packaging_smoke_test", SMOKE_TEST)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_files(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 10)


def test_forbidden_files_finds_nltk_data_and_tkinter(smoke: ModuleType, tmp_path: Path) -> None:
    make_files(
        tmp_path,
        [
            "_internal/nltk_data/tokenizers/punkt.zip",
            "_internal/python3.11/lib-dynload/_tkinter.cpython-311-x86_64-linux-gnu.so",
            "_internal/_tcl_data/init.tcl",
            "_internal/tk8.6/tk.tcl",
            "_internal/libtcl8.6.so",
        ],
    )
    found = smoke.forbidden_files(tmp_path)
    assert "_internal/nltk_data/tokenizers/punkt.zip" in found
    assert "_internal/python3.11/lib-dynload/_tkinter.cpython-311-x86_64-linux-gnu.so" in found
    assert "_internal/_tcl_data" in found and "_internal/tk8.6" in found
    assert "_internal/libtcl8.6.so" in found


def test_forbidden_files_passes_a_clean_bundle(smoke: ModuleType, tmp_path: Path) -> None:
    make_files(
        tmp_path,
        [
            "dossier",
            "_internal/nltk/VERSION",
            "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
            "_internal/resources/text/tokens.txt",
            "_internal/babel/locale-data/tk.dat.keep",
        ],
    )
    assert smoke.forbidden_files(tmp_path) == []


def test_disk_usage_counts_hard_links_once(smoke: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 5000)
    os.link(tmp_path / "a", tmp_path / "b")
    on_disk, content = smoke.disk_usage(tmp_path)
    assert 5000 <= content < 10_000
    assert on_disk >= 4096


def test_minimal_environment_finds_no_python(smoke: ModuleType, tmp_path: Path) -> None:
    env = smoke.minimal_env(tmp_path)
    assert set(env) >= {"PATH", "HOME", "DOSSIER_HOME", "QT_QPA_PLATFORM"}
    assert "VIRTUAL_ENV" not in env and "PYTHONPATH" not in env
    assert list(Path(env["PATH"]).iterdir()) == []
