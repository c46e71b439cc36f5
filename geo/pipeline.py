"""Orchestration: article → toponyms → events → store, with corrections re-applied.

The one place that knows the order of the stages, and the one door for ingest (``ingest``:
files, uploads, pasted text, article and feed URLs), used alike by the CLI and the dashboard;
every stage stays a pure function.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TypeVar

from geo.errors import InputError, ServiceError
from geo.events.extract import extract_events
from geo.places.gazetteer import Gazetteer, load_gazetteer
from geo.places.names import normalize
from geo.records import Article, Correction, Event, Toponym
from geo.text.articles import (
    SUPPORTED_SUFFIXES,
    article_from_page,
    article_from_text,
    decode_text,
    read_article,
)
from geo.text.feeds import feed_items, looks_like_feed
from geo.text.fetch import Fetcher, is_url
from geo.text.webpage import MainTextFallbackWarning
from geo.toponyms.geoparse import geoparse

__all__ = [
    "Analysis",
    "IngestReport",
    "IngestResult",
    "IngestStatus",
    "Pasted",
    "Upload",
    "Url",
    "apply_correction",
    "ingest",
    "process",
    "reprocess",
]


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the pipeline makes of one article."""

    toponyms: tuple[Toponym, ...]
    events: tuple[Event, ...]


class IngestStatus(StrEnum):
    """What became of one ingested item."""

    ADDED = "added"
    PRESENT = "present"  # already in the store: nothing changed
    ERROR = "error"  # refused, with the reason in the result's message


@dataclass(frozen=True, slots=True)
class Upload:
    """A file held in memory (an upload in the dashboard): its name and its bytes.

    The name's extension says how to read it (``.md``, ``.html``; anything else is plain
    text). Without a title, the name without its extension is the title.
    """

    name: str
    data: bytes
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Pasted:
    """Article text pasted by an analyst, with what the form says about it."""

    text: str
    title: str | None = None
    url: str | None = None
    fmt: str = "txt"


@dataclass(frozen=True, slots=True)
class Url:
    """An article's or an RSS/Atom feed's http(s) address, fetched when ingested.

    A feed stands for its items: each item's link is fetched and read as an article.
    ``published`` is the date a feed gave its item (used when the page states none);
    ``feed`` is the address of the feed that listed it.
    """

    url: str
    published: dt.date | None = None
    feed: str | None = None


Source = str | os.PathLike[str] | Upload | Pasted | Url
Item = Path | Upload | Pasted | Url
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """The outcome of one item: added, already present, or refused with a reason.

    ``source`` is the file's path, the upload's name, or ``"pasted text"``; title and
    dates describe the article read (unset when it was refused before it could be read).
    """

    source: str
    article_id: str | None
    status: IngestStatus
    message: str = ""
    places: int = 0
    events: int = 0
    title: str | None = None
    published: dt.date | None = None
    published_inferred: bool = False


