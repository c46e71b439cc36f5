"""Folium maps of the dashboard layers: oblast choropleth, places, events and evacuations.

Every symbol is inline SVG or a vector circle and no branca colormap is used, so the maps need
only Leaflet and markercluster (see geo.assets) and draw offline inside streamlit-folium.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Collection, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from .basemap import DEFAULT_MAX_ZOOM, OVERZOOM, tile_layers
from .errors import InputError
from .records import EventType

if TYPE_CHECKING:
    import folium
    import geopandas as gpd

__all__ = [
    "DEFAULT_SHOW",
    "LAYER_NAMES",
    "LAYER_TITLES",
    "UKRAINE_BOUNDS",
    "LegendItem",
    "RampBin",
    "build_base_map",
    "build_map",
    "data_bounds",
    "evacuation_radius",
    "layer_groups",
    "legend_items",
    "oblast_colour",
    "oblast_ramp",
    "symbol_svg",
]

# Drawing order, bottom to top.
LAYER_NAMES: tuple[str, ...] = ("oblasts", "places", "evacuations", "events")
LAYER_TITLES: dict[str, str] = {
    "oblasts": "Oblasts",
    "places": "Places",
    "evacuations": "Evacuations",
    "events": "Events",
}
DEFAULT_SHOW: tuple[str, ...] = ("oblasts", "places", "events", "evacuations")
# (south, west, north, east)
UKRAINE_BOUNDS: tuple[float, float, float, float] = (44.3, 22.1, 52.4, 40.2)


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
_QUOTE_MAX = 600


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


# --- small value helpers -------------------------------------------------------------------


def _clean(value: Any) -> Any:
    import pandas as pd

    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _esc(value: Any) -> str:
    """Escape text for an HTML text node (quotes are left alone: they are safe there)."""
    return html.escape(str(value), quote=False)


def _js_json(obj: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>``, no entities)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _fmt_date(value: Any) -> str:
    value = _clean(value)
    if value is None:
        return ""
    iso = getattr(value, "isoformat", None)
    return (iso() if callable(iso) else str(value))[:10]


def _fmt_count(value: Any) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return _esc(value)


def _link(url: Any, title: Any) -> str:
    """A source as HTML: a link (new tab) for http(s) URLs, escaped text otherwise."""
    url, title = _clean(url), _clean(title)
    text = _esc(title) if title else None
    if url and str(url).strip().lower().startswith(("http://", "https://")):
        href = html.escape(str(url).strip(), quote=True)
        return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{text or href}</a>'
    return " · ".join(p for p in (text, _esc(url) if url else None) if p)


# --- frames to GeoJSON ---------------------------------------------------------------------


def _frame(layers: Mapping[str, Any], name: str, required: tuple[str, ...]) -> Any:
    gdf = layers.get(name)
    if gdf is None or len(gdf) == 0:
        return None
    if not hasattr(gdf, "geometry"):
        raise InputError(f"Layer {name!r} is not a GeoDataFrame; build it with geo.layers.")
    missing = [c for c in required if c not in gdf.columns]
    if missing:
        raise InputError(
            f"Layer {name!r} lacks columns {missing}; see 'Layer schemas' in docs/ARCHITECTURE.md."
        )
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    return gdf if len(gdf) else None


def _points(gdf: Any) -> tuple[Any, Any]:
    geom = gdf.geometry
    if not (geom.geom_type == "Point").all():
        geom = geom.representative_point()
    return geom.y.to_numpy(), geom.x.to_numpy()


def _column(gdf: Any, name: str) -> list[Any]:
    return gdf[name].tolist() if name in gdf.columns else [None] * len(gdf)


def _point_features(lats: Any, lons: Any, props: Iterator[dict]) -> dict:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
            "properties": p,
        }
        for lat, lon, p in zip(lats.tolist(), lons.tolist(), props, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}


_EVENT_COLUMNS = (
    "event_type", "date_start", "date_end", "location", "admin1", "people", "children",
    "quote", "source", "url", "geo_precision",
)  # fmt: skip


def _event_props(gdf: Any) -> tuple[list[dict], list[str]]:
    """Per-event popup fields (escaped text) and the table of distinct source links.

    Fields: ``t`` type, ``d`` dates, ``w`` where, ``n`` people/children, ``q`` the quoted
    sentence, ``s`` index into the sources table (an article's link is stored once, not once
    per event). The browser assembles the popup only when it is opened.
    """
    sources: dict[str, int] = {}
    props = []
    cols = [_column(gdf, c) for c in _EVENT_COLUMNS]
    for etype, start, end, location, admin1, people, children, quote, source, url, geo in zip(
        *cols, strict=True
    ):
        d0, d1 = _fmt_date(start), _fmt_date(end)
        p: dict[str, Any] = {"t": str(etype), "d": d0 if not d1 or d0 == d1 else f"{d0} – {d1}"}
        where = ", ".join(_esc(v) for v in (_clean(location), _clean(admin1)) if v)
        if _clean(geo) and str(geo) != "settlement":
            where += f" ({_esc(geo)} precision)"
        if where:
            p["w"] = where
        counts = [
            f"{label}: {n}"
            for label, n in (("People", _fmt_count(people)), ("children", _fmt_count(children)))
            if n is not None
        ]
        if counts:
            p["n"] = "; ".join(counts)
        text = _clean(quote)
        if text:
            text = str(text)
            if len(text) > _QUOTE_MAX:
                text = text[: _QUOTE_MAX - 1].rstrip() + "…"
            p["q"] = _esc(text)
        link = _link(url, source)
        if link:
            p["s"] = sources.setdefault(link, len(sources))
        props.append(p)
    return props, list(sources)


def _place_props(gdf: Any) -> list[dict]:
    """Per-place fields: ``n`` name, ``m`` mentions, ``r`` radius, ``x`` popup lines."""
    cols = (
        "name", "admin1", "country_code", "population", "mentions", "articles",
        "surface_forms", "first_seen", "last_seen",
    )  # fmt: skip
    props = []
    for name, admin1, cc, pop, mentions, articles, forms, first, last in zip(
        *(_column(gdf, c) for c in cols), strict=True
    ):
        lines = []
        where = ", ".join(_esc(v) for v in (_clean(admin1), _clean(cc)) if v)
        if where:
            lines.append(where)
        if (n := _fmt_count(pop)) is not None:
            lines.append(f"Population: {n}")
        m = _clean(mentions)
        if m is not None:
            a = _fmt_count(articles)
            lines.append(f"Mentions: {_fmt_count(m)}" + (f" in {a} article(s)" if a else ""))
        if _clean(forms):
            lines.append(f"Named as: {_esc(forms)}")
        seen = list(dict.fromkeys(d for d in (_fmt_date(first), _fmt_date(last)) if d))
        if seen:
            lines.append("Seen: " + " – ".join(seen))
        radius = 3.0 + min(4.0, math.log2(1.0 + float(m))) if m else 3.0
        p: dict[str, Any] = {"n": _esc(_clean(name) or "?"), "r": round(radius, 1), "x": lines}
        if m is not None:
            p["m"] = int(m)
        props.append(p)
    return props


_TIP_ONLY = """function(feature, layer) {
    layer.bindTooltip(feature.properties.tip, {sticky: true});
}"""


def _event_popup_js(sources: list[str]) -> str:
    labels = {t: _label(t) for t in _EVENT_STYLE} | {"other": "Event"}
    return (
        "(function() {\n"
        f"    var LABEL = {_js_json(labels)}, SRC = {_js_json(sources)};\n"
        "    function popup(p) {\n"
        "        var h = '<div class=\"geo-popup\"><b>' + (LABEL[p.t] || LABEL.other) + '</b>';\n"
        "        if (p.d) { h += ' \u00b7 ' + p.d; }\n"
        "        if (p.w) { h += '<br>' + p.w; }\n"
        "        if (p.n) { h += '<br>' + p.n; }\n"
        "        if (p.q) { h += '<br><i>' + p.q + '</i>'; }\n"
        "        if (p.s != null && SRC[p.s]) { h += '<br>Source: ' + SRC[p.s]; }\n"
        "        return h + '</div>';\n"
        "    }\n"
        "    return function(feature, layer) {\n"
        "        var p = feature.properties;\n"
        "        layer.bindPopup(function() { return popup(p); }, {maxWidth: 360});\n"
        "    };\n"
        "})()"
    )


_PLACE_POPUP_JS = """function(feature, layer) {
    var p = feature.properties;
    var tip = '<b>' + p.n + '</b>';
    if (p.m != null) { tip += ' \u00b7 ' + p.m + (p.m === 1 ? ' mention' : ' mentions'); }
    layer.bindTooltip(tip, {sticky: true});
    layer.bindPopup(function() {
        return '<div class="geo-popup"><b>' + p.n + '</b><br>' + p.x.join('<br>') + '</div>';
    }, {maxWidth: 320});
}"""


def _event_point_js() -> str:
    table = {t: {"html": symbol_svg(t), "label": _label(t)} for t in [*_EVENT_STYLE, "other"]}
    half = _ICON_PX // 2
    return (
        "(function() {\n"
        f"    var S = {_js_json(table)};\n"
        "    var icons = {};\n"
        "    return function(feature, latlng) {\n"
        "        var t = S[feature.properties.t] ? feature.properties.t : 'other';\n"
        "        var icon = icons[t] || (icons[t] = L.divIcon({html: S[t].html,"
        f" className: 'geo-event geo-event-' + t, iconSize: [{_ICON_PX}, {_ICON_PX}],"
        f" iconAnchor: [{half}, {half}], popupAnchor: [0, -{half}]}}));\n"
        "        return L.marker(latlng, {icon: icon, title: S[t].label, riseOnHover: true});\n"
        "    };\n"
        "})()"
    )


def _circle_point_js(base: dict, by_type: dict[str, dict] | None = None) -> str:
    return (
        "(function() {\n"
        f"    var B = {_js_json(base)}, T = {_js_json(by_type or {})};\n"
        "    return function(feature, latlng) {\n"
        "        var p = feature.properties;\n"
        "        var o = Object.assign({}, B, T[p.t] || {}, {radius: p.r});\n"
        "        if (p.u) { o.dashArray = '3 3'; o.fillOpacity = 0.2; }\n"
        "        return L.circleMarker(latlng, o);\n"
        "    };\n"
        "})()"
    )


# --- layers --------------------------------------------------------------------------------


def _group(name: str) -> folium.FeatureGroup:
    import folium

    return folium.FeatureGroup(name=LAYER_TITLES[name], overlay=True, control=True, show=True)


def _oblasts_group(gdf: Any) -> folium.FeatureGroup:
    import folium
    import numpy as np
    import shapely
    from shapely.geometry import mapping

    group = _group("oblasts")
    if gdf is None:
        return group
    counts = [int(c) if _clean(c) is not None else 0 for c in _column(gdf, "events")]
    # 4 decimals (~10 m) is finer than the 1:10m source and shrinks the page a lot.
    geoms = shapely.transform(gdf.geometry.to_numpy(), lambda xy: np.round(xy, 4))
    features = []
    for i, (code, name, country, n, geom) in enumerate(
        zip(
            _column(gdf, "code"),
            _column(gdf, "name"),
            _column(gdf, "country"),
            counts,
            geoms,
            strict=True,
        )
    ):
        label = _esc(_clean(name) or _clean(code) or "?")
        extra = f" <small>{_esc(country)}</small>" if _clean(country) else ""
        tip = f"<b>{label}</b>{extra}<br>{n} event{'s' if n != 1 else ''}"
        features.append(
            {
                "type": "Feature",
                "id": str(_clean(code) or f"row{i}"),
                "geometry": mapping(geom),
                "properties": {"events": n, "tip": tip},
            }
        )

    def style(feature: dict) -> dict:
        n = feature["properties"]["events"]
        return {
            "fillColor": oblast_colour(n),
            "fillOpacity": 0.55 if n else 0.12,
            "color": "#6b6b6b",
            "weight": 0.8,
        }

    def highlight(_feature: dict) -> dict:
        return {"weight": 2.5, "color": "#222222"}

    folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="oblasts-data",
        control=False,
        style_function=style,
        highlight_function=highlight,
        on_each_feature=folium.JsCode(_TIP_ONLY),
    ).add_to(group)
    return group


def _places_group(gdf: Any) -> folium.FeatureGroup:
    import folium

    group = _group("places")
    if gdf is None:
        return group
    lats, lons = _points(gdf)
    base = {"color": "#ffffff", "weight": 1, "fillColor": _PLACE_COLOUR, "fillOpacity": 0.85}
    folium.GeoJson(
        _point_features(lats, lons, _place_props(gdf)),
        name="places-data",
        control=False,
        on_each_feature=folium.JsCode(_PLACE_POPUP_JS),
        point_to_layer=folium.JsCode(_circle_point_js(base)),
    ).add_to(group)
    return group


def _evacuations_group(gdf: Any) -> folium.FeatureGroup:
    import folium

    group = _group("evacuations")
    if gdf is None:
        return group
    people = [_clean(v) for v in _column(gdf, "people")]
    # Big circles first, so small ones stay clickable on top.
    order = sorted(range(len(gdf)), key=lambda i: -(float(people[i]) if people[i] else 0.0))
    gdf = gdf.iloc[order]
    people = [people[i] for i in order]
    lats, lons = _points(gdf)
    props, sources = _event_props(gdf)
    for p, n in zip(props, people, strict=True):
        p["r"] = evacuation_radius(n)
        if n is None:
            p["u"] = 1  # unknown count: drawn dashed at the smallest size
    base = {"color": "#ffffff", "weight": 1.5, "fillOpacity": 0.45}
    by_type = {
        t: {"fillColor": _EVENT_STYLE[t][0], "color": _EVENT_STYLE[t][0]}
        for t in (EventType.EVACUATION, EventType.DISPLACEMENT)
    }
    folium.GeoJson(
        _point_features(lats, lons, props),
        name="evacuations-data",
        control=False,
        on_each_feature=folium.JsCode(_event_popup_js(sources)),
        point_to_layer=folium.JsCode(
            _circle_point_js({**base, "fillColor": _EVENT_STYLE[EventType.EVACUATION][0]}, by_type)
        ),
    ).add_to(group)
    return group


def _events_group(gdf: Any, *, cluster: bool) -> folium.FeatureGroup:
    import folium
    from folium.plugins import MarkerCluster

    group = _group("events")
    if gdf is None:
        return group
    lats, lons = _points(gdf)
    props, sources = _event_props(gdf)
    # One GeoJson layer whatever the count: markers are made in the browser, not in Python.
    layer = folium.GeoJson(
        _point_features(lats, lons, props),
        name="events-data",
        control=False,
        on_each_feature=folium.JsCode(_event_popup_js(sources)),
        point_to_layer=folium.JsCode(_event_point_js()),
    )
    if cluster:
        holder = MarkerCluster(
            name="events-cluster",
            control=False,
            max_cluster_radius=45,
            disable_clustering_at_zoom=DEFAULT_MAX_ZOOM + 2,
            spiderfy_on_max_zoom=True,
        )
        holder.add_to(group)
        layer.add_to(holder)
    else:
        layer.add_to(group)
    return group


def _check_show(show: Collection[str]) -> list[str]:
    if isinstance(show, str):
        raise InputError(f"show={show!r} must be a collection of layer names, not one string.")
    unknown = sorted(set(show) - set(LAYER_NAMES))
    if unknown:
        raise InputError(f"Unknown map layers {unknown}; choose from {list(LAYER_NAMES)}.")
    return [n for n in LAYER_NAMES if n in set(show)]


_REQUIRED = {
    "oblasts": ("events",),
    "places": ("name",),
    "evacuations": ("event_type",),
    "events": ("event_type",),
}


def layer_groups(
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    show: Collection[str] = DEFAULT_SHOW,
    cluster: bool = True,
) -> list[folium.FeatureGroup]:
    """One named ``FeatureGroup`` per layer in ``show``, bottom to top.

    Names are :data:`LAYER_TITLES` values and do not change between calls, so a page can
    keep a base map and pass these to ``st_folium(feature_group_to_add=...)`` when the date
    range changes. A missing or empty layer gives an empty group.

    Parameters
    ----------
    layers : mapping of str to GeoDataFrame
        ``oblasts``, ``places``, ``events``, ``evacuations`` (schemas in ARCHITECTURE.md).
    show : collection of str
        Which layers to put on the map; the others are left out (not just hidden).
    cluster : bool
        Cluster event markers (markercluster); recommended above a few hundred events.
    """
    names = _check_show(show)
    groups = []
    for name in names:
        gdf = _frame(layers, name, _REQUIRED[name])
        if name == "oblasts":
            groups.append(_oblasts_group(gdf))
        elif name == "places":
            groups.append(_places_group(gdf))
        elif name == "evacuations":
            groups.append(_evacuations_group(gdf))
        else:
            groups.append(_events_group(gdf, cluster=cluster))
    return groups


OUTLIER_DEGREES = 15.0


def data_bounds(
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    show: Collection[str] = DEFAULT_SHOW,
    min_span: float = 3.0,
) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) framing the shown data, or None when there is none.

    Points frame the map (events; places only when there are no events). Points far from
    the rest are left out of the frame, so one statement in Vladivostok does not shrink the
    Donbas to a dot (they stay on the map, a pan away). Without points, the oblasts with
    events frame it.
    The frame is at least ``min_span`` degrees wide and high, so a single town keeps context.
    """
    import numpy as np

    names = _check_show(show)
    xs: list[float] = []
    ys: list[float] = []
    for group in (("events", "evacuations"), ("places",)):
        for name in group:
            if name in names and (gdf := _frame(layers, name, ())) is not None:
                pts = gdf.geometry[gdf.geometry.geom_type == "Point"]
                xs.extend(pts.x.tolist())
                ys.extend(pts.y.tolist())
        if xs:
            break  # events frame the map; places only when there are no events
    if xs:
        x, y = np.asarray(xs), np.asarray(ys)
        # Far outliers (more than ~1,500 km from the median point) stay on the map but do
        # not frame it, as long as the frame still holds four in five of the points.
        far = np.hypot(x - np.median(x), y - np.median(y)) > OUTLIER_DEGREES
        if far.any() and (~far).sum() >= 0.8 * len(x):
            x, y = x[~far], y[~far]
        west, east, south, north = x.min(), x.max(), y.min(), y.max()
    elif "oblasts" in names and (gdf := _frame(layers, "oblasts", ())) is not None:
        if "events" in gdf.columns:
            hit = gdf[gdf["events"].fillna(0) > 0]
            gdf = hit if len(hit) else gdf
        west, south, east, north = gdf.total_bounds
    else:
        return None
    if north - south < min_span:
        mid = (north + south) / 2
        south, north = mid - min_span / 2, mid + min_span / 2
    if east - west < min_span:
        mid = (east + west) / 2
        west, east = mid - min_span / 2, mid + min_span / 2
    return float(south), float(west), float(north), float(east)


