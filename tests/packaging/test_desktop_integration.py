"""The Linux desktop entry, AppStream metainfo and icons: valid, and one app id everywhere."""

from __future__ import annotations

import ast
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from importlib.metadata import distribution
from pathlib import Path

import pytest

from desktop import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP_FILE = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICONS = PACKAGING / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def desktop_entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def console_scripts() -> set[str]:
    """Commands the installed project puts on PATH."""
    return {e.name for e in distribution("dossier").entry_points if e.group == "console_scripts"}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR", "PNG without an IHDR chunk first"
    return struct.unpack(">II", data[16:24])


def validate(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (Debian: desktop-file-utils / appstream)")
    return subprocess.run([tool, *args], capture_output=True, text=True, timeout=60)


def test_desktop_file_validates() -> None:
    result = validate("desktop-file-validate", str(DESKTOP_FILE))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_validates() -> None:
    result = validate("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_app_id_everywhere() -> None:
    entry = desktop_entry()
    component = ET.parse(METAINFO).getroot()
    assert entry["Icon"] == APP_ID
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert (ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for suffix in (".ico", ".icns"):
        assert (ICONS / f"{APP_ID}{suffix}").is_file()


def test_launchers_name_the_installed_command() -> None:
    scripts = console_scripts()
    component = ET.parse(METAINFO).getroot()
    assert desktop_entry()["Exec"].split()[0] in scripts
    assert component.findtext("provides/binary") in scripts


def test_metainfo_release_is_the_package_version() -> None:
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == __version__


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_has_its_stated_size(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(path.read_bytes()) == (size, size)


def test_svg_icon_is_square_svg() -> None:
    root = ET.parse(ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert width == height > 0


def test_windows_ico_holds_png_images_of_the_sizes_it_lists() -> None:
    data = (ICONS / f"{APP_ID}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    sizes = set()
    for index in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        side = width or 256
        assert png_size(data[offset : offset + length]) == (side, side)
        sizes.add(side)
    assert {16, 32, 48, 256} <= sizes


def test_macos_icns_chunks_cover_the_file() -> None:
    data = (ICONS / f"{APP_ID}.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    position, kinds = 8, []
    while position < len(data):
        kind, length = (
            data[position : position + 4],
            struct.unpack(">I", data[position + 4 : position + 8])[0],
        )
        png_size(data[position + 8 : position + length])
        kinds.append(kind)
        position += length
    assert position == len(data)
    assert b"ic09" in kinds  # 512 px, what Finder and the Dock use


def spec_list(name: str) -> list[str]:
    """A literal list assigned at the top level of the PyInstaller spec."""
    tree = ast.parse((PACKAGING / "dossier.spec").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"dossier.spec assigns no {name}")


def test_spec_keeps_out_tkinter_tests_and_nltk_data() -> None:
    excluded = spec_list("EXCLUDED_MODULES")
    assert {"tkinter", "_tkinter", "test", "pytest", "hypothesis"} <= set(excluded)
    assert "*nltk_data*" in spec_list("DROPPED")
    hook = (PACKAGING / "hooks" / "hook-nltk.py").read_text("utf-8")
    assert "nltk.data.path" not in hook, "the nltk hook must not copy local nltk_data"


def test_nltk_is_not_imported_at_start_up() -> None:
    """The stock run-time hook imports nltk before the window can paint; ours replaces it."""
    hooks = PACKAGING / "hooks"
    replaced = ast.literal_eval((hooks / "rthooks.dat").read_text("utf-8"))
    assert list(replaced) == ["nltk"]
    for name in replaced["nltk"]:
        tree = ast.parse((hooks / "rthooks" / name).read_text("utf-8"))
        assert not [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]


def test_desktop_file_opens_dossier_links() -> None:
    """Registered for dossier:// (exported notes link there); the link is passed as %u, and
    the command it runs sends a link to the window, not to a sub-command."""
    from desktop.cli import opens_window

    entry = desktop_entry()
    assert "x-scheme-handler/dossier" in entry["MimeType"].rstrip(";").split(";")
    _command, *codes = entry["Exec"].split()
    assert codes == ["%u"]
    assert opens_window(["dossier://text/ab12ab12?url=https%3A%2F%2Fx.example#1-2"])
