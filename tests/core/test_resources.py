from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core import resources
from desktop.core.resources import ResourceNotFound, resource_path, seeds_dir

CHECKOUT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_lookup() -> Iterator[None]:
    resources._root_with.cache_clear()
    yield
    resources._root_with.cache_clear()


def test_checkout_finds_seeds_and_resources() -> None:
    assert seeds_dir() == CHECKOUT / "seeds"
    assert (seeds_dir() / "000_66ae021c01a1e4e0.txt").is_file()
    some_resource = next(p for p in (CHECKOUT / "resources").rglob("*") if p.is_file())
    parts = some_resource.relative_to(CHECKOUT / "resources").parts
    assert resource_path(*parts) == some_resource


def test_missing_resource_names_what_is_missing() -> None:
    with pytest.raises(ResourceNotFound, match=r"no/such-file\.txt"):
        resource_path("no", "such-file.txt")


def test_frozen_bundle_is_searched_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "resources" / "text").mkdir(parents=True)
    (tmp_path / "resources" / "text" / "marker.txt").write_text("bundled")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert seeds_dir() == tmp_path / "seeds"
    assert resource_path("text", "marker.txt").read_text() == "bundled"


def test_no_folder_anywhere_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(resources, "_candidate_roots", lambda: [tmp_path])
    with pytest.raises(ResourceNotFound, match="seeds folder is missing"):
        seeds_dir()
