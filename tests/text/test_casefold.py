"""Case-insensitive patterns and their case-sensitive twins for ASCII text in lower case."""

from __future__ import annotations

import re

import pytest

from geo.events.extract import _NOTICE
from geo.events.figures import _FIGURE
from geo.events.status import _ACCORDING, _NOT_FACTUAL_BEFORE
from geo.events.triggers import _TRIGGER_RE
from geo.text import casefold
from geo.text.casefold import (
    Gated,
    _top_level_alternatives,
    ascii_lower,
    caseless_lower,
    loosened,
    lower_twin,
    may_hold,
)

SENTENCES = [
    "Russian forces SHELLED Kharkiv on Monday, officials said.",
    "More than 2,000 People were Evacuated from Pokrovsk, according to the Regional Governor.",
    "Authorities DECLARED a state of emergency in Sumy Oblast; it Could spread.",
    "",
    # News copy's typographic quotes and dashes have no case: the twins still apply.
    "“We Evacuated 300 people” from Kupiansk’s outskirts – the Governor SAID.",
]


@pytest.mark.parametrize("rx", [_TRIGGER_RE, _FIGURE, _NOTICE, _ACCORDING, _NOT_FACTUAL_BEFORE])
@pytest.mark.parametrize("text", SENTENCES)
def test_twin_on_the_lower_case_finds_the_same_spans_and_groups(rx, text):
    twin = lower_twin(rx)
    low = caseless_lower(text)
    want = [(m.span(), m.lastgroup, m.group().lower()) for m in rx.finditer(text)]
    got = [(m.span(), m.lastgroup, m.group()) for m in twin.finditer(low)]
    assert got == want
    for pos in range(0, len(text), 7):
        a, b = rx.search(text, pos, len(text) - 3), twin.search(low, pos, len(text) - 3)
        assert (a and a.span()) == (b and b.span())


@pytest.mark.parametrize(
    "pattern",
    [r"[A-Z]\w+", r"(?-i:may)", r"(?i:x)y", r"a\x41", r"b\u0042", r"\N{LATIN SMALL LETTER A}"],
)
def test_a_pattern_that_depends_on_case_has_no_twin(pattern):
    with pytest.raises(ValueError, match="depends on case"):
        lower_twin(re.compile(pattern, re.IGNORECASE))


def test_a_case_sensitive_pattern_needs_no_twin():
    with pytest.raises(ValueError, match="case-sensitive already"):
        lower_twin(re.compile("abc"))


def test_escapes_group_names_and_plain_groups_are_allowed():
    twin = lower_twin(re.compile(r"(?P<Who>\w+)\s(?:said|told)?\W(?P=Who)", re.IGNORECASE))
    assert twin.search("x said,x").group("Who") == "x"


def test_ascii_lower_is_the_lower_case_where_only_ascii_letters_have_a_case():
    text = "Kyiv SAID"
    assert ascii_lower(text) == "kyiv said"
    assert ascii_lower(text) == "kyiv said"  # remembered
    assert ascii_lower("Kyiv’s STATION") == "kyiv’s station"
    assert ascii_lower("Київ") is None


@pytest.mark.parametrize(
    "text",
    ["Kyiv’s “STATION” – 5 km", "Sumy — 2,000 people… ©AFP", "no\u202fbreak «quoted»"],
)
def test_caseless_lower_lowers_text_whose_other_characters_have_no_case(text):
    assert caseless_lower(text) == text.lower()
    assert len(caseless_lower(text)) == len(text)


@pytest.mark.parametrize(
    "text",
    ["Київ", "Zürich", "ZÜRICH", "\u212a Kelvin", "\u0130stanbul", "stra\u00dfe", "\u01c5"],
)
def test_caseless_lower_gives_none_where_a_letter_beyond_ascii_has_a_case(text):
    # Cyrillic, accented Latin, the Kelvin sign and dotted capital I (which fold to ASCII
    # letters), sharp s and titlecase letters: a twin could miss or add a match there.
    assert caseless_lower(text) is None


def test_a_twin_on_caseless_text_matches_what_the_pattern_matches():
    rx = re.compile(r"\bkilled\b[^.]*?[’']s\s+(?:city|town)", re.IGNORECASE)
    text = "Shelling KILLED two in Kupiansk’s Town centre; “the City” was hit."
    want = [m.span() for m in rx.finditer(text)]
    assert want  # the case-insensitive pattern finds it
    assert [m.span() for m in lower_twin(rx).finditer(caseless_lower(text))] == want


def test_the_common_caseless_characters_have_no_case():
    # caseless_lower answers a text of only these (and ASCII) by one scan, unchecked.
    for ch in casefold._COMMON_CASELESS:
        assert ch.lower() == ch == ch.upper(), hex(ord(ch))


GATED_TEXTS = [
    *SENTENCES,
    "Три людини ЗАГИНУЛИ; Russian forces shelled Kharkiv.",  # cased letters beyond ASCII
    "Shelling near Zürich’s SCHOOL – no one was hurt.",
]


