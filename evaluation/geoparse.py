"""Score a geoparser against the hand-written gold set (``evaluation.geoparse_gold``).

Pure: no pipeline imports. Spans are scored by P/R/F1 (strict and overlap), resolutions by
accuracy within a distance (161 km, i.e. 100 miles, by convention) and error in km.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol

from evaluation.geoparse_gold import GoldDoc, GoldPlace
from geo.errors import InputError
from geo.records import PlaceKind

__all__ = [
    "ACC_KM",
    "DocErrors",
    "EvalReport",
    "KindScore",
    "SpanError",
    "SpanLike",
    "SpanScores",
    "accuracy_at_km",
    "evaluate",
    "haversine_km",
    "match_distances",
    "score_spans",
]

ACC_KM = 161.0  # 100 miles: the customary tolerance in geoparsing evaluations
_EARTH_KM = 6371.0088  # mean Earth radius (IUGG)


class SpanLike(Protocol):
    """What a prediction must offer: character offsets and (possibly missing) coordinates.

    :class:`geo.records.Toponym` satisfies it, and so does :class:`GoldPlace`.
    """

    @property
    def start(self) -> int: ...  # noqa: D102

    @property
    def end(self) -> int: ...  # noqa: D102

    @property
    def lat(self) -> float | None: ...  # noqa: D102

    @property
    def lon(self) -> float | None: ...  # noqa: D102


@dataclass(frozen=True, slots=True)
class SpanScores:
    """Span-detection counts; ratios are derived. Add two to pool counts over documents.

    Ratios with a zero denominator are 0.0 (no predictions means no precision to speak of).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: SpanScores) -> SpanScores:
        return SpanScores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """Share of predicted spans that are gold spans."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Share of gold spans that were predicted."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class SpanError:
    """A false positive, a false negative or a misplaced match, for error analysis."""

    start: int
    end: int
    surface: str
    lat: float | None = None
    lon: float | None = None
    name: str | None = None  # the gold name (FN, misplaced) or the predicted name (FP)
    error_km: float | None = None  # misplaced only; None when the prediction is unresolved


@dataclass(frozen=True, slots=True)
class DocErrors:
    """One document's mistakes under strict matching."""

    doc_id: str
    false_positives: tuple[SpanError, ...]
    false_negatives: tuple[SpanError, ...]
    misplaced: tuple[SpanError, ...]  # exact span, but unresolved or farther than the tolerance
    trap_hits: tuple[SpanError, ...]  # false positives overlapping a ``not_places`` string

    def __bool__(self) -> bool:
        return bool(self.false_positives or self.false_negatives or self.misplaced)


