"""A chart's figures as its spreadsheet shows them: Excel's number format codes.

A chart keeps its figures as plain numbers beside the format the spreadsheet shows them in
(``0%``, ``#,##0.00``, ``"$"#,##0``, ``m/d/yyyy``): read bare, a share of 25 % came out as
"0.25" and a date as "45292". The common codes are applied; anything else is written as a
person writes a number (8.2, not 8.200000000000001).
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

_QUOTED = re.compile(r'"([^"]*)"|\\(.)|\[\$([^\]-]*)(?:-[^\]]*)?\]|\[[^\]]*\]|_.|\*.')
"""Literal text in a code ("kg", \\€, [$€-407]); colours, conditions, padding and fill."""
_DATE_PARTS = re.compile(r"[dmy]", re.IGNORECASE)
_EXCEL_EPOCH = date(1899, 12, 30)
_LARGEST = 1e15  # beyond a spreadsheet's 15 significant digits: written as it is
_MOST_DECIMALS = 10
_DATE_FORMATS = (("y", "%Y-%m-%d"), ("d", "%d %b"), ("m", "%b %Y"))


def formatted(value: str, code: str) -> str:
    """``value`` (a number as a chart caches it) in the format ``code``."""
    try:
        number = float(value)
    except ValueError:
        return value
    if not math.isfinite(number) or abs(number) >= _LARGEST:
        return f"{number:.10g}"
    sections = code.split(";")
    section = sections[1] if number < 0 and len(sections) > 1 else sections[0]
    if section.strip().lower() in ("", "general", "@"):
        return f"{number:.10g}"
    literal, pattern = _literal_and_pattern(section)
    if not pattern.strip():
        shown = f"{number:.10g}"
    elif _DATE_PARTS.search(pattern) and "0" not in pattern and "#" not in pattern:
        return _date(number, pattern) or f"{number:.10g}"
    else:
        shown = _number(abs(number) if len(sections) > 1 and number < 0 else number, pattern)
    return literal.replace("\0", shown) if "\0" in literal else f"{literal}{shown}"


def _literal_and_pattern(section: str) -> tuple[str, str]:
    """The section's literal text around its number (the number's place marked ``\\0``) and
    its number pattern."""
    pieces: list[str] = []
    pattern: list[str] = []
    at = 0
    for found in _QUOTED.finditer(section):
        _plain(section[at : found.start()], pieces, pattern)
        text = found.group(1) if found.group(1) is not None else found.group(2) or found.group(3)
        pieces.append(text or "")
        at = found.end()
    _plain(section[at:], pieces, pattern)
    return "".join(pieces), "".join(pattern)


def _plain(text: str, pieces: list[str], pattern: list[str]) -> None:
    """Unquoted text: its pattern characters mark the number's place once; the rest (a
    currency sign, a space, a percent sign) stays literal."""
    for char in text:
        if char in "0#?.,%/dmyhsDMYHS:":
            if "\0" not in pieces:
                pieces.append("\0")
            pattern.append(char)
            if char == "%":
                pieces.append("%")
        else:
            pieces.append(char)


def _number(number: float, pattern: str) -> str:
    """The number by its pattern: a percentage, thousands grouped, so many decimals, scaled
    by a thousand for each comma that ends it ("#,##0,," shows millions); halves rounded
    up, as a spreadsheet rounds them."""
    digits = pattern.replace("%", "")
    scaled = len(digits) - len(digits.rstrip(","))
    digits = digits.rstrip(",")
    value = Decimal(repr(number)) * (100 if "%" in pattern else 1) / (1000**scaled)
    decimals = digits.split(".", 1)[1] if "." in digits else ""
    places = min(sum(1 for char in decimals if char in "0#?"), _MOST_DECIMALS)
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    rounded = rounded if rounded else rounded.copy_abs()  # "0.00", not "-0.00"
    return f"{rounded:{',' if ',' in digits.split('.', 1)[0] else ''}.{places}f}"


def _date(serial: float, pattern: str) -> str:
    """A date serial (days since 30 December 1899) as a date, to the day when the format
    shows the day."""
    try:
        day = _EXCEL_EPOCH + timedelta(days=int(serial))
    except OverflowError:
        return ""
    lower = pattern.lower()
    if "h" in lower or "s" in lower:  # a time of day, the serial's fraction
        minutes = round((serial - int(serial)) * 24 * 60)
        clock = f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"
        return f"{day.isoformat()} {clock}" if "d" in lower or "y" in lower else clock
    for part, shape in _DATE_FORMATS:
        if part in lower and (part != "y" or "d" in lower):
            return day.strftime(shape)
    return day.strftime("%Y-%m-%d")
