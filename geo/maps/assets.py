"""Offline browser assets for folium maps: Leaflet and plugin JS/CSS served by the app itself.

Files come from the ``folium-offline`` package; folium's classes are repointed to them.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from geo.errors import DataError, InputError

__all__ = [
    "DEFAULT_BASE_URL",
    "MAP_RESOURCES",
    "asset_table",
    "atomic_write",
    "controls_js_url",
    "ensure_static_assets",
    "external_urls",
    "geomap_js_url",
    "inline_assets",
    "labels_js_url",
    "use_cdn_assets",
    "use_local_assets",
]

DEFAULT_BASE_URL = "/app/static/lib"
MANIFEST = "manifest.json"

# (class path, resource name) of every file our maps load. folium.Map also lists jQuery,
# Bootstrap, Font Awesome and awesome-markers; maps.py drops them from each map because our
# layers use none of them (no folium.Popup, which needs jQuery; no folium.Icon).
MAP_RESOURCES: tuple[tuple[str, str], ...] = (
    ("folium.folium.Map", "leaflet"),
    ("folium.folium.Map", "leaflet_css"),
    ("folium.plugins.marker_cluster.MarkerCluster", "markerclusterjs"),
    ("folium.plugins.marker_cluster.MarkerCluster", "markerclustercss"),
    ("folium.plugins.marker_cluster.MarkerCluster", "markerclusterdefaultcss"),
    # The map's tools (geo.maps.controls).
    ("folium.plugins.fullscreen.Fullscreen", "Control.Fullscreen.js"),
    ("folium.plugins.fullscreen.Fullscreen", "Control.FullScreen.css"),
    ("folium.plugins.measure_control.MeasureControl", "leaflet_measure_js"),
    ("folium.plugins.measure_control.MeasureControl", "leaflet_measure_css"),
    ("folium.plugins.heat_map.HeatMap", "leaflet-heat.js"),
)

# Our own browser code for the columnar map (geo.maps.columnar); written next to the library
# files under a name that changes with its content, so browsers never run a stale copy.
GEOMAP_JS = Path(__file__).with_name("geomap.js")
CONTROLS_JS = Path(__file__).with_name("controls.js")  # the map's tools (geo.maps.controls)
# The basemap's names and lines (geo.maps.labels), served the same way.
LABELS_JS = Path(__file__).with_name("labels.js")
_BASE_URL = [DEFAULT_BASE_URL]


def _own_name(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
    return f"{path.stem}.{digest}.js"


def _geomap_name() -> str:
    return _own_name(GEOMAP_JS)


def geomap_js_url() -> str:
    """Where the map's own script is served (under the base of ``use_local_assets``)."""
    return f"{_BASE_URL[0]}/{_geomap_name()}"


def controls_js_url() -> str:
    """Where the map tools' script is served (under the base of ``use_local_assets``)."""
    return f"{_BASE_URL[0]}/{_own_name(CONTROLS_JS)}"


def labels_js_url() -> str:
    """Where the basemap labels' script is served (under the base of ``use_local_assets``)."""
    return f"{_BASE_URL[0]}/{_own_name(LABELS_JS)}"


# Source-map comments make browsers with DevTools open ask for .map files we do not ship.
_SOURCE_MAP = re.compile(
    r"^\s*(?://# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$", re.M
)

# Namespace identifiers that look like URLs but are never fetched.
_NAMESPACES = (
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/XML/1998/namespace",
)

