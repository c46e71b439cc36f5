"""Where the pipeline loses the coded events it misses: one count per stage, no text.

Scoring says how many coded events were missed; this says at which stage of the pipeline
each one was lost, so work goes where text nobody has read loses its events. The report
holds counts only, so it can be run on sets kept blind (whose texts and rows nobody reads).

A coded event that no prediction matched is put in the first stage that explains it:

``near``
    a prediction lies at its place: a wrong type, a wrong date, or one a neighbour took.
    :data:`NEAR_WHY` splits these counts further, still without text: ``near_taken`` (a
    prediction of its type and dates lies there, but the matching gave it to another coded
    event: a list of villages read as fewer events than it names), ``near_date`` (its type,
    other dates), ``near_type`` (its dates, another type), ``near_type_and_date``.
``not_placed``
    no toponym of its sentence resolves within reach of its place: a geoparsing loss.
``placed_elsewhere``
    as ``not_placed``, but another sentence of the text does place it (a reference, or the
    same name not read in this sentence).
``no_event_word``
    the place is read in its sentence, but no event word of the sentence reached the
    place reader (:func:`geo.events.places.places_for`).
``not_chosen``
    event words of the sentence reached the place reader, which never chose the place.
``not_made``
    the place reader chose it, but the sentence loop made no event there.
``merged``
    an event was made there and folded into another by consolidation.
``dropped``
    an event was made there and dropped afterwards (undated, or an oblast summary).
``no_sentence``
    the coded evidence is not found in the text as the pipeline reads it.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from evaluation.events import dates_overlap, haversine_km
from evaluation.real_events import REAL_MATCH_KM, RealDoc, RealEvent, _pairs, _type, same_admin1

__all__ = ["NEAR_WHY", "STAGES", "miss_stages"]

STAGES = (
    "near",
    "not_placed",
    "placed_elsewhere",
    "no_event_word",
    "not_chosen",
    "not_made",
    "merged",
    "dropped",
    "no_sentence",
)

# Why a "near" miss missed, the first that holds (see the module's docstring).
NEAR_WHY = ("near_taken", "near_date", "near_type", "near_type_and_date")


class _Probe:
    """What one run of the event extractor did, read through its module's own names."""

    def __init__(self) -> None:
        self.chosen: list[tuple[int, list[Any]]] = []  # (event word start, places chosen)
        self.made: list[Any] = []  # events before consolidation
        self.merged: list[Any] = []  # after consolidation

    def reset(self) -> None:
        self.chosen.clear()
        self.made = []
        self.merged = []


@contextlib.contextmanager
def _probed() -> Iterator[_Probe]:
    """Wrap the extractor's place reader and its consolidation for the time of a run.

    The extractor calls them through its module's globals, so wrapping those names sees
    every call without a hook in the production code; they are restored on the way out.
    """
    from geo.events import extract

    probe = _Probe()
    places_for, consolidate = extract.places_for, extract.consolidate

    def watched_places_for(text, trig, toks, tops, dates):
        out = places_for(text, trig, toks, tops, dates)
        probe.chosen.append((trig.start, list(out)))
        return out

    def watched_consolidate(events, apart):
        probe.made = list(events)
        out = consolidate(events, apart)
        probe.merged = list(out)
        return out

    extract.places_for, extract.consolidate = watched_places_for, watched_consolidate
    try:
        yield probe
    finally:
        extract.places_for, extract.consolidate = places_for, consolidate


def _near(g: RealEvent, place: Any, max_km: float) -> bool:
    if place is None or place.lat is None:
        return False
    if haversine_km(g.lat, g.lon, place.lat, place.lon) <= max_km:
        return True
    return g.area and same_admin1(g.admin1, getattr(place, "admin1_name", None))


def _near_why(g: RealEvent, preds: Sequence[Any], max_km: float) -> str:
    """Which of :data:`NEAR_WHY` explains a ``near`` miss of coded event ``g``."""
    near = [p for p in preds if _near(g, p.place, max_km)]
    same_type = [p for p in near if _type(p) == g.event_type]

    def overlaps(p: Any) -> bool:
        return dates_overlap(g.date_start, g.date_end, p.date_start, p.date_end)

    if any(overlaps(p) for p in same_type):
        return "near_taken"
    if same_type:
        return "near_date"
    return "near_type" if any(overlaps(p) for p in near) else "near_type_and_date"


def _stage(
    g: RealEvent,
    text: str,
    toponyms: Sequence[Any],
    preds: Sequence[Any],
    probe: _Probe,
    max_km: float,
) -> str:
    """The first stage that explains why coded event ``g`` has no match."""
    if any(_near(g, p.place, max_km) for p in preds):
        return "near"
    start = text.find(g.evidence[:60])
    if start < 0:
        return "no_sentence"
    end = start + len(g.evidence)
    if not any(start <= t.start < end and _near(g, t.place, max_km) for t in toponyms):
        placed = any(_near(g, t.place, max_km) for t in toponyms)
        return "placed_elsewhere" if placed else "not_placed"
    reached = [places for at, places in probe.chosen if start <= at < end]
    if not reached:
        return "no_event_word"
    if not any(_near(g, t.place, max_km) for places in reached for t in places):
        return "not_chosen"
    if not any(_near(g, e.place, max_km) for e in probe.made):
        return "not_made"
    if not any(_near(g, e.place, max_km) for e in probe.merged):
        return "merged"
    return "dropped"


def miss_stages(docs: Iterable[RealDoc], *, max_km: float = REAL_MATCH_KM) -> Counter[str]:
    """Count the coded events of ``docs`` the pipeline misses, by the stage that lost them.

    Parameters
    ----------
    docs
        Coded real reports (:func:`evaluation.real_events.load_reports`).
    max_km
        How near a prediction or a toponym must be to the coded point (the scorer's rule;
        area events match anywhere in their oblast).

    Returns
    -------
    collections.Counter
        Stage name (one of :data:`STAGES`) to number of missed events, plus ``"matched"``
        and the split of ``"near"`` by :data:`NEAR_WHY`.
    """
    from geo.pipeline import process
    from geo.text.articles import article_from_text

    counts: Counter[str] = Counter()
    with _probed() as probe:
        for doc in docs:
            probe.reset()
            article = article_from_text(doc.text, published=doc.published)
            analysis = process(article)
            preds = list(analysis.events)
            pairs = _pairs(doc.events, preds, max_km)
            counts["matched"] += len(pairs)
            toponyms = [t for t in analysis.toponyms if t.place is not None]
            for i, g in enumerate(doc.events):
                if i not in pairs:
                    stage = _stage(g, article.text, toponyms, preds, probe, max_km)
                    counts[stage] += 1
                    if stage == "near":
                        counts[_near_why(g, preds, max_km)] += 1
    return counts
