"""Score event extraction against analyst-coded real reports (a local folder, never in git).

Each report is one JSON file (``text``, ``published``, ``events`` with type, location, lat,
lon, area, admin1, date range, status, killed, injured, people and children evacuated).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluation.events import dates_overlap, haversine_km
from geo.errors import InputError

__all__ = [
    "REAL_MATCH_KM",
    "RealDoc",
    "RealEvent",
    "RealReport",
    "load_reports",
    "same_admin1",
    "score_reports",
]

REAL_MATCH_KM = 25.0  # the acceptance rule for real reports: a town, not its district
_ADMIN_WORDS = re.compile(
    r"\b(?:oblast|region|province|krai|kray|republic|people's republic|governorate|"
    r"autonomous|okrug)\b|['’ʹ]",
    re.IGNORECASE,
)
# Transliteration variants of oblast names (GeoNames spells some the Russian way).
_ADMIN_ALIASES = {"kharkov": "kharkiv", "zaporozhye": "zaporizhzhia", "kherson": "kherson"}


@dataclass(frozen=True, slots=True)
class RealEvent:
    """One analyst-coded event of a real report."""

    event_type: str
    location: str
    lat: float
    lon: float
    area: bool
    admin1: str | None
    date_start: dt.date
    date_end: dt.date
    status: str
    killed: int | None
    injured: int | None
    people: int | None
    children: int | None
    evidence: str


@dataclass(frozen=True, slots=True)
class RealDoc:
    """One real report with its publication date and coded events."""

    doc_id: str
    outlet: str
    published: dt.date
    text: str
    events: tuple[RealEvent, ...]


@dataclass
class RealReport:
    """Counts over a run; ``rows`` lists every error for reading."""

    docs: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    per_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [gold, pred, match]
    casualty_gold: int = 0  # gold events stating killed or injured
    casualty_right: int = 0  # ... matched with equal killed and injured where stated
    casualty_matched: int = 0  # ... that were matched at all
    status_matched: int = 0
    status_right: int = 0
    figures_gold: int = 0  # gold events stating people or children evacuated
    figures_right: int = 0
    rows: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Matched / predicted."""
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Matched / gold."""
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The scores as plain JSON values."""
        return {
            "docs": self.docs,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "per_type": self.per_type,
            "casualties": [self.casualty_right, self.casualty_matched, self.casualty_gold],
            "status": [self.status_right, self.status_matched],
            "evacuation_figures": [self.figures_right, self.figures_gold],
        }

    def format(self, *, details: bool = False) -> str:
        """A plain-text summary; with ``details`` every missed and spurious event."""
        lines = [
            f"reports {self.docs}   gold {self.gold}   predicted {self.predicted}"
            f"   matched {self.matched}",
            f"precision {self.precision:.3f}   recall {self.recall:.3f}   F1 {self.f1:.3f}",
            f"casualties right {self.casualty_right}/{self.casualty_gold} of gold events that"
            f" state them ({_share(self.casualty_right, self.casualty_gold)}); "
            f"{self.casualty_right}/{self.casualty_matched} of those matched"
            f" ({_share(self.casualty_right, self.casualty_matched)})",
            f"evacuation figures right {self.figures_right}/{self.figures_gold}"
            f"   status right {self.status_right}/{self.status_matched} of matched",
            "",
            f"{'type':<13}{'gold':>6}{'pred':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}",
        ]
        for t, (g, p, m) in sorted(self.per_type.items()):
            prec = m / p if p else 1.0
            rec = m / g if g else 1.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            lines.append(f"{t:<13}{g:>6}{p:>6}{m:>7}{prec:>8.3f}{rec:>8.3f}{f1:>8.3f}")
        if details:
            lines += ["", *self.rows]
        return "\n".join(lines)