@dataclass(frozen=True, slots=True)
class KindScore:
    """Recall and accuracy for one gold kind (country centroids are a convention; see docs)."""

    kind: str
    gold: int
    found: int  # gold spans predicted exactly
    within_km: int  # of those, resolved within the tolerance

    @property
    def recall(self) -> float:
        """Share of this kind's gold spans predicted exactly."""
        return _ratio(self.found, self.gold)

    @property
    def accuracy(self) -> float | None:
        """Share of exactly found spans resolved within the tolerance; None if none found."""
        return self.within_km / self.found if self.found else None


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Everything :func:`evaluate` measured; ``format()`` renders it for a terminal."""

    docs: int
    gold_places: int
    predicted: int
    strict: SpanScores
    lenient: SpanScores
    km: float
    matched: int  # exact span matches
    resolved: int  # matched and given coordinates
    within_km: int
    errors_km: tuple[float, ...]  # one per resolved match
    trap_hits: int
    by_kind: tuple[KindScore, ...]
    errors: tuple[DocErrors, ...]  # one per document, in gold order
    seconds: float = 0.0  # wall time spent inside ``parse_fn``
    countries_by_code: bool = True  # see :func:`evaluate`

    @property
    def accuracy(self) -> float | None:
        """Share of exact matches resolved within ``km``; unresolved ones count as misses."""
        return self.within_km / self.matched if self.matched else None

    @property
    def mean_error_km(self) -> float | None:
        """Mean great-circle error of resolved matches, or None."""
        return statistics.fmean(self.errors_km) if self.errors_km else None

    @property
    def median_error_km(self) -> float | None:
        """Median great-circle error of resolved matches, or None."""
        return statistics.median(self.errors_km) if self.errors_km else None

    def as_dict(self) -> dict[str, Any]:
        """The headline numbers and per-document mistakes as plain JSON-ready values."""

        def scores(s: SpanScores) -> dict[str, float | int]:
            return {
                "precision": s.precision,
                "recall": s.recall,
                "f1": s.f1,
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }

        return {
            "docs": self.docs,
            "gold_places": self.gold_places,
            "predicted": self.predicted,
            "strict": scores(self.strict),
            "lenient": scores(self.lenient),
            "km": self.km,
            "countries_by_code": self.countries_by_code,
            "matched": self.matched,
            "resolved": self.resolved,
            "within_km": self.within_km,
            "accuracy": self.accuracy,
            "mean_error_km": self.mean_error_km,
            "median_error_km": self.median_error_km,
            "trap_hits": self.trap_hits,
            "by_kind": {
                k.kind: {"gold": k.gold, "recall": k.recall, "accuracy": k.accuracy}
                for k in self.by_kind
            },
            "errors": [asdict(e) for e in self.errors if e],
            "seconds": self.seconds,
        }

    def format(self, *, errors: bool = False) -> str:
        """A plain-text report; with ``errors=True`` also every FP, FN and misplaced match."""
        lines = [
            f"documents        {self.docs}",
            f"gold places      {self.gold_places}",
            f"predicted spans  {self.predicted}   (trap hits: {self.trap_hits})",
            "",
            "                 P      R      F1     tp   fp   fn",
            _score_line("strict", self.strict),
            _score_line("lenient", self.lenient),
            "",
            f"acc@{self.km:g}km       {_pct(self.accuracy)}   "
            f"({self.within_km} of {self.matched} exact matches; {self.resolved} resolved"
            f"{'; countries by ISO code' if self.countries_by_code else ''})",
            f"error km         mean {_num(self.mean_error_km)}   "
            f"median {_num(self.median_error_km)}",
            "",
            "kind             gold  recall  acc",
        ]
        lines += [
            f"{k.kind:<16} {k.gold:>4}  {_pct(k.recall)}  {_pct(k.accuracy)}" for k in self.by_kind
        ]
        lines.append(f"\nparse time       {self.seconds:.2f} s")
        if errors:
            lines.append("")
            lines += [_format_doc_errors(e) for e in self.errors if e]
        return "\n".join(lines)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _pct(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def _score_line(label: str, s: SpanScores) -> str:
    return (
        f"{label:<16} {s.precision:5.3f}  {s.recall:5.3f}  {s.f1:5.3f}  "
        f"{s.tp:>4} {s.fp:>4} {s.fn:>4}"
    )


def _format_doc_errors(e: DocErrors) -> str:
    out = [f"[{e.doc_id}]"]
    out += [f"  FP {x.start}-{x.end} {x.surface!r} -> {x.name}" for x in e.false_positives]
    out += [f"  FN {x.start}-{x.end} {x.surface!r} ({x.name})" for x in e.false_negatives]
    for x in e.misplaced:
        where = "unresolved" if x.error_km is None else f"{x.error_km:.0f} km off"
        out.append(f"  XX {x.start}-{x.end} {x.surface!r} ({x.name}) {where}")
    return "\n".join(out)


# --- metrics ------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of the mean Earth radius (error < 0.5 %)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _exact_pairs(
    gold: Sequence[SpanLike], predicted: Sequence[SpanLike]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """One-to-one pairs (gold index, predicted index) with equal offsets, and the leftovers."""
    free: dict[tuple[int, int], list[int]] = {}
    for j, p in enumerate(predicted):
        free.setdefault((p.start, p.end), []).append(j)
    pairs, lost = [], []
    for i, g in enumerate(gold):
        slot = free.get((g.start, g.end))
        if slot:
            pairs.append((i, slot.pop(0)))
        else:
            lost.append(i)
    used = {j for _, j in pairs}
    return pairs, lost, [j for j in range(len(predicted)) if j not in used]


def _overlap_pairs(gold: Sequence[SpanLike], predicted: Sequence[SpanLike]) -> int:
    """Number of one-to-one pairs of overlapping spans, exact pairs first, then left to right."""
    pairs, lost, spare = _exact_pairs(gold, predicted)
    count = len(pairs)
    for i in lost:
        g = gold[i]
        for j in spare:
            p = predicted[j]
            if p.start < g.end and g.start < p.end:
                spare.remove(j)
                count += 1
                break
    return count


def score_spans(
    gold: Sequence[SpanLike], predicted: Sequence[SpanLike], *, lenient: bool = False
) -> SpanScores:
    """Span-detection counts for one document.

    Parameters
    ----------
    gold, predicted
        Objects with ``start`` and ``end`` character offsets.
    lenient
        False: a prediction counts only with exactly the gold offsets. True: any overlap
        counts ("Luhansk" for "Luhansk Oblast"), still one prediction per gold span.

    Returns
    -------
    SpanScores
        tp/fp/fn with ``precision``, ``recall`` and ``f1``; add scores to pool documents.
    """
    gold, predicted = list(gold), list(predicted)
    tp = _overlap_pairs(gold, predicted) if lenient else len(_exact_pairs(gold, predicted)[0])
    return SpanScores(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


def _resolved(p: SpanLike) -> bool:
    return p.lat is not None and p.lon is not None


def match_distances(gold: Sequence[SpanLike], predicted: Sequence[SpanLike]) -> list[float | None]:
    """Great-circle error in km of each exact span match, in gold order.

    None stands for a match whose prediction has no coordinates.
    """
    gold, predicted = list(gold), list(predicted)
    out: list[float | None] = []
    for i, j in _exact_pairs(gold, predicted)[0]:
        g, p = gold[i], predicted[j]
        out.append(haversine_km(g.lat, g.lon, p.lat, p.lon) if _resolved(p) else None)
    return out


def accuracy_at_km(
    gold: Sequence[SpanLike], predicted: Sequence[SpanLike], *, km: float = ACC_KM
) -> float | None:
    """Share of exactly matched spans resolved within ``km`` of the gold point (inclusive).

    Unresolved predictions count as misses. Returns None when no span matched, since the
    resolver then was never tested.
    """
    distances = match_distances(gold, predicted)
    if not distances:
        return None
    return sum(d is not None and d <= km for d in distances) / len(distances)


# --- whole-set evaluation -----------------------------------------------------------------


def _span_error(
    p: Any, text: str, *, name: str | None = None, km: float | None = None
) -> SpanError:
    place = getattr(p, "place", None)
    return SpanError(
        start=p.start,
        end=p.end,
        surface=text[p.start : p.end],
        lat=p.lat,
        lon=p.lon,
        name=name if name is not None else getattr(place, "name", getattr(p, "name", None)),
        error_km=km,
    )


def _same_country(g: GoldPlace, p: Any) -> bool:
    """True when gold ``g`` is a country and prediction ``p`` resolves to that same country."""
    if g.kind is not PlaceKind.COUNTRY or not g.country_code:
        return False
    place = getattr(p, "place", p)  # a Toponym carries its Place; a GoldPlace is its own
    kind = getattr(place, "kind", None)
    return kind == PlaceKind.COUNTRY and getattr(place, "country_code", None) == g.country_code


def _check_predictions(doc: GoldDoc, predicted: Sequence[Any]) -> None:
    for p in predicted:
        start, end = getattr(p, "start", None), getattr(p, "end", None)
        if not (isinstance(start, int) and isinstance(end, int)):
            raise InputError(
                f"{doc.doc_id}: parse_fn returned {p!r} without integer start/end; return "
                "objects with .start, .end, .lat and .lon (e.g. geo.records.Toponym)."
            )
        if not 0 <= start < end <= len(doc.text):
            raise InputError(
                f"{doc.doc_id}: parse_fn returned the span {start}-{end}, outside the "
                f"{len(doc.text)}-character text."
            )


def evaluate(
    docs: Iterable[GoldDoc],
    parse_fn: Callable[[str, dt.date], Sequence[SpanLike]],
    *,
    km: float = ACC_KM,
    countries_by_code: bool = True,
) -> EvalReport:
    """Run ``parse_fn(text, published)`` on every gold document and score it.

    Parameters
    ----------
    docs
        Gold documents, e.g. from :func:`load_gold`.
    parse_fn
        Returns objects with ``start``, ``end``, ``lat`` and ``lon`` (``lat``/``lon`` may be
        None for an unresolved mention), such as a list of :class:`geo.records.Toponym`.
    km
        Tolerance of the accuracy metric.
    countries_by_code
        Count a gold country as correctly resolved when the prediction is a country with the
        same ISO code, whatever point stands for it: a country's point is a convention
        (centroids of Russia differ by 500 km between GeoNames and Nominatim). Distances are
        recorded either way. False scores countries by distance like everything else.

    Returns
    -------
    EvalReport
        Micro-averaged span scores, accuracy, errors by kind and per-document mistakes.

    Raises
    ------
    InputError
        When ``parse_fn`` returns something without offsets or offsets outside the text.
    """
    docs = list(docs)
    strict, lenient = SpanScores(), SpanScores()
    predicted_total = matched = resolved = within = traps = 0
    errors_km: list[float] = []
    kinds: dict[str, list[int]] = {k.value: [0, 0, 0] for k in PlaceKind if k != PlaceKind.POINT}
    per_doc: list[DocErrors] = []
    seconds = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        predicted = list(parse_fn(doc.text, doc.published))
        seconds += time.perf_counter() - t0
        _check_predictions(doc, predicted)
        predicted_total += len(predicted)
        strict += score_spans(doc.places, predicted)
        lenient += score_spans(doc.places, predicted, lenient=True)
        pairs, lost, spare = _exact_pairs(doc.places, predicted)
        misplaced = []
        for g in doc.places:
            kinds.setdefault(g.kind.value, [0, 0, 0])[0] += 1
        for i, j in pairs:
            g, p = doc.places[i], predicted[j]
            matched += 1
            kinds[g.kind.value][1] += 1
            dist = haversine_km(g.lat, g.lon, p.lat, p.lon) if _resolved(p) else None
            if dist is not None:
                resolved += 1
                errors_km.append(dist)
            by_code = countries_by_code and _same_country(g, p)
            if by_code or (dist is not None and dist <= km):
                within += 1
                kinds[g.kind.value][2] += 1
            else:
                misplaced.append(_span_error(p, doc.text, name=g.name, km=dist))
        trap_spans = doc.not_place_spans()
        fps = [_span_error(predicted[j], doc.text) for j in spare]
        hits = [e for e in fps if any(e.start < b and a < e.end for a, b in trap_spans)]
        traps += len(hits)
        per_doc.append(
            DocErrors(
                doc_id=doc.doc_id,
                false_positives=tuple(fps),
                false_negatives=tuple(
                    _span_error(doc.places[i], doc.text, name=doc.places[i].name) for i in lost
                ),
                misplaced=tuple(misplaced),
                trap_hits=tuple(hits),
            )
        )
    return EvalReport(
        docs=len(docs),
        gold_places=sum(len(d.places) for d in docs),
        predicted=predicted_total,
        strict=strict,
        lenient=lenient,
        km=km,
        matched=matched,
        resolved=resolved,
        within_km=within,
        errors_km=tuple(errors_km),
        trap_hits=traps,
        by_kind=tuple(KindScore(k, *v) for k, v in kinds.items() if v[0]),
        errors=tuple(per_doc),
        seconds=seconds,
        countries_by_code=countries_by_code,
    )
