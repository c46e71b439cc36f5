from __future__ import annotations

import datetime as dt
import json
import re

import branca.colormap
import folium
import geopandas as gpd
import pandas as pd
import pytest
from folium.plugins import MarkerCluster
from shapely.geometry import Point, box

from geo.errors import InputError
from geo.maps import assets
from geo.maps import build as maps
from geo.records import EventType

QUOTE = 'He said "<script>alert(1)</script>" & left.'


@pytest.fixture(autouse=True)
def _local_assets():
    assets.use_local_assets()
    yield
    assets.use_cdn_assets()


def _event(i: int, etype: str, lat: float, lon: float, **extra) -> dict:
    row = {
        "event_id": f"e{i}",
        "article_id": "a1",
        "event_type": etype,
        "place_id": f"gn:{i}",
        "location": f"Village {i}",
        "admin1": "Donetsk Oblast",
        "admin1_code": "UA.05",
        "country_code": "UA",
        "date_start": dt.date(2024, 8, 1),
        "date_end": dt.date(2024, 8, 1),
        "date_precision": "day",
        "geo_precision": "settlement",
        "people": None,
        "children": None,
        "quote": f"Sentence number {i}.",
        "source": "Field report",
        "url": "https://news.example.org/a1",
        "confidence": 0.8,
        "geometry": Point(lon, lat),
    }
    row.update(extra)
    return row


@pytest.fixture()
def layers() -> dict[str, gpd.GeoDataFrame]:
    events = gpd.GeoDataFrame(
        [
            _event(
                0, "offensive", 48.28, 37.18,
                date_end=dt.date(2024, 8, 3), quote=QUOTE,
                source='<b>Bold</b> "title"', url='https://x.example.org/?q="><img src=x>',
            ),
            _event(1, "attack", 47.10, 37.55),
            _event(2, "evacuation", 48.60, 38.00, people=1200, children=300),
            _event(3, "displacement", 49.99, 36.23, people=40000),
            _event(4, "evacuation", 47.84, 35.14, people=50),
            _event(5, "statement", 50.45, 30.52, url="javascript:alert(2)"),
        ],
        crs="EPSG:4326",
    )  # fmt: skip
    evac = events[events["event_type"].isin(["evacuation", "displacement"])].copy()
    places = gpd.GeoDataFrame(
        {
            "place_id": ["gn:1", "gn:2"],
            "name": ["Pokrovsk", "Sudzha <RU>"],
            "kind": ["populated_place"] * 2,
            "country_code": ["UA", "RU"],
            "admin1": ["Donetsk Oblast", "Kursk Oblast"],
            "population": [60127, 6940],
            "mentions": [4, 1],
            "articles": [2, 1],
            "surface_forms": ["Pokrovsk", "Sudzha"],
            "first_seen": [dt.date(2024, 8, 1)] * 2,
            "last_seen": [dt.date(2024, 8, 9)] * 2,
        },
        geometry=[Point(37.18, 48.28), Point(35.27, 51.19)],
        crs="EPSG:4326",
    )
    oblasts = gpd.GeoDataFrame(
        {
            "code": ["UA.05", "UA.14", "UA.09"],
            "name": ["Donetsk", "Kharkiv", "Kherson"],
            "country_code": ["UA"] * 3,
            "country": ["Ukraine"] * 3,
            "events": [3, 0, 30],
        },
        geometry=[box(36.5, 47.0, 39.0, 49.0), box(35.0, 49.0, 38.0, 50.5), box(32, 46, 35, 47.3)],
        crs="EPSG:4326",
    )
    return {"oblasts": oblasts, "places": places, "events": events, "evacuations": evac}


def _walk(element):
    yield element
    for child in element._children.values():
        yield from _walk(child)


def _data(m: folium.Map, layer_name: str) -> dict:
    for el in _walk(m):
        if isinstance(el, folium.GeoJson) and el.layer_name == layer_name:
            return el.data
    raise AssertionError(f"no GeoJson {layer_name}")


def _props(m: folium.Map, layer_name: str) -> list[dict]:
    return [f["properties"] for f in _data(m, layer_name)["features"]]


def test_rendered_map_has_no_external_url(layers):
    page = maps.build_map(layers).get_root().render()
    assert assets.external_urls(page) == []


