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
# The sidebar's event filter: session key -> (URL parameter, EventFilter field). An empty
# selection means "all", so a URL carries only what narrows the view.
FILTER_KEYS = {
    "f_types": ("type", "types"),
    "f_subtypes": ("sub", "sub_types"),
    "f_statuses": ("status", "statuses"),
    "datasets": ("src", "datasets"),
}
CONFIDENCE_KEY, CONFIDENCE_PARAM = "f_confidence", "conf"


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


@st.cache_resource(show_spinner=False)
def bound_malloc_arenas() -> bool:
    """Cap glibc's malloc arenas at two for this process, once; True when it took effect.

    Streamlit runs each rerun on a new thread, and glibc gives threads arenas of their own
    that keep what they freed, so the app's RSS crept up with every date-range change at a
    million events (see scripts/run, which also sets ``MALLOC_ARENA_MAX``). This covers a
    plain ``streamlit run app.py`` too. Elsewhere than glibc it does nothing.
    """
    import ctypes
    import ctypes.util
    import os

    if os.environ.get("MALLOC_ARENA_MAX"):
        return False  # the user's (or scripts/run's) choice stands
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(-8, 2))  # M_ARENA_MAX = -8 in glibc's malloc.h
    except (OSError, AttributeError):
        return False


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
    """Mirror the range and filter into the URL on every run (Streamlit clears it on change).

    Filter values repeat their parameter (``?type=evacuation&type=displacement``); a filter
    left at "all" is not in the URL.
    """
    start, end = date_range()
    st.query_params["start"] = start.isoformat()
    st.query_params["end"] = end.isoformat()
    for key, (param, _) in FILTER_KEYS.items():
        chosen = list(st.session_state.get(key) or [])
        if chosen:
            st.query_params[param] = chosen
        elif param in st.query_params:
            del st.query_params[param]
    conf = int(st.session_state.get(CONFIDENCE_KEY) or 0)
    if conf:
        st.query_params[CONFIDENCE_PARAM] = str(conf)
    elif CONFIDENCE_PARAM in st.query_params:
        del st.query_params[CONFIDENCE_PARAM]


def filter_options() -> dict[str, list[str]]:
    """What each filter offers: every type and status; the sub-types and sources present."""
    from geo.records import EventStatus, EventType

    data = map_data()
    return {
        "f_types": [t.value for t in EventType],
        "f_subtypes": sorted(data.sub_types),
        "f_statuses": [s.value for s in EventStatus],
        "datasets": [d for d in DATASETS if d in data.datasets] or ["articles"],
    }


def init_filters() -> None:
    """Seed the filter widgets from the URL when a session opens it; keep them valid.

    A value the store does not offer (a source since removed, a mistyped type) is dropped,
    so a shared URL never breaks the page; what is left empty means "all".
    """
    options = filter_options()
    first = "_filters_seeded" not in st.session_state
    for key, (param, _) in FILTER_KEYS.items():
        chosen = st.query_params.get_all(param) if first else st.session_state.get(key) or []
        st.session_state[key] = [v for v in dict.fromkeys(chosen) if v in options[key]]
    if first:
        try:
            conf = int(st.query_params.get(CONFIDENCE_PARAM) or 0)
        except ValueError:
            conf = 0
        st.session_state[CONFIDENCE_KEY] = max(0, min(100, conf - conf % 5))
    st.session_state["_filters_seeded"] = True


def event_filter():
    """The sidebar's filter as a ``geo.layers.filters.EventFilter`` (hashable: a cache key)."""
    from geo.layers.filters import EventFilter

    fields = {
        field: tuple(st.session_state[key]) if st.session_state.get(key) else None
        for key, (_, field) in FILTER_KEYS.items()
    }
    return EventFilter(**fields, min_confidence=int(st.session_state.get(CONFIDENCE_KEY) or 0))


PLAY_UNITS = ("day", "week", "month")


def step_day(day: dt.date, unit: str, sign: int = 1) -> dt.date:
    """``day`` moved one ``unit`` (day, week or month) forward (``sign`` 1) or back (-1).

    A month step keeps the day of the month, or the last day of a shorter month.
    """
    if unit == "day":
        return day + dt.timedelta(days=sign)
    if unit == "week":
        return day + dt.timedelta(days=7 * sign)
    if unit != "month":
        raise ValueError(f"Unknown step {unit!r}; use one of {PLAY_UNITS}.")
    months = day.year * 12 + day.month - 1 + sign
    year, month = divmod(months, 12)
    first_next = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return dt.date(year, month + 1, min(day.day, (first_next - dt.timedelta(days=1)).day))


def date_range() -> tuple[dt.date, dt.date]:
    """The range chosen in the sidebar."""
    start, end = st.session_state.get("date_range") or store_span()
    return start, end


def chosen_layers() -> list[str]:
    """The layers ticked in the sidebar."""
    return list(st.session_state.get("layers", DEFAULT_LAYERS))


def chosen_datasets() -> tuple[str, ...]:
    """The event sources chosen in the sidebar (all when none is picked)."""
    return tuple(st.session_state.get("datasets") or DATASETS)


# Few entries: each holds a range's layers (text included). The map page needs none of them:
# it reads map_data(), which is per revision and keeps only a few numeric columns in memory.
@st.cache_data(show_spinner="Building map layers…", max_entries=4)
def _layers(where: str, revision: int, start: dt.date, end: dt.date, event_filter) -> dict:
    from geo.layers.columns import build_layers

    return build_layers(_store(where), start=start, end=end, where=event_filter)


def layers(start: dt.date | None = None, end: dt.date | None = None) -> dict:
    """GeoDataFrames for a range (default: the sidebar's) and filter, cached per revision."""
    if start is None or end is None:
        start, end = date_range()
    return _layers(location(), store().revision(), start, end, event_filter())


@st.cache_resource(show_spinner="Preparing the map data…", max_entries=2)
def _map_data(where: str, revision: int):
    from geo.maps.columnar import map_data_from_store

    # Read frame by frame: a million events' text never sits in memory at once.
    return map_data_from_store(_store(where), static_dir=STATIC, key=f"{where}|{revision}")


def map_data():
    """The store's map files (written once per revision to ./static) and range summaries.

    A resource, not data: pages share one object per revision and nothing is copied on a
    rerun; the columns it keeps are a few bytes per event.
    """
    map_assets()
    return _map_data(location(), store().revision())
