"""The row codec: a list of candidates' JSON text, made once per list and exact."""

from __future__ import annotations

import dataclasses
import json

from geo.records import Candidate
from geo.store.codec import candidate_to_dict, candidates_json
from tests.store.samples import DONETSK_OBLAST, SUDZHA


def _plain(candidates) -> str:
    return json.dumps(
        [candidate_to_dict(c) for c in candidates], ensure_ascii=False, separators=(",", ":")
    )


def test_the_same_candidates_give_one_string_equal_to_their_json():
    first = (Candidate(SUDZHA, 4.721, "name"), Candidate(DONETSK_OBLAST, 0.5, "alias"))
    # Another mention's list: new Candidate and Place objects with the same content.
    again = tuple(Candidate(dataclasses.replace(c.place), c.score, c.match) for c in first)
    text = candidates_json(first)
    assert text == _plain(first)
    assert candidates_json(again) is text  # one object: an ingest worker pickles it once


def test_scores_that_compare_equal_keep_their_own_json():
    # 1 == 1.0 and 0.0 == -0.0, but their JSON differs: each list keeps its own text.
    for scores in ([1, 1.0], [0.0, -0.0], [1.0, 1]):
        for score in scores:
            cands = (Candidate(SUDZHA, score, "name"),)
            assert candidates_json(cands) == _plain(cands)


def test_a_different_match_or_place_is_a_different_list():
    name = (Candidate(SUDZHA, 1.5, "name"),)
    alias = (Candidate(SUDZHA, 1.5, "alias"),)
    other = (Candidate(DONETSK_OBLAST, 1.5, "name"),)
    texts = {candidates_json(c) for c in (name, alias, other)}
    assert texts == {_plain(name), _plain(alias), _plain(other)}
    assert candidates_json(()) == "[]"
