"""Geo dashboard: the frame. Page config, the shared sidebar (range, filter, layers), navigation.

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

ui.bound_malloc_arenas()
ui.prepare_first_run()
ui.init_date_range()
ui.init_filters()

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
    options = ui.filter_options()
    narrowed = not ui.event_filter().is_everything
    with st.expander("Filter events", expanded=narrowed):
        st.multiselect(
            "Event types", options=options["f_types"], key="f_types", placeholder="All types"
        )
        st.multiselect(
            "Status",
            options=options["f_statuses"],
            key="f_statuses",
            placeholder="Any status",
            help="As the report presents it: happened (fact), claimed (attributed), attempted.",
        )
        if options["f_subtypes"]:
            st.multiselect(
                "ACLED sub-types",
                options=options["f_subtypes"],
                key="f_subtypes",
                placeholder="All sub-types",
                help="An imported event's own sub-type; for events read from text, the one "
                "ACLED would give (docs/events.md).",
            )
        st.slider(
            "Minimum confidence",
            min_value=0,
            max_value=100,
            step=5,
            key="f_confidence",
            format="%d%%",
        )
        st.multiselect(
            "Event sources",
            options=options["datasets"],
            key="datasets",
            placeholder="All sources",
            help="Events read from articles, and those of imported ACLED or UCDP GED files "
            "(Articles page, or `geo import-events`). Only sources in the store are listed.",
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
