"""The ``frontline`` and ``nearfront`` commands of ``python -m geo``.

``add_frontline_parser(subparsers)`` registers both; ``run_frontline``/``run_nearfront`` run them.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from geo.errors import GeoError, InputError
from geo.inputs import read_file, shown

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["add_frontline_parser", "run_frontline", "run_nearfront"]

CLASSES = ("occupied", "contested", "liberated", "claimed", "unknown")


def _common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a --store given to the main parser is not overwritten by this default.
    parser.add_argument(
        "--store", default=argparse.SUPPRESS, help="store folder or postgresql:// URL"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def add_frontline_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``frontline {import,list,diff,fetch}`` and ``nearfront`` on ``subparsers``."""
    front = subparsers.add_parser("frontline", help="dated control areas: import, list, diff")
    sub = front.add_subparsers(dest="frontline_command", required=True)
    imp = sub.add_parser("import", help="import a GeoJSON/KML/KMZ/GPKG/zipped-Shapefile snapshot")
    imp.add_argument("file")
    imp.add_argument("--date", help="YYYY-MM-DD (default: the features' date or the file name)")
    imp.add_argument("--source", help="who drew the map, e.g. deepstate, isw (default: local)")
    imp.add_argument("--class", dest="class_", choices=CLASSES, help="one class for everything")
    _common(imp)
    lst = sub.add_parser("list", help="list stored snapshots")
    lst.add_argument("--source")
    _common(lst)
    dif = sub.add_parser("diff", help="area gained and lost between two dates (km²)")
    dif.add_argument("--from", dest="from_date", required=True, metavar="DATE")
    dif.add_argument("--to", dest="to_date", required=True, metavar="DATE")
    dif.add_argument("--by", choices=["oblast"], help="split by admin-1 unit")
    dif.add_argument("--source")
    _common(dif)
    fetch = sub.add_parser("fetch", help="download a snapshot (uses the network)")
    fetch.add_argument("service", choices=["deepstate", "arcgis"])
    fetch.add_argument("--url", help="arcgis: the layer URL (…/FeatureServer/<n>)")
    fetch.add_argument("--date", help="deepstate: map current at DATE; arcgis: snapshot date")
    fetch.add_argument("--source", help="default: the service name (arcgis: isw)")
    _common(fetch)
    front.set_defaults(func=run_frontline)

    near = subparsers.add_parser("nearfront", help="settlements within N km of the front line")
    near.add_argument("--date", required=True, help="YYYY-MM-DD")
    near.add_argument("--km", required=True, type=float, help="distance from the front in km")
    near.add_argument("--source", help="whose front (default: the newest snapshot's source)")
    near.add_argument("--settlements", help="CSV with name, lat, lon[, population] to use")
    near.add_argument("--limit", type=int, default=40, help="rows to print (default 40)")
    _common(near)
    near.set_defaults(func=run_nearfront)


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    def cell(v: Any) -> str:
        if isinstance(v, float):
            return "" if v != v else f"{v:,.1f}"
        return "" if v is None else str(v)

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines)


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _snapshot_rows(snapshots) -> list[dict[str, Any]]:
    return [
        {
            "date": s.date.isoformat(),
            "source": s.source,
            "class": str(s.class_),
            "kind": s.kind,
            "features": s.features,
            "area_km2": s.area_km2,
            "length_km": s.length_km,
            "filename": s.filename,
            "snapshot_id": s.snapshot_id,
        }
        for s in snapshots
    ]


def _report_import(result, as_json: bool) -> None:
    rows = _snapshot_rows(result.snapshots)
    if as_json:
        _print_json(
            {
                "filename": result.filename,
                "source": result.source,
                "unchanged": result.unchanged,
                "replaced": result.replaced,
                "notes": list(result.notes),
                "snapshots": rows,
            }
        )
        return
    if result.unchanged:
        print(f"{result.filename} is already stored for that date and source; nothing changed.")
        return
    print(
        f"Imported {result.filename} as source {result.source!r}: {len(rows)} snapshot(s)"
        + (f", replacing {result.replaced}" if result.replaced else "")
    )
    print(_table(rows, ["date", "class", "kind", "features", "area_km2", "length_km"]))
    for note in result.notes:
        print(f"note: {note}")


