"""Event extraction benchmark: MB of text per CPU-second, geoparsing included.

Reports numbers; asserts nothing (target: >= 0.5 MB/s per core with geoparsing included).
Runs ``geo.pipeline.process`` (geoparse, events, ACLED labels: what an ingest worker does
before it encodes rows) on three sets: the texts of bench_geoparse.py (our gold and sample
texts), the synthetic articles of bench_ingest.py, and, with ``--real DIR ...``, real reports
kept out of git (one JSON file each with ``text`` and ``published``), each folder on its own
and, given several, all together (wire copy with curly quotes reads otherwise than plain
ASCII). CPU time of this process, the best of ``--repeat`` runs, so other work on the machine
counts less.

    python benchmarks/bench_events.py [--synthetic 300] [--repeat 3] [--real DIR ...]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_geoparse import _corpus
from bench_ingest import make_corpus

from geo.events.extract import extract_events
from geo.pipeline import process
from geo.places.gazetteer import load_gazetteer
from geo.records import Article
from geo.text.articles import article_from_text, read_article
from geo.toponyms.geoparse import geoparse


def _bench_texts() -> list[Article]:
    docs = list(dict.fromkeys(_corpus(1e-9)))  # each distinct document once
    return [article_from_text(d, published=dt.date(2024, 8, 21)) for d in docs]


def _synthetic(n: int) -> list[Article]:
    with tempfile.TemporaryDirectory() as tmp:
        return [read_article(p) for p in make_corpus(Path(tmp), n)]


def _real(folder: Path) -> list[Article]:
    out = []
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(str(doc["published"])[:10])
        out.append(article_from_text(doc["text"], published=published))
    return out


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def measure(name: str, articles: list[Article], gaz, repeat: int) -> None:
    """Print one set's throughput: the whole analysis, and geoparsing and events apart."""
    nbytes = sum(len(a.text.encode("utf-8")) for a in articles)
    for a in articles[:20]:
        process(a, gazetteer=gaz)  # lazy indexes and caches, once
    tops = [geoparse(a.text, published=a.published, gazetteer=gaz) for a in articles]
    whole = _best(lambda: [process(a, gazetteer=gaz) for a in articles], repeat)
    parse = _best(
        lambda: [geoparse(a.text, published=a.published, gazetteer=gaz) for a in articles], repeat
    )
    events = _best(
        lambda: [extract_events(a, t) for a, t in zip(articles, tops, strict=True)], repeat
    )
    mb = nbytes / 1e6
    print(
        f"{name:<10} {len(articles):>5} docs {mb:6.3f} MB  {mb / whole:5.2f} MB/s "
        f"({1000 * whole / len(articles):5.2f} ms/doc; geoparse {mb / parse:5.2f} MB/s, "
        f"events alone {mb / events:5.2f} MB/s)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=300, help="synthetic articles")
    ap.add_argument("--repeat", type=int, default=3, help="runs per set; the best counts")
    ap.add_argument(
        "--real", type=Path, nargs="+", help="folders of real reports (*.json), not in git"
    )
    args = ap.parse_args()
    gaz = load_gazetteer()
    print("CPU time of one process (one core), best of", args.repeat)
    measure("bench", _bench_texts(), gaz, args.repeat)
    measure("synthetic", _synthetic(args.synthetic), gaz, args.repeat)
    if args.real:
        sets = [_real(folder) for folder in args.real]
        for folder, articles in zip(args.real, sets, strict=True):
            measure(folder.name, articles, gaz, args.repeat)
        if len(sets) > 1:
            measure("real, all", [a for articles in sets for a in articles], gaz, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
