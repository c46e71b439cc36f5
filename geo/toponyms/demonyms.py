"""Demonyms and adjectival place names ("Russian forces", "Canadians", "Muscovites").

The forms come from ``data/demonyms.csv`` (written by this project); each resolves to the
gazetteer place it derives from: a country, continent, US state, Canadian province, city or
named region.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

from geo.config import data_dir
from geo.places.gazetteer import Gazetteer, normalize
from geo.records import Candidate, Place, PlaceKind, ToponymRole

__all__ = ["DemonymForm", "demonym_forms", "resolve_demonym"]

FILE = "demonyms.csv"
MAX_WORDS = 3  # "Bosnian Serb", "South Korean", "Pacific Islanders"

_CONTINENTS = {
    "AF": "africa",
    "AS": "asia",
    "EU_CONT": "europe",
    "NA_CONT": "north america",
    "SA_CONT": "south america",
    "OC": "oceania",
    "AN": "antarctica",
}
# GeoNames admin-1 codes of Canada's provinces and territories (numbers, not postal codes).
_CANADA = {
    "AB": "01",
    "BC": "02",
    "MB": "03",
    "NB": "04",
    "NL": "05",
    "NS": "07",
    "ON": "08",
    "PE": "09",
    "QC": "10",
    "SK": "11",
    "YT": "12",
    "NT": "13",
    "NU": "14",
}


@dataclass(frozen=True, slots=True)
class DemonymForm:
    """One written form ("South Koreans") and what it derives from."""

    code: str
    kind: str
    role: ToponymRole


@functools.lru_cache(maxsize=1)
def demonym_forms() -> dict[str, DemonymForm]:
    """Normalised form → its origin, read once from ``data/demonyms.csv``."""
    out: dict[str, DemonymForm] = {}
    with (data_dir() / FILE).open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            out[normalize(row["form"])] = DemonymForm(
                row["code"], row["kind"], ToponymRole(row["role"])
            )
    return out


def _named(gaz: Gazetteer, name: str, kinds: tuple[PlaceKind, ...]) -> Place | None:
    cands = [c.place for c in gaz.lookup(name) if c.place.kind in kinds]
    if not cands:
        return None
    return max(cands, key=lambda p: (kinds.index(p.kind) * -1, p.population or 0))


def resolve_demonym(form: DemonymForm, gaz: Gazetteer) -> Candidate | None:
    """The gazetteer place a demonym derives from, as a candidate, or None if not indexed."""
    code, kind = form.code, form.kind
    place: Place | None = None
    if kind == "country":
        place = gaz.country(code)
    elif kind == "continent":
        name = _CONTINENTS.get(code)
        place = _named(gaz, name, (PlaceKind.REGION,)) if name else None
    elif kind == "us_state":
        place = gaz.admin1(f"US.{code.removeprefix('US-')}")
    elif kind == "ca_province":
        number = _CANADA.get(code.removeprefix("CA-"))
        place = gaz.admin1(f"CA.{number}") if number else None
    elif kind == "city":
        place = _named(gaz, code.removeprefix("city:"), (PlaceKind.POPULATED_PLACE,))
    elif kind == "region":
        place = _named(
            gaz,
            code.removeprefix("region:"),
            (PlaceKind.REGION, PlaceKind.ADMIN1, PlaceKind.COUNTRY),
        )
    if place is None:
        return None
    return Candidate(place, 0.0, "demonym")
