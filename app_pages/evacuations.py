"""Evacuations: evacuation and displacement events with their figures, on a map and a table."""

import streamlit as st

import ui
from ui.widgets import legend, show_data_map

start, end = ui.date_range()
evac = ui.layers()["evacuations"]
st.header(f"Evacuations · {start:%d %b %Y} – {end:%d %b %Y}")

c1, c2, c3 = st.columns(3)
c1.metric("Evacuation and displacement events", len(evac))
c2.metric("People (reported)", f"{int(evac['people'].fillna(0).sum()):,}")
c3.metric("Children (reported)", f"{int(evac['children'].fillna(0).sum()):,}")
st.caption(
    "Figures are as reported in each article; the same people may be counted by several reports."
)

legend(["evacuations"])
# Oblast shading gives the circles context; the map is framed on every event recorded and
# filtered in the browser, so moving the date range neither jumps nor reloads it.
show_data_map(show=["oblasts", "evacuations"], key="evac_map", height=480)
if evac.empty:
    st.info("No evacuations in this date range. Widen the range in the sidebar.")
else:
    ui.show_events(ui.evacuations_table(evac), key="evac_table")
