"""Nearest points on the sphere: a grid index of 1-degree cells, exact great-circle answers.

Reverse geocoding asks for the places nearest a point; scanning all of them per query costs a
few milliseconds, the grid a few tens of microseconds, with the very same answers.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["EARTH_RADIUS_KM", "PointIndex", "great_circle_km", "haversine_km", "nearest_brute"]

EARTH_RADIUS_KM = 6371.0088
_HALF_CIRCUMFERENCE_KM = math.pi * EARTH_RADIUS_KM
# The first search radius, and how much it grows while too few points are found. Small
# enough that a query in a dense country reads a few cells; growing is cheap while boxes are
# only counted, so the first box read is not much bigger than needed.
_FIRST_RADIUS_KM = 25.0
_GROWTH = 1.5


def great_circle_km(
    lat1: float, lon1: float, lat2: float, lon2: float, *, radius_km: float = EARTH_RADIUS_KM
) -> float:
    """Great-circle distance in km between two points given in degrees (one pair, no numpy)."""
    # Asked for every reading against every anchor: four calls, no tuple and map per pair.
    radians = math.radians
    p1, p2 = radians(lat1), radians(lat2)
    dl = radians(lon2) - radians(lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius_km * math.asin(min(1.0, math.sqrt(h)))


def haversine_km(lat: np.ndarray, lon: np.ndarray, lat0: float, lon0: float) -> np.ndarray:
    """Great-circle distances in km from one point to many, all in radians.

    The index and the brute-force scan both use this, so their distances agree to the bit.
    """
    import numpy as np

    hav = np.sin((lat - lat0) / 2) ** 2 + np.cos(lat0) * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(hav, 0.0, 1.0)))


def _top(idx: np.ndarray, dist: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` smallest distances, nearest first; equal distances in index order."""
    import numpy as np

    if idx.size > k:
        kth = np.partition(dist, k - 1)[k - 1]
        keep = dist <= kth
        idx, dist = idx[keep], dist[keep]
    order = np.lexsort((idx, dist))[:k]
    return idx[order], dist[order]


