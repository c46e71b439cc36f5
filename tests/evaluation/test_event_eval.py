from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, replace

import pytest

from evaluation.events import dates_overlap, event_matches, haversine_km, score
from evaluation.events_gold import GoldDoc, GoldEvent, default_gold_path, load_gold, parse_gold_line
from geo.config import data_dir
from geo.errors import InputError
from geo.records import DatePrecision, EventType, GeoPrecision

D = dt.date


@dataclass(frozen=True)
class P:
    lat: float
    lon: float
    admin1_code: str | None = None
    name: str = ""


@dataclass(frozen=True)
class Pred:
    event_type: str
    place: P
    date_start: dt.date
    date_end: dt.date
    people: int | None = None
    children: int | None = None


POKROVSK = P(48.28014, 37.17706, "UA.05", "Pokrovsk")
MYRNOHRAD = P(48.3099, 37.26513, "UA.05", "Myrnohrad")  # ~7 km from Pokrovsk
KRAMATORSK = P(48.73106, 37.56779, "UA.05", "Kramatorsk")  # ~58 km from Pokrovsk
KHARKIV = P(49.98177, 36.25475, "UA.07", "Kharkiv")
KYIV = P(50.45466, 30.5238, "UA.12", "Kyiv")

EVAC = GoldEvent(
    event_type=EventType.EVACUATION,
    place="Pokrovsk",
    lat=POKROVSK.lat,
    lon=POKROVSK.lon,
    date_start=D(2024, 8, 19),
    date_end=D(2024, 8, 19),
    date_precision=DatePrecision.DAY,
    sentence="About 300 residents left Pokrovsk on Monday.",
    admin1_code="UA.05",
    people=300,
)
ATTACK = GoldEvent(
    event_type=EventType.ATTACK,
    place="Kharkiv",
    lat=KHARKIV.lat,
    lon=KHARKIV.lon,
    date_start=D(2024, 8, 18),
    date_end=D(2024, 8, 19),
    date_precision=DatePrecision.RANGE,
    sentence="Drones hit Kharkiv overnight.",
)
OBLAST = GoldEvent(
    event_type=EventType.ADVANCE,
    place="Donetsk Oblast",
    lat=48.0452,
    lon=37.6666,
    date_start=D(2024, 8, 12),
    date_end=D(2024, 8, 18),
    date_precision=DatePrecision.WEEK,
    sentence="Russian forces gained ground in Donetsk Oblast last week.",
    geo_precision=GeoPrecision.ADMIN1,
    admin1_code="UA.05",
)
PUB = D(2024, 8, 20)


def doc(*events: GoldEvent, doc_id: str = "t1") -> GoldDoc:
    return GoldDoc(doc_id, PUB, " ".join(e.sentence for e in events) or "Nothing.", events)


def as_pred(g: GoldEvent, place: P | None = None, **changes) -> Pred:
    base = Pred(
        g.event_type.value,
        place or P(g.lat, g.lon, g.admin1_code),
        g.date_start,
        g.date_end,
        g.people,
        g.children,
    )
    return replace(base, **changes)


def fixed(preds_by_text: dict[str, list[Pred]]):
    def extract(text: str, published: dt.date) -> list[Pred]:
        assert published == PUB
        return preds_by_text.get(text, [])

    return extract


# --- scorer on synthetic data -----------------------------------------------------------------


def test_perfect_extractor_scores_one_everywhere():
    d = doc(EVAC, ATTACK)
    report = score([d], fixed({d.text: [as_pred(ATTACK), as_pred(EVAC)]}))
    assert (report.gold, report.predicted, report.matched) == (2, 2, 2)
    assert report.precision == report.recall == report.f1 == 1.0
    assert report.date_accuracy == 1.0
    assert (report.figures_checked, report.figures_exact) == (1, 1)
    assert not report.missed and not report.spurious


