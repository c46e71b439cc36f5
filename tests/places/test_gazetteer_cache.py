"""The gazetteer index file: a lossless round trip, mapped read-only and shared, damage found."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from geo.errors import DataError
from geo.places import gazetteer as gz
from geo.places import gazetteer_build as gb
from geo.places import gazetteer_cache as gc
from geo.records import GeoPrecision, PlaceKind

ROOT = Path(__file__).resolve().parents[2]


def _builder() -> gb._Builder:
    """A small build with what the real one has: repeated codes, None names, aliases."""
    b = gb._Builder()
    for i in range(60):
        kind = PlaceKind.POPULATED_PLACE if i % 3 else PlaceKind.ADMIN1
        j = b.add_place(
            place_id=f"gn:{1000 + i}",
            name=f"Town {i}" if i % 7 else f"Місто {i}",
            lat=48.0 + i / 100,
            lon=37.0 - i / 100,
            kind=kind,
            cc="UA" if i % 2 else "RU",
            a1=f"UA.{i % 5:02d}",
            a1_name=f"Oblast {i % 5}",
            gid=1000 + i,
            pop=i * 1000,
            precision=GeoPrecision.SETTLEMENT if i % 4 else None,
        )
        b.add_name(f"Town {i}", j, "name")
        b.add_name(f"Burg {i % 10}", j, "alternate")  # a key shared by several places
    b.cols["capital"] = bytearray(len(b.cols["place_id"]))
    b.cols["capital"][5] = 1
    b.cols["name"][3] = None  # the real index has a few unnamed places
    return b


def _expected(b: gb._Builder) -> tuple[dict[str, list], dict[str, list[int]]]:
    return {k: list(v) for k, v in b.cols.items()}, {k: list(v) for k, v in b.names.items()}


def test_a_written_index_reads_back_every_place_and_every_name(tmp_path):
    b = _builder()
    cols, names = _expected(b)
    path = tmp_path / f"gazetteer-k{gc.SUFFIX}"
    gc.write_index(path, gc.pack_index("k", *b.freeze()))
    gaz = gz.Gazetteer(gc.read_index(path, "k"))
    assert len(gaz) == len(cols["place_id"])
    for field, values in cols.items():
        assert list(gaz.column(field)) == values, field
    for key, postings in names.items():
        assert list(gaz._names.get(key)) == postings, key
        assert gaz.has(key)
    assert sorted(k for k, _, _ in gaz.names()) == sorted(k for k, p in names.items() for _ in p)
    for i, place_id in enumerate(cols["place_id"]):
        place = gaz.get(place_id)
        assert place == gaz.place(i) and place.place_id == place_id
        assert place.name == cols["name"][i] and place.lat == cols["lat"][i]
        assert place.population == (cols["population"][i] or None)
    assert gaz.is_capital("gn:1005") and not gaz.is_capital("gn:1006")
    assert gaz.get("gn:999") is None and not gaz.has("no such town")


def test_the_real_index_answers_like_the_names_it_was_built_from(gazetteer):
    names = gazetteer._names
    for n, (key, postings) in enumerate(names.items()):
        if n % 50 == 0:  # a sample of the 600,000 keys keeps the test quick
            assert list(names.get(key)) == list(postings)
    ids = gazetteer.column("place_id")
    for i in range(0, len(gazetteer), 97):
        assert gazetteer.get(ids[i]) == gazetteer.place(i)


def _mapping(pid: int | str, path: Path) -> list[str]:
    return [ln for ln in Path(f"/proc/{pid}/maps").read_text().splitlines() if str(path) in ln]


linux_only = pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc")


@linux_only
def test_the_index_is_mapped_read_only_not_copied(gazetteer):
    path = gazetteer._index.path
    assert path is not None and path.is_file()
    lat = gazetteer.column("lat")
    assert isinstance(lat, memoryview) and lat.readonly
    with pytest.raises(TypeError):
        lat[0] = 0.0
    lines = _mapping("self", path)
    assert lines
    # "r--s": readable, never writable, shared with every other process mapping the file
    assert all(ln.split()[1] == "r--s" for ln in lines)


@linux_only
def test_a_second_process_maps_the_same_file(gazetteer):
    path = gazetteer._index.path
    code = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from geo.places.gazetteer import load_gazetteer\n"
        "g = load_gazetteer()\n"
        "lines = [ln for ln in open('/proc/self/maps') if str(g._index.path) in ln]\n"
        "print(json.dumps({'path': str(g._index.path), 'maps': lines}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    child = json.loads(out.stdout.splitlines()[-1])
    assert child["path"] == str(path)
    st = os.stat(path)
    ours = {tuple(ln.split()[3:5]) for ln in _mapping("self", path)}
    theirs = {tuple(ln.split()[3:5]) for ln in child["maps"]}
    # The same device and inode: one file, so one set of pages in the page cache.
    assert ours == theirs
    (_, inode), *_ = theirs
    assert int(inode) == st.st_ino
    assert all(ln.split()[1] == "r--s" for ln in child["maps"])


def test_a_pickled_gazetteer_travels_as_its_path_and_maps_the_file_again(gazetteer):
    data = pickle.dumps(gazetteer)
    assert len(data) < 1000  # the path and key, not 50 MB of index
    again = pickle.loads(data)
    assert again is gazetteer  # this process has it loaded already


def test_an_unsaved_index_is_pickled_whole(tmp_path):
    b = _builder()
    gaz = gz.Gazetteer(gc.pack_index("k", *b.freeze()))
    again = pickle.loads(pickle.dumps(gaz))
    assert [again.place(i) for i in range(len(gaz))] == [gaz.place(i) for i in range(len(gaz))]


@pytest.fixture()
def written(tmp_path) -> Path:
    path = tmp_path / f"gazetteer-k{gc.SUFFIX}"
    gc.write_index(path, gc.pack_index("k", *_builder().freeze()))
    return path


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (lambda data: data[: len(data) - 100], "bytes where"),  # truncated
        (lambda data: data[:20], "header is cut short"),
        (lambda data: b"", "does not start like"),
        (lambda data: b"\x80\x05not an index", "does not start like"),
        (lambda data: data[:16] + b"}" + data[17:], "header is unreadable"),
    ],
)
def test_a_damaged_index_file_is_a_data_error_naming_the_file(written, damage, says):
    written.write_bytes(damage(written.read_bytes()))
    with pytest.raises(DataError, match=says) as err:
        gc.read_index(written, "k")
    assert str(written) in str(err.value) and "rebuilt" in str(err.value)


def test_a_damaged_index_is_rebuilt_by_the_next_load(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("GEO_CACHE", str(tmp_path))
    monkeypatch.setattr(gz, "_loaded", {})
    monkeypatch.setattr(gc, "_digests", {})
    builds = []

    def fake_build(src, progress):
        builds.append(src)
        return _builder().freeze()

    monkeypatch.setattr(gz, "build_index", fake_build)
    first = gz.load_gazetteer()
    path = first._index.path
    # Cut short, as by a full disk (a new file: this process still maps the old one).
    cut = path.with_suffix(".cut")
    cut.write_bytes(path.read_bytes()[:-64])
    os.replace(cut, path)
    monkeypatch.setattr(gz, "_loaded", {})
    again = gz.load_gazetteer()
    assert len(builds) == 2 and len(again) == len(first)
    assert "damaged" in caplog.text
    assert gc.read_index(path, first._index.key) is not None  # whole again


def test_an_index_whose_sources_changed_during_its_build_is_not_saved(
    tmp_path, monkeypatch, caplog
):
    monkeypatch.setenv("GEO_CACHE", str(tmp_path))
    monkeypatch.setattr(gz, "_loaded", {})
    keys = iter(["a" * 16, "b" * 16])  # the key before the build, and after it
    monkeypatch.setattr(gz, "index_key", lambda src: next(keys))
    monkeypatch.setattr(gz, "build_index", lambda src, progress: _builder().freeze())
    gaz = gz.load_gazetteer()
    assert len(gaz) == 60  # the analyst still gets the index just built
    assert not gc.index_path("a" * 16).exists() and not gc.index_path("b" * 16).exists()
    assert "changed during the index build" in caplog.text
