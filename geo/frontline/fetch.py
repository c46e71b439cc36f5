"""Optional online fetchers of front-line maps (DeepStateMap, ArcGIS layers such as ISW's).

Off unless ``online=True``; they return file bytes for ``FrontlineStore.import_bytes``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from geo.errors import InputError
from geo.frontline.files import _parse_date

__all__ = ["DEEPSTATE_API", "fetch_arcgis_layer", "fetch_deepstate"]

DEEPSTATE_API = "https://deepstatemap.live/api/history"


def _http_get(url: str, *, timeout: float = 30.0) -> bytes:
    import urllib.error
    import urllib.request

    from geo.errors import ServiceError, ServiceTimeout

    request = urllib.request.Request(url, headers={"User-Agent": "geo-dashboard frontline"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.read()
    except TimeoutError as exc:
        raise ServiceTimeout(f"{url} did not answer in {timeout:.0f} s; try again later.") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise ServiceError(f"Could not fetch {url} ({exc}); import a saved file instead.") from exc


def _json(get, url: str) -> Any:
    from geo.errors import ServiceError

    try:
        return json.loads(get(url))
    except ValueError as exc:
        raise ServiceError(f"{url} did not return JSON ({exc}); the API may have changed.") from exc


def _require_online(online: bool, what: str) -> None:
    if not online:
        raise InputError(
            f"Fetching {what} needs the network and is off by default; pass online=True "
            "(CLI: `frontline fetch ...`), or download the file and import it."
        )


def fetch_deepstate(
    *,
    date: dt.date | None = None,
    online: bool = False,
    get: Any = None,
    base_url: str = DEEPSTATE_API,
) -> tuple[dt.date, bytes]:
    """Download the DeepStateMap map current at ``date`` (the latest when ``None``).

    Uses the site's unofficial history API: ``<base_url>/public`` lists updates
    (``id``, ``createdAt``), ``<base_url>/<id>/geojson`` returns one map. ``get(url) -> bytes``
    can be injected (tests pass canned replies). Returns the update's date (UTC) and the map as
    GeoJSON bytes, ready for :meth:`FrontlineStore.import_bytes`.
    """
    from geo.errors import ServiceError

    _require_online(online, "DeepStateMap")
    get = get or _http_get
    history = _json(get, f"{base_url}/public")
    entries = []
    for entry in history if isinstance(history, list) else []:
        day = _parse_date(entry.get("createdAt") or entry.get("datetime"))
        if day and "id" in entry and (date is None or day <= date):
            entries.append((str(entry.get("createdAt")), day, entry["id"]))
    if not entries:
        when = f"at or before {date}" if date else "at all"
        raise ServiceError(f"DeepStateMap lists no update {when}; pick a later date.")
    _, day, update_id = max(entries)
    payload = _json(get, f"{base_url}/{update_id}/geojson")
    collection = payload.get("map", payload) if isinstance(payload, dict) else None
    if not isinstance(collection, dict) or not isinstance(collection.get("features"), list):
        raise ServiceError(f"DeepStateMap update {update_id} has no feature collection.")
    return day, json.dumps(collection, ensure_ascii=False).encode("utf-8")


def fetch_arcgis_layer(
    url: str, *, online: bool = False, get: Any = None, page_size: int = 1000
) -> tuple[str, bytes]:
    """Download every feature of one ArcGIS FeatureServer/MapServer layer as GeoJSON.

    ``url`` ends in the layer number (``.../FeatureServer/3``), as ISW/CTP publish their
    control layers. The layer's title is copied into each feature's ``layer`` property, where
    :func:`classify` reads it. Returns (layer title, GeoJSON bytes).
    """
    from urllib.parse import urlencode

    from geo.errors import ServiceError

    _require_online(online, "an ArcGIS layer")
    if not re.match(r"https?://.+/(FeatureServer|MapServer)/\d+/?$", url):
        raise InputError(f"{url} is not an ArcGIS layer URL (…/FeatureServer/<number>).")
    get = get or _http_get
    url = url.rstrip("/")
    title = str(_json(get, f"{url}?f=json").get("name") or url.rsplit("/", 2)[-2])
    features: list[dict] = []
    while True:
        query = urlencode(
            {
                "where": "1=1",
                "outFields": "*",
                "outSR": 4326,
                "f": "geojson",
                "resultOffset": len(features),
                "resultRecordCount": page_size,
            }
        )
        page = _json(get, f"{url}/query?{query}")
        batch = page.get("features") if isinstance(page, dict) else None
        if not isinstance(batch, list):
            raise ServiceError(f"{url} answered without features: {str(page)[:200]}")
        features += batch
        more = page.get("exceededTransferLimit") or page.get("properties", {}).get(
            "exceededTransferLimit"
        )
        if not batch or not more:
            break
    for feature in features:
        feature["properties"] = {**(feature.get("properties") or {}), "layer": title}
    collection = {"type": "FeatureCollection", "features": features}
    return title, json.dumps(collection, ensure_ascii=False).encode("utf-8")
