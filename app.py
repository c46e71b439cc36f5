"""Geo dashboard: the frame. Page config, the shared sidebar (date range, layers), navigation.

Widgets used by several pages live here, once, so their values survive page changes.
"""

from pathlib import Path

import streamlit as st

import ui

# Not "pages/": Streamlit treats a folder of that name as the legacy multipage app, and a
# first request that deep-links to a page (/frontline) then bypasses this frame for the
# whole server process (see docs/ARCHITECTURE.md).
PAGES = Path(__file__).resolve().parent / "app_pages"

# Emoji icons only: a Material icon becomes the favicon, fetched from Google's font CDN.
st.set_page_config(page_title="Geo dashboard", layout="wide")

ui.prepare_first_run()
ui.init_date_range()

with st.sidebar:
    lo, hi = ui.store_span()
    st.slider(
        "Date range",
        min_value=lo,
        max_value=hi,
        key="date_range",
        format="YYYY-MM-DD",
        help="Events whose dates overlap this range are shown. The range is kept in the "
        "page URL, so a view can be bookmarked and shared. It spans the events and the "
        "front-line snapshots.",
        on_change=ui.slider_moved,
    )
    c1, c2 = st.columns(2)
    c1.date_input(
        "Start", min_value=lo, max_value=hi, key="date_start", format="YYYY-MM-DD",
        on_change=ui.date_typed,
    )  # fmt: skip
    c2.date_input(
        "End", min_value=lo, max_value=hi, key="date_end", format="YYYY-MM-DD",
        on_change=ui.date_typed,
    )  # fmt: skip
    st.multiselect(
        "Layers",
        options=list(ui.LAYER_LABELS),
        default=list(ui.LAYER_LABELS),
        format_func=ui.LAYER_LABELS.get,
        key="layers",
    )
    st.multiselect(
        "Event sources",
        options=list(ui.DATASETS),
        default=list(ui.DATASETS),
        key="datasets",
        help="Events read from articles, and those of imported ACLED or UCDP GED files "
        "(Articles page, or `geo import-events`).",
    )
    s = ui.store()
    st.caption(f"Store: `{s.location}` · {s.article_count()} articles")

ui.sync_url()

pages = [
    st.Page(PAGES / "map.py", title="Map", icon="🗺️", default=True),
    st.Page(PAGES / "timeline.py", title="Timeline", icon="📈"),
    st.Page(PAGES / "evacuations.py", title="Evacuations", icon="🚌"),
    st.Page(PAGES / "articles.py", title="Articles", icon="📰"),
    st.Page(PAGES / "frontline.py", title="Frontline", icon="🪖"),
    st.Page(PAGES / "export.py", title="Export", icon="⬇️"),
]
st.navigation(pages).run()
