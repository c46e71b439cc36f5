"""Timeline: events over time by type, and the table of events in the range."""

import streamlit as st

import ui

start, end = ui.date_range()
events = ui.layers()["events"]
st.header(f"Timeline · {start:%d %b %Y} – {end:%d %b %Y}")

if events.empty:
    st.info("No events in this date range. Widen the range in the sidebar.")
    st.stop()

st.altair_chart(ui.timeline_chart(events, start=start, end=end), width="stretch")
st.subheader(f"{len(events)} events")
ui.show_events(ui.events_table(events), key="timeline_table")
