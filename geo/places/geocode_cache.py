"""A disk cache of online geocoders' answers: SQLite, keyed by service and normalised query.

Answers (including "nothing found") are kept until the file is deleted.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
import unicodedata
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path
from typing import Any

from geopy.location import Location

from geo.errors import DataError

__all__ = ["CACHE_FILE", "Answer", "GeocodeCache", "normalize_query"]

CACHE_FILE = "geocode-cache.sqlite"

Answer = Location | list[Location] | None


def normalize_query(query: str) -> str:
    """The cache form of a query: NFKC, case-folded, single spaces, ``", "`` separators."""
    text = unicodedata.normalize("NFKC", query).casefold()
    text = re.sub(r"\s*,\s*", ", ", " ".join(text.split()))
    return text.strip(" ,")


class GeocodeCache:
    """Answers of online geocoders in SQLite, keyed by (service, normalised query, exactly_one).

    Answers (including "nothing found") are kept until the file is deleted; each operation
    opens its own connection, so one cache can be shared across threads and processes.

    Parameters
    ----------
    path : path-like
        The SQLite file; created with its folder on first write.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = sqlite3.connect(self.path, timeout=30)
            con.execute(
                "CREATE TABLE IF NOT EXISTS answers (service TEXT NOT NULL, query TEXT NOT NULL,"
                " exactly_one INTEGER NOT NULL, answer TEXT NOT NULL, created REAL NOT NULL,"
                " PRIMARY KEY (service, query, exactly_one))"
            )
        except sqlite3.DatabaseError as exc:
            raise DataError(
                f"Geocoder cache {self.path} is unreadable ({exc}); delete the file, it is"
                " rebuilt from the services on demand."
            ) from exc
        return con

    def lookup(self, service: str, query: str, *, exactly_one: bool) -> tuple[bool, Answer]:
        """``(True, answer)`` when cached (the answer may be ``None``), else ``(False, None)``."""
        with closing(self._connect()) as con:
            row = con.execute(
                "SELECT answer FROM answers WHERE service=? AND query=? AND exactly_one=?",
                (service, normalize_query(query), int(exactly_one)),
            ).fetchone()
        if row is None:
            return False, None
        data = json.loads(row[0])
        if data is None:
            return True, None
        if isinstance(data, list):
            return True, [_decode(d) for d in data]
        return True, _decode(data)

    def store(self, service: str, query: str, *, exactly_one: bool, answer: Answer) -> None:
        """Remember a service's answer to a query."""
        if answer is None:
            data: object = None
        elif isinstance(answer, list):
            data = [_encode(a) for a in answer]
        else:
            data = _encode(answer)
        with closing(self._connect()) as con, con:
            con.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                (
                    service,
                    normalize_query(query),
                    int(exactly_one),
                    json.dumps(data, ensure_ascii=False, default=str),
                    time.time(),
                ),
            )

    def __len__(self) -> int:
        if not self.path.exists():
            return 0
        with closing(self._connect()) as con:
            return con.execute("SELECT count(*) FROM answers").fetchone()[0]


def _encode(location: Location) -> dict[str, Any]:
    return {
        "address": location.address,
        "lat": location.latitude,
        "lon": location.longitude,
        "alt": location.altitude,
        "raw": location.raw,
    }


def _decode(data: Mapping[str, Any]) -> Location:
    return Location(data["address"], (data["lat"], data["lon"], data["alt"]), data["raw"])