def _frontline(args: argparse.Namespace) -> int:
    from geo.frontline.asof import import_snapshots
    from geo.frontline.change import diff
    from geo.frontline.store import open_frontline_store

    store = open_frontline_store(getattr(args, "store", None))
    command = args.frontline_command
    if command == "import":
        result = import_snapshots(
            args.file, date=args.date, source=args.source, class_=args.class_, store=store
        )
        _report_import(result, args.json)
    elif command == "fetch":
        result = _fetch(args, store)
        _report_import(result, args.json)
    elif command == "list":
        rows = _snapshot_rows(store.snapshots(source=args.source, geometry=False))
        if args.json:
            _print_json(rows)
        elif not rows:
            print(f"No snapshots in {store.location}; add one with `frontline import FILE`.")
        else:
            print(_table(rows, ["date", "source", "class", "kind", "area_km2", "filename"]))
    elif command == "diff":
        result = diff(args.from_date, args.to_date, source=args.source, by=args.by, store=store)
        frame = result.frame()
        rows = frame.to_dict("records")
        if args.json:
            _print_json(
                {
                    "from": result.from_date,
                    "to": result.to_date,
                    "by": args.by,
                    "skipped_sources": list(result.skipped),
                    "changes": rows,
                }
            )
            return 0
        print(f"Change from {result.from_date} to {result.to_date} (km², geodesic on WGS 84)")
        cols = ["source", "class", "from_date", "to_date"]
        cols += ["admin1_code", "admin1_name"] if args.by else []
        print(_table(rows, [*cols, "gained_km2", "lost_km2", "net_km2"]))
        if result.skipped:
            print(
                f"note: no snapshot at or before {result.from_date} for "
                f"{', '.join(result.skipped)}; skipped"
            )
    return 0


def _fetch(args: argparse.Namespace, store):
    from geo.frontline.asof import parse_date
    from geo.frontline.fetch import fetch_arcgis_layer, fetch_deepstate

    day = parse_date(args.date) if args.date else None
    if args.service == "deepstate":
        day, data = fetch_deepstate(date=day, online=True)
        label = f"deepstate-{day.isoformat()}.geojson"
        source = args.source or "deepstate"
    else:
        if not args.url or day is None:
            raise InputError("`frontline fetch arcgis` needs --url LAYER_URL and --date DATE.")
        title, data = fetch_arcgis_layer(args.url, online=True)
        label, source = args.url, args.source or "isw"
        print(f"Fetched layer {title!r}", file=sys.stderr)
    return store.import_bytes(data, suffix=".geojson", label=label, date=day, source=source)


MAX_SETTLEMENTS_BYTES = 50_000_000  # the world's cities500 table is about 30 MB


def _settlements(name: str):
    """The settlements table of ``--settlements``: name, lat, lon[, population]."""
    import io

    import pandas as pd

    from geo.frontline.near import settlements_frame

    data = read_file(name, max_bytes=MAX_SETTLEMENTS_BYTES)
    try:
        frame = pd.read_csv(io.BytesIO(data))
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(
            f"Cannot read settlements CSV {shown(name)} ({first}); give a CSV with name, lat, "
            "lon columns."
        ) from None
    return settlements_frame(frame)  # checked before the store is opened


def _nearfront(args: argparse.Namespace) -> int:
    from geo.frontline.near import near_front
    from geo.frontline.store import open_frontline_store

    settlements = None
    if args.settlements:
        settlements = _settlements(args.settlements)
    store = open_frontline_store(getattr(args, "store", None))
    near = near_front(args.date, args.km, source=args.source, settlements=settlements, store=store)
    if near is None:
        raise InputError(
            f"No front line at or before {args.date}; import a snapshot with `frontline import`."
        )
    columns = [
        c
        for c in (
            "place_id",
            "name",
            "country_code",
            "admin1_code",
            "population",
            "distance_km",
            "in_area",
            "lat",
            "lon",
        )
        if c in near.columns
    ]
    rows = near[columns].astype(object).where(near[columns].notna(), None).to_dict("records")
    population = int(near["population"].fillna(0).astype(float).sum())
    source, snap = (near.attrs.get("source"), near.attrs.get("snapshot_date"))
    if args.json:
        _print_json(
            {
                "date": args.date,
                "km": args.km,
                "source": source,
                "snapshot_date": snap,
                "settlements": rows,
                "count": len(rows),
                "population": population,
            }
        )
        return 0
    print(
        f"Front of {source} on {snap}: {len(rows)} settlement(s) within {args.km:g} km, "
        f"population {population:,}"
    )
    if rows:
        shown = [c for c in columns if c not in {"lat", "lon", "place_id"}]
        print(_table(rows[: max(args.limit, 0)], shown))
        if len(rows) > args.limit:
            print(f"... {len(rows) - args.limit} more (use --limit or --json)")
    return 0


def _run(func, args: argparse.Namespace) -> int:
    try:
        return func(args)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file system failure no check foresaw: still one line
        where = f" ({shown(exc.filename)})" if exc.filename else ""
        print(f"error: {exc.strerror or exc}{where}; check the path.", file=sys.stderr)
        return 2


def run_frontline(args: argparse.Namespace) -> int:
    """Run ``frontline import|list|diff|fetch``; 0 on success, 2 on a user error."""
    return _run(_frontline, args)


def run_nearfront(args: argparse.Namespace) -> int:
    """Run ``nearfront``; 0 on success, 2 on a user error (message on stderr)."""
    return _run(_nearfront, args)
