"""Pure helpers of ui.state: the playback step."""

from __future__ import annotations

import datetime as dt

import pytest

from ui.state import step_day


@pytest.mark.parametrize(
    ("day", "unit", "sign", "expected"),
    [
        (dt.date(2024, 8, 31), "day", 1, dt.date(2024, 9, 1)),
        (dt.date(2024, 8, 1), "week", -1, dt.date(2024, 7, 25)),
        (dt.date(2024, 1, 31), "month", 1, dt.date(2024, 2, 29)),  # the end of a short month
        (dt.date(2024, 12, 15), "month", 1, dt.date(2025, 1, 15)),
        (dt.date(2024, 1, 15), "month", -1, dt.date(2023, 12, 15)),
    ],
)
def test_a_step_moves_by_a_day_a_week_or_a_calendar_month(day, unit, sign, expected):
    assert step_day(day, unit, sign) == expected


def test_an_unknown_step_is_refused():
    with pytest.raises(ValueError, match="Unknown step"):
        step_day(dt.date(2024, 1, 1), "fortnight")
