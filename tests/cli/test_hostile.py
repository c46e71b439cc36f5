"""Hostile inputs of our own, one per kind: each is refused in one line, exit code 2.

Named pipes, devices, folders, overlong names, zip bombs, NaN coordinates, an SQLite file
that is no GeoPackage, white space that looks binary: no traceback, no hang, no change to the
store (its files are byte-identical afterwards), and little memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from geo.cli.main import main
from geo.pipeline import Pasted, ingest
from tests.conftest import ROOT, TEST_DATA

SNAPSHOT = TEST_DATA / "frontline" / "deepstate_style_20240301.geojson"
MEMORY_LIMIT_KB = 500_000  # the bound for any refused input


def _polygon_geojson(bad: str) -> str:
    ring = f"[[37, 48], [{bad}, 48], [38, 49], [37, 48]]"
    return (
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
        '{"date": "2024-08-01", "class": "occupied"}, "geometry": {"type": "Polygon", '
        f'"coordinates": [{ring}]}}}}]}}'
    )


def _zeros_zip(path: Path, member: str, size: int) -> Path:
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
        zf.open(member, "w", force_zip64=True) as fh,
    ):
        chunk = b"\0" * (1 << 22)
        for _ in range(size // len(chunk)):
            fh.write(chunk)
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, gazetteer) -> dict[str, Path]:
    """A store with one article and one snapshot, and a folder of hostile files."""
    import sqlite3

    from geo.frontline.store import FrontlineStore
    from geo.store.sqlite import Store

    root = tmp_path_factory.mktemp("hostile")
    store = root / "store"
    with Store(store) as s:
        ingest([Pasted("Shelling hit Kharkiv on 5 September 2024.")], store=s, gazetteer=gazetteer)
    FrontlineStore(store).import_file(SNAPSHOT, source="fixture")
    files = root / "files"
    files.mkdir()
    os.mkfifo(files / "fifo.txt")
    os.mkfifo(files / "fifo.geojson")
    os.mkfifo(files / "fifo.csv")
    for suffix in ("txt", "geojson", "csv"):
        (files / f"zero.{suffix}").symlink_to("/dev/zero")
    (files / "folder.geojson").mkdir()
    (files / "blank.txt").write_bytes(b" \v\f \n\t\v")
    (files / "blank.geojson").write_bytes(b" \v\f \n")
    (files / "nan.geojson").write_text(_polygon_geojson("NaN"))
    (files / "inf.geojson").write_text(_polygon_geojson("Infinity"))
    with sqlite3.connect(files / "plain.gpkg") as conn:
        conn.execute("CREATE TABLE t (x)")
    with open(files / "huge.txt", "wb") as fh:  # sparse: 21 MB on paper, nothing on disk
        fh.truncate(21_000_000)
    _zeros_zip(files / "big.kmz", "doc.kml", 300 << 20)  # 300 MiB of zeros: over the cap
    _zeros_zip(files / "ratio.kmz", "doc.kml", 8 << 20)  # small, but 1000:1
    (files / "notzip.kmz").write_bytes(b"PK\x03\x04 but not really a zip archive")
    (files / "nan.csv").write_text("name,lat,lon\nA,NaN,Infinity\nB,48.1,37.5\n")
    return {"root": root, "store": store, "files": files}


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


LONG = "a" * 5000
NEAR = ["nearfront", "--date", "2024-09-01", "--km", "10", "--settlements"]
CASES = {
    "places on a named pipe": (["places", "{f}/fifo.txt"], "named pipe"),
    "places on a /dev/zero link": (["places", "{f}/zero.txt"], "device"),
    "places on a folder": (["places", "{f}/folder.geojson"], "folder"),
    "places on white space with \\v and \\f": (["places", "{f}/blank.txt"], "empty"),
    "places on an overlong name": (["places", "{f}/" + LONG + ".txt"], "too long"),
    "places on a file over the cap": (["places", "{f}/huge.txt"], "refused"),
    "ingest of a named pipe": (["ingest", "{f}/fifo.txt", "--store", "{s}"], "named pipe"),
    "ingest of a /dev/zero link": (["ingest", "{f}/zero.txt", "--store", "{s}"], "device"),
    "ingest of an overlong name": (["ingest", "{f}/" + LONG, "--store", "{s}"], "too long"),
    "ingest of a file over the cap": (["ingest", "{f}/huge.txt", "--store", "{s}"], "refused"),
    "frontline import of a folder": (["frontline", "import", "{f}/folder.geojson"], "folder"),
    "frontline import of a named pipe": (["frontline", "import", "{f}/fifo.geojson"], "pipe"),
    "frontline import of a /dev/zero link": (["frontline", "import", "{f}/zero.geojson"], "device"),
    "frontline import of an overlong name": (["frontline", "import", "{f}/" + LONG], "too long"),
    "frontline import of white space": (["frontline", "import", "{f}/blank.geojson"], "empty"),
    "frontline import of NaN coordinates": (["frontline", "import", "{f}/nan.geojson"], "NaN"),
    "frontline import of Infinity": (["frontline", "import", "{f}/inf.geojson"], "infinite"),
    "frontline import of SQLite, not GPKG": (["frontline", "import", "{f}/plain.gpkg"], "GeoPack"),
    "frontline import of a big KMZ": (["frontline", "import", "{f}/big.kmz"], "unpack to"),
    "frontline import of a 1000:1 KMZ": (["frontline", "import", "{f}/ratio.kmz"], "zip bomb"),
    "frontline import of a fake KMZ": (["frontline", "import", "{f}/notzip.kmz"], "zip"),
    "nearfront on a named pipe": ([*NEAR, "{f}/fifo.csv"], "named pipe"),
    "nearfront on a /dev/zero link": ([*NEAR, "{f}/zero.csv"], "device"),
    "nearfront on an overlong name": ([*NEAR, "{f}/" + LONG + ".csv"], "too long"),
    "nearfront on NaN coordinates": ([*NEAR, "{f}/nan.csv"], "valid lat/lon"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_input_is_one_line_exit_2_and_the_store_unchanged(hostile, capsys, case):
    argv, needle = CASES[case]
    argv = [a.format(f=hostile["files"], s=hostile["store"]) for a in argv]
    if argv[0] in {"frontline", "nearfront"}:
        argv += ["--store", str(hostile["store"])]
    before = _digest(hostile["store"])
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert "Traceback" not in err and "Warning" not in err
    assert err.endswith("\n") and err.count("\n") == 1, err  # one line
    assert err.startswith("error: ") and needle in err, err
    assert len(err) < 400, err  # a 5,000-character name is shortened
    assert _digest(hostile["store"]) == before


def test_ingest_calls_white_space_with_form_feeds_empty_not_binary(hostile, capsys):
    before = _digest(hostile["store"])
    code = main(["ingest", str(hostile["files"] / "blank.txt"), "--store", str(hostile["store"])])
    err = capsys.readouterr().err
    assert code == 2
    assert "empty" in err and "binary" not in err and "Traceback" not in err
    assert _digest(hostile["store"]) == before


@pytest.mark.parametrize("name", ["zero.geojson", "big.kmz"])
def test_refused_input_stays_under_500_mb(hostile, name):
    """Peak memory of the whole command, measured as its parent sees it (ru_maxrss)."""
    probe = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=120)\n"
        "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(__import__('json').dumps({'code': p.returncode, 'err': p.stderr, 'kb': kb}))\n"
    )
    argv = [sys.executable, "-m", "geo", "frontline", "import", str(hostile["files"] / name)]
    argv += ["--store", str(hostile["store"])]
    proc = subprocess.run(
        [sys.executable, "-c", probe, *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
    )
    result = json.loads(proc.stdout)
    assert result["code"] == 2 and result["err"].count("\n") == 1, result
    assert result["kb"] < MEMORY_LIMIT_KB, result
