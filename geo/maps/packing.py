"""The map files' compact columns: what gzip, on the wire, makes small.

``geo.maps.columnar`` writes a revision's files with these; ``geomap.js`` (``decode``,
``decodeOblasts``) reads them back in the browser. Layouts in docs/ARCHITECTURE.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.errors import InputError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "COORD_SCALE",
    "OBLAST_SCALE",
    "UNDATED",
    "event_columns",
    "mention_columns",
    "narrow",
    "oblast_rings",
    "pack",
    "people_column",
    "spot_order",
]

# The browser's coordinates of events, in 1e-5 degree (about 1 m): int32 in the location table.
COORD_SCALE = 100_000
# The oblast polygons' steps, in 1e-3 degree: data/admin1.geojson.gz is rounded to that.
OBLAST_SCALE = 1_000
UNDATED = -(2**31)  # the day of an undated article


def narrow(values: np.ndarray) -> np.ndarray:
    """``values`` in the narrowest of uint8, uint16, uint32 that holds them, else int32."""
    import numpy as np

    v = np.asarray(values, dtype=np.int64)
    lo, hi = (int(v.min()), int(v.max())) if len(v) else (0, 0)
    if lo >= 0:
        for dtype in ("u1", "<u2", "<u4"):
            if hi <= np.iinfo(dtype).max:
                return v.astype(dtype)
    if lo < -(2**31) or hi >= 2**31:
        raise InputError(f"Map column values {lo}..{hi} do not fit in 32 bits.")
    return v.astype("<i4")


TYPE_CODES = {"u1": "u1", "u2": "<u2", "u4": "<u4", "i4": "<i4", "f4": "<f4"}


def pack(columns: list[tuple[str, np.ndarray]]) -> tuple[bytes, list[list]]:
    """Columns end to end, and their layout ``[name, type, byte offset, length]``.

    Integer columns of two or four bytes are stored as byte planes (every value's lowest
    byte, then every value's next byte, ...): gzip, which the app's server applies, finds
    the mostly-zero high bytes of small numbers far better than when they interleave.
    Each column starts at a multiple of 4 bytes: a float typed array needs an aligned start.
    """
    import numpy as np

    parts, layout, offset = [], [], 0
    codes = {np.dtype(v): k for k, v in TYPE_CODES.items()}
    for name, values in columns:
        code = codes[values.dtype]
        if code in ("u2", "u4", "i4"):
            planes = values.view("u1").reshape(len(values), values.dtype.itemsize).T
            data = np.ascontiguousarray(planes).tobytes()
        else:
            data = values.tobytes()
        layout.append([name, code, offset, len(values)])
        pad = -len(data) % 4
        parts.append(data + bytes(pad))
        offset += len(data) + pad
    return b"".join(parts), layout


def people_column(people: np.ndarray) -> tuple[np.ndarray, int | None]:
    """Counts of people as the narrowest unsigned integers, with the type's top for none.

    Returns the column and its "none" value; float32 with NaN (and None) when a count is
    not a whole number in range.
    """
    import numpy as np

    finite = np.isfinite(people)
    known = people[finite].astype(np.float64)
    if len(known) and (
        known.min() < 0 or (known != np.floor(known)).any() or known.max() >= 2**32 - 1
    ):
        return people.astype("<f4"), None
    top = int(known.max()) + 1 if len(known) else 0
    width = narrow(np.array([top]))
    none = int(np.iinfo(width.dtype).max)
    column = np.full(len(people), none, dtype=np.int64)  # not via float: 2**32 - 1 rounds
    column[finite] = known.astype(np.int64)
    return column.astype(width.dtype), none


def _table(*keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of the key columns, sorted, and each row's index among them.

    Sorted by the first key, then the next, ...: ``np.unique(axis=0, return_inverse=True)``,
    which took 5 CPU-s at a million events.
    """
    import numpy as np

    n = len(keys[0])
    order = np.lexsort(keys[::-1])  # the last key given to lexsort sorts first
    changed = np.zeros(n, dtype=bool)
    changed[:1] = True
    for key in keys:
        ordered = key[order]
        changed[1:] |= ordered[1:] != ordered[:-1]
    index = np.empty(n, dtype=np.int64)
    index[order] = np.cumsum(changed) - 1
    table = np.column_stack([key[order][changed] for key in keys]).reshape(-1, len(keys))
    return table, index


def event_columns(
    lat: np.ndarray,
    lon: np.ndarray,
    oblast: np.ndarray,
    people: np.ndarray,
    day_start: np.ndarray,
    day_end: np.ndarray,
    codes: np.ndarray,
    conf: np.ndarray,
) -> tuple[bytes, dict]:
    """``events.bin`` and its entries in ``meta.json``: what the browser needs per event.

    Events at one spot share a row of a location table (coordinates in ``1/COORD_SCALE``
    degrees as int32, and the oblast), sorted by latitude, longitude and oblast. Events
    come sorted by start day and, within a day, by spot (``columnar._in_chunks``), so an event keeps
    its location index as a step from the previous event's of the same day (the first of a
    day: the index itself); start days are steps from the previous event's (``day0`` before
    the first); end days are durations. The type, status, sub-type and source codes are one
    index into ``kinds``, the combinations present; people are whole numbers with
    ``peopleNone`` for unknown. Each integer column takes the narrowest type that holds it.
    """
    import numpy as np

    spots, loc = _table(
        np.round(lat * COORD_SCALE).astype(np.int64),
        np.round(lon * COORD_SCALE).astype(np.int64),
        oblast.astype(np.int64),
    )
    codes = codes.astype(np.int64).reshape(-1, 4)
    kinds, kind = _table(*(codes[:, k] for k in range(4)))
    day0 = int(day_start[0]) if len(day_start) else 0
    start = day_start.astype(np.int64)
    day_steps = np.diff(start, prepend=day0)
    loc_steps = np.diff(loc, prepend=0)
    new_day = np.ones(len(loc), dtype=bool)
    new_day[1:] = day_steps[1:] != 0
    loc_steps[new_day] = loc[new_day]
    people, people_none = people_column(people)
    body, layout = pack(
        [
            ("loc", narrow(loc_steps)),
            ("people", people),
            ("day", narrow(day_steps)),
            ("dur", narrow(day_end.astype(np.int64) - start)),
            ("kind", narrow(kind)),
            ("conf", conf.astype("u1")),
            ("locLat", spots[:, 0].astype("<i4")),
            ("locLon", spots[:, 1].astype("<i4")),
            ("locOblast", spots[:, 2].astype("<u2")),
        ]
    )
    meta = {
        "day0": day0,
        "coordScale": COORD_SCALE,
        "eventColumns": layout,
        "kinds": kinds.tolist(),
        "peopleNone": people_none,
    }
    return body, meta


def mention_columns(
    place: np.ndarray, article: np.ndarray, day: np.ndarray, *, places: int
) -> tuple[bytes, list[list]]:
    """``mentions.bin``: mentions sorted by place and article, without repeating either.

    Per place the number of its mentions; per mention its article as a step from the
    previous mention's of the same place (the first from 0); per article its day (the day
    is the article's publication day, so it is sent once per article).
    """
    import numpy as np

    article = article.astype(np.int64)
    runs = np.bincount(place, minlength=places) if len(place) else np.zeros(places, np.int64)
    steps = np.diff(article, prepend=0)
    first = np.ones(len(place), dtype=bool)
    first[1:] = place[1:] != place[:-1]
    steps[first] = article[first]
    days = np.full(int(article.max()) + 1 if len(article) else 0, UNDATED, dtype=np.int64)
    days[article] = day
    if not np.array_equal(days[article], day):
        raise InputError("The mentions of one article must share its publication day.")
    return pack(
        [
            ("placeRuns", narrow(runs)),
            ("article", narrow(steps)),
            ("articleDay", days.astype("<i4")),
        ]
    )


def oblast_rings(doc: dict) -> dict:
    """The oblasts' GeoJSON with each ring as integer steps in ``1/OBLAST_SCALE`` degrees.

    ``[x0, y0, x1 - x0, y1 - y0, ...]`` per ring, the polygons of a feature in a list:
    about half the bytes of the coordinates as decimals, gzipped. The polygons
    (``data/admin1.geojson.gz``) are rounded to 0.001 degree already, so nothing is lost.
    """
    import numpy as np

    features = []
    for feature in doc["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        rings = []
        for polygon in polygons:
            out = []
            for ring in polygon:
                q = np.round(np.asarray(ring, dtype=np.float64) * OBLAST_SCALE).astype(np.int64)
                out.append(np.diff(q, axis=0, prepend=np.zeros((1, 2), np.int64)).ravel().tolist())
            rings.append(out)
        features.append({"properties": feature["properties"], "polygons": rings})
    return {"scale": OBLAST_SCALE, "features": features}


def spot_order(frame: pd.DataFrame) -> np.ndarray:
    """Row order by start day, then spot (as ``event_columns`` numbers spots), stably."""
    import numpy as np

    keys = (
        frame["admin1_code"].astype(object).fillna("").astype(str).to_numpy(),
        np.round(frame["lon"].to_numpy(dtype=np.float64) * COORD_SCALE),
        np.round(frame["lat"].to_numpy(dtype=np.float64) * COORD_SCALE),
        frame["day_start"].to_numpy(),
    )
    return np.lexsort(keys)  # the last key first; ties keep the store's order
