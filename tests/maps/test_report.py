"""The standalone map file: everything inside it, legend and date range printed on it."""

from __future__ import annotations

import datetime as dt
import io
import re

import geopandas as gpd
import pytest
from PIL import Image
from shapely.geometry import Point

from geo.errors import DataError, InputError
from geo.maps import assets, report

START, END = dt.date(2024, 8, 1), dt.date(2024, 9, 30)


@pytest.fixture(autouse=True)
def _local_assets():
    assets.use_local_assets()
    yield
    assets.use_cdn_assets()


def _layers() -> dict[str, gpd.GeoDataFrame]:
    events = gpd.GeoDataFrame(
        {
            "event_type": ["attack", "evacuation"],
            "location": ["Pokrovsk", "Kharkiv"],
            "quote": ["Shelling hit the town.", "Buses left the city."],
            "date_start": [START, END],
            "date_end": [START, END],
        },
        geometry=[Point(37.18, 48.28), Point(36.23, 49.99)],
        crs="EPSG:4326",
    )
    return {"events": events}


def _tile_dir(tmp_path, zooms=range(0, 8)):
    """Relief-like tiles over eastern Ukraine (and one far away, which must stay out)."""
    from geo.maps.basemap import tile_span

    buf = io.BytesIO()
    Image.new("RGB", (256, 256), (120, 160, 140)).save(buf, "JPEG")
    for z in zooms:
        x0, x1, y0, y1 = tile_span(z, 44.0, 30.0, 53.0, 42.0)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                path = tmp_path / "tiles" / str(z) / str(x) / f"{y}.jpg"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(buf.getvalue())
    far = tmp_path / "tiles" / "7" / "0" / "0.jpg"  # the Bering Strait: not near the data
    far.parent.mkdir(parents=True, exist_ok=True)
    far.write_bytes(buf.getvalue())
    return tmp_path / "tiles"


def test_the_file_needs_nothing_outside_itself(tmp_path):
    page = report.standalone_html(
        _layers(), start=START, end=END, show=["events"], tile_dir=_tile_dir(tmp_path)
    )
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"<link[^>]*stylesheet", page)
    assert "/app/static" not in page
    # Licence headers of the inlined libraries cite their home pages; nothing else may.
    assert assets.external_urls(page, block_comments=False) == []
    assert "Leaflet 1.9.3" in page and "GeoControls.attach" in page and "L.heatLayer" in page


def test_the_legend_and_date_range_are_printed_on_it(tmp_path):
    page = report.standalone_html(_layers(), start=START, end=END, show=["events"])
    legend = re.search(r'<div class="geo-report-legend".*?</div>\s*</body>', page, re.S).group(0)
    assert "2024-08-01 – 2024-09-30" in legend
    for label in ("Offensive", "Evacuation", "Negotiation"):
        assert label in legend
    assert "<title>Geo dashboard · 2024-08-01 – 2024-09-30</title>" in page
    # The PNG tool in the file prints the same range (day numbers of the range group).
    assert "window.GeoMapRange = [19936, 19996]" in page
    assert "Pokrovsk" in page and "Buses left the city." in page


def test_tiles_around_the_data_are_embedded_within_the_budget(tmp_path):
    tiles = _tile_dir(tmp_path)
    page = report.standalone_html(_layers(), start=START, end=END, show=["events"], tile_dir=tiles)
    keys = set(re.findall(r'"(\d+/\d+/\d+)":"data:image/jpeg;base64,', page))
    assert "7/0/0" not in keys
    assert {k.split("/")[0] for k in keys} == {str(z) for z in range(8)}
    small = report.standalone_html(
        _layers(), start=START, end=END, show=["events"], tile_dir=tiles, max_tile_bytes=20_000
    )
    kept = {k.split("/")[0] for k in re.findall(r'"(\d+/\d+/\d+)":"data:image', small)}
    assert kept and max(map(int, kept)) < 7  # the finest levels were dropped
    assert len(small) < len(page)


def test_a_range_that_ends_before_it_starts_is_an_input_error():
    with pytest.raises(InputError, match="before it starts"):
        report.standalone_html(_layers(), start=END, end=START)


def test_inline_assets_writes_local_and_cdn_files_into_the_page():
    page = (
        '<head><script src="/app/static/lib/' + assets.controls_js_url().rsplit("/", 1)[1] + '">'
        "</script>"
        '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"/>'
        "</head>"
    )
    out = assets.inline_assets(page)
    assert "window.GeoControls" in out and ".leaflet-pane" in out
    assert "src=" not in out and "stylesheet" not in out
    with pytest.raises(DataError, match="No local copy"):
        assets.inline_assets('<script src="/app/static/lib/nothing.js"></script>')
