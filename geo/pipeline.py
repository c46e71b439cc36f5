"""Orchestration: article → toponyms → events → store, with corrections re-applied.

The one place that knows the order of the stages, and the one door for ingest (``ingest``),
used alike by the CLI and the dashboard; every stage stays a pure function.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from geo.errors import InputError
from geo.events.extract import extract_events
from geo.places.gazetteer import Gazetteer, load_gazetteer
from geo.places.names import normalize
from geo.records import Article, Correction, Event, Toponym
from geo.text.articles import SUPPORTED_SUFFIXES, article_from_text, decode_text, read_article
from geo.toponyms.geoparse import geoparse

__all__ = [
    "Analysis",
    "IngestReport",
    "IngestResult",
    "IngestStatus",
    "Pasted",
    "Upload",
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


Source = str | os.PathLike[str] | Upload | Pasted


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


def _expand(sources: Iterable[Source]) -> list[Path | Upload | Pasted]:
    out: list[Path | Upload | Pasted] = []
    for raw in sources:
        if isinstance(raw, Upload | Pasted):
            out.append(raw)
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


def _label(item: Path | Upload | Pasted) -> str:
    if isinstance(item, Upload):
        return item.name
    if isinstance(item, Pasted):
        return "pasted text"
    return str(item)


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


def ingest(
    sources: Iterable[Source],
    *,
    store,
    published: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> IngestReport:
    """Read, analyse and store articles: the one way in, for the CLI and the dashboard alike.

    Parameters
    ----------
    sources : iterable of path, Upload or Pasted
        Files, folders (searched recursively for .txt, .md, .html; READMEs skipped),
        in-memory uploads and pasted text. A plain string is a path, never article text.
    store : geo.store.base.ArticleStore
        Where the articles go; each is stored all or nothing.
    published : datetime.date, optional
        Publication date for all of them; otherwise each article's metadata, else inferred.
    gazetteer : Gazetteer, optional
        Default: the offline gazetteer.
    progress : callable, optional
        ``progress(done, total, source)``, called after each item.

    Returns
    -------
    IngestReport
        One result per item: added, present (nothing changed) or error with the message
        saying what was wrong. A refused item changes nothing and does not stop the others.

    Raises
    ------
    StoreError
        When the store itself fails; that would fail every item, so it stops the ingest.
    """
    items = _expand(sources)
    gaz = gazetteer or load_gazetteer()
    results = []
    for n, item in enumerate(items, 1):
        label = _label(item)
        try:
            article = _read(item, published=published)
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
                    places=len(analysis.toponyms) if analysis and added else 0,
                    events=len(analysis.events) if analysis and added else 0,
                    title=article.title,
                    published=article.published,
                    published_inferred=article.published_inferred,
                )
            )
        except InputError as exc:
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
