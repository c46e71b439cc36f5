"""Map: what happened where, in the sidebar's date range."""

import streamlit as st

import ui
from ui.widgets import legend, show_map

start, end = ui.date_range()
show = ui.chosen_layers()
frames = ui.layers()

st.header(f"What happened where · {start:%d %b %Y} – {end:%d %b %Y}")
events, evac = frames["events"], frames["evacuations"]
c1, c2, c3, c4 = st.columns(4)
c1.metric("Events", len(events))
c2.metric("Places mentioned", len(frames["places"]))
c3.metric("Oblasts with events", int((frames["oblasts"]["events"] > 0).sum()))
c4.metric("People evacuated (reported)", f"{int(evac['people'].fillna(0).sum()):,}")

legend(show)
show_map(
    frames,
    show=show,
    key="main_map",
    frame_layers=ui.layers(*ui.store_span()),
    extra_groups=ui.frontline_groups(end) if "frontline" in show else None,
)
if events.empty:
    st.info(
        "No events in this date range. Widen the range in the sidebar, or add articles "
        "on the Articles page."
    )
