"""Every folder Dossier writes to, in one place.

platformdirs gives each platform's conventional locations; ``DOSSIER_HOME`` moves all of them
under one folder so tests, portable installs and scripts never touch the user's real library.
On Linux the locations are the XDG base directories, read here from the environment as
platformdirs reads them: importing platformdirs costs a command 7 ms (it brings in tempfile,
shutil, bz2, lzma and random), a fifth of what `dossier list` takes. A test holds the two to
the same answers; any case not covered here (a HOME that is not an absolute path, another
platform) is platformdirs' to answer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop.core.frozen import Frozen

APP_NAME = "Dossier"
HOME_ENV = "DOSSIER_HOME"


class Paths(Frozen):
    """The user folders of one Dossier installation."""

    _fields = ("data", "config", "cache", "logs")
    __slots__ = _fields
    data: Path
    config: Path
    cache: Path
    logs: Path

    def __init__(self, data: Path, config: Path, cache: Path, logs: Path) -> None:
        self._set_fields(data, config, cache, logs)

    @property
    def database(self) -> Path:
        return self.data / "library.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def settings(self) -> Path:
        return self.config / "settings.ini"

    def ensure(self) -> Paths:
        """Create the folders (idempotent) and return self."""
        for folder in (self.data, self.config, self.cache, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def user_paths() -> Paths:
    """Folders for the current user, honouring ``DOSSIER_HOME`` when it is set."""
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(root / "data", root / "config", root / "cache", root / "logs")
    xdg = _xdg_paths()
    if xdg is not None:
        return xdg
    import platformdirs  # here: with DOSSIER_HOME set (scripts, tests) its import is wasted

    return Paths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


# XDG variable, and the folder under the home directory it defaults to.
_XDG = (
    ("XDG_DATA_HOME", ".local/share"),
    ("XDG_CONFIG_HOME", ".config"),
    ("XDG_CACHE_HOME", ".cache"),
    ("XDG_STATE_HOME", ".local/state"),
)


def _xdg_paths() -> Paths | None:
    """platformdirs' Linux folders for Dossier (the logs in ``log`` under the state folder), or
    ``None`` where only platformdirs can tell."""
    home = os.environ.get("HOME", "")
    if not sys.platform.startswith("linux") or not os.path.isabs(home):
        return None
    data, config, cache, state = (
        Path(value if os.path.isabs(value := os.environ.get(var, "")) else os.path.join(home, rel))
        / APP_NAME
        for var, rel in _XDG
    )
    return Paths(data, config, cache, state / "log")
