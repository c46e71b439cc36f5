"""The dashboard map at scale: a store revision's columns written once as static files.

The browser (our own ``geomap.js``) fetches them once, filters by date, clusters per zoom and
draws only what is in view; a date-range change sends the two day numbers, nothing more.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import InputError
from geo.maps.basemap import DEFAULT_MAX_ZOOM
from geo.maps.build import (
    DEFAULT_SHOW,
    LAYER_NAMES,
    LAYER_TITLES,
    UKRAINE_BOUNDS,
    build_base_map,
    points_bounds,
)
from geo.maps.popups import _QUOTE_MAX, _esc, _js_json, _link
from geo.maps.style import (
    _EVENT_STYLE,
    _ICON_PX,
    _OTHER_STYLE,
    _PLACE_COLOUR,
    EVACUATION_COLOUR,
    _label,
    oblast_ramp,
    symbol_svg,
)
from geo.records import EventType, ToponymRole

if TYPE_CHECKING:
    import folium
    import numpy as np
    import pandas as pd

__all__ = [
    "DATA_DIR",
    "MapData",
    "MapSummary",
    "build_columnar_map",
    "columnar_layers",
    "map_data",
    "range_group",
]

DATA_DIR = "mapdata"
DATA_VERSION = 1  # bump when the files' layout changes: the folder name changes with it
CHUNK = 2_000  # events per popup file: a click fetches ~300 kB at most
KEEP = 4  # revisions kept on disk; older folders are removed when a new one is written
CELL_PX = 60  # grid cell of the browser's clustering, in screen pixels
NONE16 = 65_535
UNDATED = -(2**31)
EVACUATION_TYPES = (EventType.EVACUATION.value, EventType.DISPLACEMENT.value)
COUNTED_ROLES = (ToponymRole.LITERAL.value, ToponymRole.METONYMIC.value)


@dataclasses.dataclass(frozen=True, slots=True)
class MapSummary:
    """The figures a page shows above the map for a date range."""

    events: int
    places: int
    oblasts: int
    people_evacuated: int


@dataclasses.dataclass(frozen=True, slots=True, eq=False)
class MapData:
    """A revision's map files (under ``url``) and the few columns the server still needs.

    The arrays (day numbers, codes, counts) answer :meth:`summary` for any range with
    vectorised masks; text stays on disk, in the popup files.
    """

    url: str
    folder: Path
    bounds: tuple[float, float, float, float] | None
    n_events: int
    day_start: np.ndarray
    day_end: np.ndarray
    evacuation: np.ndarray
    people: np.ndarray
    oblast: np.ndarray
    mention_place: np.ndarray
    mention_day: np.ndarray

    def summary(self, start: dt.date, end: dt.date) -> MapSummary:
        """Events, places mentioned, oblasts with events and people evacuated in a range."""
        import numpy as np

        from geo.store.frames import day_number

        lo, hi = day_number(start), day_number(end)
        hit = (self.day_start <= hi) & (self.day_end >= lo)
        oblasts = np.unique(self.oblast[hit & (self.oblast != NONE16)])
        d = self.mention_day
        seen = (d == UNDATED) | ((d >= lo) & (d <= hi))
        people = np.nansum(self.people[hit & self.evacuation])
        return MapSummary(
            events=int(hit.sum()),
            places=len(np.unique(self.mention_place[seen])),
            oblasts=len(oblasts),
            people_evacuated=int(people),
        )


# -- writing a revision's files -------------------------------------------------------------


def _type_codes(events: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    import numpy as np

    types = [t.value for t in EventType]
    extra = sorted(set(events["event_type"].astype(str)) - set(types))
    types += extra
    codes = {t: k for k, t in enumerate(types)}
    values = events["event_type"].astype(str).map(codes).to_numpy(dtype=np.uint8)
    return types, values


def _oblasts(events: pd.DataFrame) -> tuple[dict, list[str]]:
    """The admin-1 polygons to shade (as for the old map) as GeoJSON, and their codes."""
    import numpy as np
    import shapely
    from shapely.geometry import mapping

    from geo.layers.build import oblasts_layer

    gdf = oblasts_layer(events)
    # 4 decimals (~10 m) is finer than the 1:10m source and shrinks the file a lot.
    geoms = shapely.transform(gdf.geometry.to_numpy(), lambda xy: np.round(xy, 4))
    features = []
    for i, (code, name, country, geom) in enumerate(
        zip(gdf["code"], gdf["name"], gdf["country"], geoms, strict=True)
    ):
        label = _esc(name if isinstance(name, str) and name else code or "?")
        extra = f" <small>{_esc(country)}</small>" if isinstance(country, str) and country else ""
        features.append(
            {
                "type": "Feature",
                "geometry": mapping(geom),
                "properties": {"i": i, "tip": f"<b>{label}</b>{extra}"},
            }
        )
    return {"type": "FeatureCollection", "features": features}, gdf["code"].tolist()


def _objects(series: pd.Series) -> list:
    """A column as a list with None for every missing value (one vectorised pass)."""
    return series.astype(object).where(series.notna(), None).tolist()


def _count(value: Any) -> str | None:
    return None if value is None else f"{int(value):,}"


def _popup_rows(events: pd.DataFrame) -> tuple[list[list], list[str]]:
    """Per event ``[type, dates, where, counts, quote, source index]``, escaped, and sources."""
    start = events["day_start"].to_numpy().astype("datetime64[D]").astype(str).tolist()
    end = events["day_end"].to_numpy().astype("datetime64[D]").astype(str).tolist()
    cols = [
        _objects(events[c]) if c in events.columns else [None] * len(events)
        for c in (
            "event_type", "location", "admin1", "geo_precision", "people", "children",
            "quote", "source", "url",
        )
    ]  # fmt: skip
    sources: dict[str, int] = {}
    rows = []
    for d0, d1, etype, location, admin1, geo, people, children, quote, source, url in zip(
        start, end, *cols, strict=True
    ):
        where = ", ".join(_esc(v) for v in (location, admin1) if v)
        if geo and geo != "settlement":
            where += f" ({_esc(geo)} precision)"
        counts = "; ".join(
            f"{label}: {n}"
            for label, n in (("People", _count(people)), ("children", _count(children)))
            if n is not None
        )
        text = None
        if quote:
            text = str(quote)
            if len(text) > _QUOTE_MAX:
                text = text[: _QUOTE_MAX - 1].rstrip() + "…"
            text = _esc(text)
        link = _link(url, source)
        rows.append(
            [
                _esc(etype),
                d0 if d0 == d1 else f"{d0} – {d1}",
                where or None,
                counts or None,
                text,
                sources.setdefault(link, len(sources)) if link else None,
            ]
        )
    return rows, list(sources)


def _places(mentions: pd.DataFrame) -> tuple[dict, np.ndarray, np.ndarray, np.ndarray]:
    """Static place fields (escaped) and the counted mentions as (place, article, day)."""
    import numpy as np
    import pandas as pd

    m = mentions[mentions["place_id"].notna() & mentions["role"].isin(COUNTED_ROLES)]
    place, place_ids = pd.factorize(m["place_id"])
    article, _ = pd.factorize(m["article_id"])
    day = m["published_day"].fillna(UNDATED).to_numpy(dtype=np.int64).astype(np.int32)
    order = np.lexsort((article, place))
    first = m.groupby("place_id", sort=False).first().reindex(place_ids)
    forms = m.groupby(["place_id", "surface"], sort=False).size().rename("n").reset_index()
    forms = forms.sort_values(["place_id", "n", "surface"], ascending=[True, False, True])
    named = forms.groupby("place_id", sort=False)["surface"].agg("; ".join).reindex(place_ids)
    names, lines, at = [], [], []
    for name, admin1, cc, pop, forms_text in zip(
        _objects(first["name"]),
        _objects(first["admin1"]),
        _objects(first["country_code"]),
        _objects(first["population"]),
        named.tolist(),
        strict=True,
    ):
        row = []
        where = ", ".join(_esc(v) for v in (admin1, cc) if v)
        if where:
            row.append(where)
        if pop is not None:
            row.append(f"Population: {int(pop):,}")
        at.append(len(row))  # the browser puts "Mentions: n in k article(s)" here
        if forms_text:
            row.append(f"Named as: {_esc(forms_text)}")
        names.append(_esc(name or "?"))
        lines.append(row)
    static = {
        "name": names,
        "lat": np.round(first["lat"].to_numpy(dtype=float), 5).tolist(),
        "lon": np.round(first["lon"].to_numpy(dtype=float), 5).tolist(),
        "lines": lines,
        "at": at,
    }
    return (
        static,
        place[order].astype(np.uint32),
        article[order].astype(np.uint32),
        day[order],
    )


def _digest(key: str) -> str:
    return hashlib.sha256(f"v{DATA_VERSION}|{key}".encode()).hexdigest()[:20]


def _prune(root: Path, keep: Path) -> None:
    folders = [p for p in root.iterdir() if p.is_dir() and p != keep and not p.name.startswith(".")]
    folders.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in folders[KEEP - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def map_data(
    events: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    static_dir: str | os.PathLike[str],
    key: str,
    base_url: str = "/app/static",
) -> MapData:
    """Write (once per ``key``) the files the browser map reads, and return their handle.

    Parameters
    ----------
    events : pandas.DataFrame
        Every event of the store, ``store.events_frame(details=True)`` (date order).
    mentions : pandas.DataFrame
        ``store.mentions_frame()``.
    static_dir : path
        The app's ``static`` folder; files go to ``static_dir/mapdata/<digest of key>/``.
    key : str
        What the data is of, e.g. the store location and revision. Only a hash of it is
        written or shown (a store URL may hold a password).
    base_url : str
        The URL ``static_dir`` is served under.

    Returns
    -------
    MapData
        The folder's URL, the frame of the data, and arrays for per-range summaries.
    """
    import numpy as np

    if not events["day_start"].is_monotonic_increasing:
        events = events.sort_values("day_start", kind="stable")
    root = Path(static_dir) / DATA_DIR
    root.mkdir(parents=True, exist_ok=True)
    folder = root / _digest(key)
    types, type_codes = _type_codes(events)
    oblast_doc, codes = _oblasts(events)
    index = {c: i for i, c in enumerate(codes)}
    oblast = (
        events["admin1_code"].astype(object).map(index).fillna(NONE16).to_numpy(dtype=np.uint16)
    )
    people = events["people"].astype("Float64").to_numpy(dtype=np.float32, na_value=np.nan)
    places, m_place, m_article, m_day = _places(mentions)
    lat = events["lat"].to_numpy(dtype=np.float64)
    lon = events["lon"].to_numpy(dtype=np.float64)
    day_start = events["day_start"].to_numpy(dtype=np.int32)
    day_end = events["day_end"].to_numpy(dtype=np.int32)
    n = len(events)
    if not (folder / "meta.json").is_file():
        with tempfile.TemporaryDirectory(dir=root, prefix=".tmp-") as tmp:
            out = Path(tmp)
            body = b"".join(
                a.tobytes()
                for a in (
                    lat.astype("<f4"),
                    lon.astype("<f4"),
                    people.astype("<f4"),
                    day_start.astype("<i4"),
                    day_end.astype("<i4"),
                    oblast.astype("<u2"),
                    type_codes.astype("u1"),
                )
            )
            (out / "events.bin").write_bytes(body)
            (out / "mentions.bin").write_bytes(
                m_place.astype("<u4").tobytes()
                + m_article.astype("<u4").tobytes()
                + m_day.astype("<i4").tobytes()
            )
            (out / "oblasts.json").write_text(
                json.dumps(oblast_doc, separators=(",", ":")), encoding="utf-8"
            )
            (out / "popups").mkdir()
            for k in range(0, max(n, 1), CHUNK):
                rows, sources = _popup_rows(events.iloc[k : k + CHUNK])
                doc = {"p": rows, "s": sources}
                (out / "popups" / f"{k // CHUNK}.json").write_text(
                    json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
                )
            meta = {
                "version": DATA_VERSION,
                "n": n,
                "nMentions": len(m_place),
                "types": types,
                "oblasts": codes,
                "places": places,
                "chunk": CHUNK,
                "events": "events.bin",
                "mentions": "mentions.bin",
                "oblasts_file": "oblasts.json",
                "popups": "popups/*.json",
            }
            (out / "meta.json").write_text(
                json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
            )
            for f in out.rglob("*"):
                os.chmod(f, 0o755 if f.is_dir() else 0o644)
            os.chmod(out, 0o755)
            try:
                os.rename(out, folder)
            except OSError:
                if not (folder / "meta.json").is_file():  # not another writer's twin
                    raise
            else:
                # TemporaryDirectory must find its folder again to clean up.
                Path(tmp).mkdir()
        _prune(root, folder)
    return MapData(
        url=f"{base_url.rstrip('/')}/{DATA_DIR}/{folder.name}/",
        folder=folder,
        bounds=points_bounds(lon, lat),
        n_events=n,
        day_start=day_start,
        day_end=day_end,
        evacuation=np.isin(type_codes, [types.index(t) for t in EVACUATION_TYPES]),
        people=people,
        oblast=oblast,
        mention_place=m_place,
        mention_day=m_day,
    )


# -- the map elements ---------------------------------------------------------------------


def _options(data: MapData) -> dict:
    symbols = {t: {"html": symbol_svg(t), "label": _label(t)} for t in [*_EVENT_STYLE, "other"]}
    return {
        "url": data.url,
        "evacuationTypes": list(EVACUATION_TYPES),
        "symbols": symbols,
        "labels": {t: _label(t) for t in _EVENT_STYLE} | {"other": "Event"},
        "colours": {t: c for t, (c, _) in _EVENT_STYLE.items()}
        | {"other": _OTHER_STYLE[0], "evacuation": EVACUATION_COLOUR},
        "ramp": [[b.lower, b.upper, b.colour] for b in oblast_ramp()],
        "placeColour": _PLACE_COLOUR,
        "iconPx": _ICON_PX,
        "cellPx": CELL_PX,
        "clusterOffZoom": DEFAULT_MAX_ZOOM + 2,
        "listMax": 20,
    }


_CLASSES: dict[str, type] = {}


def _classes() -> dict[str, type]:
    """The two folium element classes, made on first use (folium is imported lazily)."""
    if _CLASSES:
        return _CLASSES
    import folium
    from folium.elements import JSCSSMixin
    from folium.plugins import MarkerCluster
    from folium.template import Template

    from geo.maps.assets import geomap_js_url

    class ColumnarLayers(JSCSSMixin, folium.MacroElement):
        """Fills the map's layer groups from the revision's files (``geomap.js``)."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "GeoMap.attach({{ this._parent.get_name() }}, { "
            "{% for key, group in this.groups.items() %}"
            '"{{ key }}": {{ group.get_name() }}, '
            "{% endfor %}"
            " }, {{ this.options }});"
            "{% endmacro %}"
        )

        def __init__(self, groups: Mapping[str, Any], options: dict) -> None:
            super().__init__()
            self._name = "ColumnarLayers"
            self.groups = dict(groups)
            self.options = _js_json(options)
            # Instance lists, read after use_local_assets() has repointed folium's classes:
            # the cluster bubbles use markercluster's own CSS.
            self.default_js = [("geomap", geomap_js_url())]
            self.default_css = list(MarkerCluster.default_css)

    class DateRange(folium.MacroElement):
        """Sets the browser's date range: the only thing a range change sends."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "window.GeoMapRange = [{{ this.start }}, {{ this.end }}];"
            "if (window.GeoMap) { GeoMap.setRange({{ this.start }}, {{ this.end }}); }"
            "{% endmacro %}"
        )

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self._name = "DateRange"
            self.start, self.end = int(start), int(end)

    _CLASSES.update(ColumnarLayers=ColumnarLayers, DateRange=DateRange)
    return _CLASSES


def _names(show: Collection[str]) -> list[str]:
    if isinstance(show, str):
        raise InputError(f"show={show!r} must be a collection of layer names, not one string.")
    unknown = sorted(set(show) - set(LAYER_NAMES))
    if unknown:
        raise InputError(f"Unknown map layers {unknown}; choose from {list(LAYER_NAMES)}.")
    return [n for n in LAYER_NAMES if n in set(show)]


def columnar_layers(data: MapData, *, show: Collection[str] = DEFAULT_SHOW) -> list[folium.Element]:
    """One empty named ``FeatureGroup`` per shown layer, then the element that fills them.

    Add them to a map in this order; the groups have the :data:`LAYER_TITLES` names, so a
    layer control lists them as on the old map.
    """
    import folium

    groups = {
        name: folium.FeatureGroup(name=LAYER_TITLES[name], overlay=True, control=True)
        for name in _names(show)
    }
    return [*groups.values(), _classes()["ColumnarLayers"](groups, _options(data))]


def range_group(start: dt.date, end: dt.date) -> folium.FeatureGroup:
    """A tiny group whose script hands the date range to the browser map.

    Pass it in ``st_folium(feature_group_to_add=...)``: a new range re-runs only this
    script (a few dozen bytes), and the map with its data stays mounted.
    """
    import folium

    from geo.store.frames import day_number

    group = folium.FeatureGroup(name="Date range", control=False)
    _classes()["DateRange"](day_number(start), day_number(end)).add_to(group)
    return group


def build_columnar_map(
    data: MapData,
    *,
    show: Collection[str] = DEFAULT_SHOW,
    tiles: str = "offline",
    tile_url: str | None = None,
    bounds: tuple[float, float, float, float] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    layer_control: bool = True,
    legend: Collection[str] = (),
) -> folium.Map:
    """The dashboard map of a revision's files, framed on all its data, with the map tools.

    Parameters
    ----------
    data : MapData
        From :func:`map_data`.
    show : collection of str
        Layers to include (``LAYER_NAMES``).
    tiles, tile_url
        Basemap, as in ``build_base_map``.
    bounds : tuple, optional
        (south, west, north, east); default: the frame of every event, else Ukraine.
    start, end : datetime.date, optional
        A date range to start with, for a map used outside streamlit-folium (in the app
        the range comes from :func:`range_group`).
    layer_control : bool
        Add a layer control (streamlit-folium adds its own: pass False there).
    legend : collection of str
        Further layers for the exported legend (``"frontline"``, drawn by the page).
    """
    import folium

    names = _names(show)
    m = build_base_map(
        tiles=tiles,
        tile_url=tile_url,
        bounds=bounds or data.bounds or UKRAINE_BOUNDS,
        legend=[*names, *legend],
        heat="browser" if "events" in names else None,
    )
    for element in columnar_layers(data, show=show):
        element.add_to(m)
    if start is not None and end is not None:
        range_group(start, end).add_to(m)
    if layer_control:
        folium.LayerControl(collapsed=False).add_to(m)
    return m
