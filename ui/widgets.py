"""Map and legend widgets shared by pages: one place that knows streamlit-folium."""

from __future__ import annotations

import streamlit as st

from .state import date_range, map_assets, map_data


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
) -> None:
    """The store's map, drawn in the browser from its per-revision files.

    The base map (tiles, frame, layer groups, the data's URL) changes only with the store's
    revision, so streamlit-folium keeps it mounted; a date-range change re-sends only the
    tiny range group (and the front line, when shown) through ``feature_group_to_add``.
    """
    import folium
    from streamlit_folium import st_folium

    from geo.maps import build as maps
    from geo.maps import columnar

    tile_url = map_assets()["tile_url"]
    tiles = st.session_state.get("tiles", "offline")
    drawn = [s for s in show if s in maps.LAYER_TITLES]  # "frontline" comes as extra_groups
    start, end = date_range()
    base = columnar.build_columnar_map(
        map_data(),
        show=drawn,
        tiles=tiles,
        tile_url=tile_url,
        layer_control=False,
        legend=["frontline"] if extra_groups else [],
    )
    st_folium(
        base,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=[],
        feature_group_to_add=[columnar.range_group(start, end), *(extra_groups or [])],
        layer_control=folium.LayerControl(collapsed=False),
    )


def legend(show: list[str]) -> None:
    """The map legend for the shown layers, drawn by Streamlit under the map's controls."""
    from geo.maps.legend import legend_html

    if markup := legend_html(show):
        st.markdown(markup, unsafe_allow_html=True)
