"""The event gold set (``tests/data/events_gold.jsonl``): its records and its loader.

The loader checks every line against the schema (types, places, dates, figures; docs/events.md).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.config import project_root
from geo.errors import InputError
from geo.records import DatePrecision, EventType, GeoPrecision

__all__ = ["GoldDoc", "GoldEvent", "default_gold_path", "load_gold", "parse_gold_line"]

_REQUIRED = ("type", "place", "lat", "lon", "date_start", "date_end", "date_precision", "sentence")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One annotated event: what happened, where, when, how many, and the sentence it is in."""

    event_type: EventType
    place: str
    lat: float
    lon: float
    date_start: dt.date
    date_end: dt.date
    date_precision: DatePrecision
    sentence: str
    geo_precision: GeoPrecision = GeoPrecision.SETTLEMENT
    admin1_code: str | None = None  # GeoNames style "UA.05"
    people: int | None = None
    children: int | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One annotated paragraph with its publication date; ``events`` may be empty."""

    doc_id: str
    published: dt.date
    text: str
    events: tuple[GoldEvent, ...]


def default_gold_path() -> Path:
    """The gold set that ships with the tests."""
    return project_root() / "tests" / "data" / "events_gold.jsonl"


def _date(raw: Any, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError as exc:
        raise InputError(f"{what} {raw!r} is not a YYYY-MM-DD date.") from exc


def _count(raw: Any, what: str) -> int | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise InputError(f"{what} {raw!r} must be a non-negative integer or null.")
    return raw


def _enum(enum: type, raw: Any, what: str) -> Any:
    try:
        return enum(raw)
    except ValueError as exc:
        allowed = ", ".join(m.value for m in enum)
        raise InputError(f"{what} {raw!r} is not one of: {allowed}.") from exc


def _gold_event(raw: Any, text: str, where: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise InputError(f"{where}: each event must be a JSON object.")
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise InputError(f"{where}: event lacks {', '.join(missing)}.")
    sentence = raw["sentence"]
    if not isinstance(sentence, str) or not sentence or sentence not in text:
        raise InputError(f"{where}: event sentence is not a verbatim part of the text.")
    try:
        lat, lon = float(raw["lat"]), float(raw["lon"])
    except (TypeError, ValueError) as exc:
        raise InputError(f"{where}: lat/lon must be numbers.") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"{where}: lat/lon ({lat}, {lon}) are outside WGS 84 bounds.")
    start = _date(raw["date_start"], f"{where}: date_start")
    end = _date(raw["date_end"], f"{where}: date_end")
    if start > end:
        raise InputError(f"{where}: date_start {start} is after date_end {end}.")
    geo_precision = _enum(
        GeoPrecision, raw.get("geo_precision", "settlement"), f"{where}: geo_precision"
    )
    admin1 = raw.get("admin1")
    if geo_precision is GeoPrecision.ADMIN1 and not admin1:
        raise InputError(f"{where}: an admin1-level event needs its admin1 code (e.g. UA.05).")
    return GoldEvent(
        event_type=_enum(EventType, raw["type"], f"{where}: type"),
        place=str(raw["place"]),
        lat=lat,
        lon=lon,
        date_start=start,
        date_end=end,
        date_precision=_enum(DatePrecision, raw["date_precision"], f"{where}: date_precision"),
        sentence=sentence,
        geo_precision=geo_precision,
        admin1_code=str(admin1) if admin1 else None,
        people=_count(raw.get("people"), f"{where}: people"),
        children=_count(raw.get("children"), f"{where}: children"),
    )


def parse_gold_line(line: str, *, where: str = "gold") -> GoldDoc:
    """Parse and validate one JSON line of the gold file.

    Raises
    ------
    InputError
        When the line is not JSON or breaks the schema; the message names the field.
    """
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}).") from exc
    if not isinstance(raw, dict):
        raise InputError(f"{where}: each line must be a JSON object.")
    for key in ("id", "published", "text", "events"):
        if key not in raw:
            raise InputError(f"{where}: document lacks {key!r}.")
    text = raw["text"]
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: text must be a non-empty string.")
    if not isinstance(raw["events"], list):
        raise InputError(f"{where}: events must be a list (empty when nothing happens).")
    doc_id = str(raw["id"])
    events = tuple(
        _gold_event(ev, text, f"{where} ({doc_id}) event {i}")
        for i, ev in enumerate(raw["events"], 1)
    )
    return GoldDoc(doc_id, _date(raw["published"], f"{where}: published"), text, events)


def load_gold(path: str | os.PathLike[str] | None = None) -> tuple[GoldDoc, ...]:
    """Read a gold JSONL file (default: :func:`default_gold_path`).

    Raises
    ------
    InputError
        When the file is missing, a line is malformed, or two documents share an id.
    """
    file = Path(path) if path is not None else default_gold_path()
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"Cannot read gold file {file} ({exc}); give an existing path.") from exc
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        doc = parse_gold_line(line, where=f"{file.name} line {n}")
        if doc.doc_id in seen:
            raise InputError(f"{file.name} line {n}: duplicate document id {doc.doc_id!r}.")
        seen.add(doc.doc_id)
        docs.append(doc)
    return tuple(docs)