# Snapshot of every class's original (CDN) lists, taken before we first repoint anything,
# so repointing twice or restoring is exact. Key: the class; value: (js, css).
_ORIGINALS: dict[type, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {}


def _subclasses(root: type) -> Iterable[type]:
    seen: set[type] = set()
    stack = [root]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                stack.append(sub)
                yield sub


def _asset_classes() -> list[type]:
    """Every folium/branca element class that declares its own JS or CSS list."""
    import branca.element
    import folium
    import folium.plugins  # noqa: F401  (registers the plugin classes as subclasses)

    found = []
    for cls in _subclasses(branca.element.Element):
        # folium-offline defines look-alike classes that inline _res[url]: never touch them.
        if cls.__module__.startswith("offlinefolium"):
            continue
        if "default_js" in cls.__dict__ or "default_css" in cls.__dict__:
            found.append(cls)
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _snapshot() -> dict[type, tuple[list[tuple[str, str]], list[tuple[str, str]]]]:
    for cls in _asset_classes():
        if cls not in _ORIGINALS:
            _ORIGINALS[cls] = (
                list(cls.__dict__.get("default_js", [])),
                list(cls.__dict__.get("default_css", [])),
            )
    return _ORIGINALS


def _local_name(url: str, kind: str) -> str:
    """A stable file name for a CDN URL: its base name, a short hash, the right extension.

    The hash keeps two files with the same base name apart and changes the name when folium
    moves to a new version (so browsers never reuse a stale cached copy).
    """
    base = PurePosixPath(urlsplit(url).path).name or "resource"
    stem = base[: -len(kind) - 1] if base.endswith("." + kind) else base
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    return f"{stem}.{digest}.{kind}"


def asset_table() -> dict[str, tuple[str, str]]:
    """Every CDN URL folium and its plugins can load, mapped to ``(kind, local file name)``.

    Returns
    -------
    dict
        ``{url: ("js" | "css", file_name)}`` over all element classes found by walking the
        subclasses of ``branca.element.Element`` (72 URLs with folium 0.20).
    """
    table: dict[str, tuple[str, str]] = {}
    for js, css in _snapshot().values():
        for kind, pairs in (("js", js), ("css", css)):
            for _name, url in pairs:
                table.setdefault(url, (kind, _local_name(url, kind)))
    return table


def _map_resource_urls() -> list[str]:
    by_path = {f"{c.__module__}.{c.__qualname__}": c for c in _snapshot()}
    urls = []
    for class_path, name in MAP_RESOURCES:
        js, css = _ORIGINALS[by_path[class_path]]
        urls.extend(url for n, url in js + css if n == name)
    return urls


def _read_manifest(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _package_version() -> str | None:
    try:
        return metadata.version("folium-offline")
    except metadata.PackageNotFoundError:
        return None


def _resources() -> dict[str, str]:
    """folium-offline's copies of every CDN file, keyed by CDN URL."""
    try:
        from offlinefolium.elements import _res
    except ImportError as exc:
        raise DataError(
            "folium-offline is not installed; run `pip install folium-offline==0.20.0.2`."
        ) from exc
    return _res


def _is_current(lib: Path, files: dict, url: str, name: str) -> bool:
    entry = files.get(name)
    if not isinstance(entry, dict) or entry.get("url") != url:
        return False
    target = lib / name
    return target.is_file() and target.stat().st_size == entry.get("bytes")


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file served to the browser: readers see the old or the new one, never a part."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ensure_static_assets(
    static_dir: str | os.PathLike[str],
    *,
    everything: bool = False,
    on_write: Callable[[Path], None] | None = None,
) -> Path:
    """Write the JS/CSS files our maps load into ``static_dir/lib``; skip what is current.

    Parameters
    ----------
    static_dir : path
        The app's ``static`` folder (next to ``app.py``; Streamlit serves it at
        ``/app/static/`` when ``server.enableStaticServing`` is on).
    everything : bool
        Also write the files of every other folium plugin (72 files, ~4 MB), for pages that
        use plugins our maps do not.
    on_write : callable, optional
        Called with the path of each file actually written.

    Returns
    -------
    pathlib.Path
        The ``lib`` folder.

    Raises
    ------
    DataError
        If folium-offline is missing or lacks a resource folium asks for.
    """
    static = Path(static_dir)
    if static.exists() and not static.is_dir():
        raise InputError(f"{static} is a file; give the app's static folder.")
    lib = static / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    table = asset_table()
    urls = list(table) if everything else _map_resource_urls()
    for source in (GEOMAP_JS, CONTROLS_JS, LABELS_JS):
        ours = lib / _own_name(source)
        if not ours.is_file() or ours.read_bytes() != source.read_bytes():
            atomic_write(ours, source.read_bytes())
            if on_write is not None:
                on_write(ours)
    manifest_path = lib / MANIFEST
    manifest = _read_manifest(manifest_path)
    files: dict = dict(manifest.get("files", {}))
    version = _package_version()
    if manifest.get("version") == version and all(
        _is_current(lib, files, url, table[url][1]) for url in urls
    ):
        # Fast path: no need to import folium-offline's 7 MB of strings.
        return lib

    res = _resources()
    missing = [u for u in urls if u not in res]
    if missing:
        raise DataError(
            f"folium-offline has no copy of {missing[:3]}; install the folium-offline version "
            "that matches folium (see requirements.txt)."
        )
    for url in urls:
        name = table[url][1]
        data = _SOURCE_MAP.sub("", res[url]).strip().encode("utf-8") + b"\n"
        digest = hashlib.sha256(data).hexdigest()
        target = lib / name
        entry = files.get(name, {})
        if (
            entry.get("sha256") != digest
            or not target.is_file()
            or target.stat().st_size != len(data)
        ):
            atomic_write(target, data)
            if on_write is not None:
                on_write(target)
        files[name] = {"url": url, "sha256": digest, "bytes": len(data)}
    body = {
        "source": "PyPI folium-offline (MIT)",
        "version": version,
        "files": dict(sorted(files.items())),
    }
    if body != manifest:
        atomic_write(manifest_path, (json.dumps(body, indent=1) + "\n").encode("utf-8"))
    return lib


def use_local_assets(base_url: str = DEFAULT_BASE_URL) -> None:
    """Point every folium/branca/plugin class at local copies under ``base_url``.

    Afterwards rendered maps load ``base_url/<file>`` instead of CDN URLs, both in
    ``Map.get_root().render()`` and in streamlit-folium (which reads the same lists).
    Call it once at start-up, before building maps; it is idempotent.

    Parameters
    ----------
    base_url : str
        URL prefix the files are served under, without a trailing slash.
    """
    if not base_url or any(c.isspace() for c in base_url):
        raise InputError(f"Asset base URL {base_url!r} is empty or has spaces.")
    base = base_url.rstrip("/")
    _BASE_URL[0] = base
    table = asset_table()
    for cls, (js, css) in _snapshot().items():
        if "default_js" in cls.__dict__:
            cls.default_js = [(n, f"{base}/{table[u][1]}") for n, u in js]
        if "default_css" in cls.__dict__:
            cls.default_css = [(n, f"{base}/{table[u][1]}") for n, u in css]


def use_cdn_assets() -> None:
    """Undo :func:`use_local_assets`: every class gets its original CDN lists back."""
    for cls, (js, css) in _snapshot().items():
        if "default_js" in cls.__dict__:
            cls.default_js = list(js)
        if "default_css" in cls.__dict__:
            cls.default_css = list(css)


_URL = re.compile(
    r"""(?:https?|wss?|ftp):\\?/\\?/[^\s"'<>`)\\]+|(?<=["'(])//[\w.-]+\.\w+/[^\s"'<>`)\\]*"""
)
_ANCHOR_HREF = re.compile(r"""(<a\b[^>]*?\bhref\s*=\s*)(["'])[^"']*\2""", re.IGNORECASE)
_JSON_ESCAPES = re.compile(r"\\u([0-9a-fA-F]{4})")
# A script line that is only a comment (folium's MeasureControl template cites an issue URL).
_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*$", re.M)
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def external_urls(page: str, *, block_comments: bool = True) -> list[str]:
    r"""Non-local URLs in rendered map HTML that a browser might fetch.

    Finds absolute (``https://``) and protocol-relative (``//host/``) URLs anywhere in the
    page, including inside JSON/JS strings (``\u003c`` and ``\/`` escapes are undone
    first), in ``src``/``href`` attributes, CSS ``url()`` and tile URL templates.
    Hyperlinks (``<a href>``) are left out: they load only when the user clicks them. XML
    namespace names (``http://www.w3.org/2000/svg``) are left out: they are never fetched.
    So are script lines that are only a ``//`` comment.

    Parameters
    ----------
    page : str
        HTML, e.g. ``m.get_root().render()``.
    block_comments : bool
        Also look inside ``/* ... */`` comments. Pass False for a page with inlined libraries,
        whose licence headers cite their home pages (then a ``/*`` inside a string could hide
        a URL after it: check such pages in a browser too).

    Returns
    -------
    list of str
        Distinct URLs in order of first appearance; empty when the page is self-contained.
    """
    text = _LINE_COMMENT.sub("", page)
    if not block_comments:
        text = _BLOCK_COMMENT.sub("", text)
    text = _JSON_ESCAPES.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = text.replace('\\"', '"').replace("\\/", "/")
    text = _ANCHOR_HREF.sub(r"\1\2\2", text)
    found: dict[str, None] = {}
    for match in _URL.finditer(text):
        url = html.unescape(match.group(0)).rstrip(".,;")
        if any(url.startswith(ns) for ns in _NAMESPACES):
            continue
        found.setdefault(url, None)
    return list(found)


_SCRIPT_SRC = re.compile(r"""<script\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>\s*</script>""", re.I)
_STYLESHEET = re.compile(
    r"""<link\b(?=[^>]*\brel\s*=\s*["']stylesheet["'])[^>]*?\bhref\s*=\s*["']([^"']+)["'][^>]*>""",
    re.I,
)


def _asset_text(url: str) -> str:
    """The text of a file a map loads, by its CDN URL or the local name it is served as."""
    for source in (GEOMAP_JS, CONTROLS_JS, LABELS_JS):
        if url.rsplit("/", 1)[-1] == _own_name(source):
            return source.read_text(encoding="utf-8")
    table = asset_table()
    by_name = {name: cdn for cdn, (_kind, name) in table.items()}
    cdn = url if url in table else by_name.get(url.rsplit("/", 1)[-1])
    res = _resources()
    if cdn is None or cdn not in res:
        raise DataError(f"No local copy of {url!r} to put into a standalone map.")
    return _SOURCE_MAP.sub("", res[cdn]).strip()


def inline_assets(page: str) -> str:
    """``page`` with every script and stylesheet it loads written into it, for use offline.

    Parameters
    ----------
    page : str
        Rendered map HTML (``m.get_root().render()``), with CDN or local asset URLs.

    Returns
    -------
    str
        The same page needing no file but itself.

    Raises
    ------
    DataError
        If the page loads a file that folium-offline or this package does not have.
    """

    def script(match: re.Match) -> str:
        text = _asset_text(html.unescape(match.group(1)))
        return "<script>\n" + re.sub(r"</(script)", r"<\\/\1", text, flags=re.I) + "\n</script>"

    def style(match: re.Match) -> str:
        text = _asset_text(html.unescape(match.group(1)))
        return "<style>\n" + re.sub(r"</(style)", r"<\\/\1", text, flags=re.I) + "\n</style>"

    return _STYLESHEET.sub(style, _SCRIPT_SRC.sub(script, page))
