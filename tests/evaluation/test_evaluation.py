from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

from evaluation.geoparse import (
    ACC_KM,
    accuracy_at_km,
    evaluate,
    haversine_km,
    match_distances,
    score_spans,
)
from evaluation.geoparse_gold import (
    GoldDoc,
    GoldPlace,
    default_gold_path,
    load_gold,
    parse_gold_line,
)
from geo.errors import InputError
from geo.records import Place, PlaceKind, Toponym

ROOT = Path(__file__).resolve().parents[2]
KYIV = (50.45466, 30.5238)
KHARKIV = (49.98177, 36.25475)

REQUIRED_TOWNS = (
    "Sudzha", "Toretsk", "Vuhledar", "Kurakhove", "Vovchansk", "Avdiivka", "Chasiv Yar",
    "Kupiansk", "Bakhmut", "Robotyne", "Krynky", "Selydove", "Myrnohrad", "Lyman", "Siversk",
    "Velyka Novosilka", "Huliaipole", "Orikhiv", "Kherson", "Zaporizhzhia", "Kramatorsk",
    "Sloviansk", "Kostiantynivka", "Belgorod", "Bryansk", "Korenevo",
)  # fmt: skip


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    lat: float | None = None
    lon: float | None = None


def gp(start: int, end: int, lat: float = 0.0, lon: float = 0.0, kind=PlaceKind.POPULATED_PLACE):
    return GoldPlace(start, end, "x" * (end - start), "X", lat, lon, kind, "UA")


# --- span scores --------------------------------------------------------------------------


def test_score_spans_perfect_prediction_scores_one():
    gold = [gp(0, 4), gp(10, 16)]
    s = score_spans(gold, [Pred(0, 4), Pred(10, 16)])
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    assert s.precision == s.recall == s.f1 == 1.0


def test_score_spans_partial_prediction_counts_fp_and_fn():
    gold = [gp(0, 4), gp(10, 16), gp(20, 25)]
    s = score_spans(gold, [Pred(0, 4), Pred(10, 15), Pred(30, 33)])
    assert (s.tp, s.fp, s.fn) == (1, 2, 2)
    assert s.precision == pytest.approx(1 / 3)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(1 / 3)


def test_score_spans_disjoint_prediction_scores_zero():
    s = score_spans([gp(0, 4)], [Pred(5, 9)])
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    assert s.precision == s.recall == s.f1 == 0.0


def test_score_spans_empty_prediction_has_zero_recall_and_no_division_error():
    s = score_spans([gp(0, 4), gp(6, 9)], [])
    assert (s.tp, s.fp, s.fn) == (0, 0, 2)
    assert s.precision == s.recall == s.f1 == 0.0


def test_score_spans_empty_gold_makes_every_prediction_a_false_positive():
    s = score_spans([], [Pred(0, 3)])
    assert (s.tp, s.fp, s.fn) == (0, 1, 0)


def test_score_spans_lenient_accepts_overlap_that_strict_rejects():
    gold = [gp(0, 14)]  # "Kursk Oblast"-like span
    pred = [Pred(0, 5)]  # "Kursk" only
    assert score_spans(gold, pred).tp == 0
    assert score_spans(gold, pred, lenient=True).tp == 1


def test_score_spans_lenient_matches_one_to_one():
    gold = [gp(0, 14)]
    s = score_spans(gold, [Pred(0, 5), Pred(6, 14)], lenient=True)
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


def test_score_spans_duplicate_prediction_is_a_false_positive():
    s = score_spans([gp(0, 4)], [Pred(0, 4), Pred(0, 4)])
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)


def test_span_scores_add_pools_counts_over_documents():
    a = score_spans([gp(0, 4)], [Pred(0, 4)])
    b = score_spans([gp(0, 4), gp(5, 8)], [Pred(9, 12)])
    total = a + b
    assert (total.tp, total.fp, total.fn) == (1, 1, 2)
    assert total.precision == pytest.approx(0.5)
    assert total.recall == pytest.approx(1 / 3)


