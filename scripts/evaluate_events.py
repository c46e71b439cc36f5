"""Score the project's event extraction against the gold set and print the report.

Runs geo.text.articles.article_from_text + geo.pipeline.process on every gold paragraph, offline.
From the project root:

    python scripts/evaluate_events.py [--gold PATH] [--details] [--json]
    python scripts/evaluate_events.py --war DIR [--details] [--json]
    python scripts/evaluate_events.py --war DIR --stages [--json]

``--war DIR`` scores coded real reports (one JSON file each, kept out of git) instead of a
gold set: type, place within 25 km (the oblast for area events) and overlapping dates, plus
casualty figures (evaluation.real_events). ``--stages`` counts the missed events by the
pipeline stage that lost them (evaluation.stages): counts only, safe on sets kept blind.
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
    parser.add_argument(
        "--stages",
        action="store_true",
        help="with --war: count the missed events by the pipeline stage that lost them",
    )
    args = parser.parse_args(argv)
    if args.stages:
        if args.war is None:
            parser.error("--stages reads coded real reports: give it --war DIR")
        return _run_stages(args)
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


def _run_stages(args: argparse.Namespace) -> int:
    """Print how many missed events each pipeline stage lost (no text, no rows)."""
    from evaluation.stages import NEAR_WHY, STAGES, miss_stages

    try:
        docs = load_reports(args.war)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    pipeline_extractor()  # the same clear message when the pipeline is missing
    counts = miss_stages(docs)
    if args.json:
        keys = ("matched", *STAGES, *NEAR_WHY)
        print(json.dumps({stage: counts[stage] for stage in keys}, indent=2))
        return 0
    missed = sum(counts[stage] for stage in STAGES)
    print(f"{counts['matched']} matched, {missed} missed; missed by the stage that lost them:")
    for stage in STAGES:
        print(f"  {stage:<17} {counts[stage]:>4}")
        if stage == "near" and counts[stage]:
            for why in NEAR_WHY:
                print(f"    {why.removeprefix('near_'):<15} {counts[why]:>4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