def test_wrong_type_is_both_a_miss_and_a_spurious_event():
    d = doc(EVAC)
    report = score([d], fixed({d.text: [as_pred(EVAC, event_type="displacement")]}))
    assert report.matched == 0
    assert report.precision == 0.0 and report.recall == 0.0 and report.f1 == 0.0
    assert [m.event_type for m in report.missed] == ["evacuation"]
    assert [m.event_type for m in report.spurious] == ["displacement"]


def test_place_within_50_km_matches_but_farther_does_not():
    d = doc(EVAC)
    near = score([d], fixed({d.text: [as_pred(EVAC, MYRNOHRAD)]}))
    far = score([d], fixed({d.text: [as_pred(EVAC, KRAMATORSK)]}))
    assert near.matched == 1
    assert far.matched == 0 and far.recall == 0.0


def test_admin1_gold_matches_any_place_in_the_same_oblast():
    d = doc(OBLAST)
    in_oblast = score([d], fixed({d.text: [as_pred(OBLAST, KRAMATORSK)]}))
    elsewhere = score([d], fixed({d.text: [as_pred(OBLAST, KHARKIV)]}))
    assert haversine_km(OBLAST.lat, OBLAST.lon, KRAMATORSK.lat, KRAMATORSK.lon) > 50
    assert in_oblast.matched == 1
    assert elsewhere.matched == 0


def test_settlement_gold_does_not_accept_same_oblast_far_away():
    assert not event_matches(EVAC, as_pred(EVAC, KRAMATORSK))


def test_non_overlapping_dates_do_not_match_but_overlapping_ones_do():
    d = doc(ATTACK)
    day_after = score([d], fixed({d.text: [as_pred(ATTACK, date_start=PUB, date_end=PUB)]}))
    inside = D(2024, 8, 19)
    overlap = score([d], fixed({d.text: [as_pred(ATTACK, date_start=inside, date_end=inside)]}))
    assert day_after.matched == 0
    assert overlap.matched == 1
    assert overlap.dates_exact == 0 and overlap.date_accuracy == 0.0


def test_figures_are_checked_among_matches():
    d = doc(EVAC)
    wrong = score([d], fixed({d.text: [as_pred(EVAC, people=3000)]}))
    assert wrong.matched == 1
    assert (wrong.figures_checked, wrong.figures_exact) == (1, 0)
    assert wrong.figure_accuracy == 0.0


def test_invented_figures_on_a_figureless_event_count_as_wrong():
    d = doc(ATTACK)
    report = score([d], fixed({d.text: [as_pred(ATTACK, people=12)]}))
    assert (report.figures_checked, report.figures_exact) == (1, 0)


def test_empty_gold_and_no_predictions_is_perfect_but_predictions_are_spurious():
    d = doc()
    quiet = score([d], fixed({}))
    noisy = score([d], fixed({d.text: [as_pred(ATTACK)]}))
    assert (quiet.gold, quiet.predicted, quiet.matched) == (0, 0, 0)
    assert quiet.precision == quiet.recall == 1.0
    assert noisy.precision == 0.0 and len(noisy.spurious) == 1


def test_no_documents_gives_an_empty_report():
    report = score([], fixed({}))
    assert report.docs == 0 and report.gold == 0 and report.predicted == 0


def test_one_prediction_matches_at_most_one_gold_event():
    second = replace(EVAC, sentence="More people left Pokrovsk on Monday.", people=None)
    d = doc(EVAC, second)
    report = score([d], fixed({d.text: [as_pred(EVAC)]}))
    assert report.matched == 1 and len(report.missed) == 1


def test_matching_is_maximal_not_greedy():
    # The wide prediction is the first gold event's best partner (exact dates) and the second's
    # only one; the narrow prediction fits only the first. Greedy pairing strands the second.
    first = replace(ATTACK, date_start=D(2024, 8, 18), date_end=D(2024, 8, 19))
    second = replace(ATTACK, date_start=D(2024, 8, 19), date_end=D(2024, 8, 19), sentence="X.")
    wide = as_pred(first)
    narrow = as_pred(first, date_start=D(2024, 8, 18), date_end=D(2024, 8, 18))
    d = doc(first, second)
    report = score([d], fixed({d.text: [wide, narrow]}))
    assert report.matched == 2


