"""Score the project's geoparser against the gold set and print the report.

Runs geo.toponyms.geoparse.geoparse on every gold paragraph, offline. From the project root:

    python scripts/evaluate_geoparse.py [--gold PATH] [--km 161] [--errors] [--json]
                                        [--country-distance] [--exclude-role ROLES]
    python scripts/evaluate_geoparse.py --corpus CORPUS.jsonl [--exclude-role ROLES] [--json]

``--corpus`` scores any JSONL in the shared schema (GeoWebNews, LGL, a local set) with the
field's metrics (evaluation/corpus.py), plus a confidence reliability table. Our gold sets
annotate places only, so demonyms, adjectives and embedded names are left out by default.
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

from evaluation.corpus import load_corpus, score_corpus
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

    def parse(text: str, published: dt.date | None = None, *, drop: frozenset[str] = frozenset()):
        return [t for t in geoparse(text, published=published) if t.role.value not in drop]

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
    parser.add_argument(
        "--corpus", type=Path, help="score a JSONL corpus in the shared schema instead"
    )
    parser.add_argument(
        "--exclude-role",
        default=None,
        help="comma-separated toponym roles not to count (default for --gold: "
        "demonym,adjectival,embedded; for --corpus: none)",
    )
    args = parser.parse_args(argv)
    if args.corpus is not None:
        return _score_corpus(args)
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
    roles = "demonym,adjectival,embedded" if args.exclude_role is None else args.exclude_role
    drop = frozenset(r.strip() for r in roles.split(",") if r.strip())
    try:
        report = evaluate(
            docs,
            lambda text, published: parse(text, published, drop=drop),
            km=args.km,
            countries_by_code=not args.country_distance,
        )
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


def _score_corpus(args: argparse.Namespace) -> int:
    try:
        docs = load_corpus(args.corpus)
    except (GeoError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    parse = geoparser()
    parse("Kyiv")  # load the gazetteer before timing
    roles = (args.exclude_role or "").split(",")
    report = score_corpus(docs, parse, name=args.corpus.name, exclude_roles=roles)
    print(json.dumps(report.as_dict()) if args.json else report.format())
    return 0


if __name__ == "__main__":
    sys.exit(main())