@dataclass(frozen=True, slots=True)
class IngestReport:
    """Every item's :class:`IngestResult`, in the order given (folders expanded)."""

    results: tuple[IngestResult, ...]

    def __iter__(self) -> Iterator[IngestResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def __getitem__(self, index: int) -> IngestResult:
        return self.results[index]

    def count(self, status: IngestStatus | str) -> int:
        """How many items ended with ``status``."""
        return sum(r.status == status for r in self.results)

    @property
    def added(self) -> int:
        """Articles newly stored."""
        return self.count(IngestStatus.ADDED)

    @property
    def present(self) -> int:
        """Articles already in the store (left unchanged)."""
        return self.count(IngestStatus.PRESENT)

    @property
    def refused(self) -> int:
        """Items refused (bad file, undecodable bytes, empty text...)."""
        return self.count(IngestStatus.ERROR)


def process(
    article: Article,
    *,
    gazetteer: Gazetteer | None = None,
    corrections: Sequence[Correction] = (),
) -> Analysis:
    """Geoparse an article and extract its events; corrections decide what they cover."""
    mine = [c for c in corrections if c.article_id in (None, article.article_id)]
    tops = geoparse(
        article.text,
        published=article.published,
        gazetteer=gazetteer or load_gazetteer(),
        corrections=mine,
    )
    return Analysis(tuple(tops), tuple(extract_events(article, tops)))


def _expand(sources: Iterable[Source]) -> list[Item]:
    out: list[Item] = []
    for raw in sources:
        if isinstance(raw, Upload | Pasted | Url):
            out.append(raw)
            continue
        if isinstance(raw, str) and is_url(raw):
            out.append(Url(raw.strip()))
            continue
        p = Path(raw)
        if p.is_dir():
            # A folder's README describes the folder; it is not an article.
            out.extend(
                sorted(
                    q
                    for q in p.rglob("*")
                    if q.suffix.lower() in SUPPORTED_SUFFIXES
                    and not q.name.lower().startswith("readme")
                )
            )
        else:
            out.append(p)
    return out


# The dashboard's words since before this door existed; kept for pasted text and uploads.
NOTHING_TO_ADD = "Nothing to add: paste article text or upload a file."


def _label(item: Item) -> str:
    if isinstance(item, Upload):
        return item.name
    if isinstance(item, Pasted):
        return "pasted text"
    if isinstance(item, Url):
        return item.url
    return str(item)


def _noting(read: Callable[[], T]) -> tuple[T, str]:
    """What ``read()`` returns, with the reader's note (a fallback it took) if it made one."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MainTextFallbackWarning)
        value = read()
    notes = []
    for w in caught:
        if issubclass(w.category, MainTextFallbackWarning):
            notes.append(str(w.message))
        else:  # not ours to swallow
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)
    return value, " ".join(notes)


def _read(item: Path | Upload | Pasted, *, published: dt.date | None) -> Article:
    """The article an item holds; InputError when it cannot be read."""
    if isinstance(item, Path):
        return read_article(item, published=published)
    if isinstance(item, Upload):
        text = decode_text(item.data, label=item.name)
        fmt = SUPPORTED_SUFFIXES.get(Path(item.name).suffix.lower(), "txt")
        title = item.title or item.name.rsplit(".", 1)[0]
        url = item.url
    else:
        text, fmt, title, url = item.text, item.fmt, item.title, item.url
    if not (text or "").strip():
        raise InputError(NOTHING_TO_ADD)
    return article_from_text(
        text, title=title or None, published=published, url=url or None, fmt=fmt
    )


def _fetch(item: Url, fetcher: Fetcher, *, published: dt.date | None) -> Article | list[Url]:
    """The article at a URL, or a feed's items to fetch in its place."""
    page = fetcher.get(item.url)
    if looks_like_feed(page.data, page.content_type):
        if item.feed is not None:
            raise InputError(f"{item.url} is a feed listed by the feed {item.feed}; not followed.")
        links = feed_items(page.data, base_url=page.final_url)
        if not links:
            raise InputError(f"{item.url} is a feed without article links; nothing to add.")
        return [Url(x.url, published=x.published, feed=item.url) for x in links]
    return article_from_page(
        page.data,
        url=page.final_url,
        content_type=page.content_type,
        charset=page.charset,
        published=published,
        published_default=item.published,
    )


def ingest(
    sources: Iterable[Source],
    *,
    store,
    published: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    fetcher: Fetcher | None = None,
) -> IngestReport:
    """Read, analyse and store articles: the one way in, for the CLI and the dashboard alike.

    Parameters
    ----------
    sources : iterable of path, Upload, Pasted or Url
        Files, folders (searched recursively for .txt, .md, .html; READMEs skipped),
        in-memory uploads, pasted text, and article or RSS/Atom feed addresses. A plain string
        is an http(s) URL when it starts with ``http://`` or ``https://``, else a path; never
        article text. A feed stands for its items, each fetched and read as an article.
    store : geo.store.base.ArticleStore
        Where the articles go; each is stored all or nothing.
    published : datetime.date, optional
        Publication date for all of them; otherwise each article's metadata (for a feed's
        item, else the feed's date for it), else inferred.
    gazetteer : Gazetteer, optional
        Default: the offline gazetteer.
    progress : callable, optional
        ``progress(done, total, source)``, called after each item (a feed's items add to
        ``total`` when it has been read).
    fetcher : geo.text.fetch.Fetcher, optional
        Fetches the URLs, one request at a time with timeouts and a size cap. Default: a
        new ``Fetcher()``. Nothing goes on the network unless a URL is given.

    Returns
    -------
    IngestReport
        One result per item (per feed item, for a feed): added, present (nothing changed) or
        error with the message saying what was wrong; an added item's message is a note
        (a web page read without its main-content extractor). A refused item, an unreachable
        URL included, changes nothing and does not stop the others.

    Raises
    ------
    StoreError
        When the store itself fails; that would fail every item, so it stops the ingest.
    """
    items = _expand(sources)
    gaz = gazetteer or load_gazetteer()
    results = []
    seen_urls: set[str] = set()
    n = 0
    while n < len(items):
        item = items[n]
        n += 1
        label = _label(item)
        try:
            if isinstance(item, Url):
                seen_urls.add(item.url)
                fetcher = fetcher or Fetcher()
                fetched, note = _noting(partial(_fetch, item, fetcher, published=published))
                if isinstance(fetched, list):  # a feed: its new items are read next
                    items[n:n] = [u for u in fetched if u.url not in seen_urls]
                    seen_urls.update(u.url for u in fetched)
                    if progress:
                        progress(n, len(items), label)
                    continue
                article = fetched
            else:
                article, note = _noting(partial(_read, item, published=published))
            analysis = None
            if store.article(article.article_id) is None:
                analysis = process(
                    article,
                    gazetteer=gaz,
                    corrections=store.corrections(article_id=article.article_id),
                )
                added = store.add(article, analysis.toponyms, analysis.events)
            else:
                added = False
            results.append(
                IngestResult(
                    label,
                    article.article_id,
                    IngestStatus.ADDED if added else IngestStatus.PRESENT,
                    message=note if added else "",
                    places=len(analysis.toponyms) if analysis and added else 0,
                    events=len(analysis.events) if analysis and added else 0,
                    title=article.title,
                    published=article.published,
                    published_inferred=article.published_inferred,
                )
            )
        except (InputError, ServiceError) as exc:
            results.append(IngestResult(label, None, IngestStatus.ERROR, str(exc)))
        if progress:
            progress(n, len(items), label)
    return IngestReport(tuple(results))


def reprocess(
    store, article_ids: Iterable[str] | None = None, *, gazetteer: Gazetteer | None = None
) -> int:
    """Re-run the analysis of stored articles (all by default) with the current corrections.

    Called after an analyst's correction so that mentions, events and layers follow it.
    Returns the number of articles re-analysed.
    """
    gaz = gazetteer or load_gazetteer()
    ids = (
        list(article_ids)
        if article_ids is not None
        else [a.article_id for a in store.articles(with_text=False)]
    )
    for aid in ids:
        article = store.article(aid)
        if article is None:
            continue
        analysis = process(article, gazetteer=gaz, corrections=store.corrections(article_id=aid))
        store.replace_analysis(aid, analysis.toponyms, analysis.events)
    return len(ids)


def apply_correction(store, correction: Correction, *, gazetteer: Gazetteer | None = None) -> int:
    """Store an analyst's correction and re-analyse only the articles it touches.

    A correction for one mention touches its article; one for a surface form touches the
    articles whose stored mentions have that form. Returns how many were re-analysed.
    """
    store.add_correction(correction)
    if correction.article_id is not None:
        ids = [correction.article_id]
    else:
        key = normalize(correction.surface)
        ids = sorted({aid for aid, t in store.mentions() if normalize(t.surface) == key})
    return reprocess(store, ids, gazetteer=gazetteer)
