"""Folium maps of the dashboard layers: oblast choropleth, places, events and evacuations.

Every symbol is inline SVG or a vector circle and no branca colormap is used, so the maps need
only Leaflet and markercluster (see geo.maps.assets) and draw offline inside streamlit-folium.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from geo.errors import InputError
from geo.maps.basemap import DEFAULT_MAX_ZOOM, OVERZOOM, tile_layers
from geo.maps.labels import label_layer
from geo.maps.popups import (
    _PLACE_POPUP_JS,
    _TIP_ONLY,
    _circle_point_js,
    _column,
    _esc,
    _event_point_js,
    _event_popup_js,
    _event_props,
    _place_props,
)
from geo.maps.style import (
    _EVENT_STYLE,
    _PLACE_COLOUR,
    LegendItem,
    RampBin,
    _clean,
    evacuation_radius,
    legend_items,
    oblast_colour,
    oblast_ramp,
    symbol_svg,
)
from geo.records import EventType

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
    "points_bounds",
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


# --- frames to GeoJSON ---------------------------------------------------------------------


def _frame(layers: Mapping[str, Any], name: str, required: tuple[str, ...]) -> Any:
    gdf = layers.get(name)
    if gdf is None or len(gdf) == 0:
        return None
    if not hasattr(gdf, "geometry"):
        raise InputError(f"Layer {name!r} is not a GeoDataFrame; build it with geo.layers.build.")
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
                "id": _esc(_clean(code) or f"row{i}"),
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
        # Order matters: a cluster group that is not on a map yet checks every added marker
        # against its pending list (quadratic: 17 s for 100k markers, 2.4 s once on the
        # map). So the layer is not added where folium would put it (before the cluster and
        # its group are on the map) but by _AddLayerLast, after the group's own addTo.
        layer.show = False
        holder.add_to(group)
        layer.add_to(holder)
        return _cluster_first(group, holder, layer)
    layer.add_to(group)
    return group


def _cluster_first(group: Any, holder: Any, layer: Any) -> folium.FeatureGroup:
    """``group`` rendered so its addTo(map) comes first and the markers join last."""
    import folium
    from folium.elements import ElementAddToElement
    from folium.template import Template

    class _AddLayerLast(folium.MacroElement):
        _template = Template(
            "{% macro script(this, kwargs) %}"
            "{{ this.holder.get_name() }}.addLayer({{ this.layer.get_name() }});"
            "{% endmacro %}"
        )

        def __init__(self) -> None:
            super().__init__()
            self.holder, self.layer = holder, layer

    class _ClusteredGroup(folium.FeatureGroup):
        def render(self, **kwargs: Any) -> None:
            if self.show:
                add = ElementAddToElement(self.get_name(), self._parent.get_name())
                add._parent = self
                self._children = {self.get_name() + "_add": add, **self._children}
            self.add_child(_AddLayerLast(), name=self.get_name() + "_markers")
            # Skip Layer.render: it would append the group's addTo after the markers again.
            super(folium.map.Layer, self).render(**kwargs)

    group.__class__ = _ClusteredGroup
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
        return points_bounds(np.asarray(xs), np.asarray(ys), min_span=min_span)
    if "oblasts" in names and (gdf := _frame(layers, "oblasts", ())) is not None:
        if "events" in gdf.columns:
            hit = gdf[gdf["events"].fillna(0) > 0]
            gdf = hit if len(hit) else gdf
        west, south, east, north = gdf.total_bounds
    else:
        return None
    return _widened(south, west, north, east, min_span)


def points_bounds(
    x: Any, y: Any, *, min_span: float = 3.0
) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) framing points given as lon (``x``) and lat (``y``) arrays.

    Far outliers (more than ~1,500 km from the median point) stay on the map but do not
    frame it, as long as the frame still holds four in five of the points; the frame is at
    least ``min_span`` degrees wide and high. None when there are no points.
    """
    import numpy as np

    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if not len(x):
        return None
    far = np.hypot(x - np.median(x), y - np.median(y)) > OUTLIER_DEGREES
    if far.any() and (~far).sum() >= 0.8 * len(x):
        x, y = x[~far], y[~far]
    return _widened(y.min(), x.min(), y.max(), x.max(), min_span)


def _widened(
    south: float, west: float, north: float, east: float, min_span: float
) -> tuple[float, float, float, float]:
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
    tools: bool = True,
    legend: Collection[str] = (),
    heat: Any = None,
    search: bool = True,
    labels: bool = True,
    label_script: str = "latin",
) -> folium.Map:
    """A map with the basemap and the tools only, framed on ``bounds`` (default: Ukraine).

    Parameters
    ----------
    tiles : str
        ``"offline"`` (local relief tiles) or an online name from
        :data:`geo.maps.basemap.ONLINE_TILES`.
    tile_url : str, optional
        Offline tile URL template (default ``/app/static/tiles/{z}/{x}/{y}.jpg``).
    bounds : tuple, optional
        (south, west, north, east) to fit; None leaves a Ukraine-centred view at zoom 6.
    max_zoom : int
        Finest offline tile level cut (Leaflet may enlarge it six more levels).
    tools : bool
        Add the map's tools (find, measure, fullscreen, PNG export: ``geo.maps.controls``).
    legend : collection of str
        Layers named in the legend of an exported PNG.
    heat : "browser" or sequence of (lat, lon), optional
        A density layer, as in :func:`geo.maps.controls.add_controls`.
    search : bool
        Offer the place search (when the app has written its names index).
    labels : bool
        Add the basemap's names and lines (:func:`geo.maps.labels.label_layer`; files from
        :func:`geo.maps.labels.ensure_basemap_labels`), on with offline tiles.
    label_script : str
        ``"latin"`` or ``"cyrillic"``.
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
    if labels:
        # Names, borders, rivers and coasts over the relief; online tiles carry their own,
        # so there the layer starts off (still in the layer control).
        label_layer(script=label_script, show=tiles == "offline").add_to(m)
    if tools:
        from geo.maps.controls import add_controls
        from geo.maps.search import names_index_url

        add_controls(m, show=legend, heat=heat, search_url=names_index_url() if search else None)
    if bounds is not None:
        south, west, north, east = bounds
        m.fit_bounds([[south, west], [north, east]], padding=(12, 12), max_zoom=9)
    return m


def _heat_points(layers: Mapping[str, Any], show: Collection[str]) -> list | None:
    """The events' (lat, lon) for the density layer, or None when events are not shown."""
    gdf = _frame(layers, "events", ()) if "events" in show else None
    if gdf is None:
        return None
    lats, lons = _points(gdf)
    return list(zip(lats.tolist(), lons.tolist(), strict=True))


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
        Call ``geo.maps.assets.use_local_assets()`` once before building maps for offline use.
    """
    import folium

    groups = layer_groups(layers, show=show, cluster=cluster)
    bounds = (data_bounds(layers, show=show) or UKRAINE_BOUNDS) if fit else None
    m = build_base_map(
        tiles=tiles, tile_url=tile_url, bounds=bounds, legend=show, heat=_heat_points(layers, show)
    )
    for group in groups:
        group.add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    return m
