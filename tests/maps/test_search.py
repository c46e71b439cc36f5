"""The map's place search: the names index built from the gazetteer, its folding and ranking."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from geo.maps import search
from geo.maps.assets import CONTROLS_JS


@pytest.fixture(scope="module")
def index(gazetteer):
    return search.build_names_index(gazetteer)


def _first(index, query):
    hits = search.search_names(index, query)
    assert hits, query
    return hits[0]


def test_pokrovsk_is_the_donetsk_oblast_town_first_not_a_namesake(index):
    hits = search.search_names(index, "Pokrovsk")
    top = hits[0]
    assert (top.name, top.region, top.country) == ("Pokrovsk", "Donetsk Oblast", "Ukraine")
    assert abs(top.lat - 48.28) < 0.01 and abs(top.lon - 37.18) < 0.01
    assert top.label == "Pokrovsk — Donetsk Oblast, Ukraine"
    # Engels, formerly Pokrovsk (196k people), comes later: an old name, not the name.
    assert "Engels" in [h.name for h in hits[1:]]


@pytest.mark.parametrize("query", ["Покровськ", "Покровск", "POKROVS'K", "pokrovs’k", " pokrovsk "])
def test_cyrillic_latin_case_and_apostrophes_find_the_same_pokrovsk(index, query):
    top = _first(index, query)
    assert (top.name, top.region) == ("Pokrovsk", "Donetsk Oblast")


@pytest.mark.parametrize(
    ("query", "name", "region"),
    [
        ("Горловка", "Horlivka", "Donetsk Oblast"),  # Russian spelling of a Ukrainian town
        ("Артемовск", "Bakhmut", "Donetsk Oblast"),  # its old name
        ("Суджа", "Sudzha", "Kursk Oblast"),  # a Russian border town, in Cyrillic
        ("Kharkov", "Kharkiv", "Kharkiv Oblast"),
    ],
)
def test_other_spellings_and_old_names_find_the_place(index, query, name, region):
    top = _first(index, query)
    assert (top.name, top.region) == (name, region)


def test_prefixes_offer_candidates_as_the_user_types(index):
    top = _first(index, "Kramat")
    assert top.name == "Kramatorsk" and top.region == "Donetsk Oblast"


def test_a_country_and_an_oblast_say_what_they_are(index):
    assert _first(index, "Ukraine").label == "Ukraine (country)"
    oblast = [h for h in search.search_names(index, "Donetsk Oblast") if h.kind == "region"]
    assert oblast and oblast[0].label == "Donetsk Oblast (region) — Ukraine"


def test_folding_meets_ukrainian_russian_and_latin_spellings():
    assert search.fold("Горлівка") == search.fold("Horlivka")
    assert search.fold("Горловка") == search.fold("Gorlovka")
    assert search.fold("Київ") == search.fold("Kyiv")
    assert search.fold("Pokrovs'k") == search.fold("POKROVSK") == "pokrovsk"
    assert search.fold("Sudža") == "sudza"  # accents go; ž is not zh (as in the gazetteer)
    assert search.fold("") == "" and search.search_names({}, "  ") == []


def test_nothing_found_is_an_empty_list(index):
    assert search.search_names(index, "Xqzzyv") == []


def test_the_index_is_compact_and_holds_the_focus_area_whole(index):
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    assert len(text.encode()) < 4_500_000
    countries = index["countries"]
    ukraine = countries.index("Ukraine")
    in_ukraine = sum(1 for c in index["places"]["country"] if c == ukraine)
    assert in_ukraine > 25_000  # every settlement, not only towns
    assert index["fold"] == search.FOLD  # the browser folds with the same table
    assert len(index["keys"]) == len(index["place"])


def test_index_file_is_written_once_and_its_url_remembered(gazetteer, tmp_path):
    path = search.ensure_names_index(tmp_path, gazetteer)
    assert path.parent == tmp_path / "lib" and path.name.startswith("names.")
    assert search.names_index_url() == f"/app/static/lib/{path.name}"
    stamp = path.stat().st_mtime_ns
    assert search.ensure_names_index(tmp_path, gazetteer) == path
    assert path.stat().st_mtime_ns == stamp
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert _first(doc, "Pokrovsk").region == "Donetsk Oblast"


_NODE_SEARCH = """
global.window = {};
require(process.argv[2]);
const fs = require("fs");
const names = new window.GeoControls.Names(JSON.parse(fs.readFileSync(process.argv[3], "utf8")));
const out = {};
for (const q of JSON.parse(process.argv[4])) {
  out[q] = names.search(q, 5).map((h) => h.name + "|" + h.region);
}
console.log(JSON.stringify(out));
"""


def test_the_browser_ranks_as_python_does(index, tmp_path):
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        pytest.skip("node is not installed; the browser test checks the search box itself")
    data = tmp_path / "names.json"
    data.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    queries = ["Pokrovsk", "Покровськ", "горловка", "Kramat", "Kharkov", "Суджа", "donetsk"]
    script = tmp_path / "search.js"
    script.write_text(_NODE_SEARCH, encoding="utf-8")
    done = subprocess.run(
        [node, str(script), str(Path(CONTROLS_JS)), str(data), json.dumps(queries)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    browser = json.loads(done.stdout)
    for q in queries:
        python = [f"{h.name}|{h.region}" for h in search.search_names(index, q, limit=5)]
        assert browser[q] == python, q