def test_per_type_counts_cover_the_whole_vocabulary():
    d = doc(EVAC, ATTACK)
    report = score([d], fixed({d.text: [as_pred(EVAC), as_pred(ATTACK, KYIV)]}))
    by_type = {t.event_type: t for t in report.per_type}
    assert set(by_type) >= {t.value for t in EventType}
    assert (by_type["evacuation"].gold, by_type["evacuation"].matched) == (1, 1)
    assert (by_type["attack"].predicted, by_type["attack"].matched) == (1, 0)
    assert by_type["attack"].recall == 0.0
    assert by_type["statement"].gold == 0


def test_report_formats_and_serialises():
    d = doc(EVAC)
    report = score([d], fixed({d.text: [as_pred(EVAC, KYIV)]}))
    text = report.format(details=True)
    assert "precision 0.000" in text and "missed (1)" in text and "Pokrovsk" in text
    assert json.loads(json.dumps(report.as_dict()))["spurious"][0]["event_type"] == "evacuation"


def test_records_event_fits_the_extractor_contract():
    from geo.records import Event, Place, PlaceKind

    place = Place("gn:704422", "Pokrovsk", POKROVSK.lat, POKROVSK.lon, PlaceKind.POPULATED_PLACE)
    ev = Event(
        event_id="x",
        article_id="a",
        event_type=EventType.EVACUATION,
        place=place,
        surface="Pokrovsk",
        date_start=EVAC.date_start,
        date_end=EVAC.date_end,
        date_precision=DatePrecision.DAY,
        geo_precision=GeoPrecision.SETTLEMENT,
        quote=EVAC.sentence,
        people=300,
    )
    report = score([doc(EVAC)], lambda text, published: [ev])
    assert report.matched == 1 and report.figures_exact == 1


def test_dates_overlap_is_inclusive():
    a, b = D(2024, 8, 1), D(2024, 8, 31)
    assert dates_overlap(a, b, b, b)
    assert not dates_overlap(a, b, D(2024, 9, 1), D(2024, 9, 2))


def test_haversine_known_distance():
    # Kyiv to Kharkiv is about 410 km by great circle.
    assert 400 < haversine_km(KYIV.lat, KYIV.lon, KHARKIV.lat, KHARKIV.lon) < 420


# --- loader errors ------------------------------------------------------------------------------


GOOD = {
    "id": "x1",
    "published": "2024-08-20",
    "text": "Drones hit Kharkiv overnight.",
    "events": [
        {
            "type": "attack",
            "place": "Kharkiv",
            "lat": 49.98,
            "lon": 36.25,
            "date_start": "2024-08-19",
            "date_end": "2024-08-20",
            "date_precision": "range",
            "people": None,
            "children": None,
            "sentence": "Drones hit Kharkiv overnight.",
        }
    ],
}


def bad(**event_changes) -> str:
    raw = json.loads(json.dumps(GOOD))
    raw["events"][0].update(event_changes)
    return json.dumps(raw)


def test_parse_gold_line_reads_a_valid_line():
    d = parse_gold_line(json.dumps(GOOD))
    assert d.published == D(2024, 8, 20)
    assert d.events[0].event_type is EventType.ATTACK
    assert d.events[0].geo_precision is GeoPrecision.SETTLEMENT


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("{not json", "not valid JSON"),
        (bad(type="battle"), "type 'battle'"),
        (bad(date_start="2024-08-21"), "after date_end"),
        (bad(date_end="2024-02-30"), "YYYY-MM-DD"),
        (bad(sentence="Missiles hit Odesa."), "verbatim"),
        (bad(people=-5), "non-negative"),
        (bad(lat=123.0), "WGS 84"),
        (bad(geo_precision="admin1"), "admin1 code"),
    ],
)
def test_parse_gold_line_rejects_bad_input_with_a_clear_error(line, words):
    with pytest.raises(InputError, match=words):
        parse_gold_line(line)


