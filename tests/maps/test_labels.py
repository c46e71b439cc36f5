"""The basemap's names and lines as files (once per content key) and the layer on the maps.

The drawing (labels.js) is checked in the browser (tests/ui/test_browser.py).
"""

from __future__ import annotations

import json
import re

import pytest
import shapely

from geo.errors import InputError
from geo.maps import assets, labels
from geo.maps import build as maps
from geo.maps.mapnames import Label


@pytest.fixture(autouse=True)
def _local_assets():
    assets.use_local_assets()
    yield
    assets.use_cdn_assets()


# ------------------------------------------------------------------------------- files


@pytest.fixture(scope="module")
def written(tmp_path_factory, gazetteer):
    static = tmp_path_factory.mktemp("static")
    info = labels.ensure_basemap_labels(static, gazetteer=gazetteer)
    return static, info


def _all_labels(folder):
    rows = []
    for path in folder.rglob("*.json"):
        top = path.relative_to(folder).parts[0]
        if top.startswith("z"):
            z = int(re.match(r"z(\d+)", top).group(1))
            rows += [(z, r) for r in json.loads(path.read_text(encoding="utf-8"))]
    return rows


def test_files_name_towns_by_zoom_and_the_index_points_to_them(written):
    static, info = written
    index = json.loads((static / "labels" / "index.json").read_text(encoding="utf-8"))
    assert static / "labels" / index["latin"] == info.folder
    manifest = json.loads((info.folder / "manifest.json").read_text(encoding="utf-8"))
    rows = _all_labels(info.folder)
    assert len(rows) == info.labels == manifest["labels"]
    first: dict[str, int] = {}
    for z, r in rows:
        first[r[2]] = min(z, first.get(r[2], z))
    assert first["Kyiv"] <= 4  # at 3 the name "Ukraine" holds its spot
    assert first["Donetsk"] <= 6 and first["Kramatorsk"] <= 7
    assert first["Pokrovsk"] <= 8
    # Chunked deep zooms are listed in the manifest, so the browser asks for no missing file.
    for z, chunks in manifest["chunks"].items():
        for c in chunks:
            assert (info.folder / f"z{z}" / f"{c}.json").is_file()


def test_line_bands_hold_coasts_rivers_and_borders_near_ukraine(written):
    _static, info = written
    for band in ("0", "6", "8"):
        doc = json.loads((info.folder / f"lines{band}.json").read_text(encoding="utf-8"))
        kinds = {doc["kinds"][r[0]] for r in doc["lines"]}
        assert {"coast", "river", "border"} <= kinds, band
    doc = json.loads((info.folder / "lines8.json").read_text(encoding="utf-8"))
    admin = [r for r in doc["lines"] if doc["kinds"][r[0]] == "admin1"]
    # Some oblast border passes within 0.2° of the Donetsk-Zaporizhzhia-Dnipropetrovsk junction.
    near = shapely.Point(36.6, 47.9).buffer(0.5)
    assert any(near.intersects(_decode(r, doc["scale"])) for r in admin)


def _decode(row, scale):
    pts, x, y = [], 0, 0
    for i in range(1, len(row), 2):
        x, y = x + row[i], y + row[i + 1]
        pts.append((x / scale, y / scale))
    return shapely.LineString(pts)


def _fake_build(monkeypatch, calls):
    def cands(gazetteer, *, script="latin"):
        calls.append(script)
        return [Label("Alpha", 48.0, 37.0, "town", 20_000, 7)]

    monkeypatch.setattr(labels, "label_candidates", cands)
    monkeypatch.setattr(labels, "line_bands", lambda: {"0": {}, "6": {}, "8": {}})


def test_files_are_written_once_per_content_key_and_old_keys_removed(tmp_path, monkeypatch):
    calls: list = []
    _fake_build(monkeypatch, calls)
    one = labels.ensure_basemap_labels(tmp_path, gazetteer=object())
    stamp = (one.folder / "manifest.json").stat().st_mtime_ns
    again = labels.ensure_basemap_labels(tmp_path, gazetteer=object())
    assert calls == ["latin"] and again == one
    assert (one.folder / "manifest.json").stat().st_mtime_ns == stamp
    monkeypatch.setattr(labels, "content_key", lambda script: "0123456789abcdef")
    two = labels.ensure_basemap_labels(tmp_path, gazetteer=object())
    assert calls == ["latin", "latin"] and two.key == "0123456789abcdef"
    assert two.folder.is_dir() and not one.folder.exists()
    index = json.loads((tmp_path / "labels" / "index.json").read_text(encoding="utf-8"))
    assert index == {"latin": two.folder.name}


def test_each_script_has_its_own_folder(tmp_path, monkeypatch):
    calls: list = []
    _fake_build(monkeypatch, calls)
    lat = labels.ensure_basemap_labels(tmp_path, gazetteer=object())
    cyr = labels.ensure_basemap_labels(tmp_path, script="cyrillic", gazetteer=object())
    assert calls == ["latin", "cyrillic"] and lat.folder != cyr.folder
    assert lat.folder.is_dir() and cyr.folder.is_dir()
    index = json.loads((tmp_path / "labels" / "index.json").read_text(encoding="utf-8"))
    assert index == {"latin": lat.folder.name, "cyrillic": cyr.folder.name}


def test_a_file_where_the_static_folder_should_be_is_an_input_error(tmp_path):
    target = tmp_path / "static"
    target.write_text("not a folder")
    with pytest.raises(InputError, match="static folder"):
        labels.ensure_basemap_labels(target)


# ----------------------------------------------------------------------------- the layer


def test_base_map_carries_the_names_layer_on_with_offline_tiles_and_off_online():
    page = maps.build_base_map().get_root().render()
    assert "GeoLabels.layer(" in page
    on = maps.build_base_map()
    off = maps.build_base_map(tiles="OpenStreetMap")
    show = {
        m: [c.show for c in m._children.values() if c._name == "BasemapLabels"] for m in (on, off)
    }
    assert show[on] == [True] and show[off] == [False]
    assert "GeoLabels.layer(" not in maps.build_base_map(labels=False).get_root().render()


def test_map_with_layers_lists_the_names_layer_in_its_layer_control():
    m = maps.build_map({})
    page = m.get_root().render()
    control = re.search(r"overlays\s*:\s*\{(.*?)\}", page, re.S)
    assert control and labels.LAYER_NAME in control.group(1)


def test_rendered_maps_and_labels_js_name_no_outside_url():
    page = maps.build_map({}).get_root().render()
    assert assets.external_urls(page) == []
    assert assets.external_urls(assets.LABELS_JS.read_text(encoding="utf-8")) == []
    assert "/app/static/labels" in page


def test_an_unknown_script_is_an_input_error_for_the_layer_and_the_files(tmp_path):
    with pytest.raises(InputError, match="script"):
        labels.label_layer(script="klingon")
    with pytest.raises(InputError, match="script"):
        labels.ensure_basemap_labels(tmp_path, script="klingon")
