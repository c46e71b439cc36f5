"""The geo package: every re-exported name resolves, importing it stays cheap, no streamlit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile

from tests.conftest import ROOT

IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


def test_every_public_name_resolves():
    import geo

    missing = [name for name in geo.__all__ if getattr(geo, name, None) is None]
    assert missing == []


def test_importing_geo_loads_no_heavy_library():
    code = (
        "import sys, geo; heavy = [m for m in ('geopandas', 'folium', 'streamlit', "
        "'pandas', 'shapely', 'rapidfuzz') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_the_library_never_imports_streamlit_in_any_wing():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "geo").rglob("*.py")
        if "import streamlit" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_wing_is_a_listed_package_so_the_wheel_carries_it():
    wings = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "geo").rglob("__init__.py")
    }
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    assert wings <= listed
    assert listed - wings == {"geo._data", "geo._data.samples"}


def test_package_dependencies_carry_the_same_pins_as_requirements():
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith(("#", "-")):
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    project = _pyproject()["project"]
    extras = project["optional-dependencies"]
    declared = [*project["dependencies"], *(r for group in extras.values() for r in group)]
    for requirement in declared:
        name, version = requirement.split("==")
        assert pins.get(name.lower()) == version, requirement
    assert {r.split("==")[0].lower() for r in declared} == set(pins)


def test_installed_wheel_finds_its_data_without_a_checkout(tmp_path):
    wheel_dir, target, source = tmp_path / "wheel", tmp_path / "site", tmp_path / "src"
    # Build from a copy: setuptools writes build/ and *.egg-info beside the sources.
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "geo", "data"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, source / name, **({} if copy is shutil.copy2 else {"ignore": IGNORE}))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    wheel = next(wheel_dir.glob("geo_dashboard-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert {"geo/_data/aliases.csv", "geo/_data/admin1.geojson.gz", "geo/cli/main.py"} <= names
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    code = (
        "import geo.config as c, geo.places.boundaries as b; "
        "print(c.data_dir()); print(len(b.admin1_frame()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(target)},
    ).stdout.split()
    assert out[0] == str(target / "geo" / "_data")
    assert int(out[1]) > 4000
