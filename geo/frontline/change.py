"""Change of control areas: area gained and lost between two dates, and area over time.

Per source and class, optionally per oblast; areas are geodesic km² on WGS 84 (docs/frontline.md).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.errors import InputError
from geo.frontline.asof import as_store, parse_date, wgs84_frame
from geo.frontline.classes import ControlClass
from geo.frontline.files import geodesic_area_km2

if TYPE_CHECKING:
    import os

    import geopandas as gpd
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

    from geo.frontline.store import FrontlineStore

__all__ = ["AreaChange", "FrontlineDiff", "area_over_time", "diff"]


def _polygons(geom: BaseGeometry) -> BaseGeometry:
    import shapely

    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    return shapely.MultiPolygon(parts)


@dataclass(frozen=True, slots=True)
class AreaChange:
    """Area of one class that one source gained and lost between two snapshot dates.

    With ``by="oblast"`` there is one record per admin-1 unit touched; ``admin1_code`` is
    ``None`` for change outside every unit (sea, gaps of the simplified boundaries).
    """

    source: str
    class_: ControlClass
    from_date: dt.date
    to_date: dt.date
    gained_km2: float
    lost_km2: float
    admin1_code: str | None = None
    admin1_name: str | None = None

    @property
    def net_km2(self) -> float:
        """Gained minus lost."""
        return self.gained_km2 - self.lost_km2


@dataclass(frozen=True, eq=False)
class FrontlineDiff:
    """The result of :func:`diff`: typed records plus the change polygons.

    ``polygons`` has columns source, class, change (``gained``/``lost``), admin1_code,
    admin1_name, area_km2, geometry. ``skipped`` names sources without a snapshot at or before
    ``from_date``.
    """

    from_date: dt.date
    to_date: dt.date
    changes: tuple[AreaChange, ...]
    polygons: gpd.GeoDataFrame
    skipped: tuple[str, ...] = ()

    def frame(self) -> pd.DataFrame:
        """The records as a DataFrame (class as text, dates as ISO strings, plus net_km2)."""
        import pandas as pd

        columns = "source class from_date to_date admin1_code admin1_name gained_km2 lost_km2"
        rows = [
            (
                c.source,
                str(c.class_),
                c.from_date.isoformat(),
                c.to_date.isoformat(),
                c.admin1_code,
                c.admin1_name,
                c.gained_km2,
                c.lost_km2,
                c.net_km2,
            )
            for c in self.changes
        ]
        return pd.DataFrame(rows, columns=[*columns.split(), "net_km2"])


@functools.cache
def _admin1_units():
    import shapely

    from geo.places.boundaries import admin1_frame

    units = admin1_frame()
    units = units[units.geometry.notna()].reset_index(drop=True)
    return units, shapely.STRtree(units.geometry.values)


def _split_by_unit(geom: BaseGeometry) -> list[tuple[str | None, str | None, BaseGeometry]]:
    """Cut ``geom`` by admin-1 unit; each bit goes to one unit only, so the pieces add up."""
    units, tree = _admin1_units()
    pieces = []
    rest = geom
    # Simplified neighbours overlap slightly: what one unit took is removed before the next.
    for i in tree.query(geom, predicate="intersects"):
        unit = units.geometry.iat[i]
        piece = _polygons(rest.intersection(unit))
        if not piece.is_empty:
            pieces.append((units.code.iat[i], units.name.iat[i], piece))
            rest = _polygons(rest.difference(unit))
    if not rest.is_empty:
        pieces.append((None, None, rest))
    return pieces


def diff(
    from_date: dt.date | str,
    to_date: dt.date | str,
    *,
    source: str | None = None,
    by: str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
) -> FrontlineDiff:
    """Area gained and lost per source and class between the as-of views of two dates.

    Gained is what the ``to`` snapshot has and the ``from`` snapshot lacks; lost the reverse.
    Areas are geodesic (km² on WGS 84). ``by="oblast"`` splits them by admin-1 unit.

    Raises
    ------
    InputError
        Bad dates or ``by``, or no source with a snapshot at or before both dates.
    """
    import shapely

    start, end = parse_date(from_date, "--from"), parse_date(to_date, "--to")
    if by not in (None, "oblast"):
        raise InputError(f"Cannot split change by {by!r}; use by='oblast' or nothing.")
    if start > end:
        raise InputError(f"--from {start} is after --to {end}; swap them.")
    st = as_store(store)
    first, last = st.latest_dates(start, source=source), st.latest_dates(end, source=source)
    usable = sorted(s for s in last if s in first)
    if not usable:
        which = f"source {source!r}" if source else "any source"
        raise InputError(
            f"No snapshot of {which} at or before {start}; import an earlier snapshot or "
            "choose a later --from date (`frontline list` shows what is stored)."
        )
    changes: list[AreaChange] = []
    rows: list[tuple] = []
    for src in usable:
        before, after = (
            {s.class_: s.geometry for s in st.snapshots(source=src, date=day) if s.kind == "area"}
            for day in (first[src], last[src])
        )
        for klass in sorted(set(before) | set(after)):
            old = before.get(klass, shapely.MultiPolygon())
            new = after.get(klass, shapely.MultiPolygon())
            areas: dict[tuple, dict[str, float]] = defaultdict(lambda: {"gained": 0.0, "lost": 0.0})
            for change, geom in (("gained", new.difference(old)), ("lost", old.difference(new))):
                geom = _polygons(geom)
                pieces = _split_by_unit(geom) if by and not geom.is_empty else [(None, None, geom)]
                for code, name, piece in pieces:
                    km2 = geodesic_area_km2(piece)
                    areas[(code, name)][change] += km2
                    if not piece.is_empty:
                        rows.append((src, str(klass), change, code, name, km2, piece))
            for (code, name), got in sorted(areas.items(), key=lambda kv: str(kv[0])):
                gained, lost = got["gained"], got["lost"]
                changes.append(
                    AreaChange(src, klass, first[src], last[src], gained, lost, code, name)
                )
    polygons = wgs84_frame(rows, "source class change admin1_code admin1_name area_km2 geometry")
    skipped = tuple(sorted(s for s in last if s not in first))
    return FrontlineDiff(start, end, tuple(changes), polygons, skipped)


def area_over_time(
    *,
    source: str | None = None,
    class_: ControlClass | str | None = None,
    store: FrontlineStore | str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Area per snapshot for a chart: columns date, source, class, area_km2 (oldest first)."""
    import pandas as pd

    want = str(class_).lower() if class_ is not None else None
    rows = [
        {"date": s.date, "source": s.source, "class": str(s.class_), "area_km2": s.area_km2}
        for s in as_store(store).snapshots(source=source, geometry=False)
        if s.kind == "area" and (want is None or str(s.class_) == want)
    ]
    return pd.DataFrame(rows, columns=["date", "source", "class", "area_km2"])
