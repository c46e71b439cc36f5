"""Export: the range's layers as GeoJSON, GeoPackage or CSV (events also as ACLED); the map."""

import streamlit as st

import ui

start, end = ui.date_range()
frames = ui.layers()
st.header(f"Export · {start:%d %b %Y} – {end:%d %b %Y}")
st.caption(
    "GeoJSON follows RFC 7946 (WGS 84, longitude/latitude). Files hold what the map "
    "shows for this date range; they open in QGIS as they are."
)

stem = f"{start:%Y%m%d}-{end:%Y%m%d}"
for name in ("places", "events", "oblasts", "evacuations"):
    gdf = frames[name]
    c1, c2, c3 = st.columns([3, 2, 2])
    c1.download_button(
        f"Download {name} GeoJSON",
        data=ui.export_bytes(name, "geojson"),
        file_name=f"{name}-{stem}.geojson",
        mime="application/geo+json",
        key=f"dl-{name}-geojson",
        width="stretch",
    )
    c2.download_button(
        f"{name} CSV",
        data=ui.export_bytes(name, "csv"),
        file_name=f"{name}-{stem}.csv",
        mime="text/csv",
        key=f"dl-{name}-csv",
        width="stretch",
    )
    c3.write(f"{len(gdf)} features")

st.download_button(
    "Download events in ACLED's layout (CSV)",
    data=ui.export_bytes("events", "acled"),
    file_name=f"events-acled-{stem}.csv",
    mime="text/csv",
    key="dl-events-acled",
    help="ACLED's columns: event_date, event_type, sub_event_type, admin1, location, "
    "latitude, longitude, geo_precision, time_precision, fatalities, source, notes "
    "(docs/events.md says how our events map onto them).",
)
st.download_button(
    "Download all layers as GeoPackage",
    data=ui.export_bytes("all", "gpkg"),
    file_name=f"geo-dashboard-{stem}.gpkg",
    mime="application/geopackage+sqlite3",
    key="dl-all-gpkg",
)

st.subheader("The map, for a report")
st.download_button(
    "Download the map as a standalone HTML file",
    data=ui.map_html(),  # drawn on click: tiles and libraries make it a megabyte or two
    file_name=f"geo-map-{stem}.html",
    mime="text/html",
    key="dl-map-html",
    help="One file that opens in any browser without network: the layers ticked in the "
    "sidebar, the relief around them, the legend and this date range printed on it, and "
    "the measuring and PNG tools.",
)
st.caption(
    "For a picture of exactly what the map shows, use the **PNG** button on the map: it "
    "saves the current view with its legend and date range."
)
