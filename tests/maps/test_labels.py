"""Basemap names and lines: which name shows at which zoom, the files, the layer on the maps.

The drawing (labels.js) is looked at in the browser; here: selection, collisions, files,
and the rendered maps.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
import re

import pytest
import shapely

from geo.errors import InputError
from geo.maps import assets, labels
from geo.maps import build as maps
from geo.maps.labels import STYLES, Label, label_box, place_labels


@pytest.fixture(autouse=True)
def _local_assets():
    assets.use_local_assets()
    yield
    assets.use_cdn_assets()


def _box_at(label: Label, z: int) -> tuple[float, float, float, float]:
    x, y = labels._merc(label.lat, label.lon)
    s = 256 * 2**z
    b = label_box(label)
    return (x * s + b[0], y * s + b[1], x * s + b[2], y * s + b[3])


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# ------------------------------------------------------------------------------ selection


@pytest.mark.parametrize(
    ("population", "zoom"),
    [(3_000_000, 3), (60_000, 6), (15_000, 7), (2_000, 9), (500, 10), (0, 11)],
)
def test_the_first_zoom_a_place_may_show_falls_with_its_population(population, zoom):
    assert labels.min_zoom_for(population) == zoom


def test_a_place_never_shows_before_its_population_allows_even_alone():
    alone = [Label("Lonely", 48.0, 37.0, "village", 500.0, labels.min_zoom_for(500))]
    assert [p.zoom for p in place_labels(alone)] == [10]


def test_of_two_names_on_one_spot_the_bigger_shows_first_and_the_other_once_apart():
    big = Label("Kramatorsk", 48.72, 37.56, "city2", 150_000, 5)
    small = Label("Bilenke", 48.76, 37.62, "village", 150_000 / 100, 5)
    first = [p and p.zoom for p in place_labels([small, big])]
    assert first[1] == 5  # the big one as soon as allowed
    assert first[0] is not None and first[0] > 5  # the small one only when they stand apart
    z = first[0]
    assert not _overlap(_box_at(big, z), _box_at(small, z))
    assert _overlap(_box_at(big, z - 1), _box_at(small, z - 1))


def test_shown_names_never_overlap_at_any_zoom_and_never_disappear():
    rng = random.Random(7)
    cands = [
        Label(
            f"Place {i} {'x' * rng.randrange(0, 12)}",
            47.0 + rng.random() * 2,
            36.0 + rng.random() * 3,
            rng.choice(["city2", "town", "village", "admin1"]),
            rng.random() * 1e5,
            rng.randrange(4, 11),
        )
        for i in range(600)
    ]
    placed = place_labels(cands)
    assert sum(f is not None for f in placed) > 300
    for z in range(labels.MAX_ZOOM + 1):
        shown = [
            dataclasses.replace(c, lat=p.lat, lon=p.lon)
            for c, p in zip(cands, placed, strict=True)
            if p is not None and p.zoom <= z <= STYLES[c.style].max_zoom
        ]
        boxes = [_box_at(c, z) for c in shown]
        for a, b in itertools.combinations(boxes, 2):
            assert not _overlap(a, b), z


def test_oblast_names_give_way_to_places_past_their_last_zoom():
    oblast = Label("Donetsk Oblast", 48.1, 37.8, "admin1", 2e5, 5)
    village = Label("Nearby", 48.1, 37.81, "village", 100, 10)
    town = Label("Town", 48.1, 37.8, "town", 2e4, 5)
    first = [p.zoom for p in place_labels([oblast, village])]
    assert first == [5, 10]  # at 10 the oblast name (last shown at 9) is gone
    # Against a place name, which stays, the village still finds no room at 10.
    assert place_labels([town, village])[1].zoom > 10


def test_a_name_with_no_room_at_its_point_takes_its_first_free_alternate():
    city = Label("Donetsk", 48.0, 37.8, "city1", 9e5, 5)
    oblast = Label("Donetsk Oblast", 48.0, 37.8, "admin1", 2e5, 5, ((48.0, 37.81), (49.0, 37.8)))
    placed = place_labels([city, oblast])
    assert placed[0] == labels.Placement(5, 48.0, 37.8)
    assert placed[1] == labels.Placement(5, 49.0, 37.8)  # the first alternate is too close


def test_an_unknown_script_is_an_input_error():
    with pytest.raises(InputError, match="script"):
        labels.label_layer(script="klingon")


# --------------------------------------------------------------------- real candidates


@pytest.fixture(scope="module")
def latin(gazetteer):
    return labels.label_candidates(gazetteer)


def _named(cands, name):
    return [c for c in cands if c.name == name]


def test_candidates_hold_capitals_towns_villages_oblasts_and_waters(latin):
    (kyiv,) = [c for c in _named(latin, "Kyiv") if c.style == "capital"]
    assert kyiv.min_zoom <= 3
    pokrovsk = [c for c in _named(latin, "Pokrovsk") if abs(c.lon - 37.18) < 0.1]
    assert pokrovsk and pokrovsk[0].min_zoom == 6  # 60,127 people
    assert _named(latin, "Donetsk Oblast")[0].style == "admin1"
    assert _named(latin, "Sea of Azov")[0].style == "water"
    assert _named(latin, "Ukraine")[0].style == "country"
    # A Ukrainian village GeoNames lacks, from the codifier with its own point.
    assert len(latin) > 40_000


def test_cyrillic_names_ukrainian_places_in_ukrainian_and_russian_ones_in_russian(gazetteer):
    cyr = labels.label_candidates(gazetteer, script="cyrillic")
    names = {c.name for c in cyr}
    assert {"Київ", "Покровськ", "Донецька область", "Суджа"} <= names
    assert "Kyiv" not in names


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


def test_encoded_lines_decode_to_their_points():
    line = shapely.LineString([(37.12345, 48.5), (37.2, 48.55555), (37.3, 48.6)])
    doc = labels._encode_lines({"river": [line]}, 10000)
    (row,) = doc["lines"]
    assert doc["kinds"][row[0]] == "river"
    back = _decode(row, 10000)
    assert back.hausdorff_distance(line) < 1e-4


def _fake_build(monkeypatch, calls):
    def cands(gazetteer, *, script="latin"):
        calls.append(script)
        return [Label("Alpha", 48.0, 37.0, "town", 20_000, 7)]

    monkeypatch.setattr(labels, "label_candidates", cands)
    monkeypatch.setattr(labels, "_line_bands", lambda: {"0": {}, "6": {}, "8": {}})


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
