"""Scoring against coded real reports: which prediction a coded event is paired with."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from evaluation.real_events import RealDoc, RealEvent, score_reports

DAY = dt.date(2024, 5, 7)


def _gold(evidence: str, injured: int) -> RealEvent:
    return RealEvent(
        "attack", "Sumy", 50.9, 34.8, False, None, DAY, DAY, "happened",
        None, injured, None, None, evidence,
    )  # fmt: skip


def _pred(quote: str, injured: int) -> SimpleNamespace:
    place = SimpleNamespace(lat=50.9, lon=34.8, name="Sumy", admin1_name="Sumy Oblast")
    return SimpleNamespace(
        event_type="attack", place=place, date_start=DAY, date_end=DAY, status="happened",
        killed=None, injured=injured, people=None, children=None, quote=quote,
    )  # fmt: skip


def test_two_strikes_on_one_town_are_each_paired_with_their_own_sentence():
    first = "A drone hit a school in Sumy on Tuesday, wounding three."
    second = "A second drone hit a bus depot on the edge of Sumy, wounding eight."
    doc = RealDoc("x", "", DAY, f"{first} {second}", (_gold(first, 3), _gold(second, 8)))
    # The predictions come in the other order: pairing by place alone would swap them.
    rep = score_reports([doc], lambda text, published: [_pred(second, 8), _pred(first, 3)])
    assert rep.matched == 2 and rep.casualty_right == 2


def test_a_coded_attempted_status_agrees_with_a_predicted_attempted_one(tmp_path):
    import json

    from evaluation.real_events import load_reports

    text = "Russian troops were trying to advance towards Sumy on Tuesday."
    event = {
        "type": "offensive", "location": "Sumy", "lat": 50.9, "lon": 34.8,
        "date_start": "2024-05-07", "date_end": "2024-05-07", "status": "attempted",
    }  # fmt: skip
    report = {"published": "2024-05-07", "text": text, "events": [event]}
    (tmp_path / "r.json").write_text(json.dumps(report), encoding="utf-8")
    pred = _pred(text, None)
    pred.event_type, pred.status = "offensive", "attempted"
    rep = score_reports(load_reports(tmp_path), lambda text, published: [pred])
    assert rep.matched == 1 and rep.status_right == 1
