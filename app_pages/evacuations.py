"""Evacuations: evacuation and displacement events with their figures, on a map and a table."""

import streamlit as st

import ui
from ui.widgets import legend, show_map

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
# Oblast outlines give the circles context; the frame follows every evacuation recorded,
# so moving the date range does not jump the view.
show_map(
    {"evacuations": evac, "oblasts": ui.layers()["oblasts"]},
    show=["oblasts", "evacuations"],
    key="evac_map",
    frame_layers={"evacuations": ui.layers(*ui.store_span())["evacuations"]},
    height=480,
)
if evac.empty:
    st.info("No evacuations in this date range. Widen the range in the sidebar.")
else:
    ui.show_events(ui.evacuations_table(evac), key="evac_table")
