"""Background work at shutdown: the indexer schedules nothing new once stopped, and a task that
outlives its relay (the program closing) finishes quietly."""

from __future__ import annotations

import pytest
from shiboken6 import delete

from desktop.core.library.session import Library
from desktop.core.library.store import with_hash
from desktop.core.models import Article
from desktop.ui import workers
from desktop.ui.library.indexer import BATCH, BackgroundIndexer


def _pending(library: Library) -> int:
    return library.conn.execute(
        "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM entity_index_state)"
    ).fetchone()[0]


def test_a_stopped_indexer_finishes_its_batch_and_starts_no_other(library, qtbot) -> None:
    library.store.add_many(
        with_hash(Article(0, f"Report {i}", f"Mayor Anna Berg met NATO officials ({i}).", "", 0))
        for i in range(2 * BATCH)
    )
    before = _pending(library)
    indexer = BackgroundIndexer()
    indexer.start()
    indexer.stop()
    assert indexer.wait(60_000)
    qtbot.wait(50)  # the batch's result is delivered; no next batch may follow it
    assert indexer.wait(60_000)
    assert indexer.indexed == BATCH
    assert _pending(library) == before - BATCH
    indexer.start()
    assert indexer.wait(1_000) and _pending(library) == before - BATCH


def test_a_task_whose_relay_is_gone_finishes_without_raising() -> None:
    relay = workers._Relay()
    received: list[object] = []
    relay.done.connect(received.append)
    task = workers._Task(lambda: 42, relay)
    delete(relay)  # what interpreter shutdown does to a relay while its task still runs
    task.run()
    assert received == []


def test_the_collector_is_held_off_until_the_last_paused_task_ends() -> None:
    import gc

    assert gc.isenabled()
    with workers.collector_paused():
        with workers.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # another paused task still runs
    assert gc.isenabled()
    gc.disable()  # whoever disabled it before keeps it disabled
    try:
        with workers.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_task_may_run_with_the_collector_paused(qtbot) -> None:
    import gc

    seen: list[bool] = []
    workers.run_task(gc.isenabled, seen.append, pause_collector=True)
    qtbot.waitUntil(lambda: len(seen) == 1)
    workers.run_task(gc.isenabled, seen.append)  # after the first, so they never overlap
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == [False, True] and gc.isenabled()


def test_a_result_for_a_closed_window_is_dropped_and_an_owner_alive_gets_it(qtbot) -> None:
    """A library listing finishing after its window closed must not touch the deleted model
    (it raised 'Internal C++ object already deleted' in the next test's event loop)."""
    import threading

    from PySide6.QtCore import QObject, QThreadPool

    pool = QThreadPool()
    gate = threading.Event()
    gone, alive = QObject(), QObject()
    received: list[str] = []

    def touch(owner: QObject, name: str) -> None:
        owner.objectName()  # raises on a deleted C++ object
        received.append(name)

    workers.run_task(gate.wait, lambda _: touch(gone, "gone"), pool=pool, owner=gone)
    workers.run_task(gate.wait, lambda _: touch(alive, "alive"), pool=pool, owner=alive)
    delete(gone)
    gate.set()
    assert pool.waitForDone(10_000)
    qtbot.waitUntil(lambda: received == ["alive"], timeout=5_000)
    qtbot.wait(20)
    assert received == ["alive"]


def test_every_worker_thread_reads_through_a_small_cache_and_no_memory_map(qtbot) -> None:
    """A worker's connection stays open for the window's life: a large page cache on each
    (summaries, entities, notes, backups) would keep the pages it touched as the window's
    memory."""
    from PySide6.QtCore import QThreadPool

    found: list[tuple[int, int]] = []

    def pragmas() -> tuple[int, int]:
        conn = workers.thread_library().conn
        return (
            conn.execute("PRAGMA cache_size").fetchone()[0],
            conn.execute("PRAGMA mmap_size").fetchone()[0],
        )

    pool = QThreadPool()
    workers.run_task(pragmas, found.append, pool=pool)
    assert pool.waitForDone(10_000)
    qtbot.waitUntil(lambda: bool(found), timeout=5_000)
    assert found == [(-workers.LEAN_CACHE_KIB, 0)]


def test_what_paused_tasks_built_is_kept_out_of_later_collections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    monkeypatch.setattr(workers, "FREEZE_AFTER", 1_000)
    gc.collect()
    try:
        with workers.collector_paused():
            kept = [[i] for i in range(5_000)]  # a result the window keeps
        frozen = gc.get_freeze_count()
        assert frozen >= len(kept)
        assert gc.get_count()[0] < 1_000  # the next collection has nothing of it to walk
        with workers.collector_paused():
            small = [[i] for i in range(10)]
        assert gc.get_freeze_count() == frozen  # a small task's objects are left to it
        assert small
    finally:
        gc.unfreeze()


def test_the_window_waits_for_a_listing_still_running_before_the_program_ends(
    window, monkeypatch
) -> None:
    """A Qt thread still running Python when the interpreter ends aborts the process
    ("terminate called without an active exception"): the library list's own threads are
    waited for with the others."""
    import threading

    from desktop.ui.library import model as model_module

    started, gate = threading.Event(), threading.Event()
    listing = model_module.compute_listing

    def slow_listing(*args, **kwargs):
        started.set()
        gate.wait(0.5)
        return listing(*args, **kwargs)

    monkeypatch.setattr(model_module, "compute_listing", slow_listing)
    workers.set_synchronous(False)
    window.library_pane.model.refresh()
    assert started.wait(10)
    window.finish_background_work()
    assert all(pool.activeThreadCount() == 0 for pool in window.library_pane.model.pools)
