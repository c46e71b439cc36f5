"""Score the project's event extraction against the gold set and print the report.

Runs geo.text.articles.article_from_text + geo.pipeline.process on every gold paragraph, offline.
From the project root:

    python scripts/evaluate_events.py [--gold PATH] [--details] [--json]
    python scripts/evaluate_events.py --war DIR [--details] [--json]

``--war DIR`` scores coded real reports (one JSON file each, kept out of git) instead of a
gold set: type, place within 25 km (the oblast for area events) and overlapping dates, plus
casualty figures (evaluation.real_events).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

# The script runs from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evaluation.events import score
from evaluation.events_gold import default_gold_path, load_gold
from evaluation.real_events import load_reports, score_reports
from geo.errors import GeoError


def pipeline_extractor():
    """Return extract(text, published) built on the pipeline, or raise SystemExit with why."""
    try:
        from geo.pipeline import process
        from geo.text.articles import article_from_text
    except ImportError as exc:
        raise SystemExit(
            "The event pipeline is not available yet: this script needs "
            "geo.text.articles.article_from_text and geo.pipeline.process "
            f"({exc}). Build those modules first, then run it again."
        ) from exc

    def extract(text: str, published: dt.date):
        article = article_from_text(text, published=published)
        return process(article).events

    return extract


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=default_gold_path(), help="gold JSONL file")
    parser.add_argument(
        "--details", action="store_true", help="list every missed and spurious event"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--war", type=Path, metavar="DIR", help="score coded real reports (*.json) in DIR"
    )
    args = parser.parse_args(argv)
    if args.war is not None:
        return _run(args, load_reports, args.war, score_reports, "reports")
    return _run(args, load_gold, args.gold, score, "documents")


def _run(args: argparse.Namespace, load, path: Path, scorer, unit: str) -> int:
    """Load a set, score the pipeline on it and print the report (text or JSON)."""
    try:
        docs = load(path)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    extract = pipeline_extractor()
    started = time.perf_counter()
    report = scorer(docs, extract)
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps({**report.as_dict(), "seconds": round(elapsed, 3)}, indent=2))
    else:
        print(report.format(details=args.details))
        print(f"\n{len(docs)} {unit} in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
