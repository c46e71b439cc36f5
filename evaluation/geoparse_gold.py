"""The geoparsing gold set (``tests/data/geoparse_gold.jsonl``): its records and its loader.

The loader checks every line (offsets against surfaces, coordinates, kinds); see docs/evaluation.md.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.config import project_root
from geo.errors import InputError
from geo.records import PlaceKind

__all__ = ["GoldDoc", "GoldPlace", "default_gold_path", "load_gold", "parse_gold_line"]

_REQUIRED = ("start", "end", "surface", "name", "lat", "lon", "kind")


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """One annotated place mention: ``text[start:end] == surface`` and where it is."""

    start: int
    end: int
    surface: str
    name: str  # canonical English name
    lat: float
    lon: float
    kind: PlaceKind
    country_code: str | None = None  # ISO 3166-1 alpha-2; None for seas


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One annotated paragraph, its publication date, its places and its traps.

    ``not_places`` are strings in the text that name no place (months, people, organisations
    such as "The New York Times"); a prediction overlapping one of them is a *trap hit*.
    """

    doc_id: str
    published: dt.date
    text: str
    places: tuple[GoldPlace, ...]
    not_places: tuple[str, ...] = ()

    def not_place_spans(self) -> tuple[tuple[int, int], ...]:
        """Every whole-word occurrence of every ``not_places`` string, as (start, end)."""
        spans = []
        for phrase in self.not_places:
            pattern = r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"
            spans.extend((m.start(), m.end()) for m in re.finditer(pattern, self.text))
        return tuple(sorted(spans))


def default_gold_path() -> Path:
    """The shipped gold set: ``tests/data/geoparse_gold.jsonl``."""
    return project_root() / "tests" / "data" / "geoparse_gold.jsonl"


def _coordinate(raw: Any, limit: float, what: str) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not -limit <= raw <= limit:
        raise InputError(f"{what} must be a number between -{limit:g} and {limit:g}, got {raw!r}.")
    return float(raw)


def _gold_place(raw: Any, text: str, where: str) -> GoldPlace:
    if not isinstance(raw, dict) or any(k not in raw for k in _REQUIRED):
        raise InputError(f"{where}: a place needs the keys {', '.join(_REQUIRED)}; got {raw!r}.")
    start, end, surface = raw["start"], raw["end"], raw["surface"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise InputError(f"{where}: offsets {start!r}-{end!r} are not inside the text.")
    if text[start:end] != surface:
        raise InputError(
            f"{where}: text[{start}:{end}] is {text[start:end]!r}, not the surface {surface!r}; "
            "recompute the offsets with a script."
        )
    try:
        kind = PlaceKind(raw["kind"])
    except ValueError as exc:
        allowed = ", ".join(k.value for k in PlaceKind)
        raise InputError(f"{where}: kind {raw['kind']!r} is not one of {allowed}.") from exc
    cc = raw.get("country_code")
    if cc is not None and not (isinstance(cc, str) and re.fullmatch(r"[A-Z]{2}", cc)):
        raise InputError(f"{where}: country_code {cc!r} is not an ISO 3166-1 alpha-2 code.")
    return GoldPlace(
        start=start,
        end=end,
        surface=surface,
        name=str(raw["name"]),
        lat=_coordinate(raw["lat"], 90, f"{where}: lat"),
        lon=_coordinate(raw["lon"], 180, f"{where}: lon"),
        kind=kind,
        country_code=cc,
    )


def parse_gold_line(line: str, *, where: str = "gold") -> GoldDoc:
    """Parse and check one JSON line of the gold format (see ``docs/evaluation.md``).

    Raises
    ------
    InputError
        When the line is not JSON, lacks a key, or a place's offsets do not match its surface.
    """
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}).") from exc
    if not isinstance(raw, dict) or not all(k in raw for k in ("id", "text", "published")):
        raise InputError(f"{where}: each line needs the keys id, text, published and places.")
    text = raw["text"]
    if not isinstance(text, str):
        raise InputError(f"{where}: text must be a string.")
    try:
        published = dt.date.fromisoformat(str(raw["published"]))
    except ValueError as exc:
        raise InputError(
            f"{where}: published {raw['published']!r} is not a YYYY-MM-DD date."
        ) from exc
    places_raw = raw.get("places")
    not_places = raw.get("not_places", [])
    if not isinstance(places_raw, list) or not isinstance(not_places, list):
        raise InputError(f"{where}: places and not_places must be lists.")
    places = tuple(
        sorted(
            (_gold_place(p, text, f"{where} place {i}") for i, p in enumerate(places_raw)),
            key=lambda p: (p.start, p.end),
        )
    )
    for a, b in itertools.pairwise(places):
        if b.start < a.end:
            raise InputError(f"{where}: gold spans {a.surface!r} and {b.surface!r} overlap.")
    return GoldDoc(
        doc_id=str(raw["id"]),
        published=published,
        text=text,
        places=places,
        not_places=tuple(str(s) for s in not_places),
    )


def load_gold(path: str | os.PathLike[str] | None = None) -> tuple[GoldDoc, ...]:
    """Read a gold file (JSON Lines; blank lines ignored); default :func:`default_gold_path`.

    Raises
    ------
    InputError
        When the file is missing or unreadable, or a line is malformed (the message names it).
    """
    file = Path(path) if path is not None else default_gold_path()
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read the gold file {file} ({exc}); check the path.") from exc
    docs = tuple(
        parse_gold_line(line, where=f"{file.name}:{n}")
        for n, line in enumerate(lines, 1)
        if line.strip()
    )
    seen: set[str] = set()
    for doc in docs:
        if doc.doc_id in seen:
            raise InputError(f"{file.name}: document id {doc.doc_id!r} appears twice.")
        seen.add(doc.doc_id)
    return docs
