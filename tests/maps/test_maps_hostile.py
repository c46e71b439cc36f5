"""Stored text is data, never template: hostile text in every field renders, escaped.

branca compiles each element's rendered script as a Jinja template, so an article title
such as ``{{constructor...}}`` once broke the map; here it must show as text.
"""

from __future__ import annotations

import re

import pytest

from geo.maps import assets
from tests.hostile_store import DAY, PAYLOAD, make_hostile_store

RAW = ("<img src=x onerror", "<img src=y onerror", "<script>window.__pwned", "{{ 7*7 }}")


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory, gazetteer):
    return make_hostile_store(tmp_path_factory.mktemp("hostile-map") / "store", gazetteer)


@pytest.fixture(autouse=True)
def _local_assets():
    assets.use_local_assets()
    yield
    assets.use_cdn_assets()


def _render(root) -> str:
    from geo.frontline.asof import as_of_layer, front_line_layer
    from geo.frontline.store import FrontlineStore
    from geo.layers.columns import build_layers
    from geo.maps.build import build_map
    from geo.maps.frontline import frontline_geojson, frontline_group
    from geo.store.sqlite import Store

    with Store(root) as store:
        layers = build_layers(store, start=DAY, end=DAY)
    fronts = FrontlineStore(root)
    m = build_map(layers)
    frontline_group(
        *frontline_geojson(as_of_layer(DAY, store=fronts), front_line_layer(DAY, store=fronts))
    ).add_to(m)
    return m.get_root().render()


def test_map_with_hostile_text_in_every_field_renders(hostile_root):
    page = _render(hostile_root)
    for raw in RAW:
        assert raw not in page, raw
    assert "49" not in re.findall(r"\b49\b", page.split("constructor")[1][:200])
    # The text is there, as escaped data: entities for HTML, JSON escapes in scripts.
    assert re.search(r"(&|\\u0026)#123;(&|\\u0026)#123;constructor", page)
    assert re.search(r"(&|\\u0026)lt;img src=x onerror=alert\(1\)", page)


@pytest.mark.parametrize("text", ["{{", "{%", "{#", "}}", "{{ x }}", "{% raw %}", "{#"])
def test_any_template_syntax_in_a_title_renders(hostile_root, text):
    import geopandas as gpd
    from shapely.geometry import Point

    from geo.maps.build import build_map

    row = {
        "event_type": "evacuation", "location": text, "admin1": text, "quote": text,
        "source": text, "url": f"https://example.org/{text}", "people": 3,
        "date_start": DAY, "date_end": DAY, "geometry": Point(37.18, 48.28),
    }  # fmt: skip
    events = gpd.GeoDataFrame([row], crs=4326)
    places = gpd.GeoDataFrame(
        [{"name": text, "surface_forms": text, "mentions": 1, "geometry": Point(37, 48)}], crs=4326
    )
    page = (
        build_map({"events": events, "evacuations": events, "places": places}).get_root().render()
    )
    assert "Leaflet" in page or "leaflet" in page
    assert PAYLOAD not in page
