"""The literal words every match of a pattern contains, and the gates built on them."""

from __future__ import annotations

import gc
import json
import re
from pathlib import Path

import pytest

import geo.pipeline
from geo.text.casefold import Gated, caseless_lower, lower_twin
from geo.text.literals import absent, required_literals

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bkill(?:ed|s)?\b", {"kill"}),
        (r"\bbetween\s+(?:\w+\s+){0,6}?and\b", {"between"}),  # the longer literal run wins
        (r"(?:another|further)\b|more\b(?!\s+than)", {"another", "further", "more"}),
        (r"(?:people|civilians)+ fled", {"people", "civilians"}),  # longer words shut more
        (r"shell(?:s|ing|ed)", {"shells", "shelling", "shelled"}),  # "shell" + each ending
        (r"(?:shelled|shelling)", {"shelled", "shelling"}),  # the parser's "shell" put back
        (r"(?:was|were) (?:hit|struck)", {" hit", " struck"}),
        (r"x(?:mine|bomb){2,}", {"mine", "bomb"}),
        (r"(?:death toll|toll|tolls)\s+\w+", {"toll"}),  # the words holding "toll" add nothing
        # a word both alternatives hold, not one of each ("after" is in most news sentences)
        (r"(?:start|onset)\s+of\s+the\s+war|after\s+the\s+war", {"war"}),
    ],
)
def test_the_words_are_read_off_the_pattern(pattern, words):
    assert required_literals(re.compile(pattern)) == words


def test_more_or_shorter_words_where_asked():
    many = re.compile("|".join(f"{chr(97 + i)}word" for i in range(20)))
    assert required_literals(many) is None
    assert required_literals(many, max_words=20) == {f"{chr(97 + i)}word" for i in range(20)}
    short = re.compile(r"\b(?:if|unless)\s+\w+")
    assert required_literals(short) is None
    assert required_literals(short, min_length=2) == {"if", "unless"}


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+ed",  # classes only
        r"(?:killed)?\s+\d+",  # the word is optional
        r"killed|\d+",  # one alternative has no word
        r"(?=killed)\w+",  # a lookahead reads text, but not as a match's own words
        r"(?i:killed) \d",  # scoped flags fold case
        r"a|b|c",  # words too short to shut the gate often
        "|".join(f"{chr(97 + i)}word" for i in range(20)),  # too many words to look for
    ],
)
def test_no_words_where_a_match_need_not_contain_them(pattern):
    assert required_literals(re.compile(pattern)) is None


@pytest.mark.parametrize("pattern", ["killed", "(?i)killed"])
def test_a_case_insensitive_pattern_is_refused(pattern):
    with pytest.raises(ValueError, match="folds case"):
        required_literals(re.compile(pattern, re.IGNORECASE if pattern == "killed" else 0))


def test_absent_reads_a_slice_as_re_does():
    # a negative start is 0 for re (str.find would count from the end)
    assert not absent(("abc",), "abc xyz", -3, 100)
    assert absent(("abc",), "abc xyz", 1, 100)
    assert absent(("abc",), "abc xyz", 0, 2)  # the word must lie wholly inside the slice
    assert absent(("abc",), "xyz abc", 0, -1)  # a negative end is 0 as well


TEXTS = [
    "Russian forces shelled Kharkiv between Monday and Tuesday, killing three people.",
    "Another two civilians were killed and more were wounded in the strike on Sumy.",
    "Officials said nothing about the evacuation of Pokrovsk.",
    "",
]


@pytest.mark.parametrize(
    "pattern",
    [r"\bkill(?:ed|ing)\b", r"between\s+\w+\s+and", r"(?:another|more)\s+\w+", r"wounded|hurt"],
)
def test_a_gated_case_sensitive_pattern_answers_as_the_pattern(pattern):
    rx = re.compile(pattern)
    gate = Gated(rx)
    assert gate.words  # the test would prove nothing with an open gate
    for text in TEXTS:
        for pos in (-5, 0, 10, 40):
            for end in (-1, 30, len(text), len(text) + 5):
                want = rx.search(text, pos, end)
                got = gate.search(text, pos, end)
                assert (got and got.span()) == (want and want.span())
                want = rx.match(text, pos, end)
                got = gate.match(text, pos, end)
                assert (got and got.span()) == (want and want.span())
                want = [m.span() for m in rx.finditer(text, pos, end)]
                assert [m.span() for m in gate.finditer(text, pos, end)] == want


def test_a_gated_case_sensitive_pattern_looks_for_its_words_in_the_text():
    g = Gated(re.compile(r"\bKyiv said\b"))
    assert g.words == ("Kyiv said",)
    assert g.search("officials in Kyiv said so").span() == (13, 22)
    assert g.search("officials in kyiv said so") is None


def _our_texts() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def _analysis_patterns() -> list[tuple[re.Pattern[str], bool]]:
    # Every compiled pattern the analysis holds (module constants, Gated twins, caches),
    # with whether it is read on lower-cased text (a case-insensitive one, through its twin).
    found = {}
    for obj in gc.get_objects():
        if isinstance(obj, re.Pattern) and isinstance(obj.pattern, str):
            if obj.flags & re.IGNORECASE:
                try:
                    twin = lower_twin(obj)
                except ValueError:
                    continue
                found[id(twin)] = (twin, True)
            else:
                found[id(obj)] = (obj, False)
    return list(found.values())


def test_every_match_of_every_pattern_over_our_texts_contains_one_of_its_words():
    # The derivation is checked by construction above; this checks it against the patterns
    # the analysis really runs, on the texts our tests are written in.
    assert geo.pipeline.process  # every wing of the analysis is loaded, with its patterns
    texts = _our_texts()
    assert len(texts) > 100
    lowered = [low for t in texts if (low := caseless_lower(t)) is not None]
    checked = 0
    for rx, on_lower in _analysis_patterns():
        words = required_literals(rx)
        if not words:
            continue
        checked += 1
        for text in lowered if on_lower else texts:
            for m in rx.finditer(text):
                # the match's own text, or, for a match that ends in a lookahead, up to it
                assert any(w in m.group() for w in words), (rx.pattern[:80], m.group())
    assert checked > 50  # most of the analysis' patterns have words to look for
