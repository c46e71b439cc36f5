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
        if bool(triggers._CYRILLIC.search(p)) is cyrillic
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


def test_a_cyrillic_phrase_that_opens_with_a_group_is_matched():
    # "(?:дрон|безпілотник)\w*" starts with "(": it belongs with the Cyrillic phrases all the
    # same, or no Cyrillic sentence could ever match it.
    found = _found(triggers._TRIGGER_CYR_RE, "Дрони атакували Суми.")
    assert (0, 5, "attack") in found


def test_first_letters_of_optional_openings_and_alternatives():
    assert triggers._first_letters(r"(?:territorial )?gains") == {"t", "g"}
    assert triggers._first_letters(r"evacuat\w*") == {"e"}
    assert triggers._first_letters(r"(?:дрон|безпілотник)\w*") == {"д", "б"}
    assert triggers._first_letters(r"\w+ed") is None  # a class: tried at every word start
    assert triggers._first_letters(r"(?:the )?") is None  # may match nothing


def test_modal_may_makes_no_event_but_the_month_may_does_in_any_case():
    def words(text: str) -> list[str]:
        return [t.text for s in split_sentences(text) for t in triggers.find_triggers(text, s, [])]

    assert words("Russian forces may attack Kharkiv.") == []
    assert words("RUSSIAN FORCES MAY ATTACK KHARKIV.") == ["attack"]  # upper case: not the modal
    assert words("Russian forces shelled Kharkiv in May 2024.") == ["shelled"]
    assert words("Russian forces may attack Kharkiv’s outskirts.") == []  # not ASCII
    assert words("Troops launched an assault on Vovchansk.") == ["assault"]
    assert words("Two ground attacks hit Vovchansk.") == ["attacks", "hit"]


def test_a_launched_attack_without_a_weapon_is_an_offensive_in_any_case():
    for text in (
        "Troops LAUNCHED attacks on Vovchansk.",
        "Troops launched attacks on Vovchansk’s edge.",
    ):
        (trig,) = [t for s in split_sentences(text) for t in triggers.find_triggers(text, s, [])]
        assert trig.type is triggers.EventType.OFFENSIVE


def _types(text: str) -> list[tuple[str, str]]:
    return [
        (t.type.value, t.text)
        for s in split_sentences(text)
        for t in triggers.find_triggers(text, s, [])
    ]


def test_a_tried_break_through_is_one_offensive_trigger_not_a_gain():
    # the verb of trying and the gain verb are one phrase: not an advance at "прорваться"
    assert _types("Вражеская пехота пыталась прорваться к Часову Яру.") == [
        ("offensive", "пыталась прорваться")
    ]
    assert _types("Окупанти вкотре намагалися просунутися до Торецька.")[0][0] == "offensive"
    assert _types("Росіяни тричі пробували потіснити оборонців.")[0][0] == "offensive"


def test_an_attack_with_no_weapon_is_ground_fighting_and_with_one_a_strike():
    assert _types("Противник шесть раз атаковал у Невского.") == [("offensive", "атаковал")]
    assert _types("Противник атаковал Харьков ракетами.") == [("attack", "атаковал")]


def test_ministry_gains_and_losses_are_advance_and_offensive():
    found = _types("Бойцы улучшили тактическое положение и нанесли поражение пехоте врага.")
    assert [t for t, _ in found] == ["advance", "offensive"]


def test_troops_attacking_positions_fight_on_the_ground_a_drone_attack_on_them_is_a_strike():
    assert _types("Russian units attacked our positions near Synkivka overnight.") == [
        ("offensive", "attacked")
    ]
    assert _types("Russian units attacked the positions of the brigade near Synkivka.") == [
        ("offensive", "attacked")
    ]
    assert _types("Russian drones attacked the positions of the brigade near Synkivka.")[0][0] == (
        "attack"
    )


def test_a_sentence_with_typographic_quotes_gives_the_same_triggers_on_the_fast_path(
    monkeypatch,
):
    # Curly quotes and dashes have no case, so the lower-case twin pattern reads the sentence;
    # the case-insensitive pattern (forced here) must find the same triggers.
    text = (
        "“Russian troops SHELLED Kupiansk’s outskirts and Captured two villages,” the "
        "governor said – 300 people were Evacuated from the town."
    )
    sent = split_sentences(text)[0]
    fast = triggers.find_triggers(text, sent, [])
    monkeypatch.setattr(triggers, "caseless_lower", lambda s: None)
    slow = triggers.find_triggers(text, sent, [])
    assert {"attack", "advance", "evacuation"} <= {t.type.value for t in fast}
    assert fast == slow