def test_map_loads_only_leaflet_markercluster_the_tools_and_the_basemap_labels(layers):
    page = maps.build_map(layers).get_root().render()
    loaded = re.findall(r'(?:src|href)="(/app/static/lib/[^"]+)"', page)
    names = sorted(u.rsplit("/", 1)[1].split(".")[0] for u in loaded)
    assert names == [
        "Control", "Control",  # fullscreen js + css
        "MarkerCluster", "MarkerCluster",  # its two css
        "controls",  # our tools (geo/maps/controls.js)
        "labels",  # the basemap's names and lines (geo/maps/labels.js)
        "leaflet", "leaflet", "leaflet",  # leaflet js + css, leaflet.markercluster js
        "leaflet-measure", "leaflet-measure",
        "leaflet_heat",  # the density layer (folium's HeatMap)
    ]  # fmt: skip
    for unwanted in ("jquery", "bootstrap", "fontawesome", "awesome-markers"):
        assert unwanted not in page.lower()


def test_every_file_the_map_loads_is_written_by_ensure_static_assets(layers, tmp_path):
    lib = assets.ensure_static_assets(tmp_path)
    page = maps.build_map(layers).get_root().render()
    for url in re.findall(r'(?:src|href)="/app/static/lib/([^"]+)"', page):
        assert (lib / url).is_file(), url


def test_quote_with_script_tag_is_escaped(layers):
    m = maps.build_map(layers)
    page = m.get_root().render()
    assert "<script>alert" not in page
    assert "\\u0026lt;script\\u0026gt;alert(1)\\u0026lt;/script\\u0026gt;" in page
    (first,) = [p for p in _props(m, "events-data") if "alert" in p.get("q", "")]
    assert first["q"] == 'He said "&lt;script&gt;alert(1)&lt;/script&gt;" &amp; left.'


def test_source_title_and_url_are_escaped_and_only_http_links(layers):
    m = maps.build_map(layers)
    page = m.get_root().render()
    sources = [s for table in re.findall(r"SRC = (\[.*?\]);", page) for s in json.loads(table)]
    assert (
        '<a href="https://x.example.org/?q=&quot;&gt;&lt;img src=x&gt;" target="_blank" '
        'rel="noopener noreferrer">&lt;b&gt;Bold&lt;/b&gt; "title"</a>'
    ) in sources
    assert "Field report · javascript:alert(2)" in sources
    assert not any('href="javascript' in s for s in sources)


def test_event_popup_fields_have_dates_type_place_and_people(layers):
    props = _props(maps.build_map(layers), "events-data")
    by_place = {p["w"]: p for p in props}
    assert by_place["Village 0, Donetsk Oblast"]["d"] == "2024-08-01 – 2024-08-03"
    assert by_place["Village 0, Donetsk Oblast"]["t"] == "offensive"
    assert by_place["Village 1, Donetsk Oblast"]["d"] == "2024-08-01"
    assert by_place["Village 2, Donetsk Oblast"]["n"] == "People: 1,200; children: 300"
    assert "n" not in by_place["Village 1, Donetsk Oblast"]


def test_event_popup_shows_casualties_and_a_claim_but_not_plain_fact():
    events = gpd.GeoDataFrame(
        [
            _event(0, "attack", 50.0, 36.2, killed=2, injured=5, status="claimed",
                   claimed_by="the <b>governor</b>"),
            _event(1, "attack", 50.1, 36.3, killed=0, injured=None, status="happened"),
            _event(2, "advance", 48.3, 37.2, status="attempted"),
            _event(3, "attack", 47.1, 37.5, status="claimed", claimed_by=""),
        ],
        crs="EPSG:4326",
    )  # fmt: skip
    m = maps.build_map({"events": events})
    by_place = {p["w"].split(",")[0]: p for p in _props(m, "events-data")}
    assert by_place["Village 0"]["k"] == "2 killed, 5 injured"
    assert by_place["Village 0"]["c"] == "Claimed by the &lt;b&gt;governor&lt;/b&gt;"
    assert by_place["Village 1"]["k"] == "0 killed" and "c" not in by_place["Village 1"]
    assert by_place["Village 2"]["c"] == "Attempted or under way"
    assert "k" not in by_place["Village 2"]
    assert by_place["Village 3"]["c"] == "Claimed"
    page = m.get_root().render()
    assert "if (p.k) { h += '<br>' + p.k; }" in page
    assert "if (p.c) { h += '<br>' + p.c; }" in page


