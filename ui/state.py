"""Cached resources and shared state for the pages.

The only module besides the pages that imports streamlit.
Read-only shared things (gazetteer, store handle) are ``st.cache_resource``; data frames are
``st.cache_data`` keyed by plain values: the store location (a folder or a PostgreSQL URL), its
revision, and the date range.
"""

from __future__ import annotations

import datetime as dt
import os

import streamlit as st

from geo.config import data_dir, project_root, store_location
from geo.errors import GeoError

STATIC = project_root() / "static"
LAYER_LABELS = {
    "oblasts": "Oblasts",
    "places": "Places",
    "events": "Events",
    "evacuations": "Evacuations",
    "frontline": "Front line",
}
DEFAULT_LAYERS = ("oblasts", "places", "events", "evacuations", "frontline")
# Where events come from (geo.events.datasets.dataset_label): text, or an imported dataset.
DATASETS = ("articles", "ACLED", "UCDP GED")


@st.cache_resource(show_spinner=False)
def gazetteer():
    """The offline gazetteer, loaded once per server process."""
    from geo.places.gazetteer import load_gazetteer

    return load_gazetteer()


def location() -> str:
    """Where the store is: ``$GEO_STORE`` (a folder or a ``postgresql://`` URL) or the default.

    A URL may hold a password: it keys server-side caches and is never shown.
    """
    return str(store_location(os.environ.get("GEO_STORE") or None))


@st.cache_resource(show_spinner=False)
def _store(where: str):
    from geo.store.base import open_store

    return open_store(where)


def store():
    """The analyst's store (``$GEO_STORE`` or the user data folder), shared by sessions."""
    return _store(location())


@st.cache_resource(show_spinner=False)
def map_assets() -> dict:
    """Leaflet, plugins, tiles, basemap names and the search index in ./static; folium uses them."""
    from geo.maps import assets, basemap, labels, search

    assets.ensure_static_assets(STATIC)
    url = basemap.ensure_basemap_tiles(STATIC / "tiles")
    labels.ensure_basemap_labels(STATIC, gazetteer=gazetteer())
    search.ensure_names_index(STATIC, gazetteer())  # the map's place search
    assets.use_local_assets()
    return {"tile_url": url}


def prepare_first_run() -> None:
    """Build what a fresh install lacks (index, map assets, the sample corpus), visibly.

    Quick when all is there; on a fresh install it shows progress for the ~15 s it takes.
    Errors are shown as messages, never tracebacks.
    """
    if st.session_state.get("_prepared"):
        return
    try:
        from geo.places.gazetteer import cached_index_exists

        cold = not cached_index_exists() or not all(
            (STATIC / d).exists() for d in ("tiles", "labels")
        )
        if cold:
            box = st.empty()  # the progress box goes away once everything is ready
            with (
                box.container(),
                st.status(
                    "First run: preparing the offline gazetteer and map…", expanded=True
                ) as status,
            ):
                status.write("Building the gazetteer index from GeoNames (about 10 s)…")
                gazetteer()
                status.write("Writing Leaflet, relief tiles and map names to ./static…")
                map_assets()
                _seed_samples(status)
                status.update(label="Ready", state="complete", expanded=False)
            box.empty()
        else:
            gazetteer()
            map_assets()
            _seed_samples(None)
    except GeoError as exc:
        st.error(str(exc))
        st.stop()
    st.session_state["_prepared"] = True


def _seed_samples(status) -> None:
    """A fresh default store shows the illustrative sample corpus (never a $GEO_STORE one)."""
    if os.environ.get("GEO_STORE"):
        return
    s = store()
    if s.article_count():
        return
    from geo.pipeline import ingest

    if status is not None:
        status.write("Loading the illustrative sample articles…")
    # One process: forking the threaded Streamlit server for worker processes is unsafe, and
    # fifteen short samples do not need them.
    ingest([data_dir() / "samples"], store=s, gazetteer=gazetteer(), jobs=1)


def _snapshot_span() -> tuple[dt.date, dt.date] | None:
    """First and last front-line snapshot dates beside the store, or None."""
    from geo.frontline.store import open_frontline_store

    days = [s.date for s in open_frontline_store(location()).snapshots(geometry=False)]
    return (min(days), max(days)) if days else None


