"""Map and legend widgets shared by pages: one place that knows streamlit-folium."""

from __future__ import annotations

import streamlit as st

from .state import date_range, event_filter, map_assets, map_data


def show_map(
    layer_frames: dict,
    *,
    show: list[str],
    key: str,
    frame_layers: dict | None = None,
    height: int = 620,
    extra_groups: list | None = None,
    bounds: tuple[float, float, float, float] | None = None,
) -> None:
    """Draw layers on a stable base map; only the feature groups change between reruns.

    The base map (tiles, framing) depends only on ``frame_layers`` (default: the layers
    themselves), so passing the whole corpus there keeps the view when the date range
    changes: streamlit-folium swaps the groups in place instead of remounting the map.
    """
    import folium
    from streamlit_folium import st_folium

    from geo.maps import build as maps
    from geo.maps import columnar

    tile_url = map_assets()["tile_url"]
    tiles = st.session_state.get("tiles", "offline")
    drawn = [s for s in show if s in maps.LAYER_TITLES]  # "frontline" comes as extra_groups
    bounds = (
        bounds or maps.data_bounds(frame_layers or layer_frames, show=drawn) or maps.UKRAINE_BOUNDS
    )
    legend = [*drawn, *(["frontline"] if extra_groups else [])]
    base = maps.build_base_map(tiles=tiles, tile_url=tile_url, bounds=bounds, legend=legend)
    groups = maps.layer_groups(layer_frames, show=drawn)
    groups += extra_groups or []
    groups.append(columnar.range_group(*date_range()))  # printed on an exported PNG
    st_folium(
        base,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=[],
        feature_group_to_add=groups,
        layer_control=folium.LayerControl(collapsed=False),
    )


def show_data_map(
    *,
    show: list[str],
    key: str,
    height: int = 620,
    extra_groups: list | None = None,
    focus: str | None = None,
    return_bounds: bool = False,
) -> tuple[float, float, float, float] | None:
    """The store's map, drawn in the browser from its per-revision files.

    The base map (tiles, frame, layer groups, the data's URL) changes only with the store's
    revision, so streamlit-folium keeps it mounted; a date-range or filter change re-sends
    only the tiny range group (and the front line, when shown) through
    ``feature_group_to_add``.

    Parameters
    ----------
    focus : str, optional
        An event id: the map flies to it and opens its popup (once per new id).
    return_bounds : bool
        Return the map's visible (south, west, north, east). Only then does a pan or zoom
        rerun the page: by default the map returns nothing and moving it costs the server
        nothing.
    """
    import folium
    from streamlit_folium import st_folium

    from geo.maps import build as maps
    from geo.maps import columnar

    tile_url = map_assets()["tile_url"]
    tiles = st.session_state.get("tiles", "offline")
    drawn = [s for s in show if s in maps.LAYER_TITLES]  # "frontline" comes as extra_groups
    start, end = date_range()
    data = map_data()
    at = data.index_of(focus) if focus is not None else None
    group = columnar.range_group(
        start, end, where=event_filter(), focus=(focus, at) if at is not None else None
    )
    base = columnar.build_columnar_map(
        data,
        show=drawn,
        tiles=tiles,
        tile_url=tile_url,
        layer_control=False,
        legend=["frontline"] if extra_groups else [],
    )
    out = st_folium(
        base,
        # streamlit-folium reads returned_objects when it mounts a map only: asking for the
        # bounds is another map (remounted once when the box is ticked).
        key=f"{key}-view" if return_bounds else key,
        height=height,
        use_container_width=True,
        returned_objects=["bounds"] if return_bounds else [],
        feature_group_to_add=[group, *(extra_groups or [])],
        layer_control=folium.LayerControl(collapsed=False),
    )
    if not return_bounds:
        return None
    return _bounds(out)


