"""The map legend: one list of entries from the map's own style tables, drawn two ways.

``legend_entries`` is what a legend holds (the exported PNG draws it in the browser);
``legend_html`` draws the same entries beside a map on the pages and in the report. Drawn by
us, not by branca: branca legends need d3 from a CDN, and this map is offline.
"""

from __future__ import annotations

import html
from collections.abc import Collection
from typing import Any

from geo.maps.style import (
    EVACUATION_COLOUR,
    FRONT_LINE_STYLE,
    legend_items,
    oblast_ramp,
    symbol_svg,
)

__all__ = ["legend_entries", "legend_html"]

EVENTS_TITLE = "Events"


def legend_entries(show: Collection[str]) -> list[dict[str, Any]]:
    """The legend of the shown layers, as JSON-ready entries.

    Parameters
    ----------
    show : collection of str
        Layer names on the map (``events``, ``evacuations``, ``frontline``, ``oblasts``);
        layers without a legend are ignored.

    Returns
    -------
    list of dict
        Each is ``{"label", "svg"}`` (an event symbol), ``{"label", "colour", "line"}`` (a
        circle or line swatch) or ``{"label", "ramp": [[colour, label], ...]}``.
    """
    out: list[dict[str, Any]] = []
    if "events" in show:
        out += [
            {"label": item.label, "svg": symbol_svg(item.event_type, size=14)}
            for item in legend_items()
        ]
    if "evacuations" in show:
        out.append({"label": "Evacuations (area ∝ people)", "colour": EVACUATION_COLOUR})
    if "frontline" in show:
        out.append({"label": "Front line", "colour": FRONT_LINE_STYLE["color"], "line": True})
    if "oblasts" in show:
        ramp = [[b.colour, b.label] for b in oblast_ramp()]
        out.append({"label": "Events per oblast", "ramp": ramp})
    return out


def legend_html(show: Collection[str]) -> str:
    """The legend of the shown layers as inline HTML (see :func:`legend_entries`).

    Returns
    -------
    str
        The legend markup, or ``""`` when no shown layer has a legend.
    """
    entries = legend_entries(show)
    parts = [f"<b>{EVENTS_TITLE}</b>"] if any("svg" in e for e in entries) else []
    for e in entries:
        label = html.escape(e["label"])
        if "svg" in e:
            parts.append(
                '<span style="display:inline-flex;align-items:center;gap:4px;'
                f'margin-right:10px">{e["svg"]}{label}</span>'
            )
        elif "ramp" in e:
            swatches = "".join(
                f'<span style="display:inline-block;width:14px;height:12px;background:{c};'
                f'border:1px solid #999;margin-left:2px" title="{html.escape(t)}"></span>'
                f'<span style="font-size:0.8em;margin-right:4px">{html.escape(t)}</span>'
                for c, t in e["ramp"]
            )
            parts.append(f'<span style="margin-left:8px"><b>{label}</b> {swatches}</span>')
        else:
            shape = (
                f"width:16px;height:0;border-top:3px solid {e['colour']}"
                if e.get("line")
                else f"width:12px;height:12px;border-radius:50%;border:2px solid {e['colour']}"
            )
            parts.append(
                f'<span style="margin-left:8px"><span style="display:inline-block;{shape};'
                f'vertical-align:middle"></span> <b>{label}</b></span>'
            )
    return " ".join(parts)
