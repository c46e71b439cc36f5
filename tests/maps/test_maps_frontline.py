"""Front-line overlays and the page legend, drawn in geo.maps from the map's own styles."""

from __future__ import annotations

import folium
import geopandas as gpd
from shapely.geometry import LineString, Point, box

from geo.maps import assets
from geo.maps.frontline import GROUP_NAME, frontline_bounds, frontline_geojson, frontline_group
from geo.maps.legend import legend_html
from geo.maps.style import CONTROL_AREA_STYLE, EVACUATION_COLOUR, FRONT_LINE_STYLE, oblast_ramp


def _areas():
    return gpd.GeoDataFrame(
        {
            "source": ["fixture", "fixture"],
            "class": ["occupied", "occupied"],
            "date": ["2024-08-01", "2024-08-01"],
            "extra": [1, 2],
        },
        geometry=[box(37.0, 47.8, 37.6, 48.4), Point(37.1, 48.0)],
        crs="EPSG:4326",
    )


def _line():
    return gpd.GeoDataFrame(
        {"source": ["fixture"], "date": ["2024-08-01"], "length_km": [66.7]},
        geometry=[LineString([(37.6, 47.8), (37.6, 48.4)])],
        crs="EPSG:4326",
    )


def _render(group) -> str:
    assets.use_local_assets()
    try:
        m = folium.Map(location=[48, 37], zoom_start=7, tiles=None)
        group.add_to(m)
        return m.get_root().render()
    finally:
        assets.use_cdn_assets()


def test_frontline_geojson_keeps_polygons_and_only_the_shown_fields():
    areas, line = frontline_geojson(_areas(), _line())
    assert areas.count('"Polygon"') == 1 and '"Point"' not in areas
    assert '"extra"' not in areas and '"length_km"' in line


def test_empty_layers_give_no_geojson():
    assert frontline_geojson(_areas().iloc[:0], _line().iloc[:0]) == (None, None)


def test_frontline_group_draws_areas_and_line_in_the_front_style():
    group = frontline_group(*frontline_geojson(_areas(), _line()))
    html = _render(group)
    layers = [c for c in group._children.values() if isinstance(c, folium.GeoJson)]
    assert group.layer_name == GROUP_NAME and len(layers) == 2
    assert CONTROL_AREA_STYLE["fillColor"] in html and FRONT_LINE_STYLE["color"] in html
    assert '"length_km"' in html  # the line's tooltip field


def test_frontline_group_without_data_is_an_empty_named_overlay():
    group = frontline_group(None, None)
    assert group.layer_name == GROUP_NAME and not group._children


def test_frontline_bounds_pad_the_snapshots_and_none_when_there_are_none():
    south, west, north, east = frontline_bounds(_areas())
    assert (south, west, north, east) == (47.3, 36.5, 48.9, 38.1)
    assert frontline_bounds(_areas().iloc[:0]) is None


def test_legend_lists_only_the_shown_layers_in_the_map_colours():
    assert legend_html([]) == "" and legend_html(["places"]) == ""
    evac = legend_html(["evacuations"])
    assert EVACUATION_COLOUR in evac and "Events</b>" not in evac
    everything = legend_html(["events", "evacuations", "oblasts"])
    assert everything.count("<svg") == 7  # one symbol per event type
    assert all(b.colour in everything for b in oblast_ramp())
