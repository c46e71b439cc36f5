"""The map's tools on every map: find a place, measure, fullscreen, density view, PNG export.

Fullscreen, measuring and the heat drawing are folium's plugins, served from the local copies
of :mod:`geo.maps.assets`; the rest is our ``controls.js`` (see its header).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from geo.errors import InputError
from geo.maps.legend import legend_entries
from geo.maps.popups import _js_json

if TYPE_CHECKING:
    import folium

__all__ = ["HEAT_GRADIENT", "HEAT_TITLE", "add_controls"]

HEAT_TITLE = "Density (heat)"
TITLE = "Geo dashboard"
# Measured lines in slate, apart from every event hue and the front line's red.
MEASURE_COLOUR = "#1d2633"
# Density in purples: apart from the event hues and from the oblasts' red ramp under it
# (Leaflet.heat's default rainbow has the greens and oranges of the symbols).
HEAT_GRADIENT = {"0.3": "#dadaeb", "0.55": "#9e9ac8", "0.8": "#6a51a3", "1": "#3f007d"}
HEAT_OPTIONS = {"radius": 20, "blur": 16, "minOpacity": 0.3, "maxZoom": 10}


_CLASSES: dict[str, type] = {}


def _classes() -> dict[str, type]:
    """The folium element class, made on first use (folium is imported lazily)."""
    if _CLASSES:
        return _CLASSES
    import folium
    from folium.elements import JSCSSMixin
    from folium.plugins import HeatMap
    from folium.template import Template

    from geo.maps.assets import controls_js_url

    class MapControls(JSCSSMixin, folium.MacroElement):
        """Search, PNG export, wheel-on-focus, popup padding and the browser heat view."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "GeoControls.attach({{ this._parent.get_name() }}, "
            "{% if this.heat %}{{ this.heat.get_name() }}{% else %}null{% endif %}, "
            "{{ this.options }});"
            "{% endmacro %}"
        )

        def __init__(self, heat: Any, options: dict) -> None:
            super().__init__()
            self._name = "MapControls"
            self.heat = heat
            self.options = _js_json(options)
            # Instance lists, read after use_local_assets() has repointed folium's classes.
            self.default_js = [("geocontrols", controls_js_url())]
            if heat is not None:
                self.default_js = [*HeatMap.default_js, *self.default_js]
            self.default_css = []

    _CLASSES["MapControls"] = MapControls
    return _CLASSES


def add_controls(
    m: folium.Map,
    *,
    show: Collection[str] = (),
    heat: str | Sequence[tuple[float, float]] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    search_url: str | None = None,
    title: str = TITLE,
) -> folium.Map:
    """Put the tools on ``m``: fullscreen, measure, find, density, PNG export.

    Parameters
    ----------
    m : folium.Map
        The map (its layers may be added before or after).
    show : collection of str
        Layers on the map, for the legend printed on an exported PNG (``events``,
        ``evacuations``, ``oblasts``, ``frontline``).
    heat : "browser" or sequence of (lat, lon), optional
        A density layer (off until chosen in the layer control): ``"browser"`` draws the
        browser map's events in range (``geomap.js``); points draw those points (folium's
        ``HeatMap``); None: no density layer.
    start, end : datetime.date, optional
        The date range printed on an export when the map has no range of its own.
    search_url : str, optional
        The names index (:func:`geo.maps.search.names_index_url`); None: no search box.
    title : str
        The first line of the exported legend.
    """
    import folium
    from folium.plugins import Fullscreen, HeatMap, MeasureControl

    Fullscreen(position="topleft", title="Fullscreen", title_cancel="Leave fullscreen").add_to(m)
    MeasureControl(
        position="topleft",
        primary_length_unit="kilometers",
        secondary_length_unit="miles",
        primary_area_unit="sqkilometers",
        secondary_area_unit="hectares",
        active_color=MEASURE_COLOUR,
        completed_color=MEASURE_COLOUR,
    ).add_to(m)
    group = None
    if heat is not None:
        group = folium.FeatureGroup(name=HEAT_TITLE, overlay=True, control=True, show=False)
        if not isinstance(heat, str):
            points = [[round(float(a), 5), round(float(b), 5)] for a, b in heat]
            HeatMap(
                points,
                radius=HEAT_OPTIONS["radius"],
                blur=HEAT_OPTIONS["blur"],
                min_opacity=HEAT_OPTIONS["minOpacity"],
                max_zoom=HEAT_OPTIONS["maxZoom"],
                gradient=HEAT_GRADIENT,
            ).add_to(group)
        elif heat != "browser":
            raise InputError(f"heat={heat!r}: give 'browser', points or None.")
        group.add_to(m)
    day = dt.date(1970, 1, 1)
    options = {
        "search": search_url,
        "heat": {**HEAT_OPTIONS, "gradient": HEAT_GRADIENT},
        "legend": legend_entries(show),
        "title": title,
        "range": [(start - day).days, (end - day).days] if start and end else None,
    }
    browser_heat = group if heat == "browser" else None
    _classes()["MapControls"](browser_heat, options).add_to(m)
    return m
