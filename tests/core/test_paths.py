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


XDG_CASES = [
    {},  # every folder from HOME
    {"XDG_DATA_HOME": "/srv/data", "XDG_STATE_HOME": "/srv/state"},
    {"XDG_CONFIG_HOME": "relative/config", "XDG_CACHE_HOME": ""},  # not absolute: ignored
    {"HOME": "/home/reporter/", "XDG_CACHE_HOME": "/tmp/cache/"},
    {"HOME": "relative-home"},  # platformdirs' own case
]


@pytest.mark.parametrize("environment", XDG_CASES)
def test_the_linux_folders_are_platformdirs_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, environment: dict[str, str]
) -> None:
    import platformdirs

    monkeypatch.delenv(HOME_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(var, raising=False)
    for var, value in environment.items():
        monkeypatch.setenv(var, value)
    monkeypatch.chdir(tmp_path)
    expected = [
        Path(getter("Dossier", appauthor=False))
        for getter in (
            platformdirs.user_data_dir,
            platformdirs.user_config_dir,
            platformdirs.user_cache_dir,
            platformdirs.user_log_dir,
        )
    ]
    paths = user_paths()
    assert [paths.data, paths.config, paths.cache, paths.logs] == expected


def test_a_command_on_the_usual_folders_does_not_import_platformdirs(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != HOME_ENV and not k.startswith("XDG_")}
    env["HOME"] = str(tmp_path)
    code = "import sys; from desktop.core.paths import user_paths; user_paths();"
    code += " print('platformdirs' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ("False" if sys.platform.startswith("linux") else "True")
