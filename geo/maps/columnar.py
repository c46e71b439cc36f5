"""The dashboard map at scale: a store revision's columns written once as static files.

The browser (our own ``geomap.js``) fetches them once, filters by date and by the event filter,
clusters per zoom and draws only what is in view; a range or filter change sends a few bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import InputError
from geo.layers.columns import filter_columns
from geo.layers.filters import EventFilter, confidence_percent, status_values
from geo.maps.basemap import DEFAULT_MAX_ZOOM
from geo.maps.build import (
    DEFAULT_SHOW,
    LAYER_NAMES,
    LAYER_TITLES,
    UKRAINE_BOUNDS,
    build_base_map,
    points_bounds,
)
from geo.maps.packing import (
    UNDATED,
    event_columns,
    mention_columns,
    oblast_rings,
    spot_order,
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
from geo.records import EventStatus, EventType, ToponymRole

if TYPE_CHECKING:
    import folium
    import numpy as np
    import pandas as pd

    from geo.store.base import ArticleStore

__all__ = [
    "DATA_DIR",
    "MapData",
    "MapSummary",
    "build_columnar_map",
    "columnar_layers",
    "map_data",
    "map_data_from_store",
    "range_group",
]

DATA_DIR = "mapdata"
DATA_VERSION = 3  # bump when the files' layout changes: the folder name changes with it
CHUNK = 2_000  # events per popup file: a click fetches ~300 kB at most
KEEP = 4  # revisions kept on disk; older folders are removed when a new one is written
CELL_PX = 60  # grid cell of the browser's clustering, in screen pixels
NONE16 = 65_535
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
    mention_place: np.ndarray  # the counted mentions' places, in day order (undated first)
    mention_day: np.ndarray
    filters: pd.DataFrame
    id_hash: np.ndarray
    id_order: np.ndarray
    sub_types: tuple[str, ...] = ()
    datasets: tuple[str, ...] = ()

    def summary(
        self, start: dt.date, end: dt.date, *, where: EventFilter | None = None
    ) -> MapSummary:
        """Events, places mentioned, oblasts with events and people evacuated in a range.

        ``where`` keeps the events it matches, as the browser map does; places count the
        articles' mentions whatever it says.
        """
        import numpy as np

        from geo.store.frames import day_number

        lo, hi = day_number(start), day_number(end)
        # Events are in start-day order and mentions (here) in day order, so a range is a
        # slice: every rerun allocates a few small arrays, not several of the store's length
        # (which the app's allocator kept, RSS growing with each range at a million events).
        k = int(np.searchsorted(self.day_start, hi, side="right"))
        hit = self.day_end[:k] >= lo
        if where is not None and not where.is_everything:
            hit &= where.mask(self.filters)[:k]
        oblasts = np.zeros(NONE16 + 1, dtype=bool)
        oblasts[self.oblast[:k][hit]] = True
        evacuated = self.people[:k][hit & self.evacuation[:k]]
        d = self.mention_day
        undated = int(np.searchsorted(d, UNDATED, side="right"))
        a, b = np.searchsorted(d, lo, side="left"), np.searchsorted(d, hi, side="right")
        places = np.zeros(int(self.mention_place.max(initial=0)) + 1, dtype=bool)
        places[self.mention_place[:undated]] = True
        places[self.mention_place[max(a, undated) : b]] = True  # UNDATED < any day
        return MapSummary(
            events=int(hit.sum()),
            places=int(places.sum()),
            oblasts=int(oblasts[:NONE16].sum()),
            people_evacuated=int(np.nansum(evacuated)),
        )

    def index_of(self, event_id: str) -> int | None:
        """The row of an event in the files (the browser's index), or None if not there."""
        import numpy as np
        import pandas as pd

        h = pd.util.hash_pandas_object(pd.Series([str(event_id)]), index=False).to_numpy(
            dtype=np.uint64
        )[0]
        k = int(np.searchsorted(self.id_hash, h))
        if k < len(self.id_hash) and self.id_hash[k] == h:
            return int(self.id_order[k])
        return None


# -- writing a revision's files -------------------------------------------------------------


def _type_codes(events: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    import numpy as np

    types = [t.value for t in EventType]
    extra = sorted(set(events["event_type"].astype(str)) - set(types))
    types += extra
    codes = {t: k for k, t in enumerate(types)}
    values = events["event_type"].astype(str).map(codes).to_numpy(dtype=np.uint8)
    return types, values


def _codes(values: pd.Series, first: list[str]) -> tuple[list[str], np.ndarray]:
    """Names (``first``, then the others present, commonest first) and a uint8 code per row.

    Empty values get 255. A column with more than 255 names (ACLED has about 25 sub-types;
    an odd imported file might not) keeps the commonest 255; the rest get 255 too, which a
    filter on that column leaves out.
    """
    import numpy as np

    values = values.astype(object).fillna("").astype(str)
    counts = values[values != ""].value_counts()
    others = [v for v in counts.index if v not in set(first)]
    names = (list(first) + others)[:255]
    codes = values.map({t: k for k, t in enumerate(names)}).fillna(255)
    return names, codes.to_numpy(dtype=np.uint8)


def _filter_frame(filters: pd.DataFrame) -> pd.DataFrame:
    """The filter columns the server keeps per event: categories and confidence, no text."""
    import pandas as pd

    return pd.DataFrame(
        {
            "event_type": filters["event_type"].astype("category"),
            "acled_sub_event_type": filters["acled_sub_event_type"].astype("category"),
            "status": status_values(filters["status"]).astype("category"),
            "confidence": filters["confidence"].astype("float64"),
            "dataset": filters["dataset"].astype("category"),
        }
    )


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
    """Per event ``[type, dates, where, counts, quote, source index]``, escaped, and sources.

    Each chunk also lists its events' ids (``id``), so the browser can check a focus request.
    """
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


class _PlaceAccumulator:
    """``_places`` fed frame by frame: the same result whatever the frames' sizes.

    Ids become codes in order of first appearance (as ``pandas.factorize`` numbers them);
    a place's fields are its first non-null ones (as ``groupby().first()``); spellings are
    counted across frames. Only codes, counts and one row per place are kept.
    """

    def __init__(self) -> None:
        self.place_ids: dict[str, int] = {}
        self.article_ids: dict[str, int] = {}
        self.place: list[np.ndarray] = []
        self.article: list[np.ndarray] = []
        self.day: list[np.ndarray] = []
        self.first: pd.DataFrame | None = None
        self.forms: pd.Series | None = None

    @staticmethod
    def _codes(ids: pd.Series, known: dict[str, int]) -> np.ndarray:
        import numpy as np
        import pandas as pd

        for value in pd.unique(ids):
            known.setdefault(value, len(known))
        return ids.map(known).to_numpy(dtype=np.int64)

    def add(self, mentions: pd.DataFrame) -> None:
        import numpy as np

        m = mentions[mentions["place_id"].notna() & mentions["role"].isin(COUNTED_ROLES)]
        if m.empty:
            return
        self.place.append(self._codes(m["place_id"], self.place_ids))
        self.article.append(self._codes(m["article_id"], self.article_ids))
        self.day.append(m["published_day"].fillna(UNDATED).to_numpy(dtype=np.int64))
        fields = m[["place_id", "name", "admin1", "country_code", "population", "lat", "lon"]]
        first = fields.groupby("place_id", sort=False).first()
        self.first = first if self.first is None else self.first.combine_first(first)
        forms = m.groupby(["place_id", "surface"], sort=False).size()
        self.forms = forms if self.forms is None else self.forms.add(forms, fill_value=0)

    def finish(self) -> tuple[dict, np.ndarray, np.ndarray, np.ndarray]:
        import numpy as np
        import pandas as pd

        if self.first is None or self.forms is None:
            empty = {"name": [], "lat": [], "lon": [], "lines": [], "at": []}
            none = np.zeros(0, dtype=np.uint32)
            return empty, none, none, np.zeros(0, dtype=np.int32)
        place = np.concatenate(self.place)
        article = np.concatenate(self.article)
        day = np.concatenate(self.day).astype(np.int32)
        order = np.lexsort((article, place))
        place_ids = pd.Index(list(self.place_ids), dtype=object)
        first = self.first.reindex(place_ids)
        forms = self.forms.rename("n").reset_index()
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


def _compact(events: pd.DataFrame) -> pd.DataFrame:
    """The few columns the server keeps per event (no text), for one frame of events."""
    import numpy as np
    import pandas as pd

    compact = _filter_frame(filter_columns(events))
    compact["lat"] = events["lat"].to_numpy(dtype=np.float64)
    compact["lon"] = events["lon"].to_numpy(dtype=np.float64)
    compact["people"] = (
        events["people"].astype("Float64").to_numpy(dtype=np.float32, na_value=np.nan)
    )
    compact["day_start"] = events["day_start"].to_numpy(dtype=np.int32)
    compact["day_end"] = events["day_end"].to_numpy(dtype=np.int32)
    compact["admin1_code"] = events["admin1_code"].astype(object).to_numpy()
    compact["id_hash"] = pd.util.hash_pandas_object(
        events["event_id"].astype(str), index=False
    ).to_numpy(dtype=np.uint64)
    return compact


def _write_popups(out: Path, events: pd.DataFrame, first: int) -> None:
    """The popup files of ``events`` (whole ``CHUNK``s but the store's last), from row ``first``."""
    for k in range(0, max(len(events), 1), CHUNK):
        part = events.iloc[k : k + CHUNK]
        rows, sources = _popup_rows(part)
        doc = {"p": rows, "s": sources, "id": part["event_id"].astype(str).tolist()}
        (out / "popups" / f"{(first + k) // CHUNK}.json").write_text(
            json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


def _in_chunks(frames: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """The frames' rows again, in frames of whole ``CHUNK``s (the last may be short or empty).

    A popup file holds rows ``k*CHUNK`` to ``(k+1)*CHUNK``, however the store cut its reads.
    Rows come in start-day order; within a day they are put in the order of their spot
    (latitude, longitude, then oblast code; ties in the store's order), so the browser's
    location column is small steps. A day is ordered once all its rows are in: the last day
    of a frame waits for the next frame, so the order does not depend on the frames.
    """
    import numpy as np
    import pandas as pd

    rest: pd.DataFrame | None = None  # rows not yet sent: whole days, then the open day
    last = None
    for frame in frames:
        days = frame["day_start"]
        if len(frame) and (
            not days.is_monotonic_increasing or (last is not None and days.iloc[0] < last)
        ):
            raise InputError("Events for the map must come in date order (day_start).")
        if len(frame):
            last = days.iloc[-1]
        if rest is not None and len(rest):
            frame = pd.concat([rest, frame], ignore_index=True)
        done = (
            int(np.searchsorted(frame["day_start"].to_numpy(), last, side="left"))
            if len(frame)
            else 0
        )
        ready = frame.iloc[:done]
        ready = ready.iloc[spot_order(ready)]
        whole = done - done % CHUNK
        if whole:
            yield ready.iloc[:whole].reset_index(drop=True)
        rest = pd.concat([ready.iloc[whole:], frame.iloc[done:]], ignore_index=True)
    if rest is not None:
        rest = rest.iloc[spot_order(rest)].reset_index(drop=True)
        whole = len(rest) - len(rest) % CHUNK
        if whole:
            yield rest.iloc[:whole].reset_index(drop=True)
        yield rest.iloc[whole:].reset_index(drop=True)


# -- the server's columns of a revision, kept next to the browser's files -----------------

SERVER_FILE = "server.npz"
_ARRAYS = (
    "day_start", "day_end", "evacuation", "people", "oblast", "mention_place", "mention_day",
    "id_hash", "id_order",
)  # fmt: skip


def _server_bytes(data: MapData) -> bytes:
    """``MapData``'s columns as an uncompressed ``.npz`` (no pickles: loads in milliseconds)."""
    import io
    import zipfile

    import numpy as np
    import pandas as pd

    arrays = {name: getattr(data, name) for name in _ARRAYS}
    info: dict[str, Any] = {
        "version": DATA_VERSION,
        "n_events": data.n_events,
        "bounds": data.bounds,
        "sub_types": list(data.sub_types),
        "datasets": list(data.datasets),
        "categories": {},
    }
    for column in data.filters.columns:
        values = data.filters[column]
        if isinstance(values.dtype, pd.CategoricalDtype):
            arrays[f"filter.{column}"] = values.cat.codes.to_numpy()
            cats = values.cat.categories
            info["categories"][column] = [cats.tolist(), str(cats.dtype)]
        else:
            arrays[f"filter.{column}"] = values.to_numpy()
    arrays["info"] = np.array(json.dumps(info))
    # np.savez's layout, with a fixed date on each member: the same columns, the same bytes.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, values in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, np.asarray(values), allow_pickle=False)
            archive.writestr(
                zipfile.ZipInfo(f"{name}.npy", (1980, 1, 1, 0, 0, 0)), member.getvalue()
            )
    return buffer.getvalue()


def _load_server(folder: Path, url: str) -> MapData | None:
    """The revision's ``MapData`` from its folder, or None if it is not (all) there."""
    import zipfile

    import numpy as np
    import pandas as pd

    if not (folder / "meta.json").is_file():
        return None
    try:
        with np.load(folder / SERVER_FILE, allow_pickle=False) as npz:
            info = json.loads(str(npz["info"]))
            if info.get("version") != DATA_VERSION:
                return None
            arrays = {name: npz[name] for name in _ARRAYS}
            filters = {}
            for key in npz.files:
                if not key.startswith("filter."):
                    continue
                column = key.removeprefix("filter.")
                if column in info["categories"]:
                    names, dtype = info["categories"][column]
                    filters[column] = pd.Categorical.from_codes(
                        npz[key], categories=pd.Index(names, dtype=dtype)
                    )
                else:
                    filters[column] = npz[key]
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None  # not written yet, or cut short: read the store again
    bounds = info["bounds"]
    return MapData(
        url=url,
        folder=folder,
        bounds=tuple(bounds) if bounds is not None else None,
        n_events=int(info["n_events"]),
        filters=pd.DataFrame(filters, columns=list(filters)),
        sub_types=tuple(info["sub_types"]),
        datasets=tuple(info["datasets"]),
        **arrays,
    )


def _folder_and_url(
    static_dir: str | os.PathLike[str], key: str, base_url: str
) -> tuple[Path, str]:
    folder = Path(static_dir) / DATA_DIR / _digest(key)
    return folder, f"{base_url.rstrip('/')}/{DATA_DIR}/{folder.name}/"


def _build(
    events: Iterable[pd.DataFrame],
    mentions: Iterable[pd.DataFrame],
    *,
    static_dir: str | os.PathLike[str],
    key: str,
    base_url: str,
) -> MapData:
    """Write (once per ``key``) a revision's files from frames of events and mentions.

    Events come in date order, frame by frame; each frame's popup files are written as it
    comes and only its compact columns (:func:`_compact`) are kept, so the text of a
    million events never sits in memory at once.
    """
    import numpy as np
    import pandas as pd

    from geo.store.frames import events_frame_from_rows

    folder, url = _folder_and_url(static_dir, key, base_url)
    root = folder.parent
    root.mkdir(parents=True, exist_ok=True)
    written = (folder / "meta.json").is_file()
    with tempfile.TemporaryDirectory(dir=root, prefix=".tmp-") as tmp:
        out = Path(tmp)
        (out / "popups").mkdir()
        parts, n, countries = [], 0, set()
        for frame in _in_chunks(events):
            countries.update(frame["country_code"].dropna())
            if not written and (len(frame) or n == 0):
                _write_popups(out, frame, n)
            parts.append(_compact(frame))
            n += len(frame)
        if not parts:  # no frame at all: an empty store
            empty = events_frame_from_rows([], details=True)
            if not written:
                _write_popups(out, empty, 0)
            parts.append(_compact(empty))
            countries.update(empty["country_code"].dropna())
        compact = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
        del parts
        for column in ("event_type", "acled_sub_event_type", "status", "dataset"):
            compact[column] = compact[column].astype("category")
        places_acc = _PlaceAccumulator()
        for m in mentions:
            places_acc.add(m)
        places, m_place, m_article, m_day = places_acc.finish()

        types, type_codes = _type_codes(compact)
        # oblasts_layer reads the countries present (and counts we do not need).
        oblast_doc, codes = _oblasts(
            pd.DataFrame({"country_code": sorted(countries), "admin1_code": None})
        )
        index = {c: i for i, c in enumerate(codes)}
        oblast = compact["admin1_code"].map(index).fillna(NONE16).to_numpy(dtype=np.uint16)
        filters = compact[["event_type", "acled_sub_event_type", "status", "confidence", "dataset"]]
        filters = filters.reset_index(drop=True)
        statuses, status_codes = _codes(filters["status"], [s.value for s in EventStatus])
        sub_types, sub_codes = _codes(filters["acled_sub_event_type"], [])
        datasets, dataset_codes = _codes(filters["dataset"], [])
        conf = confidence_percent(filters["confidence"])
        h = compact["id_hash"].to_numpy()
        id_order = np.argsort(h, kind="stable")
        id_hash, id_order = h[id_order], id_order.astype(np.uint32)
        lat = compact["lat"].to_numpy(dtype=np.float64)
        lon = compact["lon"].to_numpy(dtype=np.float64)
        people = compact["people"].to_numpy(dtype=np.float32)
        day_start = compact["day_start"].to_numpy(dtype=np.int32)
        day_end = compact["day_end"].to_numpy(dtype=np.int32)
        by_day = np.argsort(m_day, kind="stable")
        data = MapData(
            url=url,
            folder=folder,
            bounds=points_bounds(lon, lat),
            n_events=n,
            day_start=day_start,
            day_end=day_end,
            evacuation=np.isin(type_codes, [types.index(t) for t in EVACUATION_TYPES]),
            people=people,
            oblast=oblast,
            # Day order (undated first), for summaries; the file keeps place order.
            mention_place=m_place[by_day],
            mention_day=m_day[by_day],
            filters=filters,
            id_hash=id_hash,
            id_order=id_order,
            sub_types=tuple(sub_types),
            datasets=tuple(datasets),
        )
        if written:  # the browser's files are there, the server's columns were not
            from geo.maps.assets import atomic_write

            atomic_write(folder / SERVER_FILE, _server_bytes(data))
        else:
            (out / SERVER_FILE).write_bytes(_server_bytes(data))  # in the folder swap
            if not (np.isfinite(lat).all() and np.isfinite(lon).all()):
                raise InputError("Events for the map need coordinates (lat and lon).")
            events_body, events_meta = event_columns(
                lat, lon, oblast, people, day_start, day_end,
                np.column_stack([type_codes, status_codes, sub_codes, dataset_codes]), conf,
            )  # fmt: skip
            (out / "events.bin").write_bytes(events_body)
            mentions_body, mentions_layout = mention_columns(
                m_place, m_article, m_day, places=len(places["name"])
            )
            (out / "mentions.bin").write_bytes(mentions_body)
            (out / "oblasts.json").write_text(
                json.dumps(oblast_rings(oblast_doc), separators=(",", ":")), encoding="utf-8"
            )
            meta = {
                "version": DATA_VERSION,
                "n": n,
                "nMentions": len(m_place),
                **events_meta,
                "mentionColumns": mentions_layout,
                "types": types,
                "statuses": statuses,
                "subTypes": sub_types,
                "datasets": datasets,
                "oblasts": codes,
                "places": places,
                "chunk": CHUNK,
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
    if not written:
        _prune(root, folder)
    return data


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

    See Also
    --------
    map_data_from_store : the same files, read from a store frame by frame (the app's way).
    """
    cached = _load_server(*_folder_and_url(static_dir, key, base_url))
    if cached is not None:
        return cached
    if not events["day_start"].is_monotonic_increasing:
        events = events.sort_values("day_start", kind="stable")
    return _build([events], [mentions], static_dir=static_dir, key=key, base_url=base_url)


def map_data_from_store(
    store: ArticleStore,
    *,
    static_dir: str | os.PathLike[str],
    key: str,
    base_url: str = "/app/static",
    rows: int = 25 * CHUNK,
) -> MapData:
    """:func:`map_data` of a store's events and mentions, read ``rows`` at a time.

    The files are the same; memory holds one frame of text at a time plus a few bytes per
    event, instead of every event's text (about 2.3 GB at a million events). A ``key``
    written before, by this process or an earlier one, is loaded from its folder
    (``server.npz``) and the store is not read at all (an app restart: 0.6 CPU-s instead
    of about 50 at a million events).

    Parameters
    ----------
    store : ArticleStore
        Read with ``events_frame_chunks(details=True)`` and ``mentions_frame_chunks()``.
    static_dir, key, base_url
        As for :func:`map_data`.
    rows : int
        Rows per read (a multiple of ``CHUNK`` avoids regrouping rows for the popup files).
    """
    if rows < 1:
        raise InputError(f"rows={rows} must be at least 1.")
    # A revision written before (by this process or an earlier one): no store read at all.
    cached = _load_server(*_folder_and_url(static_dir, key, base_url))
    if cached is not None:
        return cached
    return _build(
        store.events_frame_chunks(details=True, rows=rows),
        store.mentions_frame_chunks(rows=rows),
        static_dir=static_dir,
        key=key,
        base_url=base_url,
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
        """Hands the browser its date range, event filter and focus: all a change sends."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "window.GeoMapRange = [{{ this.start }}, {{ this.end }}];"
            "window.GeoMapView = {{ this.view }};"
            "if (window.GeoMap) { GeoMap.update(window.GeoMapView); }"
            "{% endmacro %}"
        )

        def __init__(self, start: int, end: int, view: dict) -> None:
            super().__init__()
            self._name = "DateRange"
            self.start, self.end = int(start), int(end)
            self.view = _js_json(view)

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


def range_group(
    start: dt.date,
    end: dt.date,
    *,
    where: EventFilter | None = None,
    focus: tuple[str, int] | None = None,
) -> folium.FeatureGroup:
    """A tiny group whose script hands the date range (and filter, focus) to the browser map.

    Pass it in ``st_folium(feature_group_to_add=...)``: a new range or filter re-runs only
    this script (a few dozen bytes), and the map with its data stays mounted.

    Parameters
    ----------
    start, end : datetime.date
        The range shown.
    where : EventFilter, optional
        Which events to draw (default: all).
    focus : (str, int), optional
        An event id and its row (``MapData.index_of``): the map flies there and opens its
        popup, once per new focus.
    """
    import folium

    from geo.store.frames import day_number

    lo, hi = day_number(start), day_number(end)
    view: dict = {"range": [lo, hi], "filter": (where or EventFilter()).browser()}
    if focus is not None:
        view["focus"] = {"id": str(focus[0]), "i": int(focus[1])}
    group = folium.FeatureGroup(name="Date range", control=False)
    _classes()["DateRange"](lo, hi, view).add_to(group)
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
