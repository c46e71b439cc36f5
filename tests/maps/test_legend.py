"""The legend: one list of entries, drawn as HTML on the pages and on the exported PNG."""

from __future__ import annotations

import html

from geo.maps.legend import legend_entries, legend_html
from geo.maps.style import FRONT_LINE_STYLE


def test_the_page_legend_and_the_exported_legend_list_the_same_entries():
    show = ["events", "evacuations", "frontline", "oblasts"]
    entries = legend_entries(show)
    page = legend_html(show)
    assert [e["label"] for e in entries if html.escape(e["label"]) not in page] == []
    assert page.count("<svg") == sum("svg" in e for e in entries)


def test_the_front_line_has_a_line_swatch_only_when_shown():
    assert FRONT_LINE_STYLE["color"] in legend_html(["frontline"])
    assert "Front line" not in legend_html(["events", "oblasts"])
    assert [e["label"] for e in legend_entries(["frontline"])] == ["Front line"]
