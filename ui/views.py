"""Cached tables, charts, downloads and overlays for the pages: the Streamlit side.

The pure builders are in ui.tables and geo.maps; this module fetches and caches their inputs.
"""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from . import tables
from .state import STATIC, chosen_layers, date_range, event_filter, layers, location, store

EVENT_COLUMN_CONFIG = {
    "date": st.column_config.TextColumn("Date", width="small"),
    "type": st.column_config.TextColumn("Type", width="small"),
    "place": st.column_config.TextColumn("Place"),
    "admin1": st.column_config.TextColumn("Oblast / region"),
    "status": st.column_config.TextColumn(
        "Status", help="As the report presents it: happened, attempted, or claimed by whom"
    ),
    "killed": st.column_config.NumberColumn("Killed", format="%d"),
    "injured": st.column_config.NumberColumn("Injured", format="%d"),
    # Figures come as text from tables.blank_missing: blank when not reported, not "None".
    "people": st.column_config.TextColumn("People", width="small"),
    "children": st.column_config.TextColumn("Children", width="small"),
    "km_to_front": st.column_config.NumberColumn(
        "km to front", format="%.1f", help="Distance to the front line on the event's date"
    ),
    "quote": st.column_config.TextColumn("Sentence", width="large"),
    "source": st.column_config.TextColumn("Source"),
    "dataset": st.column_config.TextColumn(
        "Dataset", width="small", help="articles (read from text), ACLED or UCDP GED"
    ),
}


@st.cache_data(show_spinner="Preparing the file…", max_entries=64)
def _export(
    where: str,
    revision: int,
    start: dt.date,
    end: dt.date,
    name: str,
    fmt: str,
    event_filter,
) -> bytes:
    from geo.layers.export import to_bytes, write_gpkg

    frames = layers(start, end)
    if name != "all":
        return to_bytes(frames[name], fmt=fmt, layer=name)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "layers.gpkg"
        write_gpkg({k: frames[k] for k in ("places", "events", "oblasts", "evacuations")}, path)
        return path.read_bytes()


def export_bytes(name: str, fmt: str) -> bytes:
    """A layer (or ``"all"`` as GeoPackage) for the sidebar's range and filter, as bytes."""
    start, end = date_range()
    return _export(location(), store().revision(), start, end, name, fmt, event_filter())


@st.cache_data(show_spinner="Drawing the map file…", max_entries=8)
def _map_html(
    where: str,
    revision: int,
    start: dt.date,
    end: dt.date,
    show: tuple[str, ...],
    event_filter,
) -> bytes:
    from geo.maps.build import LAYER_TITLES
    from geo.maps.report import standalone_html

    drawn = [s for s in show if s in LAYER_TITLES]  # the front line is not in the file yet
    page = standalone_html(
        layers(start, end), start=start, end=end, show=drawn, tile_dir=STATIC / "tiles"
    )
    return page.encode("utf-8")


def map_html() -> Callable[[], bytes]:
    """The map of the sidebar's range, layers and filter as one offline HTML file, deferred.

    For ``st.download_button(data=...)``: the file is drawn only when the button is clicked,
    for the range and layers shown now (the click is handled outside this page's run).
    """
    start, end = date_range()
    args = (location(), store().revision(), start, end, tuple(chosen_layers()))
    return functools.partial(_map_html, *args, event_filter())


def show_events(table, *, key: str, ids=None) -> None:
    """An events table, blank where nothing is reported; a picked row's whole sentence below.

    A grid cell cuts a long sentence off; selecting its row shows it in full. ``ids`` (the
    rows' event ids) are kept, so ``ui.widgets.selected_event`` can name the picked event.
    """
    if ids is not None:
        st.session_state[f"_{key}_ids"] = [str(i) for i in ids]
    shown = tables.blank_missing(table)
    picked = st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config=EVENT_COLUMN_CONFIG,
        on_select="rerun",
        selection_mode="single-row",
        key=key,
    )
    rows = picked.selection.rows if picked is not None else []
    if rows:
        row = shown.iloc[rows[0]]
        st.info(f"**{row['date']} · {row['place']}** — {tables.markdown_text(row['quote'])}")
    else:
        st.caption(
            "Select a row to read its whole sentence"
            + (" and see it on the map." if ids is not None else ".")
        )


