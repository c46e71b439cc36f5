"""Running one function over many items on worker processes: in order, a bounded window ahead."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from geo.parallel import AHEAD, _chunks, run_ordered


def _touch(item: int, folder: str) -> int:
    """Leave a mark of the item's run where the test can count it."""
    (Path(folder) / str(item)).touch()
    return item


def _ran(folder: Path) -> int:
    return sum(1 for _ in folder.iterdir())


def test_results_come_in_the_order_of_the_items(tmp_path):
    items = list(range(50))
    assert list(run_ordered(_touch, items, str(tmp_path), jobs=2, chunk=3)) == items


def test_workers_run_a_window_ahead_while_the_caller_holds_a_result(tmp_path):
    # The pipeline's writer takes no results while it commits a batch: the workers go on
    # with the tasks already sent (so they do not wait on the writer), and no further (so a
    # long corpus does not pile up in memory).
    jobs, chunk = 2, 2
    items = list(range(jobs * AHEAD * chunk * 4))
    window = (jobs * AHEAD + 1) * chunk  # the tasks sent at the start, and one per task taken
    out = run_ordered(_touch, items, str(tmp_path), jobs=jobs, chunk=chunk)
    assert next(out) == 0
    deadline = time.monotonic() + 120  # a guard for a stuck pool, not a speed limit
    while _ran(tmp_path) < window and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)  # were more sent, their marks would appear by now
    assert _ran(tmp_path) == window
    assert list(out) == items[1:]


def test_tasks_get_smaller_toward_the_end_and_cover_every_item_once():
    items = list(range(1500))
    tasks = list(_chunks(items, 16, 2))
    sizes = [len(t) for t in tasks]
    assert [x for t in tasks for x in t] == items
    assert sizes[0] == 16 and sizes[-4:] == [1, 1, 1, 1]
    assert sizes == sorted(sizes, reverse=True)
    # Each worker's last task is small beside what the others still have to do.
    assert all(size <= max(1, (1500 - sum(sizes[:i])) // 8) for i, size in enumerate(sizes))
    assert [len(t) for t in _chunks([1, 2, 3], 16, 2)] == [1, 1, 1]


def test_one_job_runs_in_this_process(tmp_path):
    seen = []

    def here(item, ctx):  # a local function: it could not be sent to a worker
        seen.append(item)
        return item * 2

    assert list(run_ordered(here, [1, 2, 3], None, jobs=1)) == [2, 4, 6]
    assert seen == [1, 2, 3]


def test_an_error_in_the_function_comes_out_of_the_results(tmp_path):
    with pytest.raises(FileNotFoundError):
        list(run_ordered(_touch, list(range(8)), str(tmp_path / "missing"), jobs=2, chunk=2))
