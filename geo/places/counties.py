"""US counties (and parishes and boroughs) as admin-2 places of the gazetteer index.

Local US news names its counties often ("Rapides Parish", "Orange County"); the table is
``data/us_counties.csv`` (Census boundaries via npm us-atlas; see data/README.md).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Protocol

from geo.records import GeoPrecision, PlaceKind

__all__ = ["add_us_counties"]


class Builder(Protocol):
    """What this reader needs of the index builder (``geo.places.gazetteer_build``)."""

    def add_place(self, **kw: object) -> int: ...

    def add_name(self, name: str, index: int, match: str) -> None: ...


def add_us_counties(b: Builder, path: Path, *, a1_names: dict[str, str]) -> None:
    """Every county under its full name ("Orange County"), never the bare "Orange"."""
    text = "".join(
        line for line in path.read_text(encoding="utf-8").splitlines(True) if line[:1] != "#"
    )
    for row in csv.DictReader(io.StringIO(text)):
        a1 = f"US.{row['state']}"
        i = b.add_place(
            place_id=f"us2:{row['fips']}",
            name=row["name"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            kind=PlaceKind.ADMIN2,
            cc="US",
            a1=a1,
            a1_name=a1_names.get(a1, ""),
            precision=GeoPrecision.ADMIN2,
        )
        b.add_name(row["name"], i, "name")
