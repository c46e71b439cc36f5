"""evaluation.corpus: the field's metrics on a corpus in the shared JSONL schema."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from evaluation.corpus import load_corpus, score_corpus
from geo.errors import InputError


@dataclass
class P:
    lat: float
    lon: float
    geonameid: int | None = None


@dataclass
class T:
    start: int
    end: int
    place: P | None
    confidence: float = 1.0
    role: str = "literal"


TEXT = "Shelling hit Kharkiv and Paris; Russian troops left."
DOC = {
    "id": "d1",
    "text": TEXT,
    "toponyms": [
        {"start": 13, "end": 20, "name": "Kharkiv", "lat": 50.0, "lon": 36.23, "geonameid": 1},
        {"start": 25, "end": 30, "name": "Paris", "lat": 48.85, "lon": 2.35, "geonameid": 2},
    ],
}


def test_exact_overlap_accuracy_and_end_to_end_are_scored_like_the_field():
    def parse(text):
        return [
            T(13, 20, P(0.0, 0.0, geonameid=1)),  # same GeoNames id: 0 km however far
            T(25, 29, P(33.66, -95.55)),  # overlap only, placed in Paris, Texas
            T(32, 39, P(61.5, 105.3), role="adjectival"),  # not annotated
        ]

    report = score_corpus([DOC], parse, exclude_roles=["adjectival"]).as_dict()
    assert (report["exact_P"], report["exact_R"]) == (0.5, 0.5)
    assert (report["overlap_P"], report["overlap_R"]) == (1.0, 1.0)
    assert report["resolved_n"] == 2
    assert report["acc161"] == 0.5
    assert report["e2e_acc161"] == 0.5


def test_without_excluding_a_role_its_predictions_are_false_positives():
    def parse(text):
        return [T(13, 20, P(50.0, 36.23)), T(32, 39, P(61.5, 105.3), role="adjectival")]

    assert score_corpus([DOC], parse).as_dict()["exact_P"] == 0.5


def test_the_reliability_table_counts_right_answers_per_confidence_band():
    def parse(text):
        return [T(13, 20, P(50.0, 36.23), confidence=0.97), T(25, 30, P(33.66, -95.55), 0.4)]

    bands = {band: (n, share) for band, n, share in score_corpus([DOC], parse).reliability}
    assert bands == {"0.95-1.00": (1, 1.0), "0.00-0.50": (1, 0.0)}


def test_a_span_that_does_not_match_its_text_is_refused(tmp_path):
    bad = dict(DOC, toponyms=[dict(DOC["toponyms"][0], name="Kyiv")])
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="is not 'Kyiv'"):
        load_corpus(path)