def _share(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "n/a"


def _int(raw: Any) -> int | None:
    return raw if isinstance(raw, int) and not isinstance(raw, bool) else None


def load_reports(folder: str | os.PathLike[str]) -> tuple[RealDoc, ...]:
    """Read every ``*.json`` report of a folder, in name order.

    Raises
    ------
    InputError
        When the folder has no reports or a report lacks its text, date or events.
    """
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise InputError(f"No *.json reports in {folder}; give the folder of coded reports.")
    docs = []
    for f in files:
        try:
            raw = json.loads(f.read_text(encoding="utf-8"))
            events = tuple(
                RealEvent(
                    event_type=e["type"],
                    location=e.get("location") or "",
                    lat=float(e["lat"]),
                    lon=float(e["lon"]),
                    area=bool(e.get("area")),
                    admin1=e.get("admin1"),
                    date_start=dt.date.fromisoformat(e["date_start"]),
                    date_end=dt.date.fromisoformat(e["date_end"]),
                    status=_gold_status(e.get("status")),
                    killed=_int(e.get("killed")),
                    injured=_int(e.get("injured")),
                    people=_int(e.get("people_evacuated")),
                    children=_int(e.get("children_evacuated")),
                    evidence=e.get("evidence") or "",
                )
                for e in raw["events"]
            )
            docs.append(
                RealDoc(
                    doc_id=f.stem,
                    outlet=raw.get("outlet", ""),
                    published=dt.date.fromisoformat(raw["published"]),
                    text=raw["text"],
                    events=events,
                )
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise InputError(f"{f}: not a coded report ({exc}).") from exc
    return tuple(docs)


def _admin_key(name: str | None) -> str:
    key = _ADMIN_WORDS.sub("", (name or "").lower()).replace("-", " ")
    key = " ".join(key.split())
    return _ADMIN_ALIASES.get(key, key)


def same_admin1(gold: str | None, predicted: str | None) -> bool:
    """Whether two admin-1 names denote one unit ("Donetsk" and "Donetsk Oblast")."""
    return bool(gold) and _admin_key(gold) == _admin_key(predicted)


def _type(pred: Any) -> str:
    return str(getattr(pred.event_type, "value", pred.event_type))


def _matches(g: RealEvent, p: Any, max_km: float) -> bool:
    if _type(p) != g.event_type:
        return False
    if not dates_overlap(g.date_start, g.date_end, p.date_start, p.date_end):
        return False
    if haversine_km(g.lat, g.lon, p.place.lat, p.place.lon) <= max_km:
        return True
    return g.area and same_admin1(g.admin1, getattr(p.place, "admin1_name", None))


def _pairs(golds: Sequence[RealEvent], preds: Sequence[Any], max_km: float) -> dict[int, int]:
    """Maximum one-to-one matching, gold index -> prediction index (augmenting paths)."""
    options = []
    for g in golds:
        cands = [j for j, p in enumerate(preds) if _matches(g, p, max_km)]
        # The prediction from the coded sentence first, then the nearest: of two strikes on
        # one town, each coded event keeps the one told in its own sentence.
        cands.sort(
            key=lambda j, g=g: (
                not _same_sentence(g.evidence, getattr(preds[j], "quote", "")),
                haversine_km(g.lat, g.lon, preds[j].place.lat, preds[j].place.lon),
            )
        )
        options.append(cands)
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def _same_sentence(evidence: str, quote: str) -> bool:
    """Whether a coded event's evidence and a prediction's quote share their opening words."""
    head = " ".join(evidence.split()[:8])
    return bool(head) and head in " ".join(quote.split())


def _gold_status(raw: str | None) -> str:
    # Coders write the label of docs/events.md ("attempted"); older sets wrote "ongoing".
    # Both mean the same reading, so they compare equal to a predicted "attempted".
    return "ongoing" if raw == "attempted" else raw or "happened"


def _status_of(pred: Any) -> str:
    status = str(getattr(getattr(pred, "status", ""), "value", getattr(pred, "status", "")))
    return _gold_status(status)


def score_reports(
    docs: Iterable[RealDoc],
    extract_fn: Callable[[str, dt.date], Sequence[Any]],
    *,
    max_km: float = REAL_MATCH_KM,
) -> RealReport:
    """Run ``extract_fn(text, published)`` on every report and score it against the coding.

    A prediction is right when its type is equal, the date ranges overlap and its place is
    within ``max_km`` of the coded point or, for an area event, in the coded oblast. Casualty
    figures are right when ``killed`` and ``injured`` equal the coded ones where stated.
    """
    rep = RealReport()
    for doc in docs:
        rep.docs += 1
        preds = list(extract_fn(doc.text, doc.published))
        pairs = _pairs(doc.events, preds, max_km)
        rep.gold += len(doc.events)
        rep.predicted += len(preds)
        rep.matched += len(pairs)
        for g in doc.events:
            rep.per_type.setdefault(g.event_type, [0, 0, 0])[0] += 1
        for p in preds:
            rep.per_type.setdefault(_type(p), [0, 0, 0])[1] += 1
        for i, g in enumerate(doc.events):
            j = pairs.get(i)
            stated = g.killed is not None or g.injured is not None
            rep.casualty_gold += stated
            rep.figures_gold += g.people is not None or g.children is not None
            if j is None:
                rep.rows.append(
                    f"{doc.doc_id} MISSED   {g.event_type:<12} {g.location:<22}"
                    f" {g.date_start}..{g.date_end} [{g.status}]  {g.evidence[:110]!r}"
                )
                continue
            p = preds[j]
            rep.per_type[g.event_type][2] += 1
            rep.status_matched += 1
            rep.status_right += _status_of(p) == g.status
            if stated:
                rep.casualty_matched += 1
                right = (g.killed is None or getattr(p, "killed", None) == g.killed) and (
                    g.injured is None or getattr(p, "injured", None) == g.injured
                )
                rep.casualty_right += right
                if not right:
                    rep.rows.append(
                        f"{doc.doc_id} CASUALTY {g.event_type:<12} {g.location:<22}"
                        f" gold k={g.killed} i={g.injured}"
                        f" got k={getattr(p, 'killed', None)} i={getattr(p, 'injured', None)}"
                    )
            if g.people is not None or g.children is not None:
                if p.people == g.people and p.children == g.children:
                    rep.figures_right += 1
                else:
                    rep.rows.append(
                        f"{doc.doc_id} FIGURES  {g.event_type:<12} {g.location:<22}"
                        f" gold {g.people}/{g.children} got {p.people}/{p.children}"
                    )
        used = set(pairs.values())
        for j, p in enumerate(preds):
            if j not in used:
                rep.rows.append(
                    f"{doc.doc_id} SPURIOUS {_type(p):<12} {p.place.name:<22}"
                    f" {p.date_start}..{p.date_end} [{_status_of(p)}]  {p.quote[:110]!r}"
                )
    return rep
