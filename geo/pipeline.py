"""Orchestration: article → toponyms → events → store, with corrections re-applied.

The one place that knows the order of the stages, and the one door for ingest (``ingest``:
files, uploads, pasted text, article and feed URLs), used alike by the CLI and the dashboard;
every stage stays a pure function.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
import warnings
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from geo.errors import InputError, ServiceError
from geo.events.acled import acled_labels
from geo.events.build import event_with
from geo.events.datasets import MAX_DATASET_BYTES, dataset_label, is_dataset, read_dataset
from geo.events.extract import extract_events
from geo.inputs import read_file, shown
from geo.parallel import default_jobs, run_on_dask, run_ordered
from geo.places.gazetteer import Gazetteer, is_shared, load_gazetteer
from geo.places.names import normalize
from geo.records import Article, Correction, Event, Toponym
from geo.store.codec import EncodedArticle
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
from geo.toponyms.geoparse import prepare as prepare_geoparse

__all__ = [
    "Analysis",
    "IngestReport",
    "IngestResult",
    "IngestStatus",
    "Pasted",
    "Upload",
    "Url",
    "apply_correction",
    "import_events",
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
    events = []
    for e in extract_events(article, tops):
        # ACLED's labels are decided once, here, so layers and exports only read them.
        acled_type, acled_sub = acled_labels(e)
        events.append(event_with(e, acled_event_type=acled_type, acled_sub_event_type=acled_sub))
    return Analysis(tuple(tops), tuple(events))


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
        try:
            is_dir = p.is_dir()
        except OSError:  # e.g. a name too long for the system: read_article says so
            is_dir = False
        if is_dir:
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


@dataclass(frozen=True, slots=True)
class _Context:
    """What every analysis of one ingest shares; sent to each worker once."""

    published: dt.date | None
    gazetteer: Gazetteer | None  # None: the worker loads the shared index from the cache
    corrections: tuple[Correction, ...]  # surface-wide ones: a new article has no other
    stored: Container[str]  # ids already in the store, not analysed again
    # The store's row builder (``Store.encode``, a module-level function): workers send rows.
    encode: Callable[[Article, Sequence[Toponym], Sequence[Event]], EncodedArticle]


@dataclass(frozen=True, slots=True)
class _Analysed:
    """What a worker makes of one item: the article and its analysis, or why it was refused.

    An analysed article comes as the store's rows (``rows``), so the single writer only
    inserts them; ``article`` is then None. An article already in the store comes as
    ``article`` without its text, and an item that could not be read as ``error``.
    """

    article: Article | None = None
    rows: EncodedArticle | None = None
    error: str | None = None
    note: str = ""  # a fallback the reader took (a web page read without its extractor)


class _InStore:
    """The store's article ids, asked one at a time (the serial path reads no id list)."""

    def __init__(self, store) -> None:
        self._store = store

    def __contains__(self, article_id: object) -> bool:
        return self._store.article(article_id) is not None


def _analyse(item: Path | Upload | Pasted | Article, ctx: _Context) -> _Analysed:
    """Read and analyse one item; runs in a worker process (or in this one with one job)."""
    note = ""
    try:
        if isinstance(item, Article):
            article = item
        else:
            article, note = _noting(partial(_read, item, published=ctx.published))
    except InputError as exc:
        return _Analysed(error=str(exc))
    return _analysed(article, ctx, note=note)


def _analysed(article: Article, ctx: _Context, *, note: str) -> _Analysed:
    if article.article_id in ctx.stored:
        return _Analysed(replace(article, text=""), note=note)  # the report needs no text
    gaz = ctx.gazetteer or load_gazetteer()
    analysis = process(article, gazetteer=gaz, corrections=ctx.corrections)
    return _Analysed(rows=ctx.encode(article, analysis.toponyms, analysis.events), note=note)


def _read_here(items: list, *, published: dt.date | None) -> list:
    """Articles read in this process, for workers that may not see its files (dask)."""
    out: list[Article | _Analysed] = []
    for item in items:
        if isinstance(item, Article | _Analysed):
            out.append(item)
            continue
        try:
            out.append(_read(item, published=published))
        except InputError as exc:
            out.append(_Analysed(error=str(exc)))
    return out