# --- distances and accuracy ---------------------------------------------------------------


def test_haversine_is_zero_for_the_same_point():
    assert haversine_km(*KYIV, *KYIV) == 0.0


def test_haversine_one_degree_of_longitude_on_the_equator_is_about_111_km():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)


def test_haversine_crosses_the_antimeridian_the_short_way():
    assert haversine_km(0, 179, 0, -179) == pytest.approx(222.39, abs=0.01)


def test_haversine_agrees_with_the_ellipsoid_within_half_a_percent():
    from pyproj import Geod

    _, _, metres = Geod(ellps="WGS84").inv(KYIV[1], KYIV[0], KHARKIV[1], KHARKIV[0])
    assert haversine_km(*KYIV, *KHARKIV) == pytest.approx(metres / 1000, rel=0.005)
    assert 400 < haversine_km(*KYIV, *KHARKIV) < 420


def test_accuracy_at_km_counts_matches_within_the_tolerance():
    gold = [gp(0, 4, *KYIV), gp(10, 17, *KHARKIV)]
    pred = [Pred(0, 4, 50.5, 30.6), Pred(10, 17, *KYIV)]  # right, then 410 km off
    assert accuracy_at_km(gold, pred) == 0.5
    assert accuracy_at_km(gold, pred, km=500) == 1.0


def test_accuracy_at_km_is_inclusive_at_the_tolerance():
    gold = [gp(0, 4, 0.0, 0.0)]
    pred = [Pred(0, 4, 0.0, 1.0)]
    d = haversine_km(0, 0, 0, 1)
    assert accuracy_at_km(gold, pred, km=d) == 1.0
    assert accuracy_at_km(gold, pred, km=d - 0.001) == 0.0


def test_accuracy_at_km_counts_an_unresolved_match_as_a_miss():
    gold = [gp(0, 4, *KYIV), gp(10, 17, *KHARKIV)]
    pred = [Pred(0, 4, *KYIV), Pred(10, 17, None, None)]
    assert accuracy_at_km(gold, pred) == 0.5
    assert match_distances(gold, pred) == [0.0, None]


def test_accuracy_at_km_ignores_spans_that_do_not_match_exactly():
    gold = [gp(0, 4, *KYIV), gp(10, 17, *KHARKIV)]
    pred = [Pred(0, 4, *KYIV), Pred(10, 16, 0.0, 0.0)]
    assert accuracy_at_km(gold, pred) == 1.0


def test_accuracy_at_km_is_none_without_any_exact_match():
    assert accuracy_at_km([gp(0, 4, *KYIV)], []) is None
    assert accuracy_at_km([gp(0, 4, *KYIV)], [Pred(1, 4, *KYIV)]) is None


# --- evaluate -----------------------------------------------------------------------------

TEXT = "Shelling hit Kharkiv and Kyiv in March, The New York Times said."


def tiny_doc() -> GoldDoc:
    def place(surface: str, latlon: tuple[float, float]) -> GoldPlace:
        start = TEXT.index(surface)
        return GoldPlace(
            start, start + len(surface), surface, surface, *latlon, PlaceKind.POPULATED_PLACE, "UA"
        )

    return GoldDoc(
        doc_id="t1",
        published=dt.date(2024, 3, 22),
        text=TEXT,
        places=(place("Kharkiv", KHARKIV), place("Kyiv", KYIV)),
        not_places=("March", "The New York Times"),
    )


def toponym(text: str, surface: str, latlon: tuple[float, float] | None, **kw) -> Toponym:
    start = text.index(surface)
    place = None
    if latlon is not None:
        place = Place(
            place_id=f"pt:{surface}",
            name=surface,
            lat=latlon[0],
            lon=latlon[1],
            kind=kw.get("kind", PlaceKind.POPULATED_PLACE),
            country_code=kw.get("cc", "UA"),
        )
    return Toponym(start, start + len(surface), surface, place)


