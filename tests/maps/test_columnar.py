"""The map at scale: a revision's files written once, the page small, the range sent alone.

The drawing itself (geomap.js) is checked in the browser (tests/ui/test_browser.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point

from geo.layers.columns import build_layers
from geo.layers.filters import EventFilter
from geo.maps import assets, columnar, packing
from geo.maps import build as maps
from geo.records import EventStatus, EventType
from geo.store.base import open_store
from geo.store.frames import day_number
from tests.store.samples import (
    DONETSK_OBLAST,
    HAND_POINT,
    SUDZHA,
    make_article,
    make_event,
    make_toponyms,
)


@pytest.fixture(autouse=True)
def _local_assets():
    assets.use_local_assets()
    yield
    assets.use_cdn_assets()


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "store") as s:
        s.add(
            make_article(1),
            make_toponyms(),
            [
                make_event("a001", 1, start=dt.date(2024, 8, 1), end=dt.date(2024, 8, 31)),
                make_event("a001", 2, start=dt.date(2024, 9, 10), place=HAND_POINT),
                make_event("a001", 3, start=dt.date(2024, 8, 20), event_type=EventType.EVACUATION),
            ],
        )
        s.add(
            make_article(2, published=dt.date(2024, 10, 1)),
            make_toponyms()[1:],
            [make_event("a002", 1, start=dt.date(2024, 10, 1), place=DONETSK_OBLAST)],
        )
        yield s


def _data(store, static, key="k"):
    return columnar.map_data(
        store.events_frame(details=True), store.mentions_frame(), static_dir=static, key=key
    )


def test_the_cluster_group_is_on_the_map_before_its_markers_are_added():
    events = gpd.GeoDataFrame(
        {"event_type": ["attack", "evacuation"]},
        geometry=[Point(37, 48), Point(36, 49)],
        crs="EPSG:4326",
    )
    page = maps.build_map({"events": events}, show=["events"]).get_root().render()
    cluster = re.search(r"var (marker_cluster_\w+) = L\.markerClusterGroup", page).group(1)
    # The events group (the map has other groups too, e.g. the density layer).
    group = re.search(rf"{cluster}\.addTo\((feature_group_\w+)\)", page).group(1)
    layer = re.search(r"var (geo_json_\w+) = L\.geoJson", page).group(1)
    on_map = page.index(f"{group}.addTo(map_")
    in_group = page.index(f"{cluster}.addTo({group})")
    markers = page.index(f"{cluster}.addLayer({layer})")
    # Markers added to a cluster group that is not on a map yet are checked one by one
    # against its pending list: quadratic (17 s for 100k instead of 2.4 s).
    assert on_map < in_group < markers
    assert f"{layer}.addTo({cluster})" not in page


def test_summaries_agree_with_the_layers_for_any_range(store, tmp_path):
    data = _data(store, tmp_path)
    for start, end in [
        (dt.date(2024, 8, 20), dt.date(2024, 8, 20)),
        (dt.date(2024, 8, 1), dt.date(2024, 12, 31)),
        (dt.date(2024, 9, 11), dt.date(2024, 9, 30)),
        (dt.date(2020, 1, 1), dt.date(2020, 1, 2)),
    ]:
        layers = build_layers(store, start=start, end=end)
        got = data.summary(start, end)
        assert got.events == len(layers["events"]), (start, end)
        assert got.places == len(layers["places"]), (start, end)
        assert got.oblasts == int((layers["oblasts"]["events"] > 0).sum()), (start, end)
        assert got.people_evacuated == int(layers["evacuations"]["people"].fillna(0).sum())


_NUMPY = {"u1": "u1", "u2": "<u2", "u4": "<u4", "i4": "<i4", "f4": "<f4"}


def _unpack(raw: bytes, layout: list) -> dict:
    """The documented layout: columns at 4-byte offsets; 2- and 4-byte integers as planes."""
    out = {}
    for name, code, offset, n in layout:
        dtype = np.dtype(_NUMPY[code])
        if code in ("u2", "u4", "i4"):
            planes = np.frombuffer(raw, "u1", n * dtype.itemsize, offset).reshape(-1, n)
            out[name] = np.ascontiguousarray(planes.T).view(dtype).ravel()
        else:
            out[name] = np.frombuffer(raw, dtype, n, offset)
    return out


def _decode(folder) -> dict:
    """events.bin and mentions.bin decoded in Python as geomap.js decodes them."""
    meta = json.loads((folder / "meta.json").read_text())
    e = _unpack((folder / "events.bin").read_bytes(), meta["eventColumns"])
    day_steps = e["day"].astype(np.int64)
    d0 = meta["day0"] + np.cumsum(day_steps)
    loc = np.zeros(meta["n"], dtype=np.int64)
    for i, step in enumerate(e["loc"].astype(np.int64)):
        loc[i] = step if i == 0 or day_steps[i] else loc[i - 1] + step
    kinds = np.array(meta["kinds"], dtype=np.int64).reshape(-1, 4)[e["kind"]]
    people = e["people"].astype(np.float64)
    if meta["peopleNone"] is not None:
        people[e["people"] == meta["peopleNone"]] = np.nan
    m = _unpack((folder / "mentions.bin").read_bytes(), meta["mentionColumns"])
    place = np.repeat(np.arange(len(m["placeRuns"])), m["placeRuns"])
    article = np.zeros(len(place), dtype=np.int64)
    for k, step in enumerate(m["article"].astype(np.int64)):
        article[k] = step if k == 0 or place[k] != place[k - 1] else article[k - 1] + step
    return {
        "lat": e["locLat"][loc] / meta["coordScale"],
        "lon": e["locLon"][loc] / meta["coordScale"],
        "oblast": e["locOblast"][loc],
        "people": people,
        "d0": d0,
        "d1": d0 + e["dur"],
        "type": kinds[:, 0],
        "status": kinds[:, 1],
        "sub": kinds[:, 2],
        "src": kinds[:, 3],
        "conf": e["conf"],
        "mPlace": place,
        "mArticle": article,
        "mDay": m["articleDay"][article],
    }


def _file_ids(folder) -> list[str]:
    return [
        i
        for k in range(len(list((folder / "popups").iterdir())))
        for i in json.loads((folder / "popups" / f"{k}.json").read_text())["id"]
    ]


def test_files_hold_the_columns_in_the_documented_layout(store, tmp_path):
    data = _data(store, tmp_path)
    meta = json.loads((data.folder / "meta.json").read_text())
    n = meta["n"]
    assert n == data.n_events == 4
    got = _decode(data.folder)
    frame = store.events_frame().set_index("event_id").loc[_file_ids(data.folder)]
    assert got["d0"].tolist() == frame["day_start"].tolist()
    assert np.all(np.diff(got["d0"]) >= 0)  # sorted by start: the browser bisects on it
    assert got["lat"] == pytest.approx(frame["lat"].tolist(), abs=1e-5)
    assert [meta["types"][t] for t in got["type"]] == frame["event_type"].astype(str).tolist()
    popups = json.loads((data.folder / "popups" / "0.json").read_text())
    first = popups["p"][0]
    assert first[0] == "offensive" and first[1] == "2024-08-01 – 2024-08-31"
    assert "Sudzha" in first[2] and first[3] == "People: 101"
    assert popups["s"][first[5]].startswith('<a href="https://example.invalid/1"')
    assert meta["places"]["name"][0] == "Sudzha"


def _many_events_store(path, n_articles=40):
    """Articles over many days, several events a day at a few spots, some with no count."""
    s = open_store(path)
    spots = (HAND_POINT, DONETSK_OBLAST, SUDZHA)
    for k in range(1, n_articles + 1):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=(k * 37) % 300)
        events = [
            dataclasses.replace(
                make_event(
                    f"a{k:03d}",
                    j,
                    start=day - dt.timedelta(days=j % 4),
                    end=day + dt.timedelta(days=(k + j) % 40),
                    event_type=list(EventType)[(k + j) % len(EventType)],
                    place=spots[(k * j) % 3],
                ),
                people=None if (k + j) % 5 == 0 else (k * 1009 * j) % 70_000,
                status=list(EventStatus)[(k + j) % len(EventStatus)],
                confidence=((k * j) % 100) / 100,
            )
            for j in range(1, 7)
        ]
        s.add(make_article(k, published=day), make_toponyms()[k % 2 :], events)
    return s


def test_decoded_columns_equal_the_stores_within_the_stated_quantum(tmp_path):
    with _many_events_store(tmp_path / "store") as s:
        data = columnar.map_data_from_store(s, static_dir=tmp_path, key="k", rows=7)
        meta = json.loads((data.folder / "meta.json").read_text())
        got = _decode(data.folder)
        layer = build_layers(s)["events"].set_index("event_id").loc[_file_ids(data.folder)]
        frame = s.events_frame().set_index("event_id").loc[layer.index]
        mentions = s.mentions_frame()
    assert meta["coordScale"] == packing.COORD_SCALE == 100_000
    quantum = 0.5 / packing.COORD_SCALE + 4e-6  # rounding, and float32 in the browser
    assert np.abs(got["lat"] - frame["lat"].to_numpy()).max() <= quantum
    assert np.abs(got["lon"] - frame["lon"].to_numpy()).max() <= quantum
    assert got["d0"].tolist() == frame["day_start"].tolist()
    assert got["d1"].tolist() == frame["day_end"].tolist()
    people = frame["people"].astype("Float64").to_numpy(dtype=float, na_value=np.nan)
    assert np.isnan(people).any() and np.array_equal(got["people"], people, equal_nan=True)
    names = {k: [meta[k][c] for c in got[col]] for k, col in
             [("types", "type"), ("statuses", "status"), ("subTypes", "sub")]}  # fmt: skip
    assert names["types"] == frame["event_type"].astype(str).tolist()
    assert names["statuses"] == [v or "happened" for v in layer["status"]]
    assert names["subTypes"] == layer["acled_sub_event_type"].tolist()
    assert [meta["datasets"][c] for c in got["src"]] == layer["dataset"].tolist()
    assert got["conf"].tolist() == [round(c * 100) for c in layer["confidence"]]
    oblasts = [meta["oblasts"][o] if o != columnar.NONE16 else None for o in got["oblast"]]
    assert oblasts == [c if c in meta["oblasts"] else None for c in frame["admin1_code"]]
    # Mentions: (place, day) of each counted mention, as many times as the store has it.
    counted = mentions[mentions["role"].isin(columnar.COUNTED_ROLES)]
    want = sorted(zip(counted["name"], counted["published_day"].astype(int), strict=True))
    place_names = meta["places"]["name"]
    assert sorted(zip([place_names[p] for p in got["mPlace"]], got["mDay"].tolist(),
                      strict=True)) == want  # fmt: skip
    # Within a day events are in spot order: the location steps are small.
    assert len(got["d0"]) == 240 and len(set(got["d0"])) < 240


_NODE_DECODE = """
global.window = {};
require(process.argv[2]);
const fs = require("fs");
const dir = process.argv[3];
const read = (f) => {
  const b = fs.readFileSync(dir + f);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
};
const meta = JSON.parse(fs.readFileSync(dir + "meta.json", "utf8"));
const c = window.GeoMap.decode(meta, read("events.bin"), read("mentions.bin"));
const out = {};
for (const k of ["lat", "lon", "oblast", "people", "d0", "d1", "type", "status", "sub", "src",
                 "conf", "mPlace", "mArticle", "mDay"]) {
  out[k] = Array.from(c[k], (v) => (Number.isNaN(v) ? null : v));
}
const oblasts = fs.readFileSync(dir + "oblasts.json", "utf8");
out.oblasts = window.GeoMap.decodeOblasts(JSON.parse(oblasts));
console.log(JSON.stringify(out));
"""


def test_the_browser_decodes_the_files_as_python_does(tmp_path):
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        pytest.skip("node is not installed; the browser tests draw the map itself")
    with _many_events_store(tmp_path / "store") as s:
        s.add(make_article(99, published=None), make_toponyms(), [])  # undated mentions
        data = columnar.map_data_from_store(s, static_dir=tmp_path, key="k", rows=7)
        countries = sorted(set(s.events_frame()["country_code"].dropna()))
    script = tmp_path / "decode.js"
    script.write_text(_NODE_DECODE, encoding="utf-8")
    done = subprocess.run(
        [node, str(script), str(Path(assets.GEOMAP_JS)), f"{data.folder}/"],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    browser = json.loads(done.stdout)
    python = _decode(data.folder)
    for name, values in python.items():
        want = [None if isinstance(v, float) and np.isnan(v) else v for v in values.tolist()]
        if name in ("lat", "lon"):  # float32 in the browser
            assert np.allclose(browser[name], want, atol=4e-6), name
        else:
            assert browser[name] == want, name
    # The oblasts: the admin-1 polygons again, within the 0.001-degree steps.
    import pandas as pd

    source, codes = columnar._oblasts(
        pd.DataFrame({"country_code": countries, "admin1_code": None})
    )
    assert len(browser["oblasts"]["features"]) == len(source["features"]) == len(codes) > 0
    for got, want in zip(browser["oblasts"]["features"], source["features"], strict=True):
        assert got["properties"] == want["properties"]
        geometry = want["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        assert got["geometry"]["type"] == "MultiPolygon"
        for p_got, p_want in zip(got["geometry"]["coordinates"], polygons, strict=True):
            for r_got, r_want in zip(p_got, p_want, strict=True):
                diff = np.abs(np.array(r_got) - np.array(r_want)).max()
                assert diff <= 0.5 / packing.OBLAST_SCALE + 1e-9


def test_popup_files_escape_stored_text(store, tmp_path):
    hostile = dataclasses.replace(
        make_event("a003", 1), quote="<script>window.__pwned=1</script> {{ 7*7 }}"
    )
    store.add(
        dataclasses.replace(make_article(3), title="<img src=x onerror=alert(1)>"), [], [hostile]
    )
    data = _data(store, tmp_path)
    text = (data.folder / "popups" / "0.json").read_text()
    assert "<script>" not in text and "<img" not in text and "{{" not in text
    assert "&lt;script&gt;" in text and "&#123;&#123; 7*7 &#125;&#125;" in text


def test_files_are_written_once_per_key_and_old_revisions_are_pruned(store, tmp_path):
    first = _data(store, tmp_path, key="rev1")
    stamp = (first.folder / "meta.json").stat().st_mtime_ns
    assert _data(store, tmp_path, key="rev1").folder == first.folder
    assert (first.folder / "meta.json").stat().st_mtime_ns == stamp
    for k in range(2, 2 + columnar.KEEP + 2):
        _data(store, tmp_path, key=f"rev{k}")
    folders = [p for p in (tmp_path / columnar.DATA_DIR).iterdir() if p.is_dir()]
    assert len(folders) == columnar.KEEP
    assert "rev" not in " ".join(p.name for p in folders)  # only a hash of the key is shown


def test_the_page_carries_no_event_data_and_no_range(store, tmp_path):
    data = _data(store, tmp_path)
    page = columnar.build_columnar_map(data).get_root().render()
    assert "Sentence 1" not in page and "Sudzha" not in page  # text stays in the files
    assert data.url in page
    assert assets.external_urls(page) == []
    other = columnar.build_columnar_map(data).get_root().render()
    strip = lambda p: re.sub(r"_[0-9a-f]{32}", "", p)  # noqa: E731 - folium's random ids
    assert strip(page) == strip(other)  # nothing per range: streamlit-folium keeps it mounted


def _group_script(group) -> str:
    m = maps.build_base_map()
    group.add_to(m)
    page = m.get_root().render()
    end = page.index("GeoMap.update(window.GeoMapView); }")
    return page[page.index("window.GeoMapRange") : end]


def test_a_range_is_a_few_bytes_of_script(store, tmp_path):
    script = _group_script(columnar.range_group(dt.date(2024, 8, 1), dt.date(2024, 8, 31)))
    lo, hi = day_number(dt.date(2024, 8, 1)), day_number(dt.date(2024, 8, 31))
    view = json.loads(script.split("window.GeoMapView = ", 1)[1].split(";", 1)[0])
    assert view == {"range": [lo, hi], "filter": {}}
    assert len(script) < 200


def test_a_filter_and_a_focus_are_a_few_bytes_of_script_too(store, tmp_path):
    where = EventFilter(types=("evacuation", "displacement"), statuses=("happened",))
    where = dataclasses.replace(where, min_confidence=60, datasets=("ACLED",))
    group = columnar.range_group(
        dt.date(2024, 8, 1), dt.date(2024, 8, 31), where=where, focus=("a001-e3", 2)
    )
    script = _group_script(group)
    view = json.loads(script.split("window.GeoMapView = ", 1)[1].split(";", 1)[0])
    assert view["filter"] == {
        "types": ["evacuation", "displacement"],
        "status": ["happened"],
        "src": ["ACLED"],
        "conf": 60,
    }
    assert view["focus"] == {"id": "a001-e3", "i": 2}
    assert len(script) < 400, len(script)


def _events_with_statuses(store):
    """Two more events: a claim at low confidence, an attempt with a derived sub-type."""
    claim = dataclasses.replace(
        make_event("a003", 1, start=dt.date(2024, 8, 25), event_type=EventType.ATTACK),
        status=EventStatus.CLAIMED,
        claimed_by="the governor",
        confidence=0.55,
        quote="Shelling hit the town, the governor said.",
    )
    attempt = dataclasses.replace(
        make_event("a003", 2, start=dt.date(2024, 8, 26), event_type=EventType.ADVANCE),
        status=EventStatus.ATTEMPTED,
        confidence=0.9,
    )
    store.add(make_article(3), [], [claim, attempt])


def test_files_hold_status_sub_type_source_and_confidence_codes(store, tmp_path):
    _events_with_statuses(store)
    data = _data(store, tmp_path)
    meta = json.loads((data.folder / "meta.json").read_text())
    n = meta["n"]
    got = _decode(data.folder)
    layer = build_layers(store)["events"]
    rows = layer.set_index("event_id").loc[_file_ids(data.folder)]  # the files' row order
    assert len(rows) == n
    assert meta["statuses"][:3] == ["happened", "claimed", "attempted"]
    assert [meta["statuses"][c] for c in got["status"]] == [s or "happened" for s in rows["status"]]
    assert [meta["subTypes"][c] for c in got["sub"]] == rows["acled_sub_event_type"].tolist()
    assert [meta["datasets"][c] for c in got["src"]] == rows["dataset"].tolist()
    assert rows["dataset"].tolist() == ["articles"] * n
    assert got["conf"].tolist() == [round(c * 100) for c in rows["confidence"]]
    assert 55 in got["conf"].tolist() and 90 in got["conf"].tolist()
    assert data.sub_types == tuple(meta["subTypes"]) and data.datasets == ("articles",)


def test_summaries_with_a_filter_agree_with_the_filtered_layers(store, tmp_path):
    _events_with_statuses(store)
    data = _data(store, tmp_path)
    start, end = dt.date(2024, 8, 1), dt.date(2024, 12, 31)
    for where in [
        EventFilter(),
        EventFilter(types=("evacuation",)),
        EventFilter(statuses=("claimed", "attempted")),
        EventFilter(min_confidence=56),
        EventFilter(min_confidence=55),
        EventFilter(datasets=("ACLED",)),
        EventFilter(sub_types=(data.sub_types[0],)),
    ]:
        layers = build_layers(store, start=start, end=end, where=where)
        got = data.summary(start, end, where=where)
        assert got.events == len(layers["events"]), where
        assert got.oblasts == int((layers["oblasts"]["events"] > 0).sum()), where
        assert got.people_evacuated == int(layers["evacuations"]["people"].fillna(0).sum())
    assert data.summary(start, end, where=EventFilter(statuses=("claimed",))).events == 1
    assert data.summary(start, end, where=EventFilter(min_confidence=56)).events == 5


def test_event_ids_are_in_the_popup_files_and_found_by_the_server(store, tmp_path):
    data = _data(store, tmp_path)
    popups = json.loads((data.folder / "popups" / "0.json").read_text())
    ids = store.events_frame()["event_id"].tolist()
    assert popups["id"] == ids
    for i, event_id in enumerate(ids):
        assert data.index_of(event_id) == i
    assert data.index_of("no-such-event") is None


def test_every_file_the_columnar_map_loads_is_written_by_ensure_static_assets(store, tmp_path):
    lib = assets.ensure_static_assets(tmp_path)
    page = columnar.build_columnar_map(_data(store, tmp_path)).get_root().render()
    loaded = re.findall(r'(?:src|href)="/app/static/lib/([^"]+)"', page)
    assert any(name.startswith("geomap.") for name in loaded)
    assert any(name.startswith("MarkerCluster") for name in loaded)  # the cluster bubbles
    for name in loaded:
        assert (lib / name).is_file(), name


def test_layer_groups_keep_the_old_names_and_unknown_layers_are_refused(store, tmp_path):
    from geo.errors import InputError

    data = _data(store, tmp_path)
    elements = columnar.columnar_layers(data, show=["events", "oblasts"])
    assert [getattr(e, "layer_name", None) for e in elements[:-1]] == ["Oblasts", "Events"]
    with pytest.raises(InputError):
        columnar.columnar_layers(data, show=["nope"])
    assert SUDZHA.name  # the sample store is the one the layers tests use


def test_the_columnar_map_carries_the_basemap_names_layer_offline(store, tmp_path):
    from geo.maps.labels import LAYER_NAME

    page = columnar.build_columnar_map(_data(store, tmp_path)).get_root().render()
    assert "GeoLabels.layer(" in page
    control = re.search(r"overlays\s*:\s*\{(.*?)\}", page, re.S)
    assert control and LAYER_NAME in control.group(1)
    assert assets.external_urls(page) == []


def test_a_column_with_more_than_255_names_keeps_the_commonest_in_one_byte():
    import pandas as pd

    values = pd.Series(["common"] * 3 + [f"rare {k}" for k in range(300)] + [None])
    names, codes = columnar._codes(values, ["first"])
    assert len(names) == 255 and names[:2] == ["first", "common"]
    assert codes[0] == 1 and codes[-1] == 255  # empty: none
    assert (codes == 255).sum() == 300 - 253 + 1


def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _big_store(path, n_articles=7):
    """Events spread over articles and days, so several frames and popup files are made."""
    s = open_store(path)
    for k in range(1, n_articles + 1):
        day = dt.date(2024, 8, 1) + dt.timedelta(days=(k * 5) % 17)
        events = [
            make_event(
                f"a{k:03d}",
                j,
                start=day + dt.timedelta(days=j % 3),
                event_type=(EventType.EVACUATION if j % 2 else EventType.ATTACK),
                place=(HAND_POINT, DONETSK_OBLAST, SUDZHA)[j % 3],
            )
            for j in range(1, 4)
        ]
        s.add(make_article(k, published=day), make_toponyms()[k % 2 :], events)
    return s


@pytest.mark.parametrize("rows", [1, 2, 5, 1000])
def test_a_store_read_in_frames_gives_the_same_files_and_columns_as_one_frame(
    tmp_path, monkeypatch, rows
):
    # Small popup files, so frames and popup files cut the rows at different places.
    monkeypatch.setattr(columnar, "CHUNK", 4)
    with _big_store(tmp_path / "store") as s:
        whole = _data(s, tmp_path / "one")
        framed = columnar.map_data_from_store(s, static_dir=tmp_path / "framed", key="k", rows=rows)
    assert whole.n_events == framed.n_events == 21
    assert len(list((whole.folder / "popups").iterdir())) == 6
    assert _files(whole.folder) == _files(framed.folder)
    for field in dataclasses.fields(columnar.MapData):
        a, b = getattr(whole, field.name), getattr(framed, field.name)
        if field.name in ("url", "folder"):
            continue
        if field.name == "filters":
            assert a.equals(b)
            assert all(a[c].dtype == b[c].dtype for c in a.columns)
        elif isinstance(a, np.ndarray):
            assert a.dtype == b.dtype and np.array_equal(a, b, equal_nan=True), field.name
        else:
            assert a == b, field.name


def test_an_empty_store_read_in_frames_gives_the_one_frame_files(tmp_path):
    with open_store(tmp_path / "store") as s:
        whole = _data(s, tmp_path / "one")
        framed = columnar.map_data_from_store(s, static_dir=tmp_path / "framed", key="k", rows=3)
    assert whole.n_events == framed.n_events == 0
    assert _files(whole.folder) == _files(framed.folder)


def test_events_out_of_date_order_are_refused_when_read_in_frames(store, tmp_path):
    frame = store.events_frame(details=True)
    late_first = [frame.iloc[2:], frame.iloc[:2]]
    with pytest.raises(columnar.InputError, match="date order"):
        columnar._build(
            late_first, [store.mentions_frame()], static_dir=tmp_path, key="k", base_url="/s"
        )


def test_summaries_of_many_events_and_undated_mentions_agree_with_the_layers(tmp_path):
    with _big_store(tmp_path / "store") as s:
        s.add(make_article(99, published=None), make_toponyms(), [])  # undated mentions
        data = columnar.map_data_from_store(s, static_dir=tmp_path, key="k", rows=4)
        first = dt.date(2024, 7, 30)
        for a, b in [(0, 0), (0, 30), (3, 9), (5, 5), (12, 40), (40, 50)]:
            start, end = first + dt.timedelta(days=a), first + dt.timedelta(days=b)
            layers = build_layers(s, start=start, end=end)
            got = data.summary(start, end)
            assert got.events == len(layers["events"]), (start, end)
            assert got.places == len(layers["places"]), (start, end)
            assert got.oblasts == int((layers["oblasts"]["events"] > 0).sum()), (start, end)
            people = layers["evacuations"]["people"].fillna(0).sum()
            assert got.people_evacuated == int(people), (start, end)


def _same_map_data(a, b):
    for field in dataclasses.fields(columnar.MapData):
        x, y = getattr(a, field.name), getattr(b, field.name)
        if field.name == "filters":
            assert x.equals(y)
            assert list(x.columns) == list(y.columns)
            assert all(x[c].dtype == y[c].dtype for c in x.columns), field.name
        elif isinstance(x, np.ndarray):
            assert x.dtype == y.dtype and np.array_equal(x, y, equal_nan=True), field.name
        else:
            assert x == y, field.name


def test_a_revision_opened_again_reads_its_columns_from_disk_not_the_store(tmp_path, monkeypatch):
    with _many_events_store(tmp_path / "store") as s:
        s.add(make_article(99, published=None), make_toponyms(), [])  # undated mentions
        first = columnar.map_data_from_store(s, static_dir=tmp_path, key="loc|7", rows=7)
        files = _files(first.folder)
        assert (first.folder / columnar.SERVER_FILE).is_file()
        # As after an app restart: a new store handle, the same revision.
        calls = []

        def frames(*args, **kwargs):
            calls.append(args)
            raise AssertionError("the store's frames were read")

        monkeypatch.setattr(type(s), "events_frame_chunks", frames)
        monkeypatch.setattr(type(s), "mentions_frame_chunks", frames)
        again = columnar.map_data_from_store(s, static_dir=tmp_path, key="loc|7")
    assert calls == []
    _same_map_data(first, again)
    assert _files(first.folder) == files  # nothing rewritten
    start, end = dt.date(2024, 2, 1), dt.date(2024, 5, 1)
    where = EventFilter(types=("attack",), min_confidence=20)
    assert again.summary(start, end, where=where) == first.summary(start, end, where=where)
    assert again.summary(start, end).events > 0


def test_lost_or_broken_server_columns_are_read_from_the_store_again(tmp_path):
    with _many_events_store(tmp_path / "store") as s:
        first = columnar.map_data_from_store(s, static_dir=tmp_path, key="k")
        server = first.folder / columnar.SERVER_FILE
        for damage in (lambda: server.write_bytes(b"not a zip"), server.unlink):
            damage()
            again = columnar.map_data_from_store(s, static_dir=tmp_path, key="k")
            _same_map_data(first, again)
            assert columnar._load_server(first.folder, first.url) is not None  # rewritten
        other = columnar.map_data_from_store(s, static_dir=tmp_path, key="k|next revision")
    assert other.folder != first.folder and (other.folder / columnar.SERVER_FILE).is_file()