def test_timestamps_and_missing_values_format_cleanly(layers):
    events = layers["events"].copy()
    events["date_start"] = pd.to_datetime(events["date_start"])
    events["date_end"] = pd.NaT
    events["people"] = float("nan")
    events["children"] = None
    props = _props(maps.build_map({"events": events}), "events-data")
    assert {p["d"] for p in props} == {"2024-08-01"}
    assert not any("n" in p for p in props)


def test_each_event_type_has_its_own_colour_and_symbol(layers):
    items = maps.legend_items()
    assert [i.event_type for i in items] == [t.value for t in EventType]
    assert len({i.colour for i in items}) == len(items)
    assert len({i.symbol for i in items}) == len(items)
    svgs = {maps.symbol_svg(t) for t in EventType}
    assert len(svgs) == len(EventType)
    page = maps.build_map(layers).get_root().render()
    icons = json.loads(re.search(r"var S = (\{.*?\});\n", page).group(1))
    for t in EventType:
        assert icons[t.value]["html"] == maps.symbol_svg(t)


def test_evacuation_circles_grow_with_people(layers):
    radii = [maps.evacuation_radius(n) for n in (10, 100, 1_000, 10_000)]
    assert radii == sorted(radii) and len(set(radii)) == 4
    props = _props(maps.build_map(layers), "evacuations-data")
    by_people = sorted(props, key=lambda p: p["r"])
    assert [p.get("n", "").split(";")[0] for p in by_people] == [
        "People: 50",
        "People: 1,200",
        "People: 40,000",
    ]
    # Drawn big first so small circles stay on top.
    assert [p["r"] for p in props] == sorted((p["r"] for p in props), reverse=True)


def test_unknown_people_get_the_smallest_dashed_circle():
    assert maps.evacuation_radius(None) == maps.evacuation_radius(float("nan")) == 5.0
    evac = gpd.GeoDataFrame([_event(0, "evacuation", 48.0, 37.0)], crs="EPSG:4326")  # people None
    (p,) = _props(maps.build_map({"evacuations": evac}), "evacuations-data")
    assert p["u"] == 1 and p["r"] == 5.0


def test_oblasts_are_coloured_by_the_fixed_ramp(layers):
    ramp = maps.oblast_ramp()
    assert [b.label for b in ramp] == ["0", "1", "2–4", "5–9", "10–24", "25+"]
    assert maps.oblast_colour(0) == ramp[0].colour
    assert maps.oblast_colour(3) == ramp[2].colour
    assert maps.oblast_colour(30) == ramp[-1].colour
    page = maps.build_map(layers).get_root().render()
    assert ramp[-1].colour in page  # Kherson, 30 events
    assert ramp[2].colour in page  # Donetsk, 3 events
    props = _props(maps.build_map(layers), "oblasts-data")
    assert props[2]["tip"] == "<b>Kherson</b> <small>Ukraine</small><br>30 events"


def test_no_branca_colormap_and_no_d3(layers):
    m = maps.build_map(layers)
    assert not any(isinstance(el, branca.colormap.ColorMap) for el in _walk(m))
    page = m.get_root().render()
    assert "d3.min.js" not in page and "d3.v4" not in page


def test_map_fits_the_data_bounds(layers):
    south, west, north, east = maps.data_bounds(layers)
    assert (south, west, north, east) == (47.10, 30.52, 50.45, 38.00)  # the events
    page = maps.build_map(layers).get_root().render()
    assert "fitBounds" in page
    assert "[[47.1, 30.52], [50.45, 38.0]]" in page


def test_without_events_the_map_fits_places_then_oblasts_with_events(layers):
    # Places span 48.28-51.19 N, 35.27-37.18 E: widened to the 3-degree minimum around them.
    south, west, north, east = maps.data_bounds(layers, show=["places", "oblasts"])
    assert (south + north) / 2 == pytest.approx((48.28 + 51.19) / 2)
    assert north - south == pytest.approx(3.0) and east - west == pytest.approx(3.0)
    # Kharkiv has no events, so only Donetsk and Kherson count.
    assert maps.data_bounds(layers, show=["oblasts"]) == (46.0, 32.0, 49.0, 39.0)


