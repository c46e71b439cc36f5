"""The command line: places, ingest and export, and clear errors with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geo.cli.main import main
from tests.conftest import ROOT


def _run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _valid_feature_collection(doc):
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    for f in doc["features"]:
        lon, lat = f["geometry"]["coordinates"][:2] if f["geometry"]["type"] == "Point" else (0, 0)
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_places_writes_one_point_per_distinct_place(seed_path, tmp_path, capsys):
    out = tmp_path / "places.geojson"
    code, _, err = _run(
        ["places", str(seed_path), "--published", "2024-09-05", "-o", str(out)], capsys
    )
    assert code == 0 and "wrote" in err
    doc = json.loads(out.read_text())
    _valid_feature_collection(doc)
    props = {f["properties"]["name"]: f["properties"] for f in doc["features"]}
    assert props["Ukraine"]["mentions"] > 1 and props["Ukraine"]["kind"] == "country"
    pok = next(f for f in doc["features"] if f["properties"]["name"] == "Pokrovsk")
    lon, lat = pok["geometry"]["coordinates"]
    assert abs(lat - 48.28) < 0.05 and abs(lon - 37.18) < 0.05  # lon, lat order (RFC 7946)
    assert {
        "name",
        "kind",
        "country_code",
        "geonameid",
        "mentions",
        "roles",
        "role_mentions",
        "surface_forms",
        "confidence",
    } <= set(pok["properties"])
    assert len(props) == len(doc["features"])  # distinct places


def test_places_reads_stdin_and_writes_stdout():
    proc = subprocess.run(
        [sys.executable, "-m", "geo", "places", "-"],
        input="Shelling hit Kharkiv.",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert [f["properties"]["name"] for f in doc["features"]] == ["Kharkiv"]


ROLE_TEXT = (
    "Russian forces shelled Pokrovsk on Monday, Kyiv said. "
    "The Kyiv Independent reported that Ukrainians fled Kyiv."
)


def _places(tmp_path, capsys, *extra):
    src = tmp_path / "roles.txt"
    src.write_text(ROLE_TEXT, encoding="utf-8")
    code, out, err = _run(["places", str(src), *extra], capsys)
    assert code == 0, err
    doc = json.loads(out)
    _valid_feature_collection(doc)
    return {f["properties"]["name"]: f["properties"] for f in doc["features"]}


def test_places_by_default_makes_features_of_literal_and_metonymic_names(tmp_path, capsys):
    props = _places(tmp_path, capsys)
    # "Russian forces" and "Ukrainians" name people and armies, not places on the map.
    assert set(props) == {"Pokrovsk", "Kyiv"}
    kyiv = props["Kyiv"]
    assert kyiv["mentions"] == 2  # not the "Kyiv" inside "Kyiv Independent"
    assert kyiv["roles"] == ["literal", "metonymic"]
    assert kyiv["role_mentions"] == {"literal": 1, "metonymic": 1}
    assert props["Pokrovsk"]["roles"] == ["literal"]


def test_places_role_all_exposes_every_toponym_with_its_role(tmp_path, capsys):
    props = _places(tmp_path, capsys, "--role", "all")
    assert set(props) == {"Russia", "Pokrovsk", "Kyiv", "Ukraine"}
    assert props["Russia"]["role_mentions"] == {"adjectival": 1}
    assert props["Ukraine"]["role_mentions"] == {"demonym": 1}
    assert props["Kyiv"]["role_mentions"] == {"literal": 1, "metonymic": 1, "embedded": 1}
    assert props["Kyiv"]["mentions"] == 3


def test_places_role_list_chooses_which_roles_become_features(tmp_path, capsys):
    props = _places(tmp_path, capsys, "--role", "adjectival, Demonym")
    assert {name: p["roles"] for name, p in props.items()} == {
        "Russia": ["adjectival"],
        "Ukraine": ["demonym"],
    }


@pytest.mark.parametrize("value", ["literal,bogus", "", ","])
def test_places_bad_role_is_one_clear_line_and_exit_code_2(value, tmp_path, capsys):
    out = tmp_path / "places.geojson"
    code, stdout, err = _run(["places", "-", "--role", value, "-o", str(out)], capsys)
    assert code == 2 and stdout == "" and not out.exists()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "role" in lines[0] and "literal, metonymic" in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["places", "/no/such/file.txt"], "does not exist"),
        (["places", "{empty}"], "empty"),
        (["places", "{dir}"], "folder"),
        (["ingest", "/no/such/file.txt", "--store", "{store}"], "no such file"),
        (
            [
                "export",
                "events",
                "--start",
                "2024-09-30",
                "--end",
                "2024-08-01",
                "--store",
                "{store}",
                "-o",
                "{dir}/x.geojson",
            ],
            "after",
        ),
        (
            ["export", "events", "--store", "{store}", "-o", "/no/such/folder/x.geojson"],
            "does not exist",
        ),
    ],
)
def test_bad_input_gets_one_clear_line_and_exit_code_2(argv, message, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    argv = [a.format(empty=empty, dir=tmp_path, store=tmp_path / "store") for a in argv]
    code, _, err = _run(argv, capsys)
    assert code == 2
    assert message in err and "Traceback" not in err


def test_bad_date_is_a_usage_error_without_traceback(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["places", "-", "--published", "2024-13-01"])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_ingest_then_export_filters_events_by_date(seed_path, store_location, tmp_path, capsys):
    store = store_location  # a folder, then a postgresql:// URL
    code, out, _ = _run(["ingest", str(seed_path), "--store", store], capsys)
    assert code == 0 and out.startswith("added")
    code, out, _ = _run(["ingest", str(seed_path), "--store", store], capsys)
    assert code == 0 and out.startswith("present")
    target = tmp_path / "events.geojson"
    code, _, _ = _run(
        [
            "export",
            "events",
            "--start",
            "2024-08-01",
            "--end",
            "2024-09-30",
            "--store",
            store,
            "-o",
            str(target),
        ],
        capsys,
    )
    assert code == 0
    doc = json.loads(target.read_text())
    _valid_feature_collection(doc)
    kinds = {(f["properties"]["event_type"], f["properties"]["location"]) for f in doc["features"]}
    assert ("offensive", "Kursk Oblast") in kinds and ("evacuation", "Pokrovsk") in kinds
    assert ("statement", "Vladivostok") in kinds
    assert not any(loc == "Istanbul" for _, loc in kinds)


@pytest.mark.parametrize("fmt", ["gpkg", "csv"])
def test_export_other_formats(seed_path, tmp_path, capsys, fmt):
    store = str(tmp_path / "store")
    _run(["ingest", str(seed_path), "--store", store], capsys)
    target = tmp_path / f"places.{fmt}"
    code, _, err = _run(["export", "places", "--store", store, "-o", str(target)], capsys)
    assert code == 0 and fmt in err and target.stat().st_size > 0


def test_ingest_with_two_jobs_stores_what_one_job_stores_and_shows_the_rate(tmp_path, capsys):
    samples = ROOT / "data" / "samples"
    one, two = str(tmp_path / "one"), str(tmp_path / "two")
    code, out_one, _ = _run(["ingest", str(samples), "--store", one, "--jobs", "1"], capsys)
    assert code == 0
    code, out_two, err = _run(["ingest", str(samples), "--store", two, "--jobs", "2"], capsys)
    assert code == 0 and out_two == out_one
    assert "[15/15]" in err and "articles/s" in err


def test_ingest_refuses_zero_jobs_with_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["ingest", str(tmp_path), "--jobs", "0"])
    assert exit_.value.code == 2
    assert "not a number of processes" in capsys.readouterr().err


def test_ingest_takes_article_and_feed_urls_and_reports_each_failure(site, tmp_path, capsys):
    # Only the test's own server on 127.0.0.1 is asked.
    store = str(tmp_path / "store")
    argv = ["ingest", site.url("/news/page.html"), site.url("/feed.xml")]
    argv += [site.url("/missing.html"), site.url("/report.pdf")]
    code, out, err = _run([*argv, "--store", store, "--delay", "0", "--timeout", "1"], capsys)
    assert code == 2  # something was refused
    added = [line for line in out.splitlines() if line.startswith("added")]
    assert [line.split()[1].rstrip(":") for line in added] == [
        site.url("/news/page.html"),
        site.url("/news/sumy.html"),
        site.url("/news/kherson.html"),
    ]
    errors = [line for line in err.splitlines() if line.startswith("error")]
    assert len(errors) == 2
    assert "HTTP 404" in errors[0] and "application/pdf" in errors[1]
    assert "3 added, 0 already present, 2 refused" in err


def test_ingest_refuses_a_negative_delay(tmp_path, capsys):
    code, _, err = _run(["ingest", "https://example.org/a", "--delay", "-1"], capsys)
    assert code == 2 and "--delay" in err


def test_export_events_in_acleds_layout(seed_path, tmp_path, capsys):
    import csv

    store = str(tmp_path / "store")
    _run(["ingest", str(seed_path), "--store", store], capsys)
    target = tmp_path / "events.csv"
    code, _, err = _run(
        ["export", "events", "--format", "acled", "--store", store, "-o", str(target)], capsys
    )
    assert code == 0 and "acled" in err
    with target.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == [
        "event_date", "event_type", "sub_event_type", "admin1", "location", "latitude",
        "longitude", "geo_precision", "time_precision", "fatalities", "source", "notes",
    ]  # fmt: skip
    pokrovsk = next(r for r in rows if r["location"] == "Pokrovsk")
    assert (pokrovsk["event_type"], pokrovsk["sub_event_type"]) == (
        "Strategic developments",
        "Evacuation",
    )
    assert pokrovsk["geo_precision"] == "1" and pokrovsk["fatalities"].isdigit()
    assert all(r["notes"] and r["event_date"][:2] == "20" for r in rows)


def test_acled_layout_of_places_is_a_usage_error(seed_path, tmp_path, capsys):
    store = str(tmp_path / "store")
    _run(["ingest", str(seed_path), "--store", store], capsys)
    target = tmp_path / "places.csv"
    code, _, err = _run(
        ["export", "places", "--format", "acled", "--store", store, "-o", str(target)], capsys
    )
    assert code == 2 and "events and evacuations" in err and not target.exists()
