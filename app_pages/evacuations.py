"""Evacuations: evacuation and displacement events with their figures, on a map and a table."""

import streamlit as st

import ui
from ui.tables import within
from ui.widgets import legend, selected_event, show_data_map

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
only_view = st.checkbox(
    "Only what the map shows",
    key="evac_only_view",
    help="List only the events inside the map's view; then moving the map updates the table.",
)
# Oblast shading gives the circles context; the map is framed on every event recorded and
# filtered in the browser, so moving the date range neither jumps nor reloads it. A picked
# table row flies the map to its event.
bounds = show_data_map(
    show=["oblasts", "evacuations"],
    key="evac_map",
    height=480,
    focus=selected_event(key="evac_table"),
    return_bounds=only_view,
)
listed = within(evac, bounds) if only_view else evac
if listed.empty:
    st.info(
        "No evacuations in the map's view. Move the map, or untick the box."
        if only_view and not evac.empty
        else "No evacuations in this date range. Widen the range in the sidebar."
    )
else:
    table = ui.evacuations_table(listed)
    ui.show_events(table, key="evac_table", ids=listed.loc[table.index, "event_id"])
