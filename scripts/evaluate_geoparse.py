"""Score the project's geoparser against the gold set and print the report.

Runs geo.toponyms.geoparse.geoparse on every gold paragraph, offline. From the project root:

    python scripts/evaluate_geoparse.py [--gold PATH] [--km 161] [--errors] [--json]
                                        [--country-distance]
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

from evaluation.geoparse import ACC_KM, evaluate
from evaluation.geoparse_gold import default_gold_path, load_gold
from geo.errors import GeoError


def geoparser():
    """Return parse(text, published) on geo.toponyms.geoparse, or raise SystemExit with why."""
    try:
        from geo.toponyms.geoparse import geoparse
    except ImportError as exc:
        raise SystemExit(
            "The geoparser is not available: this script needs geo.toponyms.geoparse.geoparse "
            f"({exc}). Build or fix that module first, then run it again."
        ) from exc

    def parse(text: str, published: dt.date):
        return geoparse(text, published=published)

    return parse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=default_gold_path(), help="gold JSONL file")
    parser.add_argument("--km", type=float, default=ACC_KM, help="accuracy tolerance in km")
    parser.add_argument(
        "--errors", action="store_true", help="list false positives, false negatives, misplacements"
    )
    parser.add_argument(
        "--country-distance",
        action="store_true",
        help="score countries by distance to the gold point, not by ISO code",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    if args.km <= 0:
        parser.error("--km must be a positive number of kilometres")
    try:
        docs = load_gold(args.gold)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    parse = geoparser()
    # The first call loads the gazetteer; time it apart so parse time means parsing.
    started = time.perf_counter()
    parse("Kyiv", docs[0].published if docs else dt.date.today())
    warmup = time.perf_counter() - started
    try:
        report = evaluate(docs, parse, km=args.km, countries_by_code=not args.country_distance)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(
            json.dumps(
                {**report.as_dict(), "warmup_seconds": round(warmup, 3)},
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        print(report.format(errors=args.errors))
        print(f"warm-up (gazetteer load) {warmup:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
