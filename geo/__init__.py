"""geo: offline geoparsing, event extraction and map layers for conflict reporting.

The public API is re-exported here and imported lazily, so ``import geo`` stays cheap and
heavy libraries (geopandas, folium) load only when a function that needs them is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_EXPORTS = {
    # records and errors
    "Place": "records",
    "Candidate": "records",
    "Toponym": "records",
    "DateSpan": "records",
    "Article": "records",
    "Event": "records",
    "Correction": "records",
    "PlaceKind": "records",
    "GeoPrecision": "records",
    "DatePrecision": "records",
    "EventType": "records",
    "GeoError": "errors",
    "InputError": "errors",
    "DataError": "errors",
    "StoreError": "errors",
    "ServiceError": "errors",
    "ServiceTimeout": "errors",
    # configuration
    "Settings": "config",
    "load_settings": "config",
    "cache_dir": "config",
    "store_dir": "config",
    # geoparsing
    "Gazetteer": "gazetteer",
    "load_gazetteer": "gazetteer",
    "normalize": "gazetteer",
    "geoparse": "geoparse",
    "admin1_frame": "boundaries",
    # store, layers, export
    "Store": "store",
    "place_to_dict": "store",
    "place_from_dict": "store",
    "build_layers": "layers",
    "places_layer": "layers",
    "events_layer": "layers",
    "oblasts_layer": "layers",
    "evacuations_layer": "layers",
    "write_layer": "export",
    "write_gpkg": "export",
    "to_bytes": "export",
    # articles, dates, events, pipeline, geocoders, maps, front lines
    "read_article": "articles",
    "article_from_text": "articles",
    "html_to_text": "articles",
    "find_dates": "dates",
    "resolve_date": "dates",
    "infer_published": "dates",
    "extract_events": "events",
    "parse_figures": "events",
    "process": "pipeline",
    "ingest_paths": "pipeline",
    "reprocess": "pipeline",
    "OfflineGeocoder": "geocoding",
    "make_geocoder": "geocoding",
    "to_place": "geocoding",
    "GeocoderFallbackWarning": "geocoding",
    "build_map": "maps",
    "build_base_map": "maps",
    "layer_groups": "maps",
    "legend_items": "maps",
    "oblast_ramp": "maps",
    "ensure_static_assets": "assets",
    "use_local_assets": "assets",
    "ensure_basemap_tiles": "basemap",
    "FrontlineStore": "frontline",
    "import_snapshots": "frontline",
    "as_of": "frontline",
    "front_line": "frontline",
    "diff": "frontline",
    "near_front": "frontline",
    "population_within": "frontline",
    "annotate_distance": "frontline",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .boundaries import admin1_frame
    from .config import Settings, cache_dir, load_settings, store_dir
    from .errors import DataError, GeoError, InputError, ServiceError, ServiceTimeout, StoreError
    from .export import to_bytes, write_gpkg, write_layer
    from .gazetteer import Gazetteer, load_gazetteer, normalize
    from .geoparse import geoparse
    from .layers import build_layers, evacuations_layer, events_layer, oblasts_layer, places_layer
    from .records import (
        Article,
        Candidate,
        Correction,
        DatePrecision,
        DateSpan,
        Event,
        EventType,
        GeoPrecision,
        Place,
        PlaceKind,
        Toponym,
    )
    from .store import Store, place_from_dict, place_to_dict