def build_base_map(
    *,
    tiles: str = "offline",
    tile_url: str | None = None,
    bounds: tuple[float, float, float, float] | None = UKRAINE_BOUNDS,
    max_zoom: int = DEFAULT_MAX_ZOOM,
) -> folium.Map:
    """A map with the basemap only, framed on ``bounds`` (default: Ukraine).

    Parameters
    ----------
    tiles : str
        ``"offline"`` (local relief tiles) or an online name from
        :data:`geo.basemap.ONLINE_TILES`.
    tile_url : str, optional
        Offline tile URL template (default ``/app/static/tiles/{z}/{x}/{y}.jpg``).
    bounds : tuple, optional
        (south, west, north, east) to fit; None leaves a Ukraine-centred view at zoom 6.
    max_zoom : int
        Finest offline tile level cut (Leaflet may enlarge it three more levels).
    """
    import folium

    m = folium.Map(
        location=[48.4, 31.2],
        zoom_start=6,
        tiles=None,
        min_zoom=1,
        # markercluster needs the map's maxZoom when no tile layer is passed to Map().
        max_zoom=max_zoom + OVERZOOM,
        control_scale=True,
        prefer_canvas=True,
    )
    # Our layers need only Leaflet: drop jQuery, Bootstrap, Font Awesome and awesome-markers
    # so streamlit-folium loads (and could fail on) five fewer files.
    m.default_js = [p for p in type(m).default_js if p[0] == "leaflet"]
    m.default_css = [p for p in type(m).default_css if p[0] == "leaflet_css"]
    for layer in tile_layers(tiles, url=tile_url, max_zoom=max_zoom):
        layer.add_to(m)
    if bounds is not None:
        south, west, north, east = bounds
        m.fit_bounds([[south, west], [north, east]], padding=(12, 12), max_zoom=9)
    return m


def build_map(
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    tiles: str = "offline",
    tile_url: str | None = None,
    show: Collection[str] = DEFAULT_SHOW,
    cluster: bool = True,
    fit: bool = True,
) -> folium.Map:
    """The dashboard map: basemap, the chosen layers, a layer control, framed on the data.

    Parameters
    ----------
    layers : mapping of str to GeoDataFrame
        ``oblasts``, ``places``, ``events``, ``evacuations`` (see ARCHITECTURE.md); missing
        or empty layers are fine.
    tiles, tile_url
        Basemap choice, as in :func:`build_base_map`.
    show : collection of str
        Layers to include.
    cluster : bool
        Cluster event markers.
    fit : bool
        Frame the map on the data (Ukraine when there is none); False keeps a fixed
        Ukraine-centred view.

    Returns
    -------
    folium.Map
        Call ``geo.assets.use_local_assets()`` once before building maps for offline use.
    """
    import folium

    groups = layer_groups(layers, show=show, cluster=cluster)
    bounds = (data_bounds(layers, show=show) or UKRAINE_BOUNDS) if fit else None
    m = build_base_map(tiles=tiles, tile_url=tile_url, bounds=bounds)
    for group in groups:
        group.add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    return m
