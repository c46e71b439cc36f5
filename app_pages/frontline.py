"""Frontline: control areas as of the end date, change between the range's ends, near-front."""

import streamlit as st

import ui
from ui.widgets import frontline_playback

start, end = ui.date_range()
st.header(f"Frontline · as of {end:%d %b %Y}")
fs = ui.frontline_store()

with (
    st.expander("Import a control-area or front-line snapshot", expanded=not fs.sources()),
    st.form("frontline_import"),
):
    upload = st.file_uploader(
        "GeoJSON, KML/KMZ, GeoPackage or zipped Shapefile",
        type=["geojson", "json", "kml", "kmz", "gpkg", "zip"],
    )
    c1, c2 = st.columns(2)
    day = c1.date_input(
        "Snapshot date",
        value=None,
        format="YYYY-MM-DD",
        help="Empty: taken from the features' dates or the file name.",
    )
    source = c2.text_input("Source", value="local", help="Who drew it, e.g. deepstate, isw")
    if st.form_submit_button("Import", type="primary"):
        ok, message = ui.import_snapshot(upload, day=day, source=source)
        (st.success if ok else st.error)(ui.markdown_text(message))

if not fs.sources():
    st.info(
        "No control-area snapshots yet. Import dated snapshots (DeepStateMap history "
        "GeoJSON, ISW layers, or your own) to see the front, its change over time and "
        "the settlements near it. See docs/frontline.md for the formats."
    )
    st.stop()

# Playback steps the as-of day on the server (the polygons live there); see the widget.
frontline_playback(bounds=ui.frontline_bounds(), height=480)

st.subheader(f"Change {start:%d %b %Y} → {end:%d %b %Y}")
change = ui.frontline_change(start, end)
if change is None or change.empty:
    st.caption("No snapshots at or before both dates, or no change between them.")
else:
    st.dataframe(change, hide_index=True, width="stretch")
    st.download_button(
        "Download change polygons GeoJSON",
        data=ui.change_geojson(start, end),
        file_name=f"frontline-change-{start}-{end}.geojson",
        mime="application/geo+json",
    )

st.subheader("Controlled area over time")
st.altair_chart(ui.area_chart(), width="stretch")

st.subheader("Settlements near the front")
km = st.select_slider("Distance from the front line (km)", options=[5, 10, 25, 50], value=25)
near, totals = ui.near_front_table(end, km)
cols = st.columns(len(totals) or 1)
for col, (dist, pop) in zip(cols, totals.items(), strict=False):
    col.metric(f"Population within {dist:g} km", f"{pop:,}")
st.dataframe(near, hide_index=True, width="stretch")
