"""The read half of the SQL stores, written once for SQLite and PostgreSQL.

The two backends keep the same tables and answer reads the same way; what differs is how
their SQL spells a few things (placeholders, ordering text byte-wise, day numbers, JSON
fields, geometry). Each backend states those spellings in a :class:`Dialect` and inherits
:class:`SqlReads`, so a read behaves identically on both by construction, not by care.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from geo.errors import InputError
from geo.records import Article, Correction, Event, EventType, Toponym
from geo.store.codec import (
    article_from_row,
    correction_from_row,
    event_from_row,
    toponym_from_row,
)
from geo.store.frames import check_range, events_frame_from_rows, mentions_frame_from_rows

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FRAME_CHUNK_ROWS", "Dialect", "SqlReads"]

FRAME_CHUNK_ROWS = 100_000  # rows per frame of the *_chunks reads: ~100 MB of rows at most


@dataclass(frozen=True, kw_only=True)
class Dialect:
    """How one backend spells the store's read queries.

    Attributes
    ----------
    param
        The placeholder of a bound value (``?`` or ``%s``).
    text_order
        Appended to text sort keys: PostgreSQL must sort byte-wise (``COLLATE "C"``) to give
        SQLite's order, which the contract tests compare.
    published_order
        The ``ORDER BY`` term that puts undated articles last.
    article_cols, mention_cols, event_cols, correction_cols
        Column lists in the order of the ``geo.store.codec`` row readers.
    frame_cols, detail_cols, mention_frame_cols
        Column lists in the order of ``geo.store.frames`` (``e`` events, ``a`` articles,
        ``m`` mentions).
    date_param
        A date as the driver binds it.
    date_value
        A date column's value as a ``datetime.date``.
    """

    param: str
    text_order: str
    published_order: str
    article_cols: str
    mention_cols: str
    event_cols: str
    correction_cols: str
    frame_cols: str
    detail_cols: str
    mention_frame_cols: str
    date_param: Callable[[dt.date], object]
    date_value: Callable[[object], dt.date]


class SqlReads:
    """Every read of the store interface, over a backend's ``_read`` and ``_read_chunks``.

    A subclass sets ``dialect`` and implements ``_read(sql, params)`` (all rows of one
    query on the shared connection) and ``_read_chunks(sql, params, rows=)`` (one query
    read in parts on a connection of its own, so a million rows never sit in memory at once).
    """

    dialect: ClassVar[Dialect]

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        raise NotImplementedError

    def _read_chunks(
        self, sql: str, params: Sequence[object], *, rows: int
    ) -> Iterator[list[tuple]]:
        raise NotImplementedError

    def articles(self, *, with_text: bool = True) -> list[Article]:
        """All articles, by publication date (undated last), then title.

        ``with_text=False`` leaves ``text`` empty: listings and layers need only the
        metadata, and reading every article's text would dominate their cost.
        """
        d = self.dialect
        cols = d.article_cols if with_text else d.article_cols.replace("text,", "'' AS text,", 1)
        rows = self._read(
            f"SELECT {cols} FROM articles ORDER BY {d.published_order}, "
            f"title{d.text_order}, article_id{d.text_order}"
        )
        return [article_from_row(r) for r in rows]

    def article_count(self) -> int:
        """How many articles the store holds (cheap: no text is read)."""
        return int(self._read("SELECT count(*) FROM articles")[0][0])

    def article(self, article_id: str) -> Article | None:
        """One article, or None."""
        d = self.dialect
        rows = self._read(
            f"SELECT {d.article_cols} FROM articles WHERE article_id = {d.param}", (article_id,)
        )
        return article_from_row(rows[0]) if rows else None

    def toponyms(self, article_id: str) -> list[Toponym]:
        """An article's mentions in the order they were stored (empty if unknown)."""
        d = self.dialect
        rows = self._read(
            f"SELECT {d.mention_cols} FROM mentions WHERE article_id = {d.param} ORDER BY seq",
            (article_id,),
        )
        return [toponym_from_row(r[1:]) for r in rows]

    def mentions(self) -> list[tuple[str, Toponym]]:
        """Every stored mention as ``(article_id, Toponym)``, grouped by article."""
        d = self.dialect
        rows = self._read(
            f"SELECT {d.mention_cols} FROM mentions ORDER BY article_id{d.text_order}, seq"
        )
        return [(r[0], toponym_from_row(r[1:])) for r in rows]

    def events(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        types: Iterable[EventType | str] | None = None,
    ) -> list[Event]:
        """Events overlapping ``[start, end]`` (either bound optional), optionally by type.

        An event is kept when ``date_start <= end`` and ``date_end >= start``: an event dated
        "August 2024" is in a range covering any day of August.

        Raises
        ------
        InputError
            If ``start`` is after ``end`` or a type is not an ``EventType``.
        """
        d = self.dialect
        where, params = self._date_filter(start, end, prefix="")
        if types is not None:
            try:
                values = sorted({EventType(t).value for t in types})
            except ValueError as exc:
                valid = ", ".join(t.value for t in EventType)
                raise InputError(f"{exc}; event types are: {valid}.") from exc
            where.append(f"event_type IN ({', '.join([d.param] * len(values)) or 'NULL'})")
            params.extend(values)
        sql = f"SELECT {d.event_cols} FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY date_start, article_id{d.text_order}, seq"
        return [event_from_row(r) for r in self._read(sql, params)]

    def events_frame(
        self, *, start: dt.date | None = None, end: dt.date | None = None, details: bool = False
    ) -> pd.DataFrame:
        """Events overlapping ``[start, end]`` as columns, in ``events()`` order.

        The date filter runs in SQL (indexed); columns and dtypes are
        ``geo.store.frames.EVENT_FRAME_COLUMNS`` (plus ``EVENT_DETAIL_COLUMNS`` with
        ``details``): day numbers for dates, no record object per row.
        """
        sql, params = self._events_frame_sql(start, end, details=details)
        return events_frame_from_rows(self._read(sql, params), details=details)

    def events_frame_chunks(
        self, *, details: bool = False, rows: int = FRAME_CHUNK_ROWS
    ) -> Iterator[pd.DataFrame]:
        """Every event as ``events_frame`` has it, in frames of ``rows`` rows (the last fewer).

        One query read as it goes on a connection of its own (one snapshot, the shared
        connection left free), so a million events never sit in memory as rows at once.
        """
        if rows < 1:
            raise InputError(f"rows={rows} must be at least 1.")
        sql, params = self._events_frame_sql(None, None, details=details)
        for part in self._read_chunks(sql, params, rows=rows):
            yield events_frame_from_rows(part, details=details)

    def mentions_frame(self) -> pd.DataFrame:
        """Every resolved mention as columns (``geo.store.frames.MENTION_FRAME_COLUMNS``)."""
        return mentions_frame_from_rows(self._read(self._mentions_frame_sql()))

    def mentions_frame_chunks(self, *, rows: int = FRAME_CHUNK_ROWS) -> Iterator[pd.DataFrame]:
        """``mentions_frame`` in frames of ``rows`` rows, read as in ``events_frame_chunks``."""
        if rows < 1:
            raise InputError(f"rows={rows} must be at least 1.")
        for part in self._read_chunks(self._mentions_frame_sql(), (), rows=rows):
            yield mentions_frame_from_rows(part)

    def corrections(self, *, article_id: str | None = None) -> list[Correction]:
        """Surface-wide corrections, plus the mention corrections of ``article_id`` if given.

        Oldest first, so a pipeline applying them in order lets the latest one win.
        """
        d = self.dialect
        sql = f"SELECT {d.correction_cols} FROM corrections WHERE article_id IS NULL"
        params: tuple = ()
        if article_id is not None:
            sql += f" OR article_id = {d.param}"
            params = (article_id,)
        return [correction_from_row(r) for r in self._read(sql + " ORDER BY id", params)]

    def span(self) -> tuple[dt.date, dt.date] | None:
        """``(earliest date_start, latest date_end)`` over all events, or None if none."""
        lo, hi = self._read("SELECT MIN(date_start), MAX(date_end) FROM events")[0]
        if lo is None:
            return None
        return self.dialect.date_value(lo), self.dialect.date_value(hi)

    # -- SQL --------------------------------------------------------------------------------

    def _date_filter(
        self, start: dt.date | None, end: dt.date | None, *, prefix: str
    ) -> tuple[list[str], list[object]]:
        check_range(start, end)
        d = self.dialect
        where: list[str] = []
        params: list[object] = []
        if end is not None:
            where.append(f"{prefix}date_start <= {d.param}")
            params.append(d.date_param(end))
        if start is not None:
            where.append(f"{prefix}date_end >= {d.param}")
            params.append(d.date_param(start))
        return where, params

    def _events_frame_sql(
        self, start: dt.date | None, end: dt.date | None, *, details: bool
    ) -> tuple[str, list[object]]:
        d = self.dialect
        where, params = self._date_filter(start, end, prefix="e.")
        sql = f"SELECT {d.frame_cols}"
        if details:
            sql += f", {d.detail_cols} FROM events e LEFT JOIN articles a USING (article_id)"
        else:
            sql += " FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY e.date_start, e.article_id{d.text_order}, e.seq"
        return sql, params

    def _mentions_frame_sql(self) -> str:
        d = self.dialect
        return (
            f"SELECT {d.mention_frame_cols} FROM mentions m JOIN articles a USING (article_id) "
            f"WHERE m.place_id IS NOT NULL ORDER BY m.article_id{d.text_order}, m.seq"
        )
