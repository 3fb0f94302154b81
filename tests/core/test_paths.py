from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.paths import HOME_ENV, user_paths


def test_dossier_home_moves_every_folder_under_it(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "portable"))
    paths = user_paths()
    root = (tmp_path / "portable").resolve()
    for folder in (paths.data, paths.config, paths.cache, paths.logs):
        assert folder.parent == root
    assert paths.database == paths.data / "library.sqlite3"
    assert not paths.data.exists()
    assert paths.ensure() is paths
    assert all(f.is_dir() for f in (paths.data, paths.config, paths.cache, paths.logs))


def test_without_dossier_home_the_platform_folders_are_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(HOME_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    paths = user_paths()
    assert paths.data == tmp_path / "xdg-data" / "Dossier"
    assert paths.config == tmp_path / "xdg-config" / "Dossier"
    assert len({paths.data, paths.config, paths.cache, paths.logs}) == 4
