"""The map tools on both map builders: find, measure, fullscreen, density, PNG export."""

from __future__ import annotations

import colorsys
import datetime as dt
import json
import re

import geopandas as gpd
import pytest
from shapely.geometry import Point

from geo.errors import InputError
from geo.maps import assets, columnar, controls, search
from geo.maps import build as maps
from geo.maps.style import _EVENT_STYLE, _OTHER_STYLE
from geo.store.sqlite import Store


@pytest.fixture(autouse=True)
def _local_assets():
    assets.use_local_assets()
    yield
    assets.use_cdn_assets()


def _events() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"event_type": ["attack", "evacuation", "offensive"]},
        geometry=[Point(37.18, 48.28), Point(36.2, 49.9), Point(37.5, 48.6)],
        crs="EPSG:4326",
    )


def _options(page: str) -> dict:
    args = re.search(r"GeoControls\.attach\((\w+), (\w+), (\{.*?\})\);", page)
    assert args, "the tools are not attached"
    return json.loads(args.group(3))


def test_the_standalone_builder_has_every_tool(tmp_path):
    page = maps.build_map({"events": _events()}, show=["events", "oblasts"]).get_root().render()
    assert "L.control.fullscreen(" in page
    assert "new L.Control.Measure" in page
    assert '"primaryLengthUnit": "kilometers"' in page
    # The density layer: folium's HeatMap over the events, in a group that starts hidden.
    assert "L.heatLayer" in page and controls.HEAT_TITLE in page
    heat = re.search(r"L\.heatLayer\(\s*(\[\[.*?\]\])", page, re.S)
    assert len(json.loads(heat.group(1))) == 3
    opts = _options(page)
    labels = [e["label"] for e in opts["legend"]]
    assert "Offensive" in labels and "Events per oblast" in labels
    assert assets.external_urls(page) == []


def test_the_browser_map_has_every_tool_and_draws_its_own_density(tmp_path):
    store = Store(tmp_path / "store")
    data = columnar.map_data(
        store.events_frame(details=True),
        store.mentions_frame(),
        static_dir=tmp_path / "static",
        key="k",
    )
    page = columnar.build_columnar_map(data, legend=["frontline"]).get_root().render()
    assert "new L.Control.Measure" in page and "L.control.fullscreen(" in page
    attach = re.search(r"GeoControls\.attach\((\w+), (\w+), ", page)
    heat_group = attach.group(2)
    assert heat_group.startswith("feature_group_")  # filled in the browser from geomap.js
    assert assets.controls_js_url() in page and "leaflet_heat" in page
    labels = [e["label"] for e in _options(page)["legend"]]
    assert "Front line" in labels and "Evacuations (area ∝ people)" in labels
    assert assets.external_urls(page) == []


def test_the_search_box_is_offered_once_the_names_index_is_written(gazetteer, tmp_path):
    search.ensure_names_index(tmp_path, gazetteer)
    opts = _options(maps.build_base_map().get_root().render())
    assert opts["search"] == search.names_index_url()
    assert _options(maps.build_base_map(search=False).get_root().render())["search"] is None


def test_the_range_printed_on_an_export_is_passed_as_day_numbers():
    m = maps.build_base_map(tools=False)
    controls.add_controls(m, start=dt.date(2024, 8, 1), end=dt.date(2024, 8, 31))
    assert _options(m.get_root().render())["range"] == [19936, 19966]
    with pytest.raises(InputError, match="heat"):
        controls.add_controls(maps.build_base_map(tools=False), heat="everywhere")


def _hex_colours(css: str) -> list[str]:
    return re.findall(r"#[0-9a-fA-F]{6}\b", css)


def test_cluster_bubbles_cannot_be_mistaken_for_event_symbols():
    js = assets.CONTROLS_JS.read_text(encoding="utf-8")
    rules = re.findall(r'"(\.marker-cluster[^"]*)"', js)
    colours = {c.lower() for c in _hex_colours(" ".join(rules))}
    assert len(colours) >= 3  # three sizes, a ring and the count's colour
    events = {c.lower() for c, _shape in [*_EVENT_STYLE.values(), _OTHER_STYLE]}
    assert not colours & events
    for colour in colours:
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        hue, _light, saturation = colorsys.rgb_to_hls(r, g, b)
        # Greys and slate blues only: never the oranges, pinks and greens of the events.
        assert saturation < 0.35 and (saturation < 0.05 or 0.55 < hue < 0.7), colour


def test_the_density_colours_are_apart_from_events_and_oblasts():
    from geo.maps.style import _RAMP

    events = {c.lower() for c, _shape in [*_EVENT_STYLE.values(), _OTHER_STYLE]}
    ramp = {colour.lower() for _lo, _hi, colour in _RAMP}
    gradient = {c.lower() for c in controls.HEAT_GRADIENT.values()}
    assert not gradient & (events | ramp)
    page = maps.build_map({"events": _events()}, show=["events"]).get_root().render()
    assert re.search(r'"gradient": \{\s*"0\.3": "#dadaeb"', page)  # folium's HeatMap uses them
    assert _options(page)["heat"]["gradient"] == controls.HEAT_GRADIENT  # and the browser's
