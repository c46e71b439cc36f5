"""Reverse geocoding benchmark: queries per second, scanning every place vs the grid index.

Reports numbers per CPU-second; asserts nothing (target: >= 10,000 queries/s through the
index).
Query points: half in and around Ukraine, half anywhere on Earth.

    python benchmarks/bench_reverse.py [--queries 2000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.places.gazetteer import load_gazetteer
from geo.places.offline import OfflineGeocoder
from geo.places.spatial import PointIndex, nearest_brute


def _points(n: int) -> list[tuple[float, float]]:
    rng = np.random.default_rng(7)
    near = np.column_stack([rng.uniform(42, 56, n // 2), rng.uniform(18, 44, n // 2)])
    anywhere = np.column_stack(
        [np.degrees(np.arcsin(rng.uniform(-1, 1, n - n // 2))), rng.uniform(-180, 180, n - n // 2)]
    )
    return [tuple(p) for p in np.vstack([near, anywhere]).tolist()]


def _rate(fn, points, repeat: int = 3) -> float:
    # CPU time of this process, best of a few runs (as timeit does): other jobs on a shared
    # machine only ever slow a run down.
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        for p in points:
            fn(*p)
        best = min(best, time.process_time() - t)
    return len(points) / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=2000)
    args = ap.parse_args()
    gaz = load_gazetteer()
    frame = gaz.populated_places()
    lat, lon = frame["lat"].to_numpy(dtype=float), frame["lon"].to_numpy(dtype=float)
    rlat, rlon = np.radians(lat), np.radians(lon)
    points = _points(args.queries)

    t = time.perf_counter()
    index = PointIndex(lat, lon)
    build_s = time.perf_counter() - t
    brute = _rate(
        lambda a, b: nearest_brute(rlat, rlon, np.radians(a), np.radians(b)),
        points[: max(200, args.queries // 10)],
        repeat=1,
    )
    indexed = _rate(lambda a, b: index.nearest(a, b), points)
    geocoder = OfflineGeocoder(gazetteer=gaz)
    geocoder.reverse(points[0])  # builds the geocoder's index once
    end_to_end = _rate(lambda a, b: geocoder.reverse((a, b)), points)
    print(f"populated places           {len(index):>10,}")
    print(f"index build                {build_s:>10.2f} s")
    print(f"brute force (scan all)     {brute:>10,.0f} queries/s")
    print(f"grid index                 {indexed:>10,.0f} queries/s  ({indexed / brute:.0f}x)")
    print(f"OfflineGeocoder.reverse    {end_to_end:>10,.0f} queries/s  (Location objects)")


if __name__ == "__main__":
    main()
