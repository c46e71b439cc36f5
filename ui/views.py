"""Tables, charts, downloads and overlays built from cached layers for the pages."""

from __future__ import annotations

import datetime as dt
import html
import tempfile
from pathlib import Path

import streamlit as st

from .state import date_range, layers, store

EVENT_COLUMN_CONFIG = {
    "date": st.column_config.TextColumn("Date", width="small"),
    "type": st.column_config.TextColumn("Type", width="small"),
    "place": st.column_config.TextColumn("Place"),
    "admin1": st.column_config.TextColumn("Oblast / region"),
    "people": st.column_config.NumberColumn("People", format="%d"),
    "children": st.column_config.NumberColumn("Children", format="%d"),
    "km_to_front": st.column_config.NumberColumn(
        "km to front", format="%.1f", help="Distance to the front line on the event's date"
    ),
    "quote": st.column_config.TextColumn("Sentence", width="large"),
    "source": st.column_config.TextColumn("Source"),
}


def events_table(events):
    """The events layer as an analyst reads it: date span, type, place, figures, quote."""
    import pandas as pd

    if events.empty:
        return pd.DataFrame(columns=[c for c in EVENT_COLUMN_CONFIG if c != "km_to_front"])
    span = events["date_start"].astype(str)
    differs = events["date_end"].astype(str) != span
    span = span.where(~differs, span + " – " + events["date_end"].astype(str))
    return pd.DataFrame(
        {
            "date": span,
            "type": events["event_type"],
            "place": events["location"],
            "admin1": events["admin1"],
            "people": events["people"],
            "children": events["children"],
            "quote": events["quote"],
            "source": events["source"],
        }
    ).sort_values("date", kind="stable")


def timeline_chart(events, *, start: dt.date, end: dt.date):
    """Events per week (per day for short ranges), stacked by type, in the map's colours."""
    import altair as alt
    import pandas as pd

    from geo.maps import build as maps

    items = maps.legend_items()
    days = (end - start).days
    # Bars an analyst can read: days for two months, weeks up to a year and a half, then months.
    unit, label = (
        ("yearmonthdate", "Day")
        if days <= 62
        else ("yearweek", "Week")
        if days <= 550
        else ("yearmonth", "Month")
    )
    frame = pd.DataFrame(
        {"date": pd.to_datetime(events["date_start"]), "type": events["event_type"]}
    )
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                f"{unit}(date):T",
                title=label,
                scale=alt.Scale(domain=[start.isoformat(), end.isoformat()]),
            ),
            y=alt.Y("count():Q", title="Events"),
            color=alt.Color(
                "type:N",
                title="Event type",
                scale=alt.Scale(
                    domain=[i.event_type for i in items], range=[i.colour for i in items]
                ),
            ),
            tooltip=[
                alt.Tooltip(f"{unit}(date):T", title=label),
                "type:N",
                alt.Tooltip("count():Q", title="Events"),
            ],
        )
        .properties(height=320)
    )


@st.cache_data(show_spinner="Preparing the file…", max_entries=64)
def _export(root: str, revision: int, start: dt.date, end: dt.date, name: str, fmt: str) -> bytes:
    from geo.layers.export import to_bytes, write_gpkg

    frames = layers(start, end)
    if name != "all":
        return to_bytes(frames[name], fmt=fmt, layer=name)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "layers.gpkg"
        write_gpkg({k: frames[k] for k in ("places", "events", "oblasts", "evacuations")}, path)
        return path.read_bytes()


def export_bytes(name: str, fmt: str) -> bytes:
    """A layer (or ``"all"`` as GeoPackage) for the sidebar's range, as file bytes."""
    s = store()
    start, end = date_range()
    return _export(str(s.root), s.revision(), start, end, name, fmt)


def frontline_store():
    """The store's control-area snapshots (same folder as the article store)."""
    from geo.frontline.store import FrontlineStore

    return FrontlineStore(store().root)


@st.cache_data(show_spinner="Measuring distances to the front…", max_entries=32)
def _front_distances(
    root: str, revision: int, front_revision: int, start: dt.date, end: dt.date
) -> dict[str, float | None]:
    from geo.frontline.near import annotate_distance
    from geo.records import EventType

    events = store().events(
        start=start, end=end, types=[EventType.EVACUATION, EventType.DISPLACEMENT]
    )
    return {
        ev.event_id: (None if km is None or km == float("inf") else round(km, 1))
        for ev, km in annotate_distance(events, store=frontline_store())
    }


def evacuations_table(evac):
    """The evacuations table, with distances to the front when snapshots are stored.

    Each event's distance is to the front line as of its own start date.
    """
    table = events_table(evac)
    fs = frontline_store()
    if evac.empty or not fs.sources():
        return table
    s = store()
    start, end = date_range()
    km = _front_distances(str(s.root), s.revision(), fs.revision(), start, end)
    table.insert(3, "km_to_front", [km.get(i) for i in evac.loc[table.index, "event_id"]])
    return table


def frontline_bounds() -> tuple[float, float, float, float] | None:
    """(south, west, north, east) of every stored snapshot: a steady frame for the front."""
    from geo.frontline.asof import snapshots_frame

    frame = snapshots_frame(frontline_store().snapshots())
    if frame.empty:
        return None
    west, south, east, north = frame.total_bounds
    pad = 0.5  # degrees: the front with some country around it
    return south - pad, west - pad, north + pad, east + pad


