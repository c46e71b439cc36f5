"""The event record helpers: ``event_with`` is ``dataclasses.replace`` for an Event."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from geo.events.build import event_with
from geo.records import (
    DatePrecision,
    Event,
    EventStatus,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
)


def _event() -> Event:
    place = Place("p:1", "Brodivka", 48.1, 37.2, PlaceKind.POPULATED_PLACE, "UA", "05")
    day = dt.date(2024, 5, 3)
    return Event(
        "e1",
        "a1",
        EventType.ATTACK,
        place,
        "Brodivka",
        day,
        day,
        DatePrecision.DAY,
        GeoPrecision.SETTLEMENT,
        "Shells landed on Brodivka on Friday.",
        sentence_start=10,
        sentence_end=46,
        killed=2,
        status=EventStatus.CLAIMED,
    )


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"acled_event_type": "Explosions/Remote violence", "acled_sub_event_type": "Shelling"},
        {"date_start": dt.date(2024, 5, 2), "date_precision": DatePrecision.RANGE},
        {"people": 40, "children": 3, "killed": None, "figures_text": "40 people"},
        {name: None for name in ("people", "children", "killed", "injured")},
    ],
)
def test_event_with_gives_what_replace_gives(changes):
    ev = _event()
    got = event_with(ev, **changes)
    assert got == dataclasses.replace(ev, **changes)
    assert repr(got) == repr(dataclasses.replace(ev, **changes))
    assert got is not ev


def test_event_with_refuses_a_field_the_event_lacks():
    with pytest.raises(KeyError):
        event_with(_event(), casualties=3)
