"""Timeline: events over time by type, on a map, and the table of events in the range."""

import streamlit as st

import ui
from ui.tables import within
from ui.widgets import selected_event, show_data_map

start, end = ui.date_range()
events = ui.layers()["events"]
st.header(f"Timeline · {start:%d %b %Y} – {end:%d %b %Y}")

if events.empty:
    st.info("No events in this date range. Widen the range in the sidebar.")
    st.stop()

st.altair_chart(ui.timeline_chart(events, start=start, end=end), width="stretch")
only_view = st.checkbox(
    "Only what the map shows",
    key="timeline_only_view",
    help="List only the events inside the map's view; then moving the map updates the table.",
)
# The same browser-drawn map as the Map page: a picked table row flies it to its event.
bounds = show_data_map(
    show=["events"],
    key="timeline_map",
    height=380,
    focus=selected_event(key="timeline_table"),
    return_bounds=only_view,
)
listed = within(events, bounds) if only_view else events
st.subheader(f"{len(listed)} events")
table = ui.events_table(listed)
ui.show_events(table, key="timeline_table", ids=listed.loc[table.index, "event_id"])
