"""Every page renders a store whose text fields hold script and template payloads.

The Map and Evacuations pages render their folium maps in Python (streamlit-folium), where
a title like ``{{constructor...}}`` once raised TemplateSyntaxError; HTML that pages write
themselves must carry the payload only escaped.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.hostile_store import DAY, make_hostile_store

pytest.importorskip("streamlit.testing.v1")
from streamlit.testing.v1 import AppTest

PAGES = ["map.py", "timeline.py", "evacuations.py", "articles.py", "frontline.py", "export.py"]
RAW = ("<img src=x onerror", "<img src=y", "<script>window.__pwned")


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory, gazetteer):
    return make_hostile_store(tmp_path_factory.mktemp("hostile-app") / "store", gazetteer)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_hostile_text_escaped(hostile_root, monkeypatch, page):
    monkeypatch.setenv("GEO_STORE", str(hostile_root))
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params["start"] = DAY.isoformat()
    app.query_params["end"] = DAY.isoformat()
    app.run()
    app.switch_page(str(ROOT / "app_pages" / page)).run()
    assert not app.exception, [e.message for e in app.exception]
    assert app.header
    html_blocks = [m.value for m in app.markdown if m.proto.allow_html]
    for block in html_blocks:
        for raw in RAW:
            assert raw not in block, (raw, block[:300])
    if page == "articles.py":
        article = "".join(html_blocks)
        assert "&lt;img src=x onerror=alert(1)&gt;" in article  # shown as text
        assert "{{ 7*7 }}" in article  # not evaluated
