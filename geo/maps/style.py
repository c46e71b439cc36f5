"""Map symbols and colours: event-type shapes as inline SVG, the oblast ramp, circle sizes.

The map (geo.maps.build) and the page's legend draw from these same tables, so they always agree.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from geo.records import EventType

__all__ = [
    "CONTROL_AREA_STYLE",
    "EVACUATION_COLOUR",
    "FRONT_LINE_STYLE",
    "LegendItem",
    "RampBin",
    "evacuation_radius",
    "legend_items",
    "oblast_colour",
    "oblast_ramp",
    "symbol_svg",
]


class LegendItem(NamedTuple):
    """One event type's map symbol, for a legend drawn by the page."""

    event_type: str
    colour: str
    symbol: str
    label: str


class RampBin(NamedTuple):
    """One class of the oblast choropleth: ``lower <= events <= upper`` (upper None: open)."""

    lower: int
    upper: int | None
    colour: str
    label: str


# Okabe-Ito colours (distinguishable with colour-blindness) plus a distinct shape per type, so
# the symbol still reads in greyscale.
_EVENT_STYLE: dict[str, tuple[str, str]] = {
    EventType.OFFENSIVE: ("#D55E00", "triangle"),
    EventType.ATTACK: ("#CC79A7", "star"),
    EventType.ADVANCE: ("#E69F00", "chevron"),
    EventType.EVACUATION: ("#0072B2", "square"),
    EventType.DISPLACEMENT: ("#56B4E9", "diamond"),
    EventType.NEGOTIATION: ("#009E73", "hexagon"),
    EventType.STATEMENT: ("#4D4D4D", "circle"),
}
_OTHER_STYLE = ("#999999", "cross")
EVACUATION_COLOUR = _EVENT_STYLE[EventType.EVACUATION][0]

# The front in the ramp's darkest red: the strongest line on the map, apart from event hues;
# control areas only tinted, so the relief and the events under them stay readable.
FRONT_LINE_STYLE: dict[str, Any] = {"color": "#8f1d1d", "weight": 3}
CONTROL_AREA_STYLE: dict[str, Any] = {
    "color": "#8f1d1d",
    "weight": 0.5,
    "fillColor": "#d7301f",
    "fillOpacity": 0.18,
}


def _regular(n: int, r: float, *, rotate: float = -90.0, inner: float | None = None) -> str:
    points = []
    steps = n * 2 if inner else n
    for i in range(steps):
        radius = inner if inner and i % 2 else r
        a = math.radians(rotate + 360.0 * i / steps)
        points.append(f"{10 + radius * math.cos(a):.1f},{10 + radius * math.sin(a):.1f}")
    return " ".join(points)


# Shapes in a 20x20 box; drawn with a white outline so they read on the relief.
_SHAPES: dict[str, str] = {
    "triangle": '<polygon points="10,1.5 18.8,17.5 1.2,17.5"/>',
    "star": f'<polygon points="{_regular(5, 9.5, inner=4.2)}"/>',
    "chevron": '<polygon points="2,2.5 10.5,2.5 18,10 10.5,17.5 2,17.5 9.5,10"/>',
    "square": '<rect x="3" y="3" width="14" height="14"/>',
    "diamond": '<polygon points="10,1 19,10 10,19 1,10"/>',
    "hexagon": f'<polygon points="{_regular(6, 8.8, rotate=0)}"/>',
    "circle": '<circle cx="10" cy="10" r="7.5"/>',
    "cross": '<polygon points="7,2 13,2 13,7 18,7 18,13 13,13 13,18 7,18 7,13 2,13 2,7 7,7"/>',
}

# Fixed classes for events per oblast; our own light-to-dark ramp.
_RAMP: tuple[tuple[int, int | None, str], ...] = (
    (0, 0, "#f3f1ec"),
    (1, 1, "#fcdcc0"),
    (2, 4, "#f6ad7f"),
    (5, 9, "#e8794f"),
    (10, 24, "#c9442c"),
    (25, None, "#8f1d1d"),
)

_PLACE_COLOUR = "#51708f"
_ICON_PX = 18
_MAX_RADIUS = 40.0


def _label(event_type: str) -> str:
    return str(event_type).replace("_", " ").capitalize()


def symbol_svg(event_type: str, *, size: int = _ICON_PX) -> str:
    """Inline SVG of an event type's map symbol (the same markup the map uses).

    Parameters
    ----------
    event_type : str
        An :class:`~geo.records.EventType` value; unknown types get a grey cross.
    size : int
        Width and height in CSS pixels.
    """
    colour, shape = _EVENT_STYLE.get(str(event_type), _OTHER_STYLE)
    return (
        f'<svg width="{int(size)}" height="{int(size)}" viewBox="0 0 20 20" '
        f'style="display:block;overflow:visible" aria-hidden="true">'
        f'<g fill="{colour}" stroke="#ffffff" stroke-width="1.6" stroke-linejoin="round">'
        f"{_SHAPES[shape]}</g></svg>"
    )


def legend_items() -> list[LegendItem]:
    """Symbol, colour and label of every event type, in :class:`EventType` order."""
    return [LegendItem(t.value, *_EVENT_STYLE[t], _label(t.value)) for t in EventType]


def oblast_ramp() -> list[RampBin]:
    """Classes of the oblast choropleth (events per oblast in the date range)."""
    bins = []
    for lower, upper, colour in _RAMP:
        if upper is None:
            label = f"{lower}+"
        elif lower == upper:
            label = str(lower)
        else:
            label = f"{lower}–{upper}"
        bins.append(RampBin(lower, upper, colour, label))
    return bins


def oblast_colour(events: int | None) -> str:
    """Fill colour of an oblast with ``events`` events (None counts as 0)."""
    n = 0 if events is None else int(events)
    for lower, upper, colour in _RAMP:
        if n >= lower and (upper is None or n <= upper):
            return colour
    return _RAMP[0][2]


def evacuation_radius(people: float | None) -> float:
    """Circle radius in pixels: grows with the square root of people (area ~ people)."""
    people = _clean(people)
    if people is None or float(people) <= 0:
        return 5.0
    return round(min(_MAX_RADIUS, 5.0 + 0.12 * math.sqrt(float(people))), 2)


def _clean(value: Any) -> Any:
    """``value``, or None when it is missing (None, NaN, NaT, pd.NA)."""
    import pandas as pd

    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value
