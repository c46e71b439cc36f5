"""The article store's interface, and the one door to a store: a folder or a PostgreSQL URL.

The pipeline, layers, UI and CLI use only ``ArticleStore``; ``open_store`` picks the backend.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, Self, runtime_checkable

from geo.config import store_location
from geo.records import Article, Correction, Event, EventType, Toponym

if TYPE_CHECKING:
    import pandas as pd

    from geo.store.codec import EncodedArticle

__all__ = ["ArticleStore", "open_store"]


@runtime_checkable
class ArticleStore(Protocol):
    """What every article store does; see docs/store.md for the behaviour both backends share.

    ``location`` names the store for messages and cache keys (a folder, or the URL with any
    password hidden). Writes are all or nothing and bump ``revision()``; a write that changes
    nothing does not. "Not found" is ``None`` or empty, never an exception.
    """

    location: str

    def add(self, article: Article, toponyms: Iterable[Toponym], events: Iterable[Event]) -> bool:
        """Store an article with its analysis; False (nothing changed) if already stored."""
        ...

    def add_batch(
        self, items: Iterable[tuple[Article, Iterable[Toponym], Iterable[Event]]]
    ) -> list[bool]:
        """``add`` for several articles, each all or nothing, committed together where cheaper.

        On an error the articles before it are stored, it and those after it are not.
        """
        ...

    # Rows of an article and its analysis for this backend, made where the analysis ran
    # (a module-level function as a static method, so it pickles by name to a worker).
    encode: Callable[[Article, Iterable[Toponym], Iterable[Event]], EncodedArticle]

    def add_encoded_batch(self, items: Iterable[EncodedArticle]) -> list[bool]:
        """``add_batch`` of rows made by ``encode``: the writer only inserts them."""
        ...

    def replace_analysis(
        self, article_id: str, toponyms: Iterable[Toponym], events: Iterable[Event]
    ) -> None:
        """Swap an article's mentions and events in one transaction."""
        ...

    def add_correction(self, correction: Correction) -> None:
        """Keep an analyst's correction (the pipeline applies it)."""
        ...

    def delete_article(self, article_id: str) -> bool:
        """Delete an article with its mentions, events, mention corrections; False if absent."""
        ...

    def articles(self, *, with_text: bool = True) -> list[Article]:
        """All articles, by publication date (undated last), then title."""
        ...

    def article_count(self) -> int:
        """How many articles are stored."""
        ...

    def article(self, article_id: str) -> Article | None:
        """One article, or None."""
        ...

    def toponyms(self, article_id: str) -> list[Toponym]:
        """An article's mentions in stored order."""
        ...

    def mentions(self) -> list[tuple[str, Toponym]]:
        """Every mention as ``(article_id, Toponym)``, grouped by article."""
        ...

    def events(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        types: Iterable[EventType | str] | None = None,
    ) -> list[Event]:
        """Events overlapping ``[start, end]``, optionally of some types."""
        ...

    def events_frame(
        self, *, start: dt.date | None = None, end: dt.date | None = None, details: bool = False
    ) -> pd.DataFrame:
        """Events overlapping ``[start, end]`` as columns (``geo.store.frames``), date order.

        Filtered in SQL; no record per row. ``details`` adds the popup and table columns.
        """
        ...

    def events_frame_chunks(
        self, *, details: bool = False, rows: int = ...
    ) -> Iterator[pd.DataFrame]:
        """``events_frame()`` of every event in frames of ``rows`` rows, read as it goes."""
        ...

    def mentions_frame(self) -> pd.DataFrame:
        """Every resolved mention as columns (``geo.store.frames.MENTION_FRAME_COLUMNS``)."""
        ...

    def mentions_frame_chunks(self, *, rows: int = ...) -> Iterator[pd.DataFrame]:
        """``mentions_frame()`` in frames of ``rows`` rows, read as it goes."""
        ...

    def corrections(self, *, article_id: str | None = None) -> list[Correction]:
        """Surface-wide corrections plus those of ``article_id``, oldest first."""
        ...

    def span(self) -> tuple[dt.date, dt.date] | None:
        """``(earliest date_start, latest date_end)`` of all events, or None."""
        ...

    def revision(self) -> int:
        """The write counter: a cache key seen alike by every connection."""
        ...

    def close(self) -> None:
        """Release the connection; the store is unusable afterwards."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


def open_store(location: str | os.PathLike[str] | None = None) -> ArticleStore:
    """Open the article store at a folder (SQLite) or a ``postgresql://`` URL (PostGIS).

    Parameters
    ----------
    location : str or path, optional
        ``--store``'s value; default ``$GEO_STORE``, then the user data folder
        (``geo.config.store_location``). A ``postgresql://`` or ``postgres://`` URL opens
        the PostGIS store (``?schema=NAME`` picks the schema, default ``geo``).

    Raises
    ------
    StoreError
        If the store cannot be opened or is not ours (it is then left untouched).
    """
    where = store_location(location)
    if isinstance(where, str):
        from geo.store.postgis import PostgisStore

        return PostgisStore(where)
    from geo.store.sqlite import Store

    return Store(where)
