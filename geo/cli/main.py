"""The command line: ``python -m geo places|ingest|import-events|export|frontline|...``.

Every command answers bad input with one clear line on stderr and exit code 2, never a
traceback; results go to stdout or to ``-o FILE`` (written atomically).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from geo.errors import GeoError, InputError
from geo.inputs import MAX_TEXT_BYTES, check_file, read_file, shown
from geo.layers.export import FORMATS
from geo.records import ToponymRole
from geo.text.articles import decode_text

__all__ = ["main", "places_geojson", "write_output"]

EXIT_OK, EXIT_USAGE = 0, 2
STORE_HELP = (
    "store folder, or postgresql://user@host/db for a team's PostGIS store "
    "(default: $GEO_STORE or the user data folder)"
)


def _date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _read_input(name: str) -> str:
    """The text of FILE, or of stdin for ``-``; at most ``MAX_TEXT_BYTES`` either way."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        label = "standard input"
        if len(data) > MAX_TEXT_BYTES:
            raise InputError(
                f"Standard input holds over {MAX_TEXT_BYTES / 1e6:.0f} MB; give one article."
            )
    else:
        try:
            data = read_file(name, max_bytes=MAX_TEXT_BYTES)
        except InputError as exc:
            if str(exc).startswith("No such file"):
                raise InputError(f"{shown(name)} does not exist; check the path.") from None
            raise
        label = shown(name)
    text = decode_text(data, label=label)
    if not text.strip():
        raise InputError(f"{label} is empty; give a file with article text.")
    return text


def write_output(payload: str, out: str | None) -> None:
    """Write to stdout, or atomically to ``out`` (a temp file renamed into place)."""
    if not out or out == "-":
        sys.stdout.write(payload)
        sys.stdout.flush()
        return
    from geo.layers.export import write_atomically

    write_atomically(out, lambda tmp: tmp.write_text(payload, encoding="utf-8"))