def _fetched(
    items: list[Item], fetcher: Fetcher | None, *, published: dt.date | None
) -> tuple[list[str], list]:
    """Labels and items with every URL fetched here (feeds expanded to their items).

    Fetching is this process's job, one request at a time per host, whatever the number of
    analysis workers; a URL becomes its Article, or an ``_Analysed`` error that says why.
    """
    labels: list[str] = []
    out: list = []
    seen: set[str] = set()
    queue = list(items)
    while queue:
        item = queue.pop(0)
        if not isinstance(item, Url):
            labels.append(_label(item))
            out.append(item)
            continue
        seen.add(item.url)
        fetcher = fetcher or Fetcher()
        try:
            fetched, note = _noting(partial(_fetch, item, fetcher, published=published))
        except (InputError, ServiceError) as exc:
            labels.append(item.url)
            out.append(_Analysed(error=str(exc)))
            continue
        if isinstance(fetched, list):  # a feed: its new items are fetched next, in order
            fresh = [u for u in fetched if u.url not in seen]
            seen.update(u.url for u in fresh)
            queue[:0] = fresh
            continue
        labels.append(item.url)
        out.append(_Analysed(fetched, note=note) if note else fetched)
    return labels, out


def _analyse_or_pass(item: Any, ctx: _Context) -> _Analysed:
    if isinstance(item, _Analysed):
        if item.article is None:
            return item
        return _analysed(item.article, ctx, note=item.note)
    return _analyse(item, ctx)


