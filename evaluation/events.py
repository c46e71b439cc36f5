"""Score an event extractor against the hand-written gold set (``evaluation.events_gold``).

Pure: no pipeline imports. Load the gold into frozen records, then ``score`` any extractor.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from evaluation.events_gold import GoldDoc, GoldEvent
from geo.records import EventType, GeoPrecision

__all__ = [
    "MATCH_KM",
    "EvalReport",
    "Mismatch",
    "TypeScore",
    "dates_overlap",
    "event_matches",
    "haversine_km",
    "place_matches",
    "score",
]

MATCH_KM = 50.0  # a town and its outskirts, or a district centre and its villages
_EARTH_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Counts for one event type: gold events, predicted events and matched pairs."""

    event_type: str
    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        """Matched / predicted (1.0 when nothing was predicted)."""
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        """Matched / gold (1.0 when there was nothing to find)."""
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return _f1(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A gold event nobody found (``kind="missed"``) or a prediction with no gold partner."""

    doc_id: str
    kind: str  # "missed" | "spurious"
    event_type: str
    lat: float
    lon: float
    date_start: dt.date
    date_end: dt.date
    place: str = ""


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores of one extractor run over a gold set.

    ``dates_exact`` counts matched pairs whose start and end dates both equal the gold ones.
    ``figures_checked`` counts matched pairs where gold or prediction carries people or
    children; ``figures_exact`` those where both numbers agree.
    """

    docs: int
    gold: int
    predicted: int
    matched: int
    dates_exact: int
    figures_checked: int
    figures_exact: int
    per_type: tuple[TypeScore, ...]
    missed: tuple[Mismatch, ...] = ()
    spurious: tuple[Mismatch, ...] = ()

    @property
    def precision(self) -> float:
        """Matched / predicted over all types."""
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        """Matched / gold over all types."""
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall over all types."""
        return _f1(self.precision, self.recall)

    @property
    def date_accuracy(self) -> float:
        """Share of matched pairs with exactly the gold date range (1.0 with no matches)."""
        return _ratio(self.dates_exact, self.matched)

    @property
    def figure_accuracy(self) -> float:
        """Share of figure-bearing matched pairs with equal people and children counts."""
        return _ratio(self.figures_exact, self.figures_checked)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary: the counts, the rates, and dates as ISO strings."""
        out = asdict(self)
        out.update(
            precision=self.precision,
            recall=self.recall,
            f1=self.f1,
            date_accuracy=self.date_accuracy,
            figure_accuracy=self.figure_accuracy,
        )
        for row, t in zip(out["per_type"], self.per_type, strict=True):
            row.update(precision=t.precision, recall=t.recall, f1=t.f1)
        for row in out["missed"] + out["spurious"]:
            row["date_start"] = row["date_start"].isoformat()
            row["date_end"] = row["date_end"].isoformat()
        return out

    def format(self, *, details: bool = False) -> str:
        """A plain-text table; with ``details`` also every missed and spurious event."""
        lines = [
            f"documents {self.docs}   gold {self.gold}   predicted {self.predicted}"
            f"   matched {self.matched}",
            f"precision {self.precision:.3f}   recall {self.recall:.3f}   F1 {self.f1:.3f}",
            f"date exact {self.dates_exact}/{self.matched} ({self.date_accuracy:.3f})"
            f"   figures exact {self.figures_exact}/{self.figures_checked}"
            f" ({self.figure_accuracy:.3f})",
            "",
            f"{'type':<13}{'gold':>6}{'pred':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}",
        ]
        lines += [
            f"{t.event_type:<13}{t.gold:>6}{t.predicted:>6}{t.matched:>7}"
            f"{t.precision:>8.3f}{t.recall:>8.3f}{t.f1:>8.3f}"
            for t in self.per_type
        ]
        if details:
            for title, rows in (("missed", self.missed), ("spurious", self.spurious)):
                lines += ["", f"{title} ({len(rows)}):"]
                lines += [
                    f"  {m.doc_id}  {m.event_type:<12} {m.place or f'{m.lat:.3f},{m.lon:.3f}'}"
                    f"  {m.date_start.isoformat()}..{m.date_end.isoformat()}"
                    for m in rows
                ]
        return "\n".join(lines)


def _ratio(num: int, den: int) -> float:
    # An empty denominator means nothing could go wrong: a perfect score, not a crash.
    return num / den if den else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --- matching ------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def dates_overlap(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> bool:
    """True when the inclusive ranges ``[a_start, a_end]`` and ``[b_start, b_end]`` meet."""
    return a_start <= b_end and b_start <= a_end


def place_matches(gold: GoldEvent, pred: Any, *, max_km: float = MATCH_KM) -> bool:
    """Whether a predicted event's place counts as the gold place.

    Within ``max_km`` of the gold point always counts. For admin1-level gold, a prediction
    anywhere in the same admin-1 unit (its ``place.admin1_code``) counts too, because an
    oblast-wide event has no single right point.
    """
    place = pred.place
    if haversine_km(gold.lat, gold.lon, place.lat, place.lon) <= max_km:
        return True
    if gold.geo_precision is GeoPrecision.ADMIN1 and gold.admin1_code:
        return getattr(place, "admin1_code", None) == gold.admin1_code
    return False


def _type_of(pred: Any) -> str:
    return str(getattr(pred.event_type, "value", pred.event_type))


def event_matches(gold: GoldEvent, pred: Any, *, max_km: float = MATCH_KM) -> bool:
    """Same type, matching place (:func:`place_matches`) and overlapping date ranges."""
    return (
        _type_of(pred) == gold.event_type.value
        and dates_overlap(gold.date_start, gold.date_end, pred.date_start, pred.date_end)
        and place_matches(gold, pred, max_km=max_km)
    )


def _dates_exact(gold: GoldEvent, pred: Any) -> bool:
    return pred.date_start == gold.date_start and pred.date_end == gold.date_end


def _has_figures(gold: GoldEvent, pred: Any) -> bool:
    return any(
        v is not None
        for v in (
            gold.people,
            gold.children,
            getattr(pred, "people", None),
            getattr(pred, "children", None),
        )
    )


def _figures_exact(gold: GoldEvent, pred: Any) -> bool:
    return getattr(pred, "people", None) == gold.people and (
        getattr(pred, "children", None) == gold.children
    )


def _mismatch(doc_id: str, kind: str, event_type: str, ev: Any, place: str) -> Mismatch:
    loc = ev if isinstance(ev, GoldEvent) else ev.place
    return Mismatch(
        doc_id=doc_id,
        kind=kind,
        event_type=event_type,
        lat=loc.lat,
        lon=loc.lon,
        date_start=ev.date_start,
        date_end=ev.date_end,
        place=place,
    )


def _match(golds: Sequence[GoldEvent], preds: Sequence[Any], max_km: float) -> dict[int, int]:
    """Maximum one-to-one matching (gold index -> prediction index) by augmenting paths.

    Greedy pairing can strand a gold event whose only partner was taken by a neighbour; a
    maximum matching counts each document fairly. Among equals, candidates are tried in order
    of exact dates, then distance, so the reported date and figure accuracy favour the best
    partner.
    """
    options: list[list[int]] = []
    for g in golds:
        cands = [j for j, p in enumerate(preds) if event_matches(g, p, max_km=max_km)]
        cands.sort(
            key=lambda j, g=g: (
                not _dates_exact(g, preds[j]),
                haversine_km(g.lat, g.lon, preds[j].place.lat, preds[j].place.lon),
            )
        )
        options.append(cands)
    owner: dict[int, int] = {}  # prediction index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def score(
    gold_docs: Iterable[GoldDoc],
    extract_fn: Callable[[str, dt.date], Sequence[Any]],
    *,
    max_km: float = MATCH_KM,
) -> EvalReport:
    """Run ``extract_fn(text, published)`` on every gold document and score its events.

    Parameters
    ----------
    gold_docs
        Documents from :func:`load_gold`.
    extract_fn
        Returns objects with ``event_type``, ``place.lat``, ``place.lon``, ``date_start``,
        ``date_end``, ``people`` and ``children`` (``geo.records.Event`` fits).
    max_km
        Distance within which a predicted place counts as the gold place.

    Returns
    -------
    EvalReport
        A prediction matches a gold event of the same document when the type is equal, the
        place matches and the date ranges overlap; pairs are one-to-one.
    """
    docs = n_gold = n_pred = n_match = dates_exact = fig_checked = fig_exact = 0
    gold_by_type: dict[str, int] = {t.value: 0 for t in EventType}
    pred_by_type: dict[str, int] = {t.value: 0 for t in EventType}
    match_by_type: dict[str, int] = {t.value: 0 for t in EventType}
    missed: list[Mismatch] = []
    spurious: list[Mismatch] = []
    for doc in gold_docs:
        docs += 1
        preds = list(extract_fn(doc.text, doc.published))
        pairs = _match(doc.events, preds, max_km)
        n_gold += len(doc.events)
        n_pred += len(preds)
        n_match += len(pairs)
        for g in doc.events:
            gold_by_type[g.event_type.value] += 1
        for p in preds:
            pred_by_type[_type_of(p)] = pred_by_type.get(_type_of(p), 0) + 1
        for i, g in enumerate(doc.events):
            j = pairs.get(i)
            if j is None:
                missed.append(_mismatch(doc.doc_id, "missed", g.event_type.value, g, g.place))
                continue
            p = preds[j]
            match_by_type[g.event_type.value] += 1
            dates_exact += _dates_exact(g, p)
            if _has_figures(g, p):
                fig_checked += 1
                fig_exact += _figures_exact(g, p)
        used = set(pairs.values())
        for j, p in enumerate(preds):
            if j not in used:
                name = str(getattr(p.place, "name", "") or "")
                spurious.append(_mismatch(doc.doc_id, "spurious", _type_of(p), p, name))
    per_type = tuple(
        TypeScore(t, gold_by_type.get(t, 0), pred_by_type.get(t, 0), match_by_type.get(t, 0))
        for t in pred_by_type  # vocabulary order first, then any unknown predicted types
    )
    return EvalReport(
        docs=docs,
        gold=n_gold,
        predicted=n_pred,
        matched=n_match,
        dates_exact=dates_exact,
        figures_checked=fig_checked,
        figures_exact=fig_exact,
        per_type=per_type,
        missed=tuple(missed),
        spurious=tuple(spurious),
    )
