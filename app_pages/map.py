"""Map: what happened where, in the sidebar's date range."""

import streamlit as st

import ui
from ui.widgets import legend, show_data_map

start, end = ui.date_range()
show = ui.chosen_layers()
# Figures from the revision's columns (vectorised masks): no per-range layers on this page.
summary = ui.map_data().summary(start, end, where=ui.event_filter())

st.header(f"What happened where · {start:%d %b %Y} – {end:%d %b %Y}")
c1, c2, c3, c4 = st.columns(4)
c1.metric("Events", f"{summary.events:,}")
c2.metric("Places mentioned", f"{summary.places:,}")
c3.metric("Oblasts with events", summary.oblasts)
c4.metric("People evacuated (reported)", f"{summary.people_evacuated:,}")

legend(show)
show_data_map(
    show=show,
    key="main_map",
    extra_groups=ui.frontline_groups(end) if "frontline" in show else None,
)
if not summary.events:
    st.info(
        "No events in this date range. Widen the range in the sidebar, or add articles "
        "on the Articles page."
    )