def test_load_gold_rejects_duplicate_ids(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="duplicate"):
        load_gold(path)


def test_load_gold_missing_file_says_so(tmp_path):
    with pytest.raises(InputError, match="Cannot read gold file"):
        load_gold(tmp_path / "absent.jsonl")


# --- the shipped gold file ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def raw_gold() -> list[dict]:
    lines = default_gold_path().read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_gold_file_has_at_least_30_documents_with_unique_ids(raw_gold):
    ids = [d["id"] for d in raw_gold]
    assert len(ids) >= 30
    assert len(set(ids)) == len(ids)


def test_gold_sentences_are_verbatim_parts_of_their_text(raw_gold):
    for d in raw_gold:
        for e in d["events"]:
            assert e["sentence"] in d["text"], (d["id"], e["sentence"])


def test_gold_dates_are_valid_ordered_and_not_after_publication(raw_gold):
    for d in raw_gold:
        published = D.fromisoformat(d["published"])
        for e in d["events"]:
            start, end = D.fromisoformat(e["date_start"]), D.fromisoformat(e["date_end"])
            assert start <= end <= published, d["id"]
            assert e["date_precision"] in {p.value for p in DatePrecision}


def test_gold_types_are_in_the_vocabulary_and_each_appears_three_times(raw_gold):
    counts = Counter(e["type"] for d in raw_gold for e in d["events"])
    assert set(counts) <= {t.value for t in EventType}
    for t in EventType:
        assert counts[t.value] >= 3, t


def test_gold_has_paragraphs_without_events(raw_gold):
    assert sum(1 for d in raw_gold if not d["events"]) >= 3


def test_gold_figures_only_on_evacuation_and_displacement(raw_gold):
    figured = {
        e["type"]
        for d in raw_gold
        for e in d["events"]
        if e["people"] is not None or e["children"] is not None
    }
    assert figured == {"evacuation", "displacement"}


def test_gold_oblast_events_carry_their_admin1_code(raw_gold):
    oblast = [e for d in raw_gold for e in d["events"] if e.get("geo_precision") == "admin1"]
    assert oblast
    assert all(e["admin1"] and e["place"].endswith("Oblast") for e in oblast)


def test_gold_file_loads_through_the_validating_loader(raw_gold):
    docs = load_gold()
    assert len(docs) == len(raw_gold)
    assert sum(len(d.events) for d in docs) == sum(len(d["events"]) for d in raw_gold)


# --- the shipped sample corpus (data/samples) ---------------------------------------------------
# Checked here because the samples are the demo input the event pipeline is scored on by eye.

SAMPLES = data_dir() / "samples"
FRONT = re.compile(
    r"\A---\ntitle: (?P<title>[^\n]+)\npublished: (?P<published>\d{4}-\d{2}-\d{2})\n"
    r"source: Illustrative sample written for this project\n---\n(?P<body>.+)\Z",
    re.S,
)


def sample_files() -> list:
    return sorted(p for p in SAMPLES.glob("*.md") if p.name != "README.md")


def test_samples_have_the_exact_front_matter_and_a_short_body():
    files = sample_files()
    assert len(files) >= 10
    for path in files:
        m = FRONT.match(path.read_text(encoding="utf-8"))
        assert m, f"{path.name}: front matter is not in the documented form"
        D.fromisoformat(m["published"])
        assert 80 <= len(m["body"].split()) <= 200, path.name


def test_samples_span_the_war_from_2022_to_2025_and_are_listed_in_the_readme():
    files = sample_files()
    dates = sorted(D.fromisoformat(FRONT.match(p.read_text("utf-8"))["published"]) for p in files)
    assert dates[0] <= D(2022, 3, 31) and dates[-1] >= D(2025, 1, 1)
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "MIT" in readme and "illustrative" in readme.lower()
    for p in files:
        assert p.name in readme, p.name