def test_single_point_gets_room_and_reprojected_frames_work():
    events = gpd.GeoDataFrame([_event(0, "attack", 48.0, 37.0)], crs="EPSG:4326").to_crs(3857)
    south, west, north, east = maps.data_bounds({"events": events})
    assert south < 48.0 < north and west < 37.0 < east
    assert north - south == pytest.approx(3.0)  # a town keeps its surroundings in view


def test_a_far_outlier_does_not_shrink_the_frame():
    rows = [_event(i, "attack", 48.0 + i * 0.1, 37.0 + i * 0.1) for i in range(12)]
    rows.append(_event(99, "statement", 43.1, 131.9))  # a statement in Vladivostok
    events = gpd.GeoDataFrame(rows, crs="EPSG:4326")
    _, west, _, east = maps.data_bounds({"events": events})
    assert east < 45 and west > 35  # framed on the cluster, not stretched to the Pacific


def test_empty_layers_give_a_ukraine_view_with_all_groups():
    m = maps.build_map({})
    page = m.get_root().render()
    s, w, n, e = maps.UKRAINE_BOUNDS
    assert f"[[{s}, {w}], [{n}, {e}]]" in page
    titles = [g.layer_name for g in _walk(m) if isinstance(g, folium.FeatureGroup)]
    assert titles == ["Oblasts", "Places", "Evacuations", "Events"]
    empty = gpd.GeoDataFrame(geometry=[], crs="EPSG:4326")
    page = maps.build_map({name: empty for name in maps.LAYER_NAMES}).get_root().render()
    assert f"[[{s}, {w}], [{n}, {e}]]" in page


def test_fit_false_keeps_the_fixed_view(layers):
    page = maps.build_map(layers, fit=False).get_root().render()
    assert "fitBounds" not in page


def test_layer_groups_have_stable_names_whatever_the_data(layers):
    a = [g.layer_name for g in maps.layer_groups(layers)]
    b = [g.layer_name for g in maps.layer_groups({})]
    assert a == b == [maps.LAYER_TITLES[n] for n in maps.LAYER_NAMES]
    only = maps.layer_groups(layers, show=["events"])
    assert [g.layer_name for g in only] == ["Events"]


def test_base_map_has_tiles_but_no_data_layers():
    m = maps.build_base_map()
    assert not any(isinstance(el, folium.GeoJson) for el in _walk(m))
    assert any(isinstance(el, folium.TileLayer) for el in _walk(m))


def test_cluster_flag_controls_markercluster(layers):
    clustered = maps.build_map(layers, cluster=True)
    plain = maps.build_map(layers, cluster=False)
    assert any(isinstance(el, MarkerCluster) for el in _walk(clustered))
    assert not any(isinstance(el, MarkerCluster) for el in _walk(plain))
    assert len(_props(plain, "events-data")) == len(layers["events"])


def test_ten_thousand_events_are_one_geojson_layer_not_ten_thousand_objects(layers):
    base = layers["events"].iloc[[1]]
    many = gpd.GeoDataFrame(
        pd.concat([base] * 10_000, ignore_index=True), geometry="geometry", crs="EPSG:4326"
    )
    m = maps.build_map({"events": many}, show=["events"])
    assert sum(1 for _ in _walk(m)) < 30
    assert len(_data(m, "events-data")["features"]) == 10_000
    page = m.get_root().render()
    assert page.count('"t":"attack"') + page.count('"t": "attack"') == 10_000


def test_online_tiles_are_external(layers):
    page = maps.build_map(layers, tiles="OpenStreetMap").get_root().render()
    assert any("openstreetmap.org" in u for u in assets.external_urls(page))


def test_unknown_layer_or_missing_column_is_an_input_error(layers):
    with pytest.raises(InputError, match="Unknown map layers"):
        maps.build_map(layers, show=["events", "frontline"])
    with pytest.raises(InputError, match="collection"):
        maps.build_map(layers, show="events")
    with pytest.raises(InputError, match="lacks columns"):
        maps.build_map({"events": layers["events"].drop(columns=["event_type"])})