def ingest(
    sources: Iterable[Source],
    *,
    store,
    published: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    jobs: int | None = None,
    dask: Any = None,
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
        Publication date for all of them; otherwise each article's metadata, else inferred.
    gazetteer : Gazetteer, optional
        Default: the offline gazetteer.
    progress : callable, optional
        ``progress(done, total, source)``, called after each item is stored or refused.
    jobs : int, optional
        Worker processes reading and analysing articles (default: every core); 1 does all of
        it in this process. This process alone writes, so the store sees one writer.
    dask : str or distributed.Client, optional
        Analyse on a dask.distributed cluster instead: a scheduler address
        (``tcp://host:8786``), ``"local"`` for a LocalCluster here, or a Client. Files are
        read here and sent as articles; each worker loads the gazetteer index from its own
        cache (see README). ``jobs`` is then ignored.
    fetcher : geo.text.fetch.Fetcher, optional
        Fetches the URLs here, one request at a time, with timeouts and a size cap. Default:
        a new ``Fetcher()``. Nothing goes on the network unless a URL is given.

    Returns
    -------
    IngestReport
        One result per item: added, present (nothing changed) or error with the message
        saying what was wrong. A refused item changes nothing and does not stop the others.
        The report and the store are the same whatever ``jobs`` or ``dask`` is.

    Raises
    ------
    StoreError
        When the store itself fails; that would fail every item, so it stops the ingest.
    """
    labels, items = _fetched(_expand(sources), fetcher, published=published)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise InputError(f"jobs must be 1 or more, not {jobs}.")
    gaz = gazetteer or load_gazetteer()
    corrections = tuple(store.corrections())
    if dask is None and (jobs == 1 or len(items) <= 1):
        ctx = _Context(published, gaz, corrections, _InStore(store), type(store).encode)
        analysed = run_ordered(_analyse_or_pass, items, ctx, jobs=1)
    else:
        stored = frozenset(a.article_id for a in store.articles(with_text=False))
        if dask is None:
            # Forked workers share this process's gazetteer; others load it from the cache
            # unless it is one of the caller's own, which is then sent along.
            ctx = _Context(published, gaz, corrections, stored, type(store).encode)
            if sys.platform == "linux":  # where workers are forked: loaded once, shared
                prepare_geoparse(gaz)
            analysed = run_ordered(_analyse_or_pass, items, ctx, jobs=jobs)
        else:
            ctx = _Context(
                published, None if is_shared(gaz) else gaz, corrections, stored, type(store).encode
            )
            read = _read_here(items, published=published)
            analysed = run_on_dask(_analyse_or_pass, read, ctx, address=dask)
    results: list[IngestResult] = []
    for group in _batches(zip(labels, analysed, strict=True)):
        results.extend(_store_batch(store, group))
        if progress:
            # After the commit: whatever progress has counted is in the store.
            for n in range(len(results) - len(group) + 1, len(results) + 1):
                progress(n, len(items), results[n - 1].source)
    return IngestReport(tuple(results))


# The single writer commits once per batch, not per article (on SQLite a commit is a disk
# sync, which took as long as analysing an article): at most this many articles or seconds
# apart, so the dashboard and progress still see an ingest advance.
WRITE_BATCH = 200
WRITE_BATCH_S = 1.0


def _batches(pairs: Iterable[T]) -> Iterator[list[T]]:
    group: list[T] = []
    since = time.monotonic()
    for pair in pairs:
        if not group:
            since = time.monotonic()
        group.append(pair)
        if len(group) >= WRITE_BATCH or time.monotonic() - since >= WRITE_BATCH_S:
            yield group
            group = []
    if group:
        yield group


def _store_batch(store, group: list[tuple[str, _Analysed]]) -> list[IngestResult]:
    """Write a batch of analysed items (the single writer) and say what became of each."""
    added = iter(store.add_encoded_batch(out.rows for _, out in group if out.rows is not None))
    return [_result(label, out, out.rows is not None and next(added)) for label, out in group]


def _result(label: str, out: _Analysed, added: bool) -> IngestResult:
    """What became of one item."""
    about = out.rows or out.article
    if about is None:
        return IngestResult(label, None, IngestStatus.ERROR, out.error or "")
    rows = out.rows if added else None
    return IngestResult(
        label,
        about.article_id,
        IngestStatus.ADDED if added else IngestStatus.PRESENT,
        message=out.note if added else "",
        places=len(rows.mentions) if rows else 0,
        events=len(rows.events) if rows else 0,
        title=about.title,
        published=about.published,
        published_inferred=about.published_inferred,
    )


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
        if article is None or is_dataset(article.fmt):
            continue  # an imported dataset has no text: its events are its rows
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


def import_events(source: str | os.PathLike[str] | Upload, *, fmt: str, store) -> IngestResult:
    """Import a downloaded ACLED-layout or UCDP GED CSV as a source of events of its own.

    The file is read whole and checked row by row before anything is written; then it is
    stored in one transaction, as an article (its name the title, ``fmt`` the layout) with
    one event per row. Importing the same bytes again changes nothing.

    Parameters
    ----------
    source : path or Upload
        The file (at most ``MAX_DATASET_BYTES``).
    fmt : {"acled", "ged"}
    store : ArticleStore

    Returns
    -------
    IngestResult
        ``ADDED`` with the number of events, or ``PRESENT`` when the file was imported before.

    Raises
    ------
    InputError
        The file cannot be read or is not in that layout (the store is unchanged).
    """
    if isinstance(source, Upload):
        name, data = source.name, source.data
        if len(data) > MAX_DATASET_BYTES:
            raise InputError(
                f"{name} is {len(data) / 1e6:,.0f} MB, over the "
                f"{MAX_DATASET_BYTES / 1e6:,.0f} MB a dataset may be; split it by year."
            )
    else:
        data = read_file(source, max_bytes=MAX_DATASET_BYTES)
        name = Path(source).name
    dataset = read_dataset(data, fmt=fmt, name=name)
    article = dataset.article
    label = shown(str(source)) if not isinstance(source, Upload) else source.name
    added = store.add(article, (), dataset.events)
    return IngestResult(
        source=label,
        article_id=article.article_id,
        status=IngestStatus.ADDED if added else IngestStatus.PRESENT,
        message=dataset_label(article.fmt),
        events=len(dataset.events) if added else 0,
        title=article.title,
    )
