"""The ACLED labels an event gets from its type, status, place kind and quote."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from geo.events.acled import ACLED_EVENT_TYPES, acled_labels
from geo.records import (
    DatePrecision,
    Event,
    EventStatus,
    EventType,
    GeoPrecision,
    Place,
    PlaceKind,
)

TOWN = Place("gn:1", "Sudzha", 51.19, 35.27, PlaceKind.POPULATED_PLACE, "RU", "RU.41", "Kursk")
OBLAST = Place("a1:UA.05", "Donetsk Oblast", 48.0, 37.8, PlaceKind.ADMIN1, "UA", "UA.05")
DAY = dt.date(2025, 3, 13)


def event(etype: EventType, quote: str, *, place: Place = TOWN, **kw) -> Event:
    return Event(
        event_id="e1",
        article_id="a1",
        event_type=etype,
        place=place,
        surface=place.name,
        date_start=DAY,
        date_end=DAY,
        date_precision=DatePrecision.DAY,
        geo_precision=GeoPrecision.SETTLEMENT,
        quote=quote,
        **kw,
    )


A, OFF, ADV = EventType.ATTACK, EventType.OFFENSIVE, EventType.ADVANCE
EVAC, DISP = EventType.EVACUATION, EventType.DISPLACEMENT
NEG, STMT = EventType.NEGOTIATION, EventType.STATEMENT
X = "Explosions/Remote violence"
SD = "Strategic developments"
AIR = (X, "Air/drone strike")
SHELL = (X, "Shelling/artillery/missile attack")
CLASH = ("Battles", "Armed clash")
CASES = [
    (A, "Russian drones struck Odesa overnight.", AIR),
    (A, "Missiles and drones hit Kyiv.", AIR),
    (A, "Guided bombs hit a hardware store in Kharkiv.", AIR),
    (A, "Shelling hit residential districts of Kharkiv.", SHELL),
    (A, "A missile struck the port of Odesa.", SHELL),
    (A, "An explosion hit a bridge near Kherson.", SHELL),
    (A, "A tractor hit a landmine near Izium.", (X, "Remote explosive/landmine/IED")),
    (A, "Soldiers shot dead two civilians in Bucha.", ("Violence against civilians", "Attack")),
    (A, "A ground attack in the Kursk area was repelled.", CLASH),
    (OFF, "Fighting continued near Pokrovsk.", CLASH),
    (ADV, "Ukrainian forces recaptured Izium.", ("Battles", "Government regains territory")),
    (ADV, "Russian forces had retaken Sudzha.", ("Battles", "Government regains territory")),
    (ADV, "Russian forces captured Avdiivka.", ("Battles", "Non-state actor overtakes territory")),
    (ADV, "Ukraine withdrew from Vuhledar.", ("Battles", "Non-state actor overtakes territory")),
    (ADV, "Russian forces advanced near Toretsk.", CLASH),
    (ADV, "Troops entered the village without a fight.", (SD, "Non-violent transfer of territory")),
    (ADV, "Troops set up a base in the village.", (SD, "Headquarters or base established")),
    (NEG, "Delegations met in Gomel; the talks ended without a ceasefire.", (SD, "Other")),
    (NEG, "The sides signed a prisoner exchange agreement in Istanbul.", (SD, "Agreement")),
    (EVAC, "Families were evacuated from Pokrovsk.", (SD, "Evacuation")),
    (DISP, "Thousands fled Vovchansk.", (SD, "Displacement")),
    (STMT, "The president said in Kyiv that the operation would continue.", (SD, "Other")),
]


@pytest.mark.parametrize(("etype", "quote", "labels"), CASES, ids=[c[1][:40] for c in CASES])
def test_each_type_and_cue_gets_its_acled_labels(etype, quote, labels) -> None:
    assert acled_labels(event(etype, quote)) == labels


def test_every_label_given_is_in_the_documented_vocabulary() -> None:
    for etype, quote, _ in CASES:
        main, sub = acled_labels(event(etype, quote))
        assert sub in ACLED_EVENT_TYPES[main]


def test_an_attempted_advance_is_a_clash_not_a_change_of_hands() -> None:
    e = event(ADV, "Russian forces are trying to capture Pokrovsk.", status=EventStatus.ATTEMPTED)
    assert acled_labels(e) == ("Battles", "Armed clash")


def test_gains_across_an_oblast_are_a_clash_not_a_located_change_of_hands() -> None:
    e = event(ADV, "Russian forces captured ground in Donetsk Oblast.", place=OBLAST)
    assert acled_labels(e) == ("Battles", "Armed clash")


def test_a_claim_and_casualties_do_not_change_the_labels() -> None:
    plain = event(A, "Shelling hit Kharkiv.")
    claimed = dataclasses.replace(
        plain, status=EventStatus.CLAIMED, claimed_by="the governor", killed=2, injured=5
    )
    assert acled_labels(claimed) == acled_labels(plain)


def test_labels_the_event_already_carries_are_kept() -> None:
    e = event(A, "Shelling hit Kharkiv.", acled_event_type=CLASH[0], acled_sub_event_type=CLASH[1])
    assert acled_labels(e) == CLASH
