"""Ingest benchmark: articles per second with one worker process and with two.

Reports numbers; asserts nothing (targets: >= 1.8x faster with 2 jobs than with 1 on a
2-core machine; >= 500 news-sized articles per second per core). The corpus is synthetic:
articles of about 3 KB built from varied sentences of our own naming real places.

    python benchmarks/bench_ingest.py [--articles 2000] [--jobs 1 2] [--profile]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
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


def _cpu() -> tuple[float, float]:
    # This process, and its finished children (the pool's workers are joined at the end).
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def run(corpus: Path, jobs: int, gazetteer) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds of this process and of the workers, and articles added."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "store") as store:
        t, (own, kids) = time.perf_counter(), _cpu()
        report = ingest([corpus], store=store, gazetteer=gazetteer, jobs=jobs)
        own2, kids2 = _cpu()
        return time.perf_counter() - t, own2 - own, kids2 - kids, report.added


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--profile", action="store_true", help="cProfile one job on 300 articles")
    args = ap.parse_args()
    gaz = load_gazetteer()
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
            prof = cProfile.Profile()
            prof.runcall(run, few, 1, gaz)
            pstats.Stats(prof).sort_stats("tottime").print_stats(15)
            return
        rates, cpu_rates = {}, {}
        print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start)")
        for jobs in args.jobs:
            seconds, own, kids, added = run(corpus, jobs, gaz)
            rates[jobs] = added / seconds
            cpu_rates[jobs] = added / (own + kids)
            print(
                f"jobs={jobs}: {added} articles in {seconds:.1f} s wall = {rates[jobs]:.0f} "
                f"articles/s; CPU {own:.1f} s here (reading results, writing) + {kids:.1f} s in "
                f"workers = {cpu_rates[jobs]:.0f} articles per CPU-second, "
                f"{1000 * own / added:.1f} ms per article in the writer"
            )
        if 1 in rates:
            for jobs in args.jobs:
                if jobs != 1:
                    # With every process on a core of its own, wall time would be the
                    # busiest process's CPU time; this is the speed-up the work allows,
                    # whatever else the machine is running.
                    print(
                        f"speed-up with {jobs} jobs: {rates[jobs] / rates[1]:.2f}x wall-clock "
                        f"(machine shared); CPU efficiency {cpu_rates[jobs] / cpu_rates[1]:.2f} "
                        f"(CPU per article with 1 job / with {jobs}), so at most "
                        f"{jobs * cpu_rates[jobs] / cpu_rates[1]:.2f}x on {jobs} idle cores"
                    )


if __name__ == "__main__":
    main()
