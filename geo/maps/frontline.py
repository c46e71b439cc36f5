"""Front-line overlays: control areas and the front line as of a day, as one folium group.

geo.frontline computes the geometries; this module frames and draws them in the map's style.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geo.maps.popups import _esc
from geo.maps.style import CONTROL_AREA_STYLE, FRONT_LINE_STYLE

if TYPE_CHECKING:
    import folium

__all__ = [
    "AREA_FIELDS",
    "GROUP_NAME",
    "LINE_FIELDS",
    "frontline_bounds",
    "frontline_geojson",
    "frontline_group",
]

GROUP_NAME = "Front line (as of end date)"
AREA_FIELDS: tuple[str, ...] = ("source", "class", "date")
LINE_FIELDS: tuple[str, ...] = ("source", "date", "length_km")
PAD_DEGREES = 0.5  # the front with some country around it


def frontline_geojson(areas: Any, line: Any) -> tuple[str | None, str | None]:
    """GeoJSON of the control areas and the front line, with only the fields the map shows.

    Parameters
    ----------
    areas : geopandas.GeoDataFrame
        As-of control areas (``geo.frontline.asof.as_of_layer``); non-polygons are dropped.
    line : geopandas.GeoDataFrame
        The front line (``geo.frontline.asof.front_line_layer``).

    Returns
    -------
    tuple of (str or None, str or None)
        Areas and line as GeoJSON text, None for an empty layer. Plain strings, so a caller
        can cache them cheaply.
    """
    polys = areas[areas.geometry.geom_type.isin(["Polygon", "MultiPolygon"])]
    return (
        _escaped(polys[[*AREA_FIELDS, "geometry"]]).to_json() if not polys.empty else None,
        _escaped(line[[*LINE_FIELDS, "geometry"]]).to_json() if not line.empty else None,
    )


def _escaped(frame: Any) -> Any:
    """Text fields escaped: folium's tooltip writes them as HTML, inside a branca template."""
    frame = frame.copy()
    for col in frame.columns:
        if col != frame.geometry.name and frame[col].dtype == object:
            frame[col] = [v if v is None or not isinstance(v, str) else _esc(v) for v in frame[col]]
    return frame


def frontline_group(areas: str | None, line: str | None) -> folium.FeatureGroup:
    """One overlay with the control areas under the front line, each with a tooltip.

    Parameters
    ----------
    areas, line : str or None
        GeoJSON from :func:`frontline_geojson`; None draws nothing for that part.
    """
    import folium

    group = folium.FeatureGroup(name=GROUP_NAME, show=True)
    if areas:
        folium.GeoJson(
            areas,
            style_function=lambda f: dict(CONTROL_AREA_STYLE),
            tooltip=folium.GeoJsonTooltip(fields=list(AREA_FIELDS)),
        ).add_to(group)
    if line:
        folium.GeoJson(
            line,
            style_function=lambda f: dict(FRONT_LINE_STYLE),
            tooltip=folium.GeoJsonTooltip(fields=list(LINE_FIELDS)),
        ).add_to(group)
    return group


def frontline_bounds(snapshots: Any) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) around every snapshot: a steady frame for the front.

    Parameters
    ----------
    snapshots : geopandas.GeoDataFrame
        All stored snapshots (``geo.frontline.asof.snapshots_frame``).

    Returns
    -------
    tuple of float or None
        The padded bounds, or None when there are no snapshots.
    """
    if snapshots.empty:
        return None
    west, south, east, north = snapshots.total_bounds
    pad = PAD_DEGREES
    return south - pad, west - pad, north + pad, east + pad
