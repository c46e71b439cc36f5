"""The event filter: one record, the same events kept in every view."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.errors import InputError
from geo.layers.filters import EventFilter, confidence_percent


def _events():
    return pd.DataFrame(
        {
            "event_type": ["evacuation", "attack", "attack", "displacement"],
            "acled_sub_event_type": ["Evacuation", "Air/drone strike", "Armed clash", ""],
            "status": ["happened", "claimed", None, "attempted"],
            "confidence": [0.29, 0.7, float("nan"), 1.0],
            "dataset": ["articles", "ACLED", "articles", "UCDP GED"],
        }
    )


def test_an_empty_filter_keeps_every_event_and_sends_nothing():
    events = _events()
    assert EventFilter().is_everything
    assert EventFilter().mask(events).all()
    assert EventFilter().apply(events) is events
    assert EventFilter().browser() == {}


@pytest.mark.parametrize(
    ("where", "kept"),
    [
        (EventFilter(types=("evacuation", "displacement")), [0, 3]),
        (EventFilter(sub_types=("Air/drone strike", "Armed clash")), [1, 2]),
        (EventFilter(statuses=("happened",)), [0, 2]),  # no status stored: reported as fact
        (EventFilter(datasets=("ACLED", "UCDP GED")), [1, 3]),
        (EventFilter(min_confidence=70), [1, 3]),  # 0.7 is 70 %, whatever float rounding
        (EventFilter(min_confidence=29), [0, 1, 3]),  # unknown confidence counts as 0
        (EventFilter(types=("attack",), statuses=("claimed",)), [1]),  # conditions combine
    ],
)
def test_each_condition_keeps_the_matching_events(where, kept):
    got = where.apply(_events())
    assert got.index.tolist() == list(range(len(kept)))  # re-indexed
    assert got["event_type"].tolist() == _events()["event_type"].iloc[kept].tolist()


def test_confidence_is_compared_in_whole_percent():
    values = pd.Series([0.29, 0.7, 0.555, None, 1.2, -0.1], dtype="float64")
    assert confidence_percent(values).tolist() == [29, 70, 55, 0, 100, 0]


def test_a_confidence_outside_0_to_100_is_refused_with_a_clear_error():
    with pytest.raises(InputError, match="whole percent"):
        EventFilter(min_confidence=150)


def test_the_browser_gets_only_what_is_set():
    where = EventFilter(types=("attack",), sub_types=("Armed clash",), min_confidence=40)
    assert where.browser() == {"types": ["attack"], "subs": ["Armed clash"], "conf": 40}