def frontline_store():
    """The store's control-area snapshots (beside the article store: same folder or server)."""
    from geo.frontline.store import open_frontline_store

    return open_frontline_store(location())


@st.cache_data(show_spinner="Measuring distances to the front…", max_entries=32)
def _front_distances(
    where: str, revision: int, front_revision: int, start: dt.date, end: dt.date
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
    fs = frontline_store()
    if evac.empty or not fs.sources():
        return tables.evacuations_table(evac)
    start, end = date_range()
    km = _front_distances(location(), store().revision(), fs.revision(), start, end)
    return tables.evacuations_table(evac, km_to_front=km)


def frontline_bounds() -> tuple[float, float, float, float] | None:
    """(south, west, north, east) of every stored snapshot: a steady frame for the front."""
    from geo.frontline.asof import snapshots_frame
    from geo.maps.frontline import frontline_bounds as bounds

    return bounds(snapshots_frame(frontline_store().snapshots()))


@st.cache_data(show_spinner="Drawing the front…", max_entries=64)
def _front_geojson(where: str, revision: int, day: dt.date) -> tuple[str | None, str | None]:
    """GeoJSON of the as-of control areas and front line (derived once per store state)."""
    from geo.frontline.asof import as_of_layer, front_line_layer
    from geo.maps.frontline import frontline_geojson

    fs = frontline_store()
    return frontline_geojson(as_of_layer(day, store=fs), front_line_layer(day, store=fs))


def frontline_groups(day: dt.date) -> list:
    """Map overlays for the front as of ``day``: control areas and the front line."""
    from geo.maps.frontline import frontline_group

    fs = frontline_store()
    if not fs.sources():
        return []
    return [frontline_group(*_front_geojson(location(), fs.revision(), day))]


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
def _change(where: str, revision: int, start: dt.date, end: dt.date):
    from geo.frontline.change import diff

    return diff(start, end, by="oblast", store=frontline_store())


def frontline_change(start: dt.date, end: dt.date):
    """Area gained and lost (km²) by class and oblast between two dates, or None."""
    from geo.errors import GeoError

    fs = frontline_store()
    try:
        return tables.change_table(_change(location(), fs.revision(), start, end).frame())
    except GeoError:
        return None  # no snapshot at or before one of the dates: nothing to compare


def change_geojson(start: dt.date, end: dt.date) -> bytes:
    """The gained/lost polygons between two dates as RFC 7946 GeoJSON."""
    from geo.layers.export import to_bytes

    fs = frontline_store()
    return to_bytes(_change(location(), fs.revision(), start, end).polygons, fmt="geojson")


def area_chart():
    """Controlled area per snapshot date, one line per source and class."""
    from geo.frontline.change import area_over_time

    return tables.area_chart(area_over_time(store=frontline_store()))


def near_front_table(day: dt.date, km: float):
    """Settlements within ``km`` of the front on ``day`` and population within 10/25/50 km."""
    from geo.frontline.near import near_front

    from .state import gazetteer

    # Districts of a city are left out: Donetsk's people are counted once, not again per district.
    settlements = gazetteer().populated_places(country_codes=("UA", "RU"), sections=False)
    # Measured to 50 km at least: the population totals go that far whatever km is chosen.
    near = near_front(day, max(km, 50), settlements=settlements, store=frontline_store())
    near_table, totals = tables.near_front_summary(near, km, oblast_names=_oblast_names())
    return tables.blank_missing(near_table), totals


@st.cache_resource(show_spinner=False)
def _oblast_names() -> dict[str, str]:
    """Admin-1 code to name ("UA.05" to "Donetsk Oblast"), from the admin-1 polygons."""
    from geo.places.boundaries import admin1_features

    return {f["properties"]["code"]: f["properties"]["name"] for f in admin1_features()}
