"""A chart's cached figures in the number format the spreadsheet shows them in."""

from __future__ import annotations

import pytest

from desktop.core.library.importers.number_formats import formatted


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        ("0.25", "0%", "25%"),
        ("0.2534", "0.0%", "25.3%"),
        ("1234.5", "#,##0", "1,235"),  # halves rounded up, as a spreadsheet rounds them
        ("1234.5", '"$"#,##0.00', "$1,234.50"),
        ("1234.5", "[$€-407] #,##0.00", "€ 1,234.50"),
        ("12", '0 "kg"', "12 kg"),
        ("-1234.5", "#,##0;(#,##0)", "(1,235)"),
        ("-1234.5", "#,##0;-#,##0", "-1,235"),
        ("1234567", '#,##0,,"M"', "1M"),
        ("-0.0001", "0.00", "0.00"),
        ("45292", "m/d/yyyy", "2024-01-01"),
        ("45292", "mmm-yy", "Jan 2024"),
        ("45292.75", "h:mm", "18:00"),
        ("8.200000000000001", "General", "8.2"),
        ("8.200000000000001", "", "8.2"),
        ("Qtr 1", "0%", "Qtr 1"),  # not a number: as written
        ("1e300", "0.00", "1e+300"),  # past a spreadsheet's digits: as a number is written
        ("0.5", "0." + "0" * 500, "0.5000000000"),  # a hostile code stays bounded
        ("1e9", "m/d/yyyy", "1000000000"),  # no such day
    ],
)
def test_a_cached_figure_reads_as_the_chart_shows_it(value: str, code: str, shown: str) -> None:
    assert formatted(value, code) == shown