@pytest.mark.parametrize("rx", [_TRIGGER_RE, _FIGURE, _NOTICE, _ACCORDING, _NOT_FACTUAL_BEFORE])
@pytest.mark.parametrize("text", GATED_TEXTS)
def test_a_gated_pattern_answers_as_the_pattern_itself(rx, text):
    gated = Gated(rx)
    assert gated.twin is not None

    def spans(ms):
        return [(m.span(), m.groupdict(), m.group()) for m in ms]

    assert spans(gated.finditer(text)) == spans(rx.finditer(text))  # groups in their own case
    for pos in range(0, len(text), 5):
        for end in (len(text), len(text) - 4):
            a, b = gated.search(text, pos, end), rx.search(text, pos, end)
            assert (a and (a.span(), a.group())) == (b and (b.span(), b.group()))
            a, b = gated.match(text, pos, end), rx.match(text, pos, end)
            assert (a and a.span()) == (b and b.span())
            a, b = gated.fullmatch(text, pos, end), rx.fullmatch(text, pos, end)
            assert (a and a.span()) == (b and b.span())


def test_a_pattern_that_depends_on_case_is_gated_by_its_words_only_and_runs_itself():
    rx = re.compile(r"[A-Z]\w+ (?:Shelled|struck)", re.IGNORECASE)
    gated = Gated(rx)
    assert gated.twin is None
    assert gated.words == (" shelled", " struck")  # looked for on the lower case
    assert gated.search("x: russians SHELLED it").group() == "russians SHELLED"
    assert gated.search("Troops shelled it").group() == "Troops shelled"
    assert gated.search("troops fired at it") is None
    # a cased letter beyond ASCII: no lower case to ask, the pattern runs
    assert gated.search("Zürich SHELLED").group() == "Zürich SHELLED"


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?:an?|one)\s+(?:man|woman)\s+(?:from\s+[A-Z]\w+\s+)?(?:who|that)\s+[^,.;]{1,40}?"
        r"\s+(?:died|was\s+killed)\b",
        r"\bthe\s+[A-Z]\w*\s+(?:region|oblast)\b",
        # a scoped case-sensitive word gives none, the rest of its alternative does
        r"(?-i:May)\s+\d+\s+(?:strike|Attack)|\bBody\s+of\s+[A-Z]\w+",
    ],
)
@pytest.mark.parametrize(
    "text",
    [
        *GATED_TEXTS,
        "A woman from Sopyn who was hurt on Monday later died in hospital.",
        "ONE MAN THAT STOOD AT THE STOP WAS KILLED; the Dovzhyk region mourned.",
        "On May 4 the body of Ivan was found; the may 5 ATTACK and May 6 strike.",
        "Жінка з Сопина, яка була поранена, ПОМЕРЛА; a Woman who sat there died.",
    ],
)
def test_a_pattern_gated_by_its_words_on_the_lower_case_answers_as_itself(pattern, text):
    rx = re.compile(pattern, re.IGNORECASE)
    gated = Gated(rx)
    assert gated.twin is None and gated.words
    for pos in range(0, len(text), 7):
        for end in (len(text), len(text) - 5):
            a, b = gated.search(text, pos, end), rx.search(text, pos, end)
            assert (a and (a.span(), a.group())) == (b and (b.span(), b.group()))
            a, b = gated.match(text, pos, end), rx.match(text, pos, end)
            assert (a and a.span()) == (b and b.span())
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "loose"),
    [
        (r"\bkilled\b|\bwounded\b", r"killed\b|wounded\b"),  # each alternative's opening \b
        (r"\b(?:a|b)c|d", r"(?:a|b)c|d"),  # alternatives inside a group are left alone
        (r"[|\]]\b|\bx", r"[|\]]\b|x"),  # a "|" inside a class separates nothing
        (r"x\\|\by", r"x\\|y"),  # an escaped backslash before the "|"
        (r"(?:\b|x)y", r"(?:\b|x)y"),  # nothing opens with \b at the top level
        (r"\bq(", None),  # unreadable: left as it is (not compiled here)
    ],
)
def test_loosened_drops_only_the_word_boundaries_that_open_an_alternative(pattern, loose):
    if loose is None:
        assert _top_level_alternatives(pattern) is None
        return
    assert loosened(re.compile(pattern)).pattern == loose


@pytest.mark.parametrize("text", GATED_TEXTS)
def test_a_loosened_pattern_finds_at_least_what_the_pattern_finds(text):
    rx = re.compile(r"\b(?:one|two|three)\s+(?:people|civilians)\b|\bkilled\b", re.IGNORECASE)
    loose = loosened(rx)
    assert loose.pattern != rx.pattern
    for pos in range(len(text)):
        if rx.match(text, pos):
            assert loose.match(text, pos)
        if rx.search(text, pos):
            assert loose.search(text, pos)
    assert loose.search("unkilled") and not rx.search("unkilled")  # looser, never tighter


def test_a_verbose_pattern_is_not_loosened():
    rx = re.compile(r"\bkilled  # the verb", re.VERBOSE)
    assert loosened(rx) is rx


def test_may_hold_says_no_only_where_no_word_is_in_the_lower_case():
    assert not may_hold(("since", "after"), "troops shelled the town")
    assert may_hold(("since", "after"), "ever since the war")
    assert may_hold(("since",), None)  # cased letters beyond ASCII: it may
    assert may_hold((), "anything")  # no words read: it may
