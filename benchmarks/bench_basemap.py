"""Cost of the basemap's names and lines: first run, later runs, files, bytes per view, page.

Usage: python benchmarks/bench_basemap.py [latin|cyrillic]
Writes the files into a temporary static folder (the gazetteer is loaded first, as the app
has it loaded already), then prints CPU and wall time of the first and of a second call,
the number and bytes of files by kind, the bytes a browser fetches for a view of Donetsk
Oblast at zoom 6 and at zoom 11 (the files labels.js asks for), and the bytes the layer adds
to a rendered map page. Numbers only; no assertion.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.maps import assets, labels  # noqa: E402
from geo.maps import build as maps  # noqa: E402
from geo.maps.mapnames import merc  # noqa: E402
from geo.places.gazetteer import load_gazetteer  # noqa: E402

DONETSK = (48.0, 37.8)


def _view_bytes(folder: Path, z: int, lat: float, lon: float) -> tuple[int, int]:
    """Files and bytes labels.js fetches for a 1400x1000 px view centred on (lat, lon)."""
    m = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    wanted = {"manifest.json"}
    band = max(b for b in m["lineBands"] if b <= z)
    wanted.add(f"lines{band}.json")
    x, y = merc(lat, lon)
    n = 2**z
    tx, ty = int(x * n), int(y * n)
    tiles = {(tx + dx, ty + dy) for dx in range(-3, 4) for dy in range(-2, 3)}
    for k in range(min(z, m["maxZoom"]) + 1):
        if k < m["chunkFrom"]:
            if k in m["zooms"]:
                wanted.add(f"z{k}.json")
            continue
        have = set(m["chunks"].get(str(k), []))
        shift = 2 ** (z - m["chunkZoom"])
        for tx_, ty_ in tiles:
            cx, cy = tx_ // shift, ty_ // shift
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    c = f"{cx + dx}_{cy + dy}"
                    if c in have:
                        wanted.add(f"z{k}/{c}.json")
    return len(wanted), sum((folder / w).stat().st_size for w in wanted)


def main(script: str = "latin") -> None:
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    print(f"gazetteer loaded in {time.perf_counter() - t0:.1f} s wall")
    with tempfile.TemporaryDirectory() as tmp:
        c0, w0 = time.process_time(), time.perf_counter()
        info = labels.ensure_basemap_labels(tmp, script=script, gazetteer=gaz)
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        print(f"first run: {cpu:.1f} s CPU, {wall:.1f} s wall ({script})")
        c0, w0 = time.process_time(), time.perf_counter()
        labels.ensure_basemap_labels(tmp, script=script, gazetteer=gaz)
        print(
            f"second run (files current): {1000 * (time.process_time() - c0):.0f} ms CPU, "
            f"{1000 * (time.perf_counter() - w0):.0f} ms wall"
        )
        files = [p for p in info.folder.rglob("*.json")]
        kinds: dict[str, list[int]] = {}
        for p in files:
            rel = p.relative_to(info.folder).as_posix()
            kind = (
                "lines"
                if rel.startswith("lines")
                else "manifest"
                if "manifest" in rel
                else ("names z0-8" if "/" not in rel else "names z9+ (chunked)")
            )
            kinds.setdefault(kind, []).append(p.stat().st_size)
        total = sum(sum(v) for v in kinds.values())
        print(f"{info.labels:,} names; {len(files)} files, {total:,} bytes in all")
        for kind, sizes in sorted(kinds.items()):
            print(f"  {kind}: {len(sizes)} files, {sum(sizes):,} bytes")
        for z in (6, 9, 11, 13):
            n, b = _view_bytes(info.folder, z, *DONETSK)
            print(
                f"view of Donetsk Oblast at zoom {z}: {n} files, {b:,} bytes fetched (cumulative)"
            )
    assets.use_local_assets()
    with_layer = len(maps.build_base_map().get_root().render())
    without = len(maps.build_base_map(labels=False).get_root().render())
    print(f"map page: {with_layer - without:,} bytes more with the layer ({with_layer:,} in all)")
    print(f"labels.js: {assets.LABELS_JS.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:2])
