"""The pages' pure tables, charts and marked-up text: built from plain data, no Streamlit."""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from geo.records import Candidate, Place, PlaceKind, Toponym, ToponymRole
from tests.conftest import ROOT

TABLES = ROOT / "ui" / "tables.py"


def _load_tables():
    # By path: importing ``ui.tables`` would first run ui/__init__.py, the Streamlit glue.
    spec = importlib.util.spec_from_file_location("ui_tables_under_test", TABLES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tables = _load_tables()

KHARKIV = Place(
    "gn:706483",
    "Kharkiv",
    49.9935,
    36.2304,
    PlaceKind.POPULATED_PLACE,
    country_code="UA",
    admin1_name="Kharkiv Oblast",
    population=1430885,
)


def _events(rows):
    base = {
        "event_type": "evacuation",
        "location": "Pokrovsk",
        "admin1": "Donetsk Oblast",
        "people": 100,
        "children": None,
        "quote": "A train left.",
        "source": "a.txt",
    }
    frame = pd.DataFrame([{**base, **r} for r in rows])
    return gpd.GeoDataFrame(frame, geometry=[Point(37.18, 48.28)] * len(frame), crs="EPSG:4326")


def test_ui_tables_loads_without_streamlit():
    code = (
        "import importlib.util, sys; "
        f"spec = importlib.util.spec_from_file_location('t', {str(TABLES)!r}); "
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); "
        "import geopandas, altair; "
        "print('streamlit' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"


def test_events_table_shows_a_date_span_and_sorts_by_date():
    events = _events(
        [
            {"event_id": "b", "date_start": dt.date(2024, 8, 3), "date_end": dt.date(2024, 8, 3)},
            {"event_id": "a", "date_start": dt.date(2024, 8, 1), "date_end": dt.date(2024, 8, 2)},
        ]
    )
    table = tables.events_table(events)
    assert list(table["date"]) == ["2024-08-01 – 2024-08-02", "2024-08-03"]
    assert list(table.columns) == [c for c in tables.EVENT_COLUMNS if c != "km_to_front"]


def test_events_table_shows_status_with_claimant_and_casualties():
    events = _events(
        [
            {"event_id": "a", "date_start": dt.date(2024, 8, 1), "date_end": dt.date(2024, 8, 1),
             "status": "claimed", "claimed_by": "the governor", "killed": 2, "injured": 5},
            {"event_id": "b", "date_start": dt.date(2024, 8, 2), "date_end": dt.date(2024, 8, 2),
             "status": "attempted", "claimed_by": None, "killed": None, "injured": 0},
            {"event_id": "c", "date_start": dt.date(2024, 8, 3), "date_end": dt.date(2024, 8, 3),
             "status": "happened", "claimed_by": None, "killed": None, "injured": None},
        ]
    )  # fmt: skip
    events["killed"] = events["killed"].astype("Int64")
    events["injured"] = events["injured"].astype("Int64")
    table = tables.events_table(events)
    assert table["status"].tolist() == ["claimed by the governor", "attempted", "happened"]
    assert table["killed"].tolist()[0] == 2 and pd.isna(table["killed"].tolist()[1])
    assert table["injured"].tolist()[:2] == [5, 0]
    evac = tables.evacuations_table(events, km_to_front={"a": 3.0})
    assert {"status", "killed", "injured", "km_to_front"} <= set(evac.columns)


def test_an_empty_layer_gives_an_empty_table_with_the_columns():
    empty = tables.events_table(gpd.GeoDataFrame())
    assert empty.empty and "quote" in empty.columns and "km_to_front" not in empty.columns


def test_evacuations_table_adds_distances_only_when_measured():
    evac = _events(
        [
            {"event_id": "e2", "date_start": dt.date(2024, 8, 5), "date_end": dt.date(2024, 8, 5)},
            {"event_id": "e1", "date_start": dt.date(2024, 8, 1), "date_end": dt.date(2024, 8, 1)},
        ]
    )
    assert "km_to_front" not in tables.evacuations_table(evac)
    table = tables.evacuations_table(evac, km_to_front={"e1": 12.5, "e2": None})
    assert list(table.columns[:4]) == ["date", "type", "place", "km_to_front"]
    # rows are sorted by date, and each distance stays with its own event
    assert table["km_to_front"].tolist()[0] == 12.5 and pd.isna(table["km_to_front"].tolist()[1])


def test_near_front_summary_totals_reach_50_km_whatever_is_shown():
    near = pd.DataFrame(
        {
            "name": ["A", "B", "C"],
            "admin1_code": ["UA.05"] * 3,
            "distance_km": [3.0, 20.0, 45.0],
            "population": [1000, 200, None],
        }
    )
    shown, totals = tables.near_front_summary(near, 10)
    assert list(shown["name"]) == ["A"]
    assert totals == {10: 1000, 25: 1200, 50: 1200}
    empty, none = tables.near_front_summary(None, 10)
    assert empty.empty and none == {}


def test_timeline_chart_colours_event_types_like_the_map():
    from geo.maps.style import legend_items

    events = _events(
        [{"event_id": "a", "date_start": dt.date(2024, 8, 1), "date_end": dt.date(2024, 8, 1)}]
    )
    spec = tables.timeline_chart(
        events, start=dt.date(2024, 8, 1), end=dt.date(2024, 8, 31)
    ).to_dict()
    scale = spec["encoding"]["color"]["scale"]
    assert scale["range"] == [i.colour for i in legend_items()]
    assert spec["encoding"]["x"]["timeUnit"] == "yearmonthdate"  # a month: one bar per day


def test_area_chart_draws_one_series_per_source_and_class():
    areas = pd.DataFrame(
        {
            "date": [dt.date(2024, 8, 1), dt.date(2024, 9, 1)],
            "source": ["deepstate", "deepstate"],
            "class": ["occupied", "occupied"],
            "area_km2": [100.0, 120.0],
        }
    )
    spec = tables.area_chart(areas).to_dict()
    assert spec["encoding"]["color"]["field"] == "series"
    assert "series" not in areas  # the caller's frame is left as it was


def test_mentions_table_and_labels_describe_each_mention():
    tops = [
        Toponym(
            0, 7, "Kharkiv", KHARKIV, confidence=0.9, candidates=(Candidate(KHARKIV, 1.0, "name"),)
        ),
        Toponym(12, 17, "Nowhere", None),
    ]
    table = tables.mentions_table(tops)
    assert table["place"].tolist()[0] == "Kharkiv" and pd.isna(table["place"].tolist()[1])
    assert tables.mention_label(tops[0]) == "“Kharkiv” at 0 → Kharkiv, UA"
    assert tables.mention_label(tops[1]) == "“Nowhere” at 12 → unresolved"
    label = tables.candidate_label(tops[0].candidates[0])
    assert label.startswith("Kharkiv · populated place · Kharkiv Oblast · UA · pop 1,430,885")


def test_highlighted_marks_places_and_escapes_everything_else():
    text = "Kharkiv <b>and</b> Nowhere"
    tops = [Toponym(0, 7, "Kharkiv", KHARKIV), Toponym(19, 26, "Nowhere", None)]
    out = tables.highlighted(text, tops, selected=1)
    assert "&lt;b&gt;and&lt;/b&gt;" in out and "<b>" not in out
    assert out.count("<mark") == 2
    assert 'background:#ffd54f;padding:0 2px" title="unresolved">Nowhere</mark>' in out


def test_mentions_table_has_a_role_column():
    tops = [
        Toponym(0, 7, "Kharkiv", KHARKIV),
        Toponym(8, 15, "Kharkiv", KHARKIV, role=ToponymRole.EMBEDDED),
    ]
    table = tables.mentions_table(tops)
    assert list(table.columns[:3]) == ["mention", "offset", "role"]
    assert table["role"].tolist() == ["literal", "embedded"]


def test_highlighted_marks_names_that_are_not_places_differently_and_names_the_role():
    text = "Kharkiv said Kharkiv Tractor Plant was hit in Kharkiv."
    tops = [
        Toponym(0, 7, "Kharkiv", KHARKIV, role=ToponymRole.METONYMIC),
        Toponym(13, 20, "Kharkiv", KHARKIV, role=ToponymRole.EMBEDDED),
        Toponym(46, 53, "Kharkiv", KHARKIV),
    ]
    marks = tables.highlighted(text, tops).split("<mark")[1:]
    assert "background:#e3ecf7" in marks[0] and "· metonymic" in marks[0]
    assert "dotted" in marks[1] and "#e3ecf7" not in marks[1] and "· embedded" in marks[1]
    assert "background:#e3ecf7" in marks[2] and "·" not in marks[2]  # literal: the plain case
    # picked for correction, a non-place name is lit like any other
    assert "background:#ffd54f" in tables.highlighted(text, tops, selected=1).split("<mark")[2]


def test_near_front_table_names_oblasts_instead_of_codes():
    near = pd.DataFrame(
        {"name": ["A", "B"], "admin1_code": ["UA.05", None], "distance_km": [3.0, 4.0]}
        | {"population": [1000, None]}
    )
    shown, _ = tables.near_front_summary(near, 10, oblast_names={"UA.05": "Donetsk Oblast"})
    assert list(shown.columns) == ["name", "oblast", "distance_km", "population"]
    assert list(shown["oblast"]) == ["Donetsk Oblast", ""]


def test_change_table_drops_the_all_zero_row_of_no_oblast():
    change = pd.DataFrame(
        {
            "source": ["ds"] * 3,
            "class": ["occupied"] * 3,
            "admin1_code": ["UA.05", None, None],
            "admin1_name": ["Donetsk Oblast", None, None],
            "gained_km2": [12.5, 0.0, 3.0],
            "lost_km2": [1.0, 0.0, 0.0],
        }
    )
    table = tables.change_table(change)
    assert list(table["oblast"]) == ["Donetsk Oblast", "outside the oblasts"]
    assert "None" not in table.astype(str).to_numpy().ravel().tolist()


def test_tables_show_blank_cells_not_none_for_what_is_not_reported():
    events = _events(
        [
            {"event_id": "a", "date_start": "2024-08-01", "date_end": "2024-08-01"},
            {"event_id": "b", "date_start": "2024-08-02", "date_end": "2024-08-02"}
            | {"people": None, "admin1": None, "children": 1200},
        ]
    )
    shown = tables.blank_missing(tables.events_table(events))
    assert list(shown["people"]) == ["100", ""] and list(shown["children"]) == ["", "1,200"]
    assert list(shown["admin1"]) == ["Donetsk Oblast", ""]
    cells = shown.astype(str).to_numpy().ravel().tolist()
    assert "None" not in cells and "nan" not in cells and "<NA>" not in cells


def test_timeline_ticks_are_whole_events():
    events = _events(
        [{"event_id": "a", "date_start": dt.date(2024, 8, 1), "date_end": dt.date(2024, 8, 1)}]
    )
    spec = tables.timeline_chart(
        events, start=dt.date(2024, 8, 1), end=dt.date(2024, 8, 31)
    ).to_dict()
    axis = spec["encoding"]["y"]["axis"]
    assert axis["tickMinStep"] == 1 and axis["format"] == "d"


def test_mentions_table_has_an_oblast_column():
    tops = [Toponym(0, 7, "Kharkiv", KHARKIV, 0.9), Toponym(9, 12, "Xyz", None)]
    table = tables.mentions_table(tops)
    assert table["oblast"].iloc[0] == "Kharkiv Oblast" and pd.isna(table["oblast"].iloc[1])
    assert list(tables.blank_missing(table)["oblast"]) == ["Kharkiv Oblast", ""]


def test_within_keeps_the_events_in_the_map_view_and_their_index():
    from ui.tables import within

    events = gpd.GeoDataFrame(
        {"event_id": ["in", "north", "east"]},
        geometry=[Point(37.2, 48.3), Point(37.2, 52.0), Point(41.0, 48.3)],
        crs="EPSG:4326",
        index=[5, 6, 7],
    )
    kept = within(events, (47.0, 36.0, 49.0, 38.0))  # south, west, north, east
    assert kept["event_id"].tolist() == ["in"] and kept.index.tolist() == [5]
    assert within(events, None) is events  # before the map reports its view: everything
