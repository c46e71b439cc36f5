"""The legend the pages draw beside a map, as HTML from the map's own style tables.

Drawn by the page, not by branca: branca legends need d3 from a CDN, and this map is offline.
"""

from __future__ import annotations

import html
from collections.abc import Collection

from geo.maps.style import EVACUATION_COLOUR, legend_items, oblast_ramp, symbol_svg

__all__ = ["legend_html"]


def legend_html(show: Collection[str]) -> str:
    """Legend entries for the shown layers (events, evacuations, oblasts), as inline HTML.

    Parameters
    ----------
    show : collection of str
        Layer names on the map; layers without a legend are ignored.

    Returns
    -------
    str
        The legend markup, or ``""`` when no shown layer has a legend.
    """
    parts = []
    if "events" in show:
        parts.append("<b>Events</b>")
        for item in legend_items():
            svg = symbol_svg(item.event_type, size=14)
            parts.append(
                f'<span style="display:inline-flex;align-items:center;gap:4px;'
                f'margin-right:10px">{svg}{html.escape(item.label)}</span>'
            )
    if "evacuations" in show:
        parts.append(
            '<span style="margin-left:8px"><b>Evacuations</b> '
            '<span style="display:inline-block;width:12px;height:12px;border-radius:50%;'
            f'border:2px solid {EVACUATION_COLOUR}"></span> circle area ∝ people</span>'
        )
    if "oblasts" in show:
        swatches = "".join(
            f'<span style="display:inline-block;width:14px;height:12px;background:{b.colour};'
            f'border:1px solid #999;margin-left:2px" title="{html.escape(b.label)}"></span>'
            f'<span style="font-size:0.8em;margin-right:4px">{html.escape(b.label)}</span>'
            for b in oblast_ramp()
        )
        parts.append(f'<span style="margin-left:8px"><b>Events per oblast</b> {swatches}</span>')
    return " ".join(parts)
