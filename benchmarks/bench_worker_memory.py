"""Memory of ingest workers: what each process really costs with 1, 2 and 4 workers.

RSS counts a page shared by N processes N times, so this reports PSS (each shared page split
between the processes that map it) and USS (pages only this process maps), from
``/proc/<pid>/smaps_rollup``, sampled while a synthetic corpus is ingested with ``--jobs N``
(forked workers) and with ``--dask`` on a LocalCluster of N spawned workers. Reports numbers;
asserts nothing. Linux only.

    python benchmarks/bench_worker_memory.py [--articles 120] [--workers 1 2 4] [--no-dask]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_FIELDS = {"Rss": "rss", "Pss": "pss", "Private_Clean": "uss", "Private_Dirty": "uss"}


def memory(pid: int) -> dict[str, float]:
    """RSS, PSS and USS of a process in MB (zeros if it is gone)."""
    out = {"rss": 0.0, "pss": 0.0, "uss": 0.0}
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return out
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        if name in _FIELDS:
            out[_FIELDS[name]] += int(rest.split()[0]) / 1024
    return out


def index_mapping(pid: int) -> dict[str, float]:
    """RSS and PSS (MB) of the gazetteer index file mapped into a process, if it is."""
    out = {"rss": 0.0, "pss": 0.0}
    try:
        text = Path(f"/proc/{pid}/smaps").read_text()
    except OSError:
        return out
    inside = False
    for line in text.splitlines():
        first = line.split(maxsplit=1)[0] if line.strip() else ""
        if "-" in first and ":" not in first:  # a mapping's header line: "addr-addr perms ..."
            inside = "/gazetteer-" in line
        elif inside and first in ("Rss:", "Pss:"):
            out[first[:-1].lower()] += int(line.split()[1]) / 1024
    return out


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (children, their children, ...)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                kids = Path(f"/proc/{p}/task/{tid}/children").read_text().split()
            except OSError:
                continue
            for k in map(int, kids):
                found.append(k)
                todo.append(k)
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:200]
    except OSError:
        return ""


class Sampler(threading.Thread):
    """Samples this process and its descendants until stopped; keeps each one's peak PSS."""

    def __init__(self, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.every = every
        self.peak: dict[int, dict[str, float]] = {}
        self.total_pss = 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._stop_event.is_set():
            total = 0.0
            for pid in [me, *descendants(me)]:
                m = memory(pid)
                total += m["pss"]
                if m["pss"] > self.peak.get(pid, {}).get("pss", -1):
                    m.update({f"index_{k}": v for k, v in index_mapping(pid).items()})
                    m["cmd"] = _cmdline(pid)
                    self.peak[pid] = m
            self.total_pss = max(self.total_pss, total)
            self._stop_event.wait(self.every)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def child(mode: str, workers: int, corpus: Path) -> dict:
    """Ingest ``corpus`` in this process with ``workers`` workers; the memory it took."""
    from geo.pipeline import ingest
    from geo.places.gazetteer import load_gazetteer
    from geo.store.sqlite import Store

    t = time.process_time()
    gaz = load_gazetteer()  # as the CLI does before it starts the workers
    load_cpu = time.process_time() - t
    sampler = Sampler()
    sampler.start()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "store") as store:
        if mode == "jobs":
            report = ingest([corpus], store=store, gazetteer=gaz, jobs=workers)
        else:
            from distributed import Client, LocalCluster

            with (
                LocalCluster(
                    n_workers=workers, threads_per_worker=1, dashboard_address=None
                ) as cluster,
                Client(cluster) as client,
            ):
                report = ingest([corpus], store=store, gazetteer=gaz, dask=client)
                time.sleep(2 * sampler.every)  # one more sample with the workers alive
    sampler.stop()
    me = os.getpid()
    procs = [
        {"pid": pid, "parent": pid == me, **m}
        for pid, m in sampler.peak.items()
        # dask's nannies only watch their worker; count the processes that analyse
        if pid == me or "nanny" not in m["cmd"].lower()
    ]
    return {
        "added": report.added,
        "load_cpu": load_cpu,
        "processes": procs,
        "total_pss": sampler.total_pss,
    }


def _print(label: str, res: dict) -> None:
    parent = next(p for p in res["processes"] if p["parent"])
    workers = [p for p in res["processes"] if not p["parent"] and p["pss"] > 5]
    print(f"{label}: {res['added']} articles; all processes at peak PSS {res['total_pss']:.0f} MB")
    print(
        f"   parent  RSS {parent['rss']:5.0f}  PSS {parent['pss']:5.0f}  USS {parent['uss']:5.0f}"
        f"  (index mapped: RSS {parent['index_rss']:4.0f} PSS {parent['index_pss']:4.0f})  MB"
    )
    for w in workers:
        print(
            f"   worker  RSS {w['rss']:5.0f}  PSS {w['pss']:5.0f}  USS {w['uss']:5.0f}"
            f"  (index mapped: RSS {w['index_rss']:4.0f} PSS {w['index_pss']:4.0f})  MB"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--no-dask", action="store_true", help="forked --jobs workers only")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "N", "CORPUS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        mode, n, corpus = args.child
        print(json.dumps(child(mode, int(n), Path(corpus))))
        return 0
    from benchmarks.bench_ingest import make_corpus
    from geo.places.gazetteer import load_gazetteer
    from geo.places.gazetteer_build import sources
    from geo.places.gazetteer_cache import index_key, index_path

    load_gazetteer()  # build the index once, before anything is measured
    path = index_path(index_key(sources()))
    print(f"index on disk: {path.name}, {path.stat().st_size / 1e6:.1f} MB")
    modes = ["jobs"] + ([] if args.no_dask else ["dask"])
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        make_corpus(corpus, args.articles)
        for mode in modes:
            for n in args.workers:
                proc = subprocess.run(
                    [sys.executable, __file__, "--child", mode, str(n), str(corpus)],
                    capture_output=True,
                    text=True,
                    check=True,
                    cwd=ROOT,
                )
                res = json.loads(proc.stdout.strip().splitlines()[-1])
                label = f"--jobs {n}" if mode == "jobs" else f"--dask (LocalCluster, {n} workers)"
                if mode == "jobs" and n == 1:
                    label += " (analysed in the parent)"
                _print(label, res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
