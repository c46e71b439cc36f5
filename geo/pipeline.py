"""Orchestration: article → toponyms → events → store, with corrections re-applied.

The one place that knows the order of the stages; every stage stays a pure function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.errors import InputError
from geo.events.extract import extract_events
from geo.places.gazetteer import Gazetteer, load_gazetteer
from geo.places.names import normalize
from geo.records import Article, Correction, Event, Toponym
from geo.text.articles import read_article
from geo.toponyms.geoparse import geoparse

__all__ = [
    "Analysis",
    "IngestResult",
    "apply_correction",
    "ingest_article",
    "ingest_paths",
    "process",
    "reprocess",
]

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the pipeline makes of one article."""

    toponyms: tuple[Toponym, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class IngestResult:
    """The outcome of ingesting one file: added, already present, or refused with a reason."""

    path: str
    article_id: str | None
    status: str  # "added" | "present" | "error"
    message: str = ""
    places: int = 0
    events: int = 0


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


def ingest_article(store, article: Article, *, gazetteer: Gazetteer | None = None) -> bool:
    """Analyse and store one article in one transaction; False if it was already there."""
    if store.article(article.article_id) is not None:
        return False
    analysis = process(
        article, gazetteer=gazetteer, corrections=store.corrections(article_id=article.article_id)
    )
    return store.add(article, analysis.toponyms, analysis.events)


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            # A folder's README describes the folder; it is not an article.
            out.extend(
                sorted(
                    q
                    for q in p.rglob("*")
                    if q.suffix.lower() in SUPPORTED and not q.name.lower().startswith("readme")
                )
            )
        else:
            out.append(p)
    return out


def ingest_paths(
    paths: Iterable[str | Path],
    store,
    *,
    published: dt.date | None = None,
    gazetteer: Gazetteer | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> list[IngestResult]:
    """Ingest files and folders (recursively: .txt, .md, .html) into a store.

    Each article is stored all or nothing; a bad file is reported in its result and does not
    stop the others. ``progress(done, total, path)`` is called after each file.
    """
    files = _expand(paths)
    gaz = gazetteer or load_gazetteer()
    results = []
    for n, path in enumerate(files, 1):
        try:
            article = read_article(path, published=published)
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
                    str(path),
                    article.article_id,
                    "added" if added else "present",
                    places=len(analysis.toponyms) if analysis and added else 0,
                    events=len(analysis.events) if analysis and added else 0,
                )
            )
        except InputError as exc:
            results.append(IngestResult(str(path), None, "error", str(exc)))
        if progress:
            progress(n, len(files), str(path))
    return results


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