def test_evaluate_scores_a_perfect_parser_as_perfect():
    doc = tiny_doc()
    report = evaluate([doc], lambda text, published: list(doc.places))
    assert report.strict.f1 == report.lenient.f1 == 1.0
    assert report.accuracy == 1.0
    assert report.median_error_km == 0.0
    assert not any(report.errors)


def test_evaluate_passes_text_and_published_date_to_the_parser():
    doc = tiny_doc()
    seen = []
    evaluate([doc], lambda text, published: seen.append((text, published)) or [])
    assert seen == [(TEXT, dt.date(2024, 3, 22))]


def test_evaluate_lists_false_positives_negatives_and_trap_hits():
    doc = tiny_doc()

    def parse(text, published):
        return [
            toponym(text, "Kharkiv", KHARKIV),
            toponym(text, "New York", (40.7, -74.0), cc="US"),
            toponym(text, "March", (45.0, 20.0)),
        ]

    report = evaluate([doc], parse)
    (errs,) = report.errors
    assert [e.surface for e in errs.false_positives] == ["New York", "March"]
    assert [e.surface for e in errs.false_negatives] == ["Kyiv"]
    assert report.trap_hits == 2 and len(errs.trap_hits) == 2
    assert report.strict.precision == pytest.approx(1 / 3)
    assert report.strict.recall == pytest.approx(0.5)


def test_evaluate_reports_misplaced_matches_with_their_error():
    doc = tiny_doc()

    def parse(text, published):
        return [toponym(text, "Kharkiv", KYIV), toponym(text, "Kyiv", None)]

    report = evaluate([doc], parse)
    assert report.matched == 2 and report.resolved == 1 and report.within_km == 0
    assert report.accuracy == 0.0
    misplaced = {e.surface: e.error_km for e in report.errors[0].misplaced}
    assert misplaced["Kyiv"] is None
    assert misplaced["Kharkiv"] == pytest.approx(haversine_km(*KYIV, *KHARKIV))
    assert report.mean_error_km == pytest.approx(haversine_km(*KYIV, *KHARKIV))


def test_evaluate_scores_countries_by_iso_code_unless_asked_for_distance():
    text = "Troops entered Russia."
    start = text.index("Russia")
    gold = GoldPlace(start, start + 6, "Russia", "Russia", 60.0, 100.0, PlaceKind.COUNTRY, "RU")
    doc = GoldDoc("c1", dt.date(2024, 8, 8), text, (gold,))

    def parse(text, published):  # a centroid 300 km from the gold point
        return [toponym(text, "Russia", (62.0, 95.0), kind=PlaceKind.COUNTRY, cc="RU")]

    assert evaluate([doc], parse).accuracy == 1.0
    assert evaluate([doc], parse, countries_by_code=False).accuracy == 0.0


def test_evaluate_breaks_down_recall_and_accuracy_by_kind():
    doc = tiny_doc()
    report = evaluate([doc], lambda text, published: [toponym(text, "Kyiv", KYIV)])
    (kind,) = report.by_kind
    assert kind.kind == "populated_place"
    assert (kind.gold, kind.found, kind.within_km) == (2, 1, 1)
    assert kind.recall == 0.5 and kind.accuracy == 1.0


def test_evaluate_rejects_spans_outside_the_text():
    doc = tiny_doc()
    with pytest.raises(InputError, match="outside"):
        evaluate([doc], lambda text, published: [Pred(0, len(text) + 5, 0.0, 0.0)])


def test_evaluate_rejects_results_without_offsets():
    doc = tiny_doc()
    with pytest.raises(InputError, match="start/end"):
        evaluate([doc], lambda text, published: ["Kyiv"])


def test_report_format_and_dict_carry_the_headline_numbers():
    doc = tiny_doc()
    report = evaluate([doc], lambda text, published: [toponym(text, "Kyiv", KYIV)])
    text = report.format(errors=True)
    assert "strict" in text and "acc@161km" in text and "FN" in text and "Kharkiv" in text
    data = json.loads(json.dumps(report.as_dict()))
    assert data["strict"]["recall"] == 0.5
    assert data["errors"][0]["doc_id"] == "t1"


