from __future__ import annotations

from desktop.core import release as module
from desktop.core.release import release


def test_a_list_is_emptied_a_slice_at_a_time(monkeypatch) -> None:
    monkeypatch.setattr(module, "SLICE", 3)
    sizes: list[int] = []

    class Watched(list):
        def __delitem__(self, index: slice) -> None:
            sizes.append(len(self))
            super().__delitem__(index)

    items = Watched(range(8))
    release(items)
    assert items == [] and sizes == [8, 5, 2]
