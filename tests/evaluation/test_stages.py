"""Stages of missed events: each missed coded event is counted at the stage that lost it."""

from __future__ import annotations

import datetime as dt

import pytest

from evaluation.real_events import RealDoc, RealEvent
from evaluation.stages import NEAR_WHY, STAGES, miss_stages

DAY = dt.date(2024, 5, 7)
SUMY = ("Sumy", 50.91, 34.80)


def _gold(event_type: str, where: tuple[str, float, float], evidence: str, day=DAY):
    name, lat, lon = where
    return RealEvent(
        event_type, name, lat, lon, False, None, day, day, "happened",
        None, None, None, None, evidence,
    )  # fmt: skip


def _stages(text: str, event_type: str, where: tuple[str, float, float], evidence: str):
    counts = miss_stages([RealDoc("x", "", DAY, text, (_gold(event_type, where, evidence),))])
    return {k: v for k, v in counts.items() if v and k not in NEAR_WHY}


def test_a_found_event_is_counted_as_matched_and_no_stage():
    text = "Russian drones struck Sumy on Tuesday, wounding three people."
    assert _stages(text, "attack", SUMY, "Russian drones struck Sumy") == {"matched": 1}


@pytest.mark.parametrize(
    ("stage", "text", "event_type", "where", "evidence"),
    [
        # a strike predicted at the town, coded as fighting: the scorer's rows tell the rest
        ("near", "Russian drones struck Sumy on Tuesday.", "offensive", SUMY, "Russian drones"),
        # no name of the sentence is the coded village
        (
            "not_placed",
            "Russian drones struck a village on Tuesday, wounding three people.",
            "attack",
            ("Bilopillia", 51.15, 34.31),
            "Russian drones struck a village",
        ),
        # the town is named in another sentence only; this one says "the city"
        (
            "placed_elsewhere",
            "Sumy lies near the border with Russia. On Tuesday the city was left without power.",
            "attack",
            SUMY,
            "On Tuesday the city was left without power",
        ),
        # the town is read, but nothing in its sentence is an event word
        (
            "no_event_word",
            "Sumy is a city of about a quarter of a million people.",
            "attack",
            SUMY,
            "Sumy is a city of about",
        ),
        # the event word's place reader takes the struck city, not the governor's oblast
        (
            "not_chosen",
            "The governor of Sumy said drones struck Poltava on Tuesday.",
            "attack",
            SUMY,
            "The governor of Sumy said",
        ),
        (
            "no_sentence",
            "Russian drones struck Sumy on Tuesday.",
            "attack",
            ("Kharkiv", 49.99, 36.23),
            "A sentence the text does not hold",
        ),
    ],
)
def test_a_missed_event_is_counted_at_the_stage_that_lost_it(
    stage, text, event_type, where, evidence
):
    assert stage in STAGES
    assert _stages(text, event_type, where, evidence) == {stage: 1}


@pytest.mark.parametrize(
    ("why", "golds"),
    [
        # the strike is there with its type and day, but the other coded strike took it
        (
            "near_taken",
            [("attack", SUMY, "Russian drones", DAY), ("attack", SUMY, "Russian drones", DAY)],
        ),
        ("near_date", [("attack", SUMY, "Russian drones", DAY - dt.timedelta(days=9))]),
        ("near_type", [("offensive", SUMY, "Russian drones", DAY)]),
        (
            "near_type_and_date",
            [("offensive", SUMY, "Russian drones", DAY - dt.timedelta(days=9))],
        ),
    ],
)
def test_a_near_miss_is_split_by_what_the_prediction_there_got_wrong(why, golds):
    text = "Russian drones struck Sumy on Tuesday."
    doc = RealDoc("x", "", DAY, text, tuple(_gold(*g) for g in golds))
    counts = miss_stages([doc])
    assert counts["near"] == 1
    assert {k: v for k, v in counts.items() if k in NEAR_WHY and v} == {why: 1}


def test_the_probe_leaves_the_extractor_as_it_found_it():
    from geo.events import extract, merge, places

    _stages("Russian drones struck Sumy on Tuesday.", "attack", SUMY, "Russian drones")
    assert extract.places_for is places.places_for
    assert extract.consolidate is merge.consolidate


def _run_script(*args: str):
    import subprocess
    import sys

    from tests.conftest import ROOT

    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "evaluate_events.py"), *args],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )  # fmt: skip


def test_the_script_prints_stage_counts_of_a_folder_of_coded_reports(tmp_path, gazetteer):
    import json

    text = "Russian drones struck Sumy on Tuesday. Sumy is a city near the border."
    report = {
        "published": DAY.isoformat(),
        "text": text,
        "events": [
            {"type": "attack", "location": "Sumy", "lat": 50.91, "lon": 34.80,
             "date_start": "2024-05-07", "date_end": "2024-05-07",
             "evidence": "Russian drones struck Sumy on Tuesday."},
            {"type": "attack", "location": "Kharkiv", "lat": 49.99, "lon": 36.23,
             "date_start": "2024-05-07", "date_end": "2024-05-07",
             "evidence": "A sentence the text does not hold."},
        ],
    }  # fmt: skip
    (tmp_path / "01.json").write_text(json.dumps(report), encoding="utf-8")
    done = _run_script("--war", str(tmp_path), "--stages", "--json")
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)
    assert counts["matched"] == 1 and counts["no_sentence"] == 1
    assert set(counts) == {"matched", *STAGES, *NEAR_WHY}


def test_the_script_says_stages_need_a_folder_of_coded_reports():
    done = _run_script("--stages")
    assert done.returncode == 2
    assert "--stages reads coded real reports: give it --war DIR" in done.stderr
    assert "Traceback" not in done.stderr
