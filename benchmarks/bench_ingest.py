"""Ingest benchmark: articles per second with one worker process and with two.

Reports numbers; asserts nothing (targets: >= 1.8x faster with 2 jobs than with 1 on a
2-core machine; >= 500 news-sized articles per second per core). The corpus is synthetic:
articles of about 3 KB built from varied sentences of our own naming real places.

Each run is a fresh process, as a `geo ingest` is: a run after another in the same process
would find word lists and near-spellings already loaded and skip their start-up. Besides wall
time it prints where the CPU went, which a shared machine does not blur as much: the parent
(the single writer; the rest of its main thread: start-up before the fork, reading results,
progress; its other threads: taking the workers' results off the pipes) and the workers. The
parent's share is the serial fraction that bounds the speed-up; the part of it before the
first worker is forked (loading what the workers then share) runs while the other cores
wait, so the speed-up it allows is also given with that part counted as serial.

    python benchmarks/bench_ingest.py [--articles 2000] [--jobs 1 2] [--repeat 1] [--profile]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.pipeline import ingest
from geo.places.gazetteer import load_gazetteer
from geo.store.sqlite import Store

PLACES = [
    ("Kharkiv", "Kharkiv Oblast"),
    ("Vovchansk", "Kharkiv Oblast"),
    ("Kupiansk", "Kharkiv Oblast"),
    ("Izium", "Kharkiv Oblast"),
    ("Pokrovsk", "Donetsk Oblast"),
    ("Kramatorsk", "Donetsk Oblast"),
    ("Sloviansk", "Donetsk Oblast"),
    ("Kostiantynivka", "Donetsk Oblast"),
    ("Myrnohrad", "Donetsk Oblast"),
    ("Zaporizhzhia", "Zaporizhzhia Oblast"),
    ("Orikhiv", "Zaporizhzhia Oblast"),
    ("Kherson", "Kherson Oblast"),
    ("Odesa", "Odesa Oblast"),
    ("Izmail", "Odesa Oblast"),
    ("Mykolaiv", "Mykolaiv Oblast"),
    ("Dnipro", "Dnipropetrovsk Oblast"),
    ("Nikopol", "Dnipropetrovsk Oblast"),
    ("Kryvyi Rih", "Dnipropetrovsk Oblast"),
    ("Sumy", "Sumy Oblast"),
    ("Shostka", "Sumy Oblast"),
    ("Chernihiv", "Chernihiv Oblast"),
    ("Poltava", "Poltava Oblast"),
    ("Lviv", "Lviv Oblast"),
    ("Kyiv", "Kyiv"),
    ("Bila Tserkva", "Kyiv Oblast"),
    ("Vinnytsia", "Vinnytsia Oblast"),
    ("Ternopil", "Ternopil Oblast"),
    ("Sudzha", "Kursk Oblast"),
    ("Belgorod", "Belgorod Oblast"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SENTENCES = [
    "Russian forces shelled {a} on {day}, damaging {n} homes and a school, officials in {ra} said.",
    "A drone strike on {a} overnight hit an energy facility and left {n} households without power.",
    "Authorities ordered the evacuation of {n} children and their families from {a} as fighting "
    "moved closer to the town.",
    "About {n} people were evacuated from {a} to {b} over the weekend, the regional governor said.",
    "Missiles struck the outskirts of {a} early on {day}; air defence units reported shooting "
    "down several of them over {rb}.",
    "Volunteers in {b} set up a reception centre for people who had left {a} with little more "
    "than a bag each.",
    "The mayor of {a} said that water supply had been restored in most districts after the "
    "attack on {day}.",
    "Ukrainian troops reported repelling {n} assaults near {a} in the past day.",
    "Officials in {b} said {n} people had been wounded when a guided bomb hit a residential block.",
    "Trains from {a} to {b} were delayed by several hours after the line was damaged.",
    "Residents of {a} spent the night in shelters as air raid sirens sounded across {ra}.",
    "Aid convoys reached {a} on {day} carrying food, medicine and generators for the hospital.",
    "Police in {ra} said rescue work in {a} continued through the night.",
    "The regional administration said {n} people remained in {a}, most of them elderly.",
    "Talks between the two delegations were expected to resume in {c} later in the month.",
    "Farmers near {a} said mines left in the fields had made the harvest impossible this year.",
]
CAPITALS = ["Istanbul", "Geneva", "Jeddah", "Warsaw", "Vienna"]


def make_corpus(folder: Path, n: int, *, size: int = 3000, seed: int = 1) -> list[Path]:
    """``n`` synthetic news articles of about ``size`` bytes each, as .md files."""
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    paths = []
    for i in range(n):
        day = start + dt.timedelta(days=rng.randrange(700))
        paras, length = [], 0
        while length < size:
            sents = []
            for _ in range(rng.randint(2, 4)):
                (a, ra), (b, rb) = rng.sample(PLACES, 2)
                sents.append(
                    rng.choice(SENTENCES).format(
                        a=a,
                        ra=ra,
                        b=b,
                        rb=rb,
                        n=rng.randint(2, 4000),
                        day=rng.choice(DAYS),
                        c=rng.choice(CAPITALS),
                    )
                )
            para = " ".join(sents)
            paras.append(para)
            length += len(para) + 2
        title = f"Report {i}: {rng.choice(PLACES)[0]} and {rng.choice(PLACES)[0]}"
        body = "\n\n".join(paras)
        path = folder / f"article-{i:05d}.md"
        path.write_text(f"---\ntitle: {title}\npublished: {day}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


class _TimedStore(Store):
    """The store, counting the CPU its writer spends inserting (this thread only)."""

    writer_cpu = 0.0

    def add_encoded_batch(self, items):
        t = time.thread_time()
        try:
            return super().add_encoded_batch(items)
        finally:
            _TimedStore.writer_cpu += time.thread_time() - t


def _cpu() -> tuple[float, float]:
    # This process, and its finished children (the pool's workers are joined at the end).
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def run(corpus: Path, jobs: int, gazetteer) -> dict:
    """One ingest of ``corpus``: wall seconds, CPU seconds by process and part, articles added."""
    _TimedStore.writer_cpu = 0.0
    forked: list[float] = []  # this thread's CPU when the first worker was forked
    os.register_at_fork(before=lambda: forked or forked.append(time.thread_time()))
    with tempfile.TemporaryDirectory() as tmp, _TimedStore(Path(tmp) / "store") as store:
        t, (own, kids), main = time.perf_counter(), _cpu(), time.thread_time()
        report = ingest([corpus], store=store, gazetteer=gazetteer, jobs=jobs)
        wall, start = time.perf_counter() - t, main
        main = time.thread_time() - main
        own2, kids2 = _cpu()
    return {
        "jobs": jobs,
        "wall": wall,
        "parent": own2 - own,
        "writer": _TimedStore.writer_cpu,
        "main": main - _TimedStore.writer_cpu,  # start-up, results, progress
        "before_fork": forked[0] - start if forked else None,  # start-up, the others idle
        "threads": own2 - own - main,  # the pool's threads: results off the pipes
        "workers": kids2 - kids,
        "added": report.added,
    }


def _fresh(corpus: Path, jobs: int) -> dict:
    """``run`` in a new Python process, the gazetteer loaded before the clock starts."""
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(corpus), str(jobs)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.splitlines()[-1])


def _line(r: dict) -> str:
    n = r["added"]
    cpu = r["parent"] + r["workers"]
    return (
        f"jobs={r['jobs']}: {n} articles in {r['wall']:.1f} s wall = {n / r['wall']:.0f}/s; "
        f"CPU {cpu:.1f} s = {n / cpu:.0f} articles per CPU-second: parent {r['parent']:.2f} s "
        f"(writer {r['writer']:.2f}, rest of main thread {r['main']:.2f}"
        + (f" of which {r['before_fork']:.2f} before the fork" if r.get("before_fork") else "")
        + f", pool threads {r['threads']:.2f}) + workers {r['workers']:.2f} s"
        + (f"; serial fraction {r['parent'] / cpu:.1%}" if r["jobs"] > 1 else "")
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1, help="runs per job count, interleaved")
    ap.add_argument("--profile", action="store_true", help="cProfile one job on 300 articles")
    ap.add_argument("--one", nargs=2, metavar=("CORPUS", "JOBS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run(Path(args.one[0]), int(args.one[1]), load_gazetteer())))
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        paths = make_corpus(corpus, args.articles)
        kb = sum(p.stat().st_size for p in paths) / len(paths) / 1000
        print(f"corpus: {len(paths)} articles, {kb:.1f} KB each on average")
        if args.profile:
            import cProfile
            import pstats

            few = Path(tmp) / "few"
            few.mkdir()
            make_corpus(few, 300, seed=2)
            gaz = load_gazetteer()
            prof = cProfile.Profile()
            prof.runcall(run, few, 1, gaz)
            pstats.Stats(prof).sort_stats("tottime").print_stats(15)
            return
        print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start)")
        runs: dict[int, list[dict]] = {j: [] for j in args.jobs}
        for _ in range(args.repeat):
            for jobs in args.jobs:
                r = _fresh(corpus, jobs)
                runs[jobs].append(r)
                print(_line(r), flush=True)
        print(f"(load average {os.getloadavg()[0]:.1f} at the end)")
        if 1 not in runs:
            return
        one = [r["parent"] + r["workers"] for r in runs[1]]
        for jobs in args.jobs:
            if jobs == 1:
                continue
            walls = [a["wall"] / b["wall"] for a, b in zip(runs[1], runs[jobs], strict=True)]
            # With the parent and the workers sharing ``jobs`` idle cores, wall time is at
            # least their CPU over the cores: the speed-up the work allows, whatever else
            # the machine runs (start-up before the fork, serial, lowers it a little more).
            bound = [
                jobs * c / (r["parent"] + r["workers"])
                for c, r in zip(one, runs[jobs], strict=True)
            ]
            # The start-up before the fork runs alone, the other cores idle: on an idle
            # machine wall time is at least that plus the rest of the CPU over the cores.
            idle = [
                c / (pre + (r["parent"] + r["workers"] - pre) / jobs)
                for c, r in zip(one, runs[jobs], strict=True)
                for pre in [r["before_fork"] or 0.0]
            ]
            print(
                f"speed-up with {jobs} jobs: wall-clock {_spread(walls)} (machine shared); "
                f"CPU-bound {_spread(bound)} = {jobs} x CPU with 1 job / CPU with {jobs}; "
                f"with the start-up before the fork serial {_spread(idle)}"
            )


def _spread(xs: list[float]) -> str:
    xs = sorted(xs)
    med = statistics.median(xs)
    return f"{med:.2f}x" if len(xs) == 1 else f"{med:.2f}x (median; {xs[0]:.2f}-{xs[-1]:.2f})"


if __name__ == "__main__":
    main()
