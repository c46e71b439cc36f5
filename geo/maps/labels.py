"""The basemap's names and lines as files, and the folium layer that draws them.

Written once per content key to ``static/labels/<script>-<key>/`` as compact per-zoom JSON
that ``labels.js`` draws in the browser over the relief tiles, sharp at every zoom.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.config import data_dir
from geo.errors import DataError, InputError
from geo.maps import lines, mapnames
from geo.maps.assets import atomic_write
from geo.maps.basemap import swap_in
from geo.maps.lines import LINES_SCALE, encode_lines, line_bands, source_files
from geo.maps.mapnames import (
    MAX_ZOOM,
    STYLES,
    check_script,
    label_candidates,
    merc,
    place_labels,
)

if TYPE_CHECKING:
    import folium

    from geo.places.gazetteer import Gazetteer

__all__ = [
    "ATTRIBUTION",
    "DEFAULT_LABEL_URL",
    "LAYER_NAME",
    "LabelsInfo",
    "content_key",
    "ensure_basemap_labels",
    "label_layer",
    "labels_info",
]

DEFAULT_LABEL_URL = "/app/static/labels"
CHUNK_FROM = 9  # names first shown at this zoom or deeper are split by zoom-6 tile
CHUNK_ZOOM = 6
STYLE_NAMES = tuple(STYLES)
_FORMAT = 1


@dataclass(frozen=True, slots=True)
class LabelsInfo:
    """What :func:`ensure_basemap_labels` wrote."""

    folder: Path
    url: str
    key: str
    script: str
    labels: int
    files: int
    bytes: int
    seconds: float


def _source_files() -> list[Path]:
    files = source_files()
    files += [
        data_dir() / n
        for n in (
            "admin1.geojson.gz",
            "admin1_names.csv",
            "aliases.csv",
            "features.csv",
            "ua_settlements.csv.gz",
            "ru_border_settlements.csv.gz",
        )
    ]
    return files


def content_key(script: str) -> str:
    """Hash of everything the files are made of: sources, this module's code, the script.

    The gazetteer's own index key stands for its GeoNames data.
    """
    from geo.places.gazetteer_build import sources
    from geo.places.gazetteer_cache import file_digests, index_key

    h = hashlib.sha256()
    h.update(f"format={_FORMAT};script={script};".encode())
    h.update(index_key(sources()).encode())
    for module in (__file__, mapnames.__file__, lines.__file__):
        h.update(Path(module).read_bytes())
    files = _source_files()
    try:
        # The digest sidecar spares a warm start reading ~12 MB of line data each time.
        digests = file_digests(files)
    except DataError as exc:
        raise DataError(f"{exc} (a basemap source; reinstall the package.)") from exc
    for path, digest in zip(files, digests, strict=True):
        h.update(path.name.encode() + bytes.fromhex(digest))
    return h.hexdigest()[:16]


def _round(v: float) -> int:
    return round(v * 10000)


def _write_json(path: Path, obj: Any) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(data)
    return len(data)


def _chunk(lat: float, lon: float) -> str:
    x, y = merc(lat, lon)
    n = 2**CHUNK_ZOOM
    return f"{min(n - 1, int(x * n))}_{min(n - 1, int(y * n))}"


INDEX = "index.json"


def ensure_basemap_labels(
    static_dir: str | os.PathLike[str],
    *,
    script: str = "latin",
    gazetteer: Gazetteer | None = None,
    base_url: str = DEFAULT_LABEL_URL,
) -> LabelsInfo:
    """Write the label and line files to ``static_dir/labels/<script>-<key>/`` unless current.

    ``static_dir/labels/index.json`` names the current folder per script (the browser reads
    it first); folders of other keys are removed. A second call with the same content only
    reads the index and the folder's manifest.

    Parameters
    ----------
    static_dir : path
        The app's ``static`` folder (served at ``/app/static/``).
    script : str
        ``"latin"`` or ``"cyrillic"``.
    gazetteer : Gazetteer, optional
        Loaded only when the files must be written.
    base_url : str
        Where ``static_dir/labels`` is served.

    Returns
    -------
    LabelsInfo
    """
    check_script(script)
    static = Path(static_dir)
    if static.exists() and not static.is_dir():
        raise InputError(f"{static} is a file; give the app's static folder.")
    root = static / "labels"
    key = content_key(script)
    name = f"{script}-{key}"
    folder = root / name
    info = labels_info(folder, base_url=base_url)
    if info is not None and info.key == key:
        _write_index(root, script, name)
        return info

    t0 = time.process_time()
    if gazetteer is None:
        from geo.places.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    root.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(dir=root, prefix=f".{name}.build-"))
    build.chmod(0o755)
    try:
        labels = label_candidates(gazetteer, script=script)
        first = place_labels(labels)
        per_file: dict[str, list] = {}
        shown = 0
        for lb, at in zip(labels, first, strict=True):
            if at is None:
                continue
            z = at.zoom
            shown += 1
            entry = [_round(at.lon), _round(at.lat), lb.name, STYLE_NAMES.index(lb.style)]
            rel = f"z{z}.json" if z < CHUNK_FROM else f"z{z}/{_chunk(at.lat, at.lon)}.json"
            per_file.setdefault(rel, []).append(entry)
        size = 0
        for rel, rows in per_file.items():
            size += _write_json(build / rel, rows)
        for band, lines in line_bands().items():
            size += _write_json(build / f"lines{band}.json", encode_lines(lines, LINES_SCALE[band]))
        chunks: dict[str, list[str]] = {}
        for rel in per_file:
            if "/" in rel:
                z, c = rel.split("/")
                chunks.setdefault(z[1:], []).append(c[: -len(".json")])
        seconds = time.process_time() - t0
        manifest = {
            "format": _FORMAT,
            "key": key,
            "script": script,
            "maxZoom": MAX_ZOOM,
            "chunkFrom": CHUNK_FROM,
            "chunkZoom": CHUNK_ZOOM,
            "zooms": sorted(int(r[1:-5]) for r in per_file if "/" not in r),
            "chunks": {z: sorted(c) for z, c in sorted(chunks.items())},
            "styles": [
                {
                    "font": s.font,
                    "color": s.color,
                    "anchor": s.anchor,
                    "caps": s.caps,
                    "maxZoom": s.max_zoom,
                    "size": s.size,
                }
                for s in STYLES.values()
            ],
            "lineBands": [0, 6, 8],
            "labels": shown,
            "files": len(per_file) + len(LINES_SCALE),
            "bytes": size,
            "cpuSeconds": round(seconds, 2),
            "attribution": ATTRIBUTION,
        }
        _write_json(build / "manifest.json", manifest)
        swap_in(build, folder)
    finally:
        shutil.rmtree(build, ignore_errors=True)
    _write_index(root, script, name)
    for old in root.iterdir():
        if old.is_dir() and old.name.startswith(f"{script}-") and old.name != name:
            shutil.rmtree(old, ignore_errors=True)
    info = labels_info(folder, base_url=base_url)
    if info is None:
        raise DataError(f"Writing the basemap labels to {folder} failed; check the disk.")
    return info


def _write_index(root: Path, script: str, name: str) -> None:
    path = root / INDEX
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
        index = index if isinstance(index, dict) else {}
    except (OSError, ValueError):
        index = {}
    if index.get(script) == name:
        return
    index[script] = name
    atomic_write(path, json.dumps(index).encode("utf-8"))


def labels_info(
    folder: str | os.PathLike[str], *, base_url: str = DEFAULT_LABEL_URL
) -> LabelsInfo | None:
    """What a label folder holds according to its manifest, or None when there is none."""
    path = Path(folder)
    try:
        m = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        return LabelsInfo(
            folder=path,
            url=f"{base_url.rstrip('/')}/{path.name}",
            key=str(m["key"]),
            script=str(m["script"]),
            labels=int(m["labels"]),
            files=int(m["files"]),
            bytes=int(m["bytes"]),
            seconds=float(m["cpuSeconds"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


_LAYER_CLASS: list[type] = []


def _layer_class() -> type:
    if _LAYER_CLASS:
        return _LAYER_CLASS[0]
    import folium
    from folium.elements import JSCSSMixin
    from folium.template import Template

    from geo.maps.assets import labels_js_url
    from geo.maps.popups import _js_json

    class BasemapLabels(JSCSSMixin, folium.map.Layer):
        """Place names, borders, rivers and coasts drawn by ``labels.js`` over the relief."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "var {{ this.get_name() }} = GeoLabels.layer({{ this.options }});"
            "{% endmacro %}"
        )

        def __init__(self, options: dict, *, name: str, show: bool) -> None:
            super().__init__(name=name, overlay=True, control=True, show=show)
            self._name = "BasemapLabels"
            self.options = _js_json(options)
            self.default_js = [("geolabels", labels_js_url())]

    _LAYER_CLASS.append(BasemapLabels)
    return BasemapLabels


LAYER_NAME = "Names, borders, rivers"
# On the map while the layer is shown: GeoNames asks for credit (CC-BY 4.0).
ATTRIBUTION = "Names: GeoNames (CC-BY), KATOTTG; lines: GSHHG"


def label_layer(
    *, base_url: str = DEFAULT_LABEL_URL, script: str = "latin", show: bool = True
) -> folium.map.Layer:
    """The folium layer that draws the label and line files under ``base_url``.

    The browser reads ``base_url/index.json`` for the current folder of ``script``, so the
    rendered map does not change when the files are rebuilt.
    """
    check_script(script)
    if not base_url or any(c.isspace() for c in base_url):
        raise InputError(f"Label base URL {base_url!r} is empty or has spaces.")
    options = {"url": base_url.rstrip("/"), "script": script, "attribution": ATTRIBUTION}
    return _layer_class()(options, name=LAYER_NAME, show=show)
