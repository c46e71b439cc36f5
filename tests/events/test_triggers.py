"""The trigger pattern grouped by first letter finds what the plain alternation finds."""

from __future__ import annotations

import re

from geo.events import triggers
from geo.text.sentences import split_sentences

# Text we wrote: phrases that share first letters, phrases with optional openings ("territorial
# gains", "had left"), Cyrillic ones, and words that only look like triggers.
TEXT = (
    "Russian forces struck Kharkiv overnight and shelled the outskirts of Izium, officials "
    "said. Ukrainian troops made territorial gains near Robotyne and took control of two "
    "villages; they had left their homes days before. About 300 people have left Pokrovsk on "
    "evacuation trains as authorities ordered families with children to leave. Delegations met "
    "in Istanbul for a round of talks on a prisoner exchange. Fierce combat continued near "
    "Bakhmut, where troops moved back from the railway line. Missiles hit a school; the video "
    "address was recorded in Kyiv. Евакуація з Покровська триває після обстрілу, повідомили "
    "бойові підрозділи. Дрони атакували Суми. The strikers, the metro and the leftovers are "
    "not triggers. Heavy rain fell."
)


def _plain(cyrillic: bool) -> re.Pattern[str]:
    groups = "|".join(
        f"(?P<{t.value}_{i}>{p})"
        for t, pats in triggers.TRIGGERS.items()
        for i, p in enumerate(pats)
        if bool(triggers._CYRILLIC.match(p)) is cyrillic
    )
    lead = r"(?=[\u0400-\u04ff])" if cyrillic else r"(?=[a-z])"
    return re.compile(rf"\b{lead}(?:{groups})\b", re.IGNORECASE)


def _found(rx: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup.rsplit("_", 1)[0]) for m in rx.finditer(text)]


def test_grouped_trigger_pattern_matches_the_plain_alternation_phrase_for_phrase():
    for cyrillic, grouped in ((False, triggers._TRIGGER_RE), (True, triggers._TRIGGER_CYR_RE)):
        plain = _plain(cyrillic)
        for sent in split_sentences(TEXT):
            assert _found(grouped, sent.text) == _found(plain, sent.text), sent.text
    assert len(_found(triggers._TRIGGER_RE, TEXT)) >= 15
    assert len(_found(triggers._TRIGGER_CYR_RE, TEXT)) >= 4


def test_first_letters_of_optional_openings_and_alternatives():
    assert triggers._first_letters(r"(?:territorial )?gains") == {"t", "g"}
    assert triggers._first_letters(r"evacuat\w*") == {"e"}
    assert triggers._first_letters(r"(?:дрон|безпілотник)\w*") == {"д", "б"}
    assert triggers._first_letters(r"\w+ed") is None  # a class: tried at every word start
    assert triggers._first_letters(r"(?:the )?") is None  # may match nothing
