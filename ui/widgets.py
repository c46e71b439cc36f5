"""Map and legend widgets shared by pages: one place that knows streamlit-folium."""

from __future__ import annotations

import html

import streamlit as st

from .state import map_assets


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

    tile_url = map_assets()["tile_url"]
    tiles = st.session_state.get("tiles", "offline")
    drawn = [s for s in show if s in maps.LAYER_TITLES]  # "frontline" comes as extra_groups
    bounds = (
        bounds or maps.data_bounds(frame_layers or layer_frames, show=drawn) or maps.UKRAINE_BOUNDS
    )
    base = maps.build_base_map(tiles=tiles, tile_url=tile_url, bounds=bounds)
    groups = maps.layer_groups(layer_frames, show=drawn)
    groups += extra_groups or []
    st_folium(
        base,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=[],
        feature_group_to_add=groups,
        layer_control=folium.LayerControl(collapsed=False),
    )


def legend(show: list[str]) -> None:
    """The map legend, drawn by Streamlit (branca legends need d3 from a CDN)."""
    from geo.maps import build as maps

    parts = []
    if "events" in show:
        parts.append("<b>Events</b>")
        for item in maps.legend_items():
            svg = maps.symbol_svg(item.event_type, size=14)
            parts.append(
                f'<span style="display:inline-flex;align-items:center;gap:4px;'
                f'margin-right:10px">{svg}{html.escape(item.label)}</span>'
            )
    if "evacuations" in show:
        parts.append(
            '<span style="margin-left:8px"><b>Evacuations</b> '
            '<span style="display:inline-block;width:12px;height:12px;border-radius:50%;'
            'border:2px solid #0072B2"></span> circle area ∝ people</span>'
        )
    if "oblasts" in show:
        swatches = "".join(
            f'<span style="display:inline-block;width:14px;height:12px;background:{b.colour};'
            f'border:1px solid #999;margin-left:2px" title="{html.escape(b.label)}"></span>'
            f'<span style="font-size:0.8em;margin-right:4px">{html.escape(b.label)}</span>'
            for b in maps.oblast_ramp()
        )
        parts.append(f'<span style="margin-left:8px"><b>Events per oblast</b> {swatches}</span>')
    if parts:
        st.markdown(" ".join(parts), unsafe_allow_html=True)
