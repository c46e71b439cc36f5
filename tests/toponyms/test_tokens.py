"""Tokens: a word read once gives the same token wherever it stands; the best reading."""

from __future__ import annotations

from geo.records import Candidate, Place, PlaceKind
from geo.toponyms.tokens import Mention, best_reading, tokenize


def _fields(text: str) -> list[tuple]:
    return [
        (t.start, t.end, t.text, t.norm, t.cap, t.initial, t.possessive, t.joined)
        for t in tokenize(text)
    ]


def test_a_repeated_word_keeps_its_own_offsets_and_sentence_start():
    text = "Kherson's mayor spoke. Kherson-based crews left Kherson's port for Rep. D-Ashford."
    toks = _fields(text)
    kherson = [t for t in toks if t[3] == "kherson"]
    # the possessive is cut off each time, the hyphenated tail each time, at its own place
    assert [(text[s:e], poss, initial) for s, e, _, _, _, initial, poss, _ in kherson] == [
        ("Kherson", True, True),
        ("Kherson", False, True),
        ("Kherson", True, False),
    ]
    ashford = next(t for t in toks if t[2] == "Ashford")
    assert text[ashford[0] : ashford[1]] == "Ashford"  # the party letter is left out
    assert _fields(text) == toks  # read again from the remembered words: the same tokens


def test_st_joins_across_its_full_stop_every_time():
    toks = tokenize("From St. Louis to St. Paul, and St. Louis again.")
    st = [t for t in toks if t.norm == "st"]
    assert len(st) == 3 and all(t.joined for t in st)


def _mention(scores: list[float]) -> Mention:
    place = Place("x:1", "X", 0.0, 0.0, PlaceKind.POPULATED_PLACE, "UA")
    cands = [Candidate(place, 0.0, "name") for _ in scores]
    return Mention(0, 1, 0, 1, "X", "x", cands, scores=list(scores))


def test_best_reading_is_the_first_of_equal_top_scores():
    assert best_reading(_mention([1.0, 3.5, 2.0, 3.5])) == 1
    assert best_reading(_mention([-2.0])) == 0
    assert best_reading(Mention(0, 1, 0, 1, "X", "x", [])) is None
