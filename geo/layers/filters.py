"""What the analyst filters events by: type, ACLED sub-type, status, confidence and source.

One typed record (``EventFilter``) for the tables, timeline, exports and the browser map, and
the per-event columns it reads, so every view keeps the same events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.errors import InputError
from geo.records import EventStatus

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["FILTER_COLUMNS", "EventFilter", "confidence_percent", "status_values"]

# The columns of an events layer (or of ``filter_columns``) that a filter reads.
FILTER_COLUMNS = ("event_type", "acled_sub_event_type", "status", "confidence", "dataset")


def confidence_percent(values: pd.Series) -> np.ndarray:
    """Confidence as whole percent (0-100, unknown as 0): the unit every view compares in.

    The browser map stores one byte per event; comparing the same integers on the server
    keeps an event at a threshold's edge in or out of every view alike.
    """
    import numpy as np

    conf = values.astype("float64").to_numpy(copy=True)
    conf = np.nan_to_num(conf, nan=0.0)
    return np.clip(np.floor(conf * 100 + 1e-6), 0, 100).astype(np.uint8)


def status_values(values: pd.Series) -> pd.Series:
    """The status column as filtered: an event stored without one is reported as fact."""
    return values.astype(object).where(values.notna() & (values != ""), EventStatus.HAPPENED.value)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to show; ``None`` (or 0 for confidence) means "any".

    Attributes
    ----------
    types : tuple of str, optional
        Our event types (``EventType`` values).
    sub_types : tuple of str, optional
        ACLED sub-event types (an event's own, else the one ``acled_labels`` gives).
    statuses : tuple of str, optional
        ``EventStatus`` values.
    min_confidence : int
        Whole percent, 0-100.
    datasets : tuple of str, optional
        Sources: ``"articles"``, ``"ACLED"``, ``"UCDP GED"``.
    """

    types: tuple[str, ...] | None = None
    sub_types: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    min_confidence: int = 0
    datasets: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.min_confidence <= 100:
            raise InputError(
                f"Minimum confidence {self.min_confidence} is outside 0-100 (whole percent)."
            )

    @property
    def is_everything(self) -> bool:
        """Whether the filter keeps every event."""
        return self == EventFilter()

    def browser(self) -> dict:
        """The filter as the browser map reads it: only what is set (``{}`` keeps all)."""
        out: dict = {}
        for key, value in (
            ("types", self.types),
            ("subs", self.sub_types),
            ("status", self.statuses),
            ("src", self.datasets),
        ):
            if value is not None:
                out[key] = list(value)
        if self.min_confidence:
            out["conf"] = self.min_confidence
        return out

    def mask(self, events: pd.DataFrame) -> np.ndarray:
        """A boolean mask of the rows kept, for a frame with the ``FILTER_COLUMNS``."""
        import numpy as np

        keep = np.ones(len(events), dtype=bool)
        if self.types is not None:
            keep &= events["event_type"].astype(object).isin(self.types).to_numpy()
        if self.sub_types is not None:
            keep &= events["acled_sub_event_type"].astype(object).isin(self.sub_types).to_numpy()
        if self.statuses is not None:
            keep &= status_values(events["status"]).isin(self.statuses).to_numpy()
        if self.datasets is not None:
            keep &= events["dataset"].astype(object).isin(self.datasets).to_numpy()
        if self.min_confidence:
            keep &= confidence_percent(events["confidence"]) >= self.min_confidence
        return keep

    def apply(self, events: pd.DataFrame) -> pd.DataFrame:
        """The rows kept (an events or evacuations layer), re-indexed from 0."""
        if self.is_everything:
            return events
        return events[self.mask(events)].reset_index(drop=True)