def store_span() -> tuple[dt.date, dt.date]:
    """First and last day of the events and front-line snapshots (30 days when there are none).

    Snapshots count too, so a front dated before the first event can still be compared from.
    """
    spans = [s for s in (store().span(), _snapshot_span()) if s is not None]
    if not spans:
        today = dt.date.today()
        return today - dt.timedelta(days=30), today
    start, end = min(s[0] for s in spans), max(s[1] for s in spans)
    return (start, end) if start < end else (start - dt.timedelta(days=1), end)


def _parse(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def init_date_range() -> None:
    """Seed the slider from ``?start=&end=`` when a session opens a shared URL.

    On every run the typed start and end dates are set from the slider before they are
    drawn, so the two always agree (whoever changed the range: slider, fields or code).
    """
    lo, hi = store_span()
    if "date_range" in st.session_state:
        # The span moves when articles, datasets or snapshots come and go: stay inside it.
        start, end = (max(lo, min(d, hi)) for d in date_range())
        st.session_state["date_range"] = (start, end)
        st.session_state["date_start"], st.session_state["date_end"] = start, end
        return
    start = _parse(st.query_params.get("start")) or lo
    end = _parse(st.query_params.get("end")) or hi
    start, end = max(lo, min(start, hi)), max(lo, min(end, hi))
    st.session_state["date_range"] = (min(start, end), max(start, end))
    st.session_state["date_start"], st.session_state["date_end"] = st.session_state["date_range"]


def slider_moved() -> None:
    """The slider changed: the typed dates follow it."""
    st.session_state["date_start"], st.session_state["date_end"] = st.session_state["date_range"]


def date_typed() -> None:
    """A typed date changed: the slider follows, within the span, start before end.

    A cleared field keeps the slider's value for that end.
    """
    lo, hi = store_span()
    old_start, old_end = st.session_state["date_range"]
    start = st.session_state.get("date_start") or old_start
    end = st.session_state.get("date_end") or old_end
    start, end = max(lo, min(start, hi)), max(lo, min(end, hi))
    start, end = min(start, end), max(start, end)
    st.session_state["date_range"] = (start, end)
    st.session_state["date_start"], st.session_state["date_end"] = start, end


def sync_url() -> None:
    """Mirror the range into the URL on every run (Streamlit clears it on page change)."""
    start, end = date_range()
    st.query_params["start"] = start.isoformat()
    st.query_params["end"] = end.isoformat()


def date_range() -> tuple[dt.date, dt.date]:
    """The range chosen in the sidebar."""
    start, end = st.session_state.get("date_range") or store_span()
    return start, end


def chosen_layers() -> list[str]:
    """The layers ticked in the sidebar."""
    return list(st.session_state.get("layers", DEFAULT_LAYERS))


def chosen_datasets() -> tuple[str, ...]:
    """The event sources ticked in the sidebar (all by default)."""
    return tuple(st.session_state.get("datasets", DATASETS))


# Few entries: each holds a range's layers (text included). The map page needs none of them:
# it reads map_data(), which is per revision and keeps only a few numeric columns in memory.
@st.cache_data(show_spinner="Building map layers…", max_entries=4)
def _layers(
    where: str, revision: int, start: dt.date, end: dt.date, datasets: tuple[str, ...]
) -> dict:
    from geo.layers.columns import build_layers

    return build_layers(_store(where), start=start, end=end, datasets=datasets)


def layers(start: dt.date | None = None, end: dt.date | None = None) -> dict:
    """GeoDataFrames for a range (default: the sidebar's) and sources, cached per revision."""
    if start is None or end is None:
        start, end = date_range()
    return _layers(location(), store().revision(), start, end, chosen_datasets())


@st.cache_resource(show_spinner="Preparing the map data…", max_entries=2)
def _map_data(where: str, revision: int):
    from geo.maps.columnar import map_data

    s = _store(where)
    return map_data(
        s.events_frame(details=True),
        s.mentions_frame(),
        static_dir=STATIC,
        key=f"{where}|{revision}",
    )


def map_data():
    """The store's map files (written once per revision to ./static) and range summaries.

    A resource, not data: pages share one object per revision and nothing is copied on a
    rerun; the columns it keeps are a few bytes per event.
    """
    map_assets()
    return _map_data(location(), store().revision())