# --- loading ------------------------------------------------------------------------------


def gold_line(**overrides) -> str:
    raw = {
        "id": "x1",
        "text": "Shelling hit Kyiv.",
        "published": "2024-01-02",
        "places": [
            {"start": 13, "end": 17, "surface": "Kyiv", "name": "Kyiv", "lat": 50.45,
             "lon": 30.52, "kind": "populated_place", "country_code": "UA"}
        ],
        "not_places": [],
    }  # fmt: skip
    raw.update(overrides)
    return json.dumps(raw)


def test_parse_gold_line_builds_typed_records():
    doc = parse_gold_line(gold_line())
    assert doc.published == dt.date(2024, 1, 2)
    assert doc.places[0].kind is PlaceKind.POPULATED_PLACE
    assert doc.text[doc.places[0].start : doc.places[0].end] == "Kyiv"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        (gold_line(published="yesterday"), "YYYY-MM-DD"),
        (gold_line(places=[{"start": 12, "end": 16, "surface": "Kyiv", "name": "Kyiv",
                            "lat": 50.4, "lon": 30.5, "kind": "populated_place"}]),
         "recompute the offsets"),
        (gold_line(places=[{"start": 13, "end": 17, "surface": "Kyiv", "name": "Kyiv",
                            "lat": 95.0, "lon": 30.5, "kind": "populated_place"}]),
         "lat must be"),
        (gold_line(places=[{"start": 13, "end": 17, "surface": "Kyiv", "name": "Kyiv",
                            "lat": 50.4, "lon": 30.5, "kind": "city"}]),
         "kind 'city'"),
        (gold_line(places=[{"start": 13, "end": 17, "surface": "Kyiv"}]), "needs the keys"),
    ],
)  # fmt: skip
def test_parse_gold_line_rejects_malformed_input_with_a_reason(line, message):
    with pytest.raises(InputError, match=message):
        parse_gold_line(line)


def test_load_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line() + "\n\n" + "{oops\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.jsonl:3"):
        load_gold(path)


def test_load_gold_rejects_duplicate_ids(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line() + "\n" + gold_line() + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="twice"):
        load_gold(path)


def test_load_gold_reports_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="Cannot read"):
        load_gold(tmp_path / "absent.jsonl")


# --- the shipped gold set -----------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> tuple[GoldDoc, ...]:
    return load_gold()


def test_gold_file_lives_under_tests_data():
    assert default_gold_path() == ROOT / "tests" / "data" / "geoparse_gold.jsonl"


def test_gold_has_at_least_45_documents_each_with_a_place(gold):
    assert len(gold) >= 45
    assert all(doc.places for doc in gold)


def test_gold_offsets_match_surfaces_in_the_raw_file():
    # Checked on the raw JSON too, so the test does not rely only on the loader's checks.
    for line in default_gold_path().read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        for p in raw["places"]:
            assert raw["text"][p["start"] : p["end"]] == p["surface"], (raw["id"], p)


def test_gold_documents_are_short_paragraphs(gold):
    for doc in gold:
        sentences = len(re.findall(r"[.!?][\"']?(?:\s|$)", doc.text))
        assert 2 <= sentences <= 5, doc.doc_id


def test_gold_spans_never_overlap_a_not_place(gold):
    for doc in gold:
        for a, b in doc.not_place_spans():
            for p in doc.places:
                assert not (p.start < b and a < p.end), (doc.doc_id, p.surface, doc.text[a:b])


def test_gold_not_places_all_occur_in_their_text(gold):
    for doc in gold:
        found = {doc.text[a:b] for a, b in doc.not_place_spans()}
        assert set(doc.not_places) <= found, doc.doc_id


