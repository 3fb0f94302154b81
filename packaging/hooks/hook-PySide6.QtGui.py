"""Replaces the stock QtGui hook to leave out Qt plugins a desktop reader never loads.

Filtering here, before PyInstaller scans binaries for their dependencies, also keeps out the
libraries only those plugins need: the GTK 3 theme alone drags in cairo, pango and gdk-pixbuf,
which can clash with the user's own GTK (the XDG desktop portal theme covers file dialogs and
the dark/light colour scheme instead).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# (plugin folder, pattern on the file name) for plugins dropped on every platform.
UNUSED_PLUGINS = {
    "platforms": re.compile(r"vnc|linuxfb|eglfs|minimalegl|vkkhrdisplay", re.I),
    "platformthemes": re.compile(r"gtk3", re.I),
    "platforminputcontexts": re.compile(r"virtualkeyboard", re.I),
    # The window shows text, never a picture: only its icons load (PNG is built in; SVG, ICO).
    "imageformats": re.compile(r"tiff|webp|tga|wbmp|pdf|icns|jpeg|gif", re.I),
    "egldeviceintegrations": re.compile(r"."),
    "generic": re.compile(r"."),
    # OpenGL glue for X11: the widgets draw in software, and it would bring Qt's OpenGL library.
    "xcbglintegrations": re.compile(r"."),
    # Wayland buffer sharing for OpenGL and Vulkan clients; widgets use shared memory.
    "wayland-graphics-integration-client": re.compile(r"."),
}


def _used(source: str, dest: str) -> bool:
    pattern = UNUSED_PLUGINS.get(PurePath(dest).name)
    return pattern is None or not pattern.search(PurePath(source).name)


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest) for source, dest in binaries if _used(source, dest)]