def _bounds(out) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) of what st_folium returned, or None before the first draw."""
    try:
        b = out["bounds"]
        sw, ne = b["_southWest"], b["_northEast"]
        return float(sw["lat"]), float(sw["lng"]), float(ne["lat"]), float(ne["lng"])
    except (KeyError, TypeError, ValueError):
        return None


def selected_event(*, key: str) -> str | None:
    """The event id of the row picked in the events table drawn under ``key``, if any.

    Read before the map is drawn (the pick reruns the page), so the map can fly to it; the
    ids are those of the rows as they were shown (``ui.show_events(..., ids=...)``), since a
    table filtered by the map's view may have changed under the pick.
    """
    picked = st.session_state.get(key)
    ids = st.session_state.get(f"_{key}_ids") or []
    try:
        rows = picked["selection"]["rows"]
    except (KeyError, TypeError):
        return None
    if not rows or not 0 <= rows[0] < len(ids):
        return None
    return str(ids[rows[0]])


# Seconds between playback steps on the Frontline page: each step is a fragment rerun on the
# server (a cached as-of lookup), so not faster than the server answers under load.
PLAY_SECONDS = 1.5


def frontline_playback(*, bounds, height: int = 480) -> None:
    """The Frontline map with playback: the as-of day steps through the sidebar's range.

    The control areas are polygons kept on the server (a snapshot can be megabytes), so
    playback runs there, not in the browser: a fragment re-run every ``PLAY_SECONDS`` moves
    the day by the step and redraws the map only; the rest of the page keeps the sidebar's
    range. Each as-of state is cached, and Streamlit sends a large unchanged group by hash,
    so days without a new snapshot cost little.
    """
    import datetime as dt

    from .state import PLAY_UNITS, step_day
    from .views import frontline_change, frontline_groups

    start, end = date_range()
    play = st.session_state.setdefault("front_play", {"day": None, "on": False})
    if play["day"] is not None and not start <= play["day"] <= end:
        play.update(day=None, on=False)  # the range moved under a paused playback
    c1, c2, c3, c4, c5, c6 = st.columns([1, 1, 1, 1, 2, 2])
    unit = c5.selectbox("Step", PLAY_UNITS, key="front_play_unit")
    window = c6.selectbox(
        "Window (days)",
        [1, 7, 14, 30, 91],
        index=1,
        key="front_play_window",
        help="The change table under the map compares the front this many days apart.",
    )

    def move(sign: int) -> None:
        play["on"] = False
        day = play["day"]
        play["day"] = start if day is None else max(start, min(step_day(day, unit, sign), end))

    def toggle() -> None:
        play["on"] = not play["on"]
        play["day"] = play["day"] or start

    # Callbacks, so the buttons are drawn with the state after the click.
    c1.button("« Step", key="front_back", help="Back one step", on_click=move, args=(-1,))
    c2.button(
        "Pause" if play["on"] else "▶ Play", key="front_play_btn", on_click=toggle,
        help="Step the as-of day through the date range",
    )  # fmt: skip
    c3.button("Step »", key="front_fwd", help="Forward one step", on_click=move, args=(1,))
    c4.button(
        "■ Stop", key="front_stop", help="Back to the end of the range",
        on_click=lambda: play.update(day=None, on=False),
    )  # fmt: skip

    @st.fragment(run_every=PLAY_SECONDS if play["on"] else None)
    def player() -> None:
        if play["on"] and play.get("drawn") == play["day"]:
            nxt = step_day(play["day"], unit, 1)
            if nxt > end:
                play["on"] = False
                st.rerun()  # the whole page: the play button shows "play" again
            play["day"] = nxt
        day = play["day"] or end
        play["drawn"] = day
        show_map(
            {}, show=[], key="front_map", bounds=bounds, extra_groups=frontline_groups(day),
            height=height,
        )  # fmt: skip
        if play["day"] is None:
            st.caption(f"Control areas as of {day:%d %b %Y} (the end of the range).")
            return
        first = day - dt.timedelta(days=window - 1)
        state = "playing" if play["on"] else "paused"
        st.caption(f"Control areas as of **{day:%d %b %Y}** ({state}, step: {unit}).")
        if window == 1:
            return
        change = frontline_change(first, day)
        if change is None or change.empty:
            st.caption(f"No change in the stored control areas {first:%d %b} → {day:%d %b %Y}.")
        else:
            st.caption(f"Change {first:%d %b} → {day:%d %b %Y}")
            st.dataframe(change, hide_index=True, width="stretch", height=180)

    player()


def legend(show: list[str]) -> None:
    """The map legend for the shown layers, drawn by Streamlit under the map's controls."""
    from geo.maps.legend import legend_html

    if markup := legend_html(show):
        st.markdown(markup, unsafe_allow_html=True)
