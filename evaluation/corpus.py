"""Score a geoparser on any corpus in the shared JSONL schema (GeoWebNews, LGL, our own sets).

One document per line: ``{"id", "text", "toponyms": [{"start", "end", "name", "lat", "lon",
"geonameid", ...}]}``. The metrics are the field's (Gritta et al. 2018; EUPEG): exact and
overlap span P/R/F1; on overlap matches with gold coordinates acc@161 km and the AUC of the
log error (a prediction with the gold GeoNames id counts as 0 km); end to end, the gold
toponyms found and placed within 161 km. A reliability table adds how often each confidence
band is right, so confidence can be trusted or tuned.
"""

from __future__ import annotations

import itertools
import json
import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.errors import InputError

__all__ = ["CorpusReport", "load_corpus", "score_corpus"]

ACC_KM = 161.0
MAX_ERROR_KM = 20039.0  # half the equator: the error of a name found but not placed
BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01)


def load_corpus(path: str | Path) -> list[dict[str, Any]]:
    """The documents of a JSONL corpus, checked so that every span matches its text."""
    docs = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                text = doc["text"]
                for t in doc["toponyms"]:
                    if text[t["start"] : t["end"]] != t["name"]:
                        raise InputError(
                            f"{path}:{n}: span {t['start']}-{t['end']} is not {t['name']!r}"
                        )
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(
                    f"{path}:{n}: not a corpus line ({exc}); see evaluation/corpus.py"
                ) from exc
            docs.append(doc)
    return docs


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _auc(errors: Sequence[float]) -> float:
    logs = sorted(math.log(1 + d) for d in errors)
    if len(logs) < 2:
        return logs[0] / math.log(MAX_ERROR_KM) if logs else float("nan")
    area = sum((a + b) / 2 for a, b in itertools.pairwise(logs))
    return area / (math.log(MAX_ERROR_KM) * (len(logs) - 1))


@dataclass
class CorpusReport:
    """The metrics of one run, in the shared scorer's names."""

    corpus: str
    docs: int
    exact: tuple[float, float, float]
    overlap: tuple[float, float, float]
    errors_km: list[float]
    gold_with_coords: int
    seconds: float
    nbytes: int
    reliability: list[tuple[str, int, float]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The metric line as a dict (keys as ``score_geoparse.py --json`` prints them)."""
        e = self.errors_km
        return {
            "corpus": self.corpus,
            "docs": self.docs,
            "exact_P": round(self.exact[0], 3),
            "exact_R": round(self.exact[1], 3),
            "exact_F1": round(self.exact[2], 3),
            "overlap_P": round(self.overlap[0], 3),
            "overlap_R": round(self.overlap[1], 3),
            "overlap_F1": round(self.overlap[2], 3),
            "resolved_n": len(e),
            "acc161": round(sum(d < ACC_KM for d in e) / len(e), 3) if e else None,
            "auc": round(_auc(e), 3) if e else None,
            "e2e_acc161": round(sum(d < ACC_KM for d in e) / self.gold_with_coords, 3)
            if self.gold_with_coords
            else None,
            "MB_per_s": round(self.nbytes / self.seconds / 1e6, 3) if self.seconds else None,
        }

    def format(self) -> str:
        """The metric line and the reliability table, for a terminal."""
        line = "  ".join(f"{k}={v}" for k, v in self.as_dict().items())
        rows = ["confidence     n   placed within 161 km"]
        rows += [f"{band:<11} {n:>5}   {share:.3f}" for band, n, share in self.reliability]
        return line + "\n\n" + "\n".join(rows)


def _role(t: Any) -> str:
    role = getattr(t, "role", "")
    return str(getattr(role, "value", role) or "").lower()


def score_corpus(
    docs: Iterable[dict[str, Any]],
    parse: Callable[[str], Sequence[Any]],
    *,
    name: str = "corpus",
    exclude_roles: Iterable[str] = (),
) -> CorpusReport:
    """Run ``parse`` over every document and score it (see the module docstring).

    Parameters
    ----------
    docs
        Corpus documents (``load_corpus``).
    parse
        ``text -> toponyms``; each has ``start``, ``end``, ``place`` (with lat/lon and
        ``geonameid``), ``confidence`` and ``role``.
    name
        Shown as ``corpus`` in the report.
    exclude_roles
        Roles whose predictions are dropped before scoring, for corpora that do not annotate
        them (LGL: demonym and adjectival).
    """
    docs = list(docs)
    drop = {r.strip().lower() for r in exclude_roles if r.strip()}
    started = time.perf_counter()
    predicted = [[t for t in parse(d["text"]) if _role(t) not in drop] for d in docs]
    seconds = time.perf_counter() - started
    tp_e = fp_e = fn_e = tp_o = fp_o = fn_o = 0
    errors: list[float] = []
    by_band: dict[int, list[bool]] = {}
    for doc, preds in zip(docs, predicted, strict=True):
        gold = {(g["start"], g["end"]): g for g in doc["toponyms"]}
        spans = [(p.start, p.end) for p in preds]
        exact = set(spans) & set(gold)
        tp_e += len(exact)
        fp_e += len(spans) - len(exact)
        fn_e += len(gold) - len(exact)
        used: set[tuple[int, int]] = set()
        for p in preds:
            hit = next((k for k in gold if k not in used and p.start < k[1] and k[0] < p.end), None)
            if hit is None:
                fp_o += 1
                continue
            used.add(hit)
            tp_o += 1
            g = gold[hit]
            if g.get("lat") is None:
                continue
            place = getattr(p, "place", None)
            if place is None:
                err = MAX_ERROR_KM
            elif g.get("geonameid") is not None and place.geonameid == int(g["geonameid"]):
                err = 0.0
            else:
                err = _km(g["lat"], g["lon"], place.lat, place.lon)
            errors.append(err)
            band = next(k for k in range(len(BANDS) - 1) if p.confidence < BANDS[k + 1])
            by_band.setdefault(band, []).append(err < ACC_KM)
        fn_o += len(gold) - len(used)
    reliability = [
        (f"{BANDS[k]:.2f}-{min(BANDS[k + 1], 1.0):.2f}", len(v), sum(v) / len(v))
        for k, v in sorted(by_band.items())
    ]
    return CorpusReport(
        corpus=name,
        docs=len(docs),
        exact=_prf(tp_e, fp_e, fn_e),
        overlap=_prf(tp_o, fp_o, fn_o),
        errors_km=errors,
        gold_with_coords=sum(1 for d in docs for g in d["toponyms"] if g.get("lat") is not None),
        seconds=seconds,
        nbytes=sum(len(d["text"].encode()) for d in docs),
        reliability=reliability,
    )