def places_geojson(toponyms: Sequence, *, roles: Iterable | None = None) -> dict:
    """One Point feature per distinct resolved place (RFC 7946: lon, lat; no crs member).

    Parameters
    ----------
    toponyms : sequence of geo.records.Toponym
        A text's toponyms, in text order.
    roles : iterable of ToponymRole or str, optional
        The roles whose mentions become features (names as in
        ``geo.layers.build.parse_roles``, ``"all"`` for every one). Default: literal and
        metonymic, the names that refer to a place as a place (``Toponym.is_place``).

    Returns
    -------
    dict
        A FeatureCollection. Each feature's properties count the chosen mentions of the
        place: ``mentions``, ``roles`` (the roles seen, in ``ToponymRole`` order) and
        ``role_mentions`` (role -> number of mentions), with its spellings and confidence.
    """
    from geo.layers.build import parse_roles

    wanted = parse_roles(roles) if roles is not None else None
    groups: dict[str, dict] = {}
    for t in toponyms:
        if t.place is None or not (t.is_place if wanted is None else t.role in wanted):
            continue
        p = t.place
        g = groups.get(p.place_id)
        if g is None:
            g = groups[p.place_id] = {
                "place": p,
                "mentions": 0,
                "surfaces": {},
                "roles": {},
                "confidence": 0.0,
                "first": t.start,
            }
        g["mentions"] += 1
        g["surfaces"][t.surface] = g["surfaces"].get(t.surface, 0) + 1
        g["roles"][t.role] = g["roles"].get(t.role, 0) + 1
        g["confidence"] += t.confidence
    features = []
    for g in sorted(groups.values(), key=lambda g: g["first"]):
        p = g["place"]
        seen = [r for r in ToponymRole if r in g["roles"]]
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(p.lon, 6), round(p.lat, 6)]},
                "properties": {
                    "place_id": p.place_id,
                    "name": p.name,
                    "kind": p.kind.value,
                    "country_code": p.country_code,
                    "admin1_code": p.admin1_code,
                    "admin1": p.admin1_name,
                    "geonameid": p.geonameid,
                    "population": p.population,
                    "mentions": g["mentions"],
                    "roles": [r.value for r in seen],
                    "role_mentions": {r.value: g["roles"][r] for r in seen},
                    "surface_forms": sorted(g["surfaces"], key=lambda s: -g["surfaces"][s]),
                    "confidence": round(g["confidence"] / g["mentions"], 3),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _progress_printer(stream=sys.stderr) -> Callable[[str, float], None]:
    last = {"msg": None}

    def report(msg: str, frac: float) -> None:
        if msg != last["msg"] or frac >= 1.0:
            stream.write(f"\r[{frac:4.0%}] {msg:<45}")
            if frac >= 1.0:
                stream.write("\n")
            stream.flush()
            last["msg"] = msg

    return report


def _gazetteer():
    from geo.places.gazetteer import load_gazetteer

    return load_gazetteer(progress=_progress_printer())


def cmd_places(args: argparse.Namespace) -> int:
    from geo.layers.build import parse_roles
    from geo.toponyms.geoparse import geoparse

    # Checked before the text is read and the gazetteer loaded: a typo fails at once.
    roles = parse_roles(args.role.split(","))
    text = _read_input(args.file)
    tops = geoparse(text, published=args.published, gazetteer=_gazetteer())
    payload = json.dumps(places_geojson(tops, roles=roles), ensure_ascii=False, indent=2) + "\n"
    write_output(payload, args.output)
    if args.output and args.output != "-":
        n = payload.count('"type": "Feature"')
        print(f"wrote {n} places to {args.output}", file=sys.stderr)
    return EXIT_OK


def _ingest_progress(stream=None) -> Callable[[int, int, str], None]:
    """Progress on stderr: ``[done/total] N articles/s  source``.

    Redrawn in place on a terminal; elsewhere a line every ten seconds, so the log of a long
    run still shows it moving.
    """
    stream = stream or sys.stderr
    interactive = stream.isatty()
    start = time.perf_counter()
    last = {"shown": -1.0}

    def report(done: int, total: int, source: str) -> None:
        now = time.perf_counter()
        if done < total and now - last["shown"] < (0.2 if interactive else 10.0):
            return
        last["shown"] = now
        rate = done / max(now - start, 1e-9)
        line = f"[{done}/{total}] {rate:6.1f} articles/s  {source[-50:]:<50}"
        if interactive:
            stream.write("\r" + line + ("\n" if done == total else ""))
        else:
            stream.write(line.rstrip() + "\n")
        stream.flush()

    return report


def cmd_ingest(args: argparse.Namespace) -> int:
    from geo.pipeline import IngestStatus, ingest
    from geo.store.base import open_store
    from geo.text.fetch import Fetcher, is_url

    paths = [p for p in args.paths if not is_url(p)]
    problems = [_unusable(p) for p in paths]
    if paths and len(paths) == len(args.paths) and all(problems):
        # Nothing to ingest: one line, before the gazetteer or the store is opened.
        if all(p.startswith("No such file") for p in problems):
            names = ", ".join(shown(p) for p in args.paths)
            raise InputError(f"{names}: no such file or folder; check the path.")
        raise InputError(" ".join(problems))
    if args.delay < 0 or args.timeout <= 0:
        raise InputError("--delay must be 0 or more and --timeout more than 0 seconds.")
    fetcher = Fetcher(timeout=args.timeout, deadline=3 * args.timeout, delay=args.delay)
    gaz = _gazetteer()
    with open_store(args.store) as store:
        report = ingest(
            args.paths,
            store=store,
            published=args.published,
            gazetteer=gaz,
            progress=_ingest_progress(),
            jobs=args.jobs,
            dask=args.dask,
            fetcher=fetcher,
        )
        for r in report:
            if r.status is IngestStatus.ADDED:
                print(f"added    {r.source}: {r.places} place mentions, {r.events} events")
                if r.message:
                    print(f"note     {r.source}: {r.message}", file=sys.stderr)
            elif r.status is IngestStatus.PRESENT:
                print(f"present  {r.source}: already in the store, nothing changed")
            else:
                print(f"error    {r.source}: {r.message}", file=sys.stderr)
        print(
            f"{report.added} added, {report.present} already present, {report.refused} "
            f"refused; store: {store.location}",
            file=sys.stderr,
        )
    return EXIT_USAGE if report.refused else EXIT_OK


def cmd_import_events(args: argparse.Namespace) -> int:
    from geo.pipeline import IngestStatus, import_events
    from geo.store.base import open_store

    with open_store(args.store) as store:
        result = import_events(args.file, fmt=args.format, store=store)
        if result.status is IngestStatus.ADDED:
            print(f"added    {result.source}: {result.events} events ({result.message})")
        else:
            print(f"present  {result.source}: already imported, nothing changed")
        print(f"store: {store.location}", file=sys.stderr)
    return EXIT_OK


def _unusable(name: str) -> str | None:
    """Why a path named to ``ingest`` cannot be read, or None (a folder, a readable file)."""
    try:
        if Path(name).is_dir():
            return None
    except OSError:
        pass  # a name too long for the system: check_file says so
    try:
        check_file(name, max_bytes=MAX_TEXT_BYTES)
    except InputError as exc:
        return str(exc)
    return None


def _jobs_arg(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes (1 or more)")
    return jobs


LAYERS = ("places", "events", "oblasts", "evacuations")


def cmd_export(args: argparse.Namespace) -> int:
    from geo.layers.columns import build_layers
    from geo.layers.export import write_layer
    from geo.store.base import open_store

    if args.start and args.end and args.start > args.end:
        raise InputError(f"--start {args.start} is after --end {args.end}; swap them.")
    fmt = args.format or _format_from_suffix(args.output)
    with open_store(args.store) as store:
        layers = build_layers(store, start=args.start, end=args.end)
    gdf = layers[args.layer]
    path = write_layer(gdf, args.output, fmt=fmt, layer=args.layer)
    print(f"wrote {len(gdf)} {args.layer} to {path} ({fmt})", file=sys.stderr)
    return EXIT_OK


def _format_from_suffix(output: str) -> str:
    suffix = Path(output).suffix.lower()
    return {".gpkg": "gpkg", ".csv": "csv"}.get(suffix, "geojson")


def cmd_prepare(args: argparse.Namespace) -> int:
    from geo.places.gazetteer import load_gazetteer

    load_gazetteer(rebuild=args.rebuild, progress=_progress_printer())
    print("gazetteer ready", file=sys.stderr)
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line (its default), and prefixes our program name."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = _Parser(prog="python -m geo", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("places", help="geoparse a text and write its places as GeoJSON")
    p.add_argument("file", help="a text file, or - for standard input")
    p.add_argument("--published", type=_date_arg, help="publication date, YYYY-MM-DD")
    p.add_argument(
        "--role",
        default="literal,metonymic",
        metavar="ROLE[,ROLE]",
        help=f"toponym roles that become features, comma-separated: {', '.join(ToponymRole)}, "
        "or all (default: literal,metonymic, the names that mean the place itself)",
    )
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_places)

    p = sub.add_parser("prepare", help="build the gazetteer index now (otherwise on first use)")
    p.add_argument("--rebuild", action="store_true", help="rebuild even if it is current")
    p.set_defaults(func=cmd_prepare)

    p = sub.add_parser(
        "ingest",
        help="add articles (.txt, .md, .html files, folders, article or RSS/Atom feed URLs) "
        "to the store",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH|URL",
        help="files or folders; http(s) URLs of articles or of RSS/Atom feeds (each feed "
        "item is fetched as an article; needs the network, used only for URLs given)",
    )
    p.add_argument(
        "--published",
        type=_date_arg,
        help="publication date for all of them, YYYY-MM-DD (default: front matter, "
        "HTML metadata, or inferred from the text)",
    )
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument(
        "--jobs",
        type=_jobs_arg,
        metavar="N",
        help="processes analysing articles (default: every core; 1: all in this process)",
    )
    p.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="analyse on a dask.distributed cluster: a scheduler address (tcp://host:8786), "
        "or 'local' to start one on this machine; this process still does all the writing",
    )
    p.add_argument(
        "--delay",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="pause between two requests to the same site (default: 1)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="give up on a URL that does not answer in this time; a whole page must "
        "arrive within three times it (default: 10)",
    )
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "import-events",
        help="add the events of a downloaded ACLED-layout or UCDP GED CSV as a source of its own",
    )
    p.add_argument("file", help="the CSV file")
    p.add_argument(
        "--format",
        required=True,
        choices=("acled", "ged"),
        help="acled: ACLED's columns (event_id_cnty, event_date, event_type, sub_event_type, "
        "location, latitude, longitude, ...); ged: UCDP GED's (id, date_start, date_end, "
        "type_of_violence, latitude, longitude, ...)",
    )
    p.add_argument("--store", help=STORE_HELP)
    p.set_defaults(func=cmd_import_events)

    p = sub.add_parser(
        "export",
        help="write a layer of the store as GeoJSON, GeoPackage, CSV or ACLED-layout CSV",
    )
    p.add_argument("layer", choices=LAYERS)
    p.add_argument("--start", type=_date_arg, help="keep what overlaps from this date on")
    p.add_argument("--end", type=_date_arg, help="keep what overlaps up to this date")
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="default: from the -o suffix, else geojson; acled: events or evacuations as a "
        "CSV in ACLED's columns (event_date, event_type, sub_event_type, ..., notes)",
    )
    p.add_argument("--store", help=STORE_HELP)
    p.add_argument("-o", "--output", required=True, help="output file")
    p.set_defaults(func=cmd_export)

    from geo.cli.frontline import add_frontline_parser

    add_frontline_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted; nothing was half-written.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a file system failure no check foresaw: still one line
        print(f"error: {_os_error(exc)}", file=sys.stderr)
        return EXIT_USAGE


def _os_error(exc: OSError) -> str:
    where = f" ({shown(exc.filename)})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}; check the path and try again."