def test_gold_coordinates_and_codes_are_valid(gold):
    for doc in gold:
        for p in doc.places:
            assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180
            assert p.kind is not PlaceKind.POINT
            assert p.country_code is None or re.fullmatch(r"[A-Z]{2}", p.country_code)
            assert p.country_code or p.kind is PlaceKind.REGION  # only seas lack a country


def test_gold_names_one_point_per_canonical_place(gold):
    # The same (name, country, kind) must not drift between documents, except true homonyms
    # (villages sharing a name), which must then be far apart.
    points: dict[tuple[str, str | None, str], set[tuple[float, float]]] = {}
    for doc in gold:
        for p in doc.places:
            points.setdefault((p.name, p.country_code, p.kind.value), set()).add((p.lat, p.lon))
    for key, pts in points.items():
        if len(pts) > 1:
            a, b = sorted(pts)[:2]
            assert haversine_km(*a, *b) > ACC_KM, key


def test_gold_covers_the_required_frontline_towns(gold):
    names = {p.name for doc in gold for p in doc.places if p.kind is PlaceKind.POPULATED_PLACE}
    assert not set(REQUIRED_TOWNS) - names


def test_gold_covers_the_hard_cases(gold):
    surfaces = {p.surface: p for doc in gold for p in doc.places}
    for old, new in [("Kiev", "Kyiv"), ("Kharkov", "Kharkiv"), ("Odessa", "Odesa"),
                     ("Vugledar", "Vuhledar"), ("Artemovsk", "Bakhmut"),
                     ("Nikolaev", "Mykolaiv"), ("Dnepropetrovsk", "Dnipro")]:  # fmt: skip
        assert surfaces[old].name == new
    assert surfaces["Zaporozhye"].name.startswith("Zaporizhzhia")
    assert any(re.search("[А-Яа-яЇїІіЄєҐґ]", s) for s in surfaces)
    assert surfaces["Kursk Oblast"].kind is PlaceKind.ADMIN1
    assert surfaces["Donbas"].kind is PlaceKind.REGION
    texts = "\n".join(doc.text for doc in gold)
    assert "Russia’s" in texts and "Ukraine's" in texts
    homonyms = {}
    for doc in gold:
        for p in doc.places:
            homonyms.setdefault(p.name, set()).add((p.country_code, round(p.lat), round(p.lon)))
    for name in ("Pokrovsk", "Andriivka", "Paris", "Georgia"):
        assert len(homonyms[name]) >= 2, name
    not_places = {s for doc in gold for s in doc.not_places}
    assert {"The New York Times", "Munich Security Conference", "Most", "Nice"} <= not_places


def test_gold_includes_places_outside_ukraine_and_russia(gold):
    elsewhere = [
        doc for doc in gold if any(p.country_code not in {"UA", "RU", None} for p in doc.places)
    ]
    assert len(elsewhere) >= 8


# --- the script ---------------------------------------------------------------------------


def load_script():
    spec = importlib.util.spec_from_file_location(
        "evaluate_geoparse", ROOT / "scripts" / "evaluate_geoparse.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_script_fails_clearly_when_the_geoparser_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "geo.toponyms.geoparse", None)  # makes the import fail
    script = load_script()
    with pytest.raises(SystemExit, match=r"geo\.toponyms\.geoparse"):
        script.main([])


def test_script_prints_the_report_of_the_geoparser(monkeypatch, capsys, tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line() + "\n", encoding="utf-8")
    fake = types.ModuleType("geo.toponyms.geoparse")

    def geoparse(text, *, published=None):
        return [toponym(text, "Kyiv", (50.45, 30.52))] if "Kyiv" in text else []

    fake.geoparse = geoparse
    monkeypatch.setitem(sys.modules, "geo.toponyms.geoparse", fake)
    assert load_script().main(["--gold", str(path), "--errors"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"strict\s+1\.000\s+1\.000\s+1\.000", out)
    assert "acc@161km" in out


def test_script_reports_a_bad_gold_file_as_an_error(capsys, tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("{oops\n", encoding="utf-8")
    assert load_script().main(["--gold", str(path)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
