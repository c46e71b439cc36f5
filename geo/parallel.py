"""Running one function over many items on worker processes or a dask cluster, in order.

The pipeline hands its analysis here and writes what comes back; nothing here knows what an
article is. Results arrive in the order of the items, a bounded number in flight.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

from geo.errors import InputError, ServiceError

__all__ = ["LOCAL", "default_jobs", "run_on_dask", "run_ordered"]

T = TypeVar("T")
R = TypeVar("R")
Task = Callable[[T, Any], R]

# `--dask local`: start a LocalCluster on this machine instead of joining a scheduler.
LOCAL = "local"
CONNECT_TIMEOUT_S = 20
# Items per task, at most. Sending a task and taking its results back costs the parent about
# a millisecond of CPU whatever its size (0.35 s of 1,500 articles in tasks of 4, 0.2 s in
# tasks of 16), and the parent is the part that does not run in parallel.
CHUNK = 16
# Toward the end tasks get smaller, at most 1/TAIL of what remains per worker, so the workers
# finish together instead of one running a long last task alone.
TAIL = 4
# Tasks in flight per worker, sent but not yet taken by the caller: bounds the memory a
# million-article corpus takes, and keeps every worker busy while the caller takes no results.
# The pipeline's writer takes none while it commits a batch (0.2-0.6 s on a busy machine);
# 4 tasks of 16 news articles per worker hold about a second of their work.
AHEAD = 4

# The context of this worker process, set once by its initializer.
_context: Any = None


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _chunks(items: Sequence[T], size: int, workers: int) -> Iterator[Sequence[T]]:
    """Tasks of ``size`` items, smaller toward the end (see ``TAIL``); at least one item each."""
    i, n = 0, len(items)
    while i < n:
        k = max(1, min(size, (n - i) // (workers * TAIL)))
        yield items[i : i + k]
        i += k


def _start_worker(context: Any) -> None:
    global _context
    _context = context
    if sys.platform == "linux":
        # Die with the parent: an ingest killed mid-way must not leave workers behind.
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _run_chunk(fn: Task, chunk: Sequence[T]) -> list[R]:
    return [fn(item, _context) for item in chunk]


def _run_chunk_with(fn: Task, chunk: Sequence[T], context: Any) -> list[R]:
    return [fn(item, context) for item in chunk]


def run_ordered(
    fn: Task, items: Sequence[T], context: Any, *, jobs: int, chunk: int = CHUNK
) -> Iterator[R]:
    """``fn(item, context)`` for each item on ``jobs`` worker processes, results in order.

    Parameters
    ----------
    fn : callable
        A module-level function (it is sent to the workers by name).
    items : sequence
        What to run it on; each must pickle.
    context : object
        Passed to every call; handed to each worker once, when it starts. On Linux workers
        are forked, so the context (a loaded gazetteer, say) is shared copy-on-write, never
        pickled; elsewhere it is pickled once per worker.
    jobs : int
        Worker processes; 1 runs everything in this process.
    chunk : int
        Items per task at most; tasks get smaller toward the end.

    Yields
    ------
    The results, in the order of ``items``; an exception in ``fn`` comes out here.
    """
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            yield fn(item, context)
        return
    fork = sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()
    mp_context = multiprocessing.get_context("fork") if fork else None
    tasks = _chunks(items, chunk, jobs)
    # Objects made so far are left out of the workers' garbage collection, which would
    # otherwise write to (and so copy) every page of the shared index.
    gc.freeze()
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(items)),
        mp_context=mp_context,
        initializer=_start_worker,
        initargs=(context,),
    )
    try:
        pending = deque(pool.submit(_run_chunk, fn, t) for t in islice(tasks, jobs * AHEAD))
        gc.unfreeze()  # the workers are started by the first submit
        while pending:
            done = pending.popleft().result()
            nxt = next(tasks, None)
            if nxt is not None:
                pending.append(pool.submit(_run_chunk, fn, nxt))
            yield from done
    finally:
        gc.unfreeze()
        pool.shutdown(wait=True, cancel_futures=True)


def run_on_dask(
    fn: Task, items: Sequence[T], context: Any, *, address: Any, chunk: int = CHUNK
) -> Iterator[R]:
    """``fn(item, context)`` for each item on a dask.distributed cluster, results in order.

    Parameters
    ----------
    fn, items, context
        As for :func:`run_ordered`; the context is sent to every worker once.
    address : str or distributed.Client
        A scheduler address (``tcp://host:8786``), ``"local"`` for a LocalCluster on this
        machine (one single-threaded worker process per core), or a Client already made.

    Raises
    ------
    InputError
        If dask.distributed is not installed.
    ServiceError
        If the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise InputError(
            f"dask.distributed is not installed ({exc}); install it with "
            "`pip install 'dask[distributed]'` (or the project's `[dask]` extra)."
        ) from exc

    with contextlib.ExitStack() as stack:
        if isinstance(address, Client):
            client = address
        elif address == LOCAL:
            cluster = stack.enter_context(
                LocalCluster(n_workers=default_jobs(), threads_per_worker=1, dashboard_address=None)
            )
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(address, timeout=CONNECT_TIMEOUT_S))
            except (OSError, TimeoutError, ValueError) as exc:
                raise ServiceError(
                    f"Cannot reach the dask scheduler at {address!r} ({exc}); start one with "
                    "`dask scheduler` there, or use --dask local."
                ) from exc
        shared = client.scatter(context, broadcast=True, hash=False)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        tasks = _chunks(items, chunk, workers)
        pending = deque(
            client.submit(_run_chunk_with, fn, t, shared, pure=False)
            for t in islice(tasks, workers * AHEAD)
        )
        while pending:
            future = pending.popleft()
            done = future.result()
            future.release()
            nxt = next(tasks, None)
            if nxt is not None:
                pending.append(client.submit(_run_chunk_with, fn, nxt, shared, pure=False))
            yield from done