@st.cache_data(show_spinner="Drawing the front…", max_entries=64)
def _front_geojson(root: str, revision: int, day: dt.date) -> tuple[str | None, str | None]:
    """GeoJSON of the as-of control areas and front line (derived once per store state)."""
    from geo.frontline.asof import as_of_layer, front_line_layer

    fs = frontline_store()
    areas = as_of_layer(day, store=fs)
    polys = areas[areas.geometry.geom_type.isin(["Polygon", "MultiPolygon"])]
    line = front_line_layer(day, store=fs)
    return (
        polys[["source", "class", "date", "geometry"]].to_json() if not polys.empty else None,
        line[["source", "date", "length_km", "geometry"]].to_json() if not line.empty else None,
    )


def frontline_groups(day: dt.date) -> list:
    """Map overlays for the front as of ``day``: control areas and the front line."""
    import folium

    fs = frontline_store()
    if not fs.sources():
        return []
    areas, line = _front_geojson(str(fs.root), fs.revision(), day)
    group = folium.FeatureGroup(name="Front line (as of end date)", show=True)
    if areas:
        folium.GeoJson(
            areas,
            style_function=lambda f: {
                "color": "#8f1d1d",
                "weight": 0.5,
                "fillColor": "#d7301f",
                "fillOpacity": 0.18,
            },
            tooltip=folium.GeoJsonTooltip(fields=["source", "class", "date"]),
        ).add_to(group)
    if line:
        folium.GeoJson(
            line,
            style_function=lambda f: {"color": "#8f1d1d", "weight": 3},
            tooltip=folium.GeoJsonTooltip(fields=["source", "date", "length_km"]),
        ).add_to(group)
    return [group]


def highlighted(text: str, toponyms, selected: int | None = None) -> str:
    """The article as HTML with each place name marked; everything else escaped."""
    out, pos = [], 0
    for k, t in enumerate(toponyms):
        out.append(html.escape(text[pos : t.start]))
        colour = "#ffd54f" if k == selected else ("#c8e6c9" if t.corrected else "#e3ecf7")
        title = html.escape(
            f"{t.place.name} ({t.place.kind.value}, {t.place.country_code})"
            if t.place
            else "unresolved"
        )
        out.append(
            f'<mark style="background:{colour};padding:0 2px" title="{title}">'
            f"{html.escape(t.surface)}</mark>"
        )
        pos = t.end
    out.append(html.escape(text[pos:]))
    body = "".join(out).replace("\n", "<br>")
    return f'<div style="line-height:1.6;max-height:420px;overflow-y:auto">{body}</div>'


def import_snapshot(upload, *, day: dt.date | None, source: str) -> tuple[bool, str]:
    """Import an uploaded snapshot file; the store is untouched when it is refused."""
    from geo.errors import GeoError

    if upload is None:
        return False, "Choose a file to import."
    suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    try:
        result = frontline_store().import_bytes(
            upload.getvalue(),
            suffix=suffix,
            label=upload.name,
            date=day,
            source=source.strip() or None,
        )
    except GeoError as exc:
        return False, f"{upload.name} was not imported: {exc}"
    if result.unchanged:
        return True, f"{upload.name} was already imported; nothing changed."
    days = sorted({s.date.isoformat() for s in result.snapshots})
    return True, (
        f"Imported {len(result.snapshots)} snapshot(s) from {upload.name} "
        f"({result.source}, {', '.join(days)})."
    )


@st.cache_data(show_spinner="Comparing snapshots…", max_entries=32)
def _change(root: str, revision: int, start: dt.date, end: dt.date):
    from geo.frontline.change import diff

    return diff(start, end, by="oblast", store=frontline_store())


def frontline_change(start: dt.date, end: dt.date):
    """Area gained and lost (km²) by class and oblast between two dates, or None."""
    from geo.errors import GeoError

    fs = frontline_store()
    try:
        return _change(str(fs.root), fs.revision(), start, end).frame()
    except GeoError:
        return None  # no snapshot at or before one of the dates: nothing to compare


def change_geojson(start: dt.date, end: dt.date) -> bytes:
    """The gained/lost polygons between two dates as RFC 7946 GeoJSON."""
    from geo.layers.export import to_bytes

    fs = frontline_store()
    return to_bytes(_change(str(fs.root), fs.revision(), start, end).polygons, fmt="geojson")


def area_chart():
    """Controlled area per snapshot date, one line per source and class."""
    import altair as alt

    from geo.frontline.change import area_over_time

    frame = area_over_time(store=frontline_store())
    frame["series"] = frame["source"] + " · " + frame["class"]
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("date:T", title="Snapshot date"),
            y=alt.Y("area_km2:Q", title="Area (km²)"),
            color=alt.Color("series:N", title="Source · class"),
            tooltip=["date:T", "source:N", "class:N", alt.Tooltip("area_km2:Q", format=",.0f")],
        )
        .properties(height=280)
    )


def near_front_table(day: dt.date, km: float):
    """Settlements within ``km`` of the front on ``day`` and population within 10/25/50 km."""
    import pandas as pd

    from geo.frontline.near import near_front

    from .state import gazetteer

    settlements = gazetteer().populated_places(country_codes=("UA", "RU"))
    near = near_front(day, max(km, 50), settlements=settlements, store=frontline_store())
    if near is None or near.empty:
        return pd.DataFrame(columns=["name", "distance_km", "population"]), {}
    totals = {
        d: int(near.loc[near["distance_km"] <= d, "population"].fillna(0).sum())
        for d in (10, 25, 50)
    }
    shown = near[near["distance_km"] <= km]
    cols = [c for c in ("name", "admin1_code", "distance_km", "population") if c in shown]
    return pd.DataFrame(shown[cols]), totals
