"""Case-insensitive patterns and their case-sensitive twins for ASCII text in lower case."""

from __future__ import annotations

import re

import pytest

from geo.events.extract import _NOTICE
from geo.events.figures import _FIGURE
from geo.events.status import _ACCORDING, _NOT_FACTUAL_BEFORE
from geo.events.triggers import _TRIGGER_RE
from geo.text.casefold import ascii_lower, lower_twin

SENTENCES = [
    "Russian forces SHELLED Kharkiv on Monday, officials said.",
    "More than 2,000 People were Evacuated from Pokrovsk, according to the Regional Governor.",
    "Authorities DECLARED a state of emergency in Sumy Oblast; it Could spread.",
    "",
]


@pytest.mark.parametrize("rx", [_TRIGGER_RE, _FIGURE, _NOTICE, _ACCORDING, _NOT_FACTUAL_BEFORE])
@pytest.mark.parametrize("text", SENTENCES)
def test_twin_on_the_lower_case_finds_the_same_spans_and_groups(rx, text):
    twin = lower_twin(rx)
    want = [(m.span(), m.lastgroup, m.group().lower()) for m in rx.finditer(text)]
    got = [(m.span(), m.lastgroup, m.group()) for m in twin.finditer(text.lower())]
    assert got == want
    for pos in range(0, len(text), 7):
        a, b = rx.search(text, pos, len(text) - 3), twin.search(text.lower(), pos, len(text) - 3)
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


def test_ascii_lower_is_the_lower_case_of_ascii_text_only():
    text = "Kyiv SAID"
    assert ascii_lower(text) == "kyiv said"
    assert ascii_lower(text) == "kyiv said"  # remembered
    assert ascii_lower("Kyiv’s STATION") is None
    assert ascii_lower("Київ") is None