def nearest_brute(
    lat: np.ndarray, lon: np.ndarray, lat0: float, lon0: float, *, k: int = 1
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` points nearest ``(lat0, lon0)`` by scanning them all (radians in, km out).

    The reference the index is tested and benchmarked against.
    """
    import numpy as np

    dist = haversine_km(lat, lon, lat0, lon0)
    return _top(np.arange(lat.size), dist, k)


class PointIndex:
    """Points on the sphere bucketed into latitude/longitude cells, for nearest queries.

    Parameters
    ----------
    lat, lon : array of float
        Coordinates in degrees; a point is known by its position in these arrays.
    cell_deg : float
        Cell size in degrees (default 1: a few hundred places per cell in Ukraine).

    Notes
    -----
    A query reads the cells of the bounding box of a spherical cap around the point, growing
    the cap until it holds ``k`` points no farther than its radius; every point outside the
    box is then farther than the cap, so the answer is exactly the brute-force one. Within the
    box, 3-D unit vectors pick the few nearest by one dot product each, and only those get
    the haversine distance (the brute force's formula, so the distances agree to the bit).
    """

    def __init__(self, lat, lon, *, cell_deg: float = 1.0) -> None:
        import numpy as np

        lat_deg = np.asarray(lat, dtype=float)
        lon_deg = np.asarray(lon, dtype=float)
        self.lat = np.radians(lat_deg)
        self.lon = np.radians(lon_deg)
        self._cell = cell_deg
        self._rows = math.ceil(180 / cell_deg)
        self._cols = math.ceil(360 / cell_deg)
        row = np.clip(np.floor((lat_deg + 90) / cell_deg), 0, self._rows - 1).astype(np.int64)
        col = np.floor((lon_deg + 180) / cell_deg).astype(np.int64) % self._cols
        cell = row * self._cols + col
        # Stable: within a cell, points stay in index order. Coordinates are kept in cell
        # order too, so the points of a run of cells are one contiguous slice.
        self._order = np.argsort(cell, kind="stable")
        self._start = np.searchsorted(cell[self._order], np.arange(self._rows * self._cols + 1))
        cos_lat = np.cos(self.lat)
        xyz = np.column_stack(
            [cos_lat * np.cos(self.lon), cos_lat * np.sin(self.lon), np.sin(self.lat)]
        )
        self._xyz = np.ascontiguousarray(xyz[self._order])
        # Points per cell summed over rows and columns: the number in any box of cells is
        # four look-ups, so empty boxes (oceans) are skipped without touching a point.
        counts = np.diff(self._start).reshape(self._rows, self._cols)
        sat = np.zeros((self._rows + 1, self._cols + 1), dtype=np.int64)
        sat[1:, 1:] = counts.cumsum(axis=0).cumsum(axis=1)
        self._sat = sat.tolist()

    def __len__(self) -> int:
        return int(self.lat.size)

    def nearest(
        self, lat: float, lon: float, *, k: int = 1, max_km: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` points nearest ``(lat, lon)`` (degrees), nearest first.

        Returns
        -------
        (indices, distances_km) : arrays
            At most ``k`` entries, fewer when ``max_km`` excludes some; equal distances in
            index order.
        """
        import numpy as np

        k = min(k, len(self))
        if k < 1:
            return np.empty(0, dtype=np.int64), np.empty(0)
        lat0, lon0 = math.radians(lat), math.radians(lon)
        c = math.cos(lat0)
        q = np.array([c * math.cos(lon0), c * math.sin(lon0), math.sin(lat0)])
        radius = _FIRST_RADIUS_KM
        while True:
            whole = radius >= _HALF_CIRCUMFERENCE_KM
            capped = max_km is not None and radius >= max_km
            if whole:
                slices = [(0, len(self))]
            else:
                box = self._box(lat0, lon0, radius)
                count = self._count(box)
                if not capped and count < k:
                    radius *= _GROWTH
                    continue
                slices = self._slices(box)
            top, top_d = self._nearest_in(slices, q, lat0, lon0, k)
            if not (whole or capped) and top.size == k and top_d[-1] > radius:
                # Some of the k found lie beyond the cap, in the box's corners. All k lie
                # within the farthest of them: if the box of that cap holds no more points
                # (it contains this one), nothing nearer was missed; else read it.
                wider = float(top_d[-1]) * 1.001 + 1e-6
                if self._count(self._box(lat0, lon0, wider)) != count:
                    radius = wider
                    continue
            if whole or capped or top.size == k:
                if max_km is not None:
                    keep = top_d <= max_km
                    top, top_d = top[keep], top_d[keep]
                return top, top_d
            radius *= _GROWTH  # fewer points than asked for in the whole box: widen it

    def _nearest_in(self, slices, q, lat0: float, lon0: float, k: int):
        """The ``k`` nearest among the points of ``slices`` (cell order), by haversine."""
        import numpy as np

        if len(slices) == 1:
            a, b = slices[0]
            xyz = self._xyz[a:b]
        else:
            xyz = np.concatenate([self._xyz[a:b] for a, b in slices])
        if xyz.shape[0] == 0:
            return np.empty(0, dtype=np.int64), np.empty(0)
        dot = xyz @ q
        if dot.size > k:
            # A dot product orders points by distance but is coarse near 0 km; keep every
            # point within about 10 m of the k-th, and let the haversine decide among them.
            kth = -np.partition(-dot, k - 1)[k - 1]
            local = np.flatnonzero(dot >= kth - 1e-12)
        else:
            local = np.arange(dot.size)
        if len(slices) == 1:
            pos = local + slices[0][0]
        else:
            # Back to cell order: each slice's start, less the points of the slices before it.
            bounds = np.array(slices)
            lengths = bounds[:, 1] - bounds[:, 0]
            before = np.cumsum(lengths) - lengths
            which = np.searchsorted(before, local, side="right") - 1
            pos = bounds[which, 0] + local - before[which]
        idx = self._order[pos]
        return _top(idx, haversine_km(self.lat[idx], self.lon[idx], lat0, lon0), k)

    def _box(self, lat0: float, lon0: float, radius_km: float):
        """Rows and column ranges of the cells covering a cap of ``radius_km`` (a superset)."""
        # A little wider than the cap, so rounding never leaves a point at its edge outside.
        a = radius_km * 1.001 / EARTH_RADIUS_KM + 1e-9
        lo_lat, hi_lat = lat0 - a, lat0 + a
        all_lons = lo_lat <= -math.pi / 2 or hi_lat >= math.pi / 2
        s = 1.0 if all_lons else math.sin(a) / math.cos(lat0)
        cell, cols = self._cell, self._cols
        r_lo = max(0, math.floor((math.degrees(lo_lat) + 90) / cell))
        r_hi = min(self._rows - 1, math.floor((math.degrees(hi_lat) + 90) / cell))
        if s >= 1.0:
            return r_lo, r_hi, [(0, cols - 1)]
        dlon = math.asin(s)
        c_lo = math.floor((math.degrees(lon0 - dlon) + 180) / cell)
        c_hi = math.floor((math.degrees(lon0 + dlon) + 180) / cell)
        if c_hi - c_lo + 1 >= cols:
            return r_lo, r_hi, [(0, cols - 1)]
        c_lo, c_hi = c_lo % cols, c_hi % cols
        return r_lo, r_hi, [(c_lo, c_hi)] if c_lo <= c_hi else [(c_lo, cols - 1), (0, c_hi)]

    def _count(self, box) -> int:
        """How many points the cells of ``box`` hold."""
        r_lo, r_hi, c_ranges = box
        top, bottom = self._sat[r_lo], self._sat[r_hi + 1]
        return sum(bottom[c1 + 1] - bottom[c0] - top[c1 + 1] + top[c0] for c0, c1 in c_ranges)

    def _slices(self, box) -> list[tuple[int, int]]:
        """Runs of cell-ordered points in the cells of ``box``."""
        r_lo, r_hi, c_ranges = box
        start, cols = self._start, self._cols
        if c_ranges == [(0, cols - 1)]:  # whole rows: one run
            return [(int(start[r_lo * cols]), int(start[(r_hi + 1) * cols]))]
        return [
            (int(start[r * cols + c0]), int(start[r * cols + c1 + 1]))
            for r in range(r_lo, r_hi + 1)
            for c0, c1 in c_ranges
        ]
