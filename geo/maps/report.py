"""A map for a report: one standalone HTML file that opens offline, legend and dates printed on it.

Leaflet, the plugins, our tools and the relief tiles around the data are written into the
file, so it needs nothing but itself: mail it, open it from a USB stick.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import InputError
from geo.maps.basemap import tile_span
from geo.maps.build import (
    DEFAULT_SHOW,
    UKRAINE_BOUNDS,
    _check_show,
    _heat_points,
    build_base_map,
    data_bounds,
    layer_groups,
)

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["EMBEDDED_TILES", "standalone_html"]

EMBEDDED_TILES = "embedded-tiles/{z}/{x}/{y}.jpg"
MAX_TILE_BYTES = 6_000_000  # finer zoom levels are left out beyond this (a mailable file)
_PREFIX = EMBEDDED_TILES.split("{", 1)[0]
_BLANK = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


def _tiles(
    tile_dir: Path, bounds: tuple[float, float, float, float], max_bytes: int
) -> dict[str, str]:
    """The relief tiles over ``bounds`` (with a margin) as data URLs, coarse levels first."""
    south, west, north, east = bounds
    dy, dx = (north - south) * 0.5, (east - west) * 0.5
    box = (south - dy, west - dx, north + dy, east + dx)
    zooms = sorted(int(p.name) for p in tile_dir.iterdir() if p.is_dir() and p.name.isdigit())
    out: dict[str, str] = {}
    total = 0
    for z in zooms:
        x0, x1, y0, y1 = tile_span(z, *box)
        level: dict[str, str] = {}
        size = 0
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                path = tile_dir / str(z) / str(x) / f"{y}.jpg"
                if path.is_file():
                    data = base64.b64encode(path.read_bytes()).decode("ascii")
                    level[f"{z}/{x}/{y}"] = "data:image/jpeg;base64," + data
                    size += len(data)
        if total + size > max_bytes and out:
            break  # Leaflet enlarges the finest level kept
        out.update(level)
        total += size
    return out


def _tile_script(tiles: dict[str, str]) -> str:
    # Tile URLs of the embedded template are answered from the page itself; a tile that is
    # not in it is blank, never fetched.
    data = json.dumps(tiles, separators=(",", ":"))
    return (
        "<script>(function () {\n"
        f"  var tiles = {data}, prefix = {json.dumps(_PREFIX)}, blank = {json.dumps(_BLANK)};\n"
        "  var url = L.TileLayer.prototype.getTileUrl;\n"
        "  L.TileLayer.prototype.getTileUrl = function (coords) {\n"
        "    var u = url.call(this, coords);\n"
        "    if (u.lastIndexOf(prefix, 0) !== 0) { return u; }\n"
        "    return tiles[u.slice(prefix.length).replace(/\\.jpg$/, '')] || blank;\n"
        "  };\n"
        "})();</script>\n"
    )


def _legend_box(title: str, start: dt.date, end: dt.date, show: Collection[str]) -> str:
    from geo.maps.legend import legend_html

    return (
        '<div class="geo-report-legend" style="position:fixed;left:10px;bottom:48px;'
        "z-index:1000;max-width:min(640px,80vw);background:rgba(255,255,255,.93);"
        "border:1px solid #888;border-radius:4px;padding:6px 9px;"
        'font:12px/1.5 system-ui,sans-serif;color:#111">'
        f"<b>{html.escape(title)}</b> · {start.isoformat()} – {end.isoformat()}<br>"
        f"{legend_html(show)}</div>\n"
    )


def standalone_html(
    layers: Mapping[str, gpd.GeoDataFrame],
    *,
    start: dt.date,
    end: dt.date,
    show: Collection[str] = DEFAULT_SHOW,
    tile_dir: str | os.PathLike[str] | None = None,
    bounds: tuple[float, float, float, float] | None = None,
    title: str = "Geo dashboard",
    max_tile_bytes: int = MAX_TILE_BYTES,
) -> str:
    """The map of ``layers`` as one HTML file that needs no network and no other file.

    Parameters
    ----------
    layers : mapping of str to GeoDataFrame
        The date range's layers (``geo.layers``), as for :func:`geo.maps.build.build_map`.
    start, end : datetime.date
        The range the layers hold, printed on the map with the legend.
    show : collection of str
        Layers to draw.
    tile_dir : path, optional
        The offline relief tiles (``static/tiles``); the tiles around the data are put in
        the file. None: no basemap.
    bounds : tuple, optional
        (south, west, north, east) to frame; default: the data, else Ukraine.
    title : str
        Printed above the legend and used as the page title.
    max_tile_bytes : int
        Budget for the embedded tiles; finer zoom levels are dropped beyond it.

    Returns
    -------
    str
        The page. It keeps the tools that need no server (measure, fullscreen, density,
        PNG export) and leaves out the place search.
    """
    import folium

    from geo.maps.assets import inline_assets
    from geo.maps.columnar import range_group

    if end < start:
        raise InputError(f"The range ends ({end}) before it starts ({start}).")
    names = _check_show(show)
    frame = bounds or data_bounds(layers, show=names) or UKRAINE_BOUNDS
    m = build_base_map(
        tiles="offline",
        tile_url=EMBEDDED_TILES,
        bounds=frame,
        legend=names,
        heat=_heat_points(layers, names),
        search=False,
        labels=False,  # names and lines are fetched per zoom from the app; none from a file
    )
    for group in layer_groups(layers, show=names):
        group.add_to(m)
    range_group(start, end).add_to(m)  # printed on an exported PNG
    folium.LayerControl(collapsed=True).add_to(m)
    page = inline_assets(m.get_root().render())
    tiles = _tiles(Path(tile_dir), frame, max_tile_bytes) if tile_dir is not None else {}
    head = f"<title>{html.escape(title)} · {start} – {end}</title>\n" + _tile_script(tiles)
    page = page.replace("</head>", head + "</head>", 1)
    return page.replace("</body>", _legend_box(title, start, end, names) + "</body>", 1)
