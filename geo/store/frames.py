"""Columns out of the store: events and mentions as pandas DataFrames for layers and maps.

Both backends run one SQL query and hand its rows here; no record object is built per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from geo.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "EVENT_DETAIL_COLUMNS",
    "EVENT_FRAME_COLUMNS",
    "MENTION_FRAME_COLUMNS",
    "day_number",
    "events_frame_from_rows",
    "mentions_frame_from_rows",
]

EPOCH = dt.date(1970, 1, 1)

# Column -> dtype of ``events_frame``. Dates are day numbers (days since 1970-01-01, int32):
# the map sends them to the browser as they are, and a range mask is two integer compares.
EVENT_FRAME_COLUMNS: dict[str, str] = {
    "event_id": "str",
    "article_id": "str",
    "event_type": "category",
    "lat": "float64",
    "lon": "float64",
    "admin1_code": "category",
    "country_code": "category",
    "day_start": "int32",
    "day_end": "int32",
    "people": "Int64",
    "children": "Int64",
}
# With ``details=True``: what a popup, a table or an export shows.
EVENT_DETAIL_COLUMNS: dict[str, str] = {
    "place_id": "str",
    "location": "str",
    "admin1": "str",
    "date_precision": "str",
    "geo_precision": "str",
    "quote": "str",
    "source": "str",
    "url": "str",
    "confidence": "float64",
    "status": "str",
    "claimed_by": "str",
    "killed": "Int64",
    "injured": "Int64",
    "figures_text": "str",
    "acled_event_type": "str",
    "acled_sub_event_type": "str",
    "fmt": "str",  # the article's format: names the event's source (an imported dataset)
}
# ``mentions_frame``: resolved mentions only, with the place's attributes and the
# publication day of the article (null when undated).
MENTION_FRAME_COLUMNS: dict[str, str] = {
    "place_id": "str",
    "article_id": "str",
    "role": "str",
    "surface": "str",
    "confidence": "float64",
    "published_day": "Int64",
    "name": "str",
    "lat": "float64",
    "lon": "float64",
    "kind": "str",
    "country_code": "str",
    "admin1_code": "str",
    "admin1": "str",
    "geonameid": "Int64",
    "population": "Int64",
}


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01: the date unit of the frames and of the map's browser data."""
    return (day - EPOCH).days


def check_range(start: dt.date | None, end: dt.date | None) -> None:
    """Refuse a range whose start is after its end."""
    if start is not None and end is not None and start > end:
        raise InputError(f"Start date {start} is after end date {end}; swap them.")


def _frame(columns: dict[str, str], rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    cols = list(zip(*rows, strict=True)) if rows else [()] * len(columns)
    data = {}
    for (name, dtype), values in zip(columns.items(), cols, strict=True):
        if dtype in ("float64", "int32"):
            data[name] = pd.Series(np.asarray(values, dtype=dtype), dtype=dtype)
        else:
            data[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(data)


def events_frame_from_rows(rows: Sequence[Sequence[Any]], *, details: bool) -> pd.DataFrame:
    """The ``events_frame`` of a query's rows (columns in ``EVENT_FRAME_COLUMNS`` order)."""
    columns = EVENT_FRAME_COLUMNS | (EVENT_DETAIL_COLUMNS if details else {})
    return _frame(columns, rows)


def mentions_frame_from_rows(rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
    """The ``mentions_frame`` of a query's rows (columns in ``MENTION_FRAME_COLUMNS`` order)."""
    return _frame(MENTION_FRAME_COLUMNS, rows)
