"""The geo package: every re-exported name resolves, importing it stays cheap, no streamlit."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_every_public_name_resolves():
    import geo

    missing = [name for name in geo.__all__ if getattr(geo, name, None) is None]
    assert missing == []


def test_importing_geo_loads_no_heavy_library():
    code = (
        "import sys, geo; heavy = [m for m in ('geopandas', 'folium', 'streamlit', "
        "'pandas', 'shapely') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_the_library_never_imports_streamlit():
    offenders = [
        p.name
        for p in (ROOT / "geo").rglob("*.py")
        if "import streamlit" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
