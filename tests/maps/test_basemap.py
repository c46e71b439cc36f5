from __future__ import annotations

import json
import math
from pathlib import Path

import folium
import pytest
from PIL import Image, ImageStat

from geo.errors import InputError
from geo.maps import basemap


def _tile_of(lat: float, lon: float, z: int) -> tuple[int, int]:
    """Slippy-map tile numbers, written out independently of geo.maps.basemap."""
    n = 2**z
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2.0 * n)
    return x, y


@pytest.fixture(scope="module")
def tiles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("static") / "tiles"
    basemap.ensure_basemap_tiles(folder)
    return folder


def _open(tiles: Path, z: int, x: int, y: int) -> Image.Image:
    return Image.open(tiles / str(z) / str(x) / f"{y}.jpg")


def test_tile_folder_is_readable_by_others(tiles):
    assert tiles.stat().st_mode & 0o755 == 0o755


def test_z0_tile_is_a_256_pixel_jpeg(tiles):
    with _open(tiles, 0, 0, 0) as im:
        assert im.format == "JPEG"
        assert im.size == (256, 256)
        assert im.mode == "RGB"


def test_ukraine_has_detail_tiles_at_zoom_6_and_7(tiles):
    for z in (6, 7):
        x, y = _tile_of(50.45, 30.52, z)  # Kyiv
        with _open(tiles, z, x, y) as im:
            assert im.size == (256, 256)


def test_tiles_are_georeferenced_water_is_blue_and_steppe_is_green(tiles):
    x, y = _tile_of(43.3, 34.0, 7)  # middle of the Black Sea
    with _open(tiles, 7, x, y) as im:
        r, g, b = ImageStat.Stat(im).mean
    assert b > r + 25
    x, y = _tile_of(49.0, 32.0, 7)  # central Ukrainian steppe
    with _open(tiles, 7, x, y) as im:
        r, g, b = ImageStat.Stat(im).mean
    assert g > b and g > r


def test_tile_count_matches_the_world_pyramid_plus_detail_area(tiles):
    expected = basemap.expected_tiles()
    # Zoom 0-4 are the whole world: 4**z tiles each.
    assert [expected[z] for z in range(5)] == [4**z for z in range(5)]
    for z in range(5, 8):
        x0, y0 = _tile_of(62.0, 15.0, z)
        x1, y1 = _tile_of(40.0, 55.0, z)
        assert expected[z] == (x1 - x0 + 1) * (y1 - y0 + 1)
    files = list(tiles.rglob("*.jpg"))
    assert len(files) == sum(expected.values())
    info = basemap.basemap_info(tiles)
    assert info is not None
    assert info.count == len(files)
    assert info.bytes == sum(f.stat().st_size for f in files)
    assert info.attribution == basemap.ATTRIBUTION


def test_no_tiles_outside_the_detail_area_above_zoom_4(tiles):
    x, y = _tile_of(40.7, -74.0, 6)  # New York
    assert not (tiles / "6" / str(x) / f"{y}.jpg").exists()
    assert (tiles / "4" / str(_tile_of(40.7, -74.0, 4)[0])).is_dir()


def test_second_call_reuses_the_tiles(tiles):
    tile = tiles / "0" / "0" / "0.jpg"
    before = (tile.stat().st_mtime_ns, (tiles / "manifest.json").read_text())
    url = basemap.ensure_basemap_tiles(tiles)
    assert url == basemap.DEFAULT_TILE_URL
    assert (tile.stat().st_mtime_ns, (tiles / "manifest.json").read_text()) == before


def test_other_settings_rebuild_and_report_progress(tmp_path):
    folder = tmp_path / "tiles"
    basemap.ensure_basemap_tiles(folder, max_zoom=4)
    assert len(list(folder.rglob("*.jpg"))) == 341
    seen: list[tuple[int, int]] = []
    url = basemap.ensure_basemap_tiles(
        folder, max_zoom=5, url="/t/{z}/{x}/{y}.jpg", progress=lambda d, n: seen.append((d, n))
    )
    assert url == "/t/{z}/{x}/{y}.jpg"
    total = sum(basemap.expected_tiles(5).values())
    assert seen[-1] == (total, total)
    assert len(list(folder.rglob("*.jpg"))) == total
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["max_zoom"] == 5
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers


def test_basemap_info_is_none_for_an_empty_folder(tmp_path):
    assert basemap.basemap_info(tmp_path) is None


@pytest.mark.parametrize("zoom", [-1, 9, 2.5])
def test_bad_max_zoom_is_an_input_error(tmp_path, zoom):
    with pytest.raises(InputError, match="max_zoom"):
        basemap.ensure_basemap_tiles(tmp_path / "t", max_zoom=zoom)


def test_url_without_placeholders_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="placeholders"):
        basemap.ensure_basemap_tiles(tmp_path / "t", url="/tiles/")


def _render(layers: list[folium.TileLayer]) -> str:
    m = folium.Map(tiles=None)
    for layer in layers:
        layer.add_to(m)
    return m.get_root().render()


def test_offline_layers_are_world_base_plus_bounded_detail():
    world, detail = basemap.tile_layers("offline", url="/app/static/tiles/{z}/{x}/{y}.jpg")
    assert world.options["max_native_zoom"] == basemap.WORLD_MAX_ZOOM
    assert detail.options["min_zoom"] == basemap.WORLD_MAX_ZOOM + 1
    assert detail.options["max_native_zoom"] == 7
    south, west, north, east = basemap.DETAIL_BOUNDS
    assert detail.options["bounds"] == [[south, west], [north, east]]
    page = _render([world, detail])
    assert "/app/static/tiles/{z}/{x}/{y}.jpg" in page
    assert basemap.ATTRIBUTION in page


def test_online_basemap_by_name_carries_its_attribution():
    (osm,) = basemap.tile_layers("OpenStreetMap")
    page = _render([osm])
    assert "tile.openstreetmap.org" in page
    assert "OpenStreetMap</a> contributors" in osm.options["attribution"]
    assert "OpenStreetMap\\u003c/a\\u003e contributors" in page


def test_unknown_basemap_name_is_an_input_error():
    with pytest.raises(InputError, match="Unknown basemap"):
        basemap.tile_layers("Stamen Toner")
