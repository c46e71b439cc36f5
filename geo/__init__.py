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
    "EventStatus": "records",
    "ToponymRole": "records",
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
    "store_location": "config",
    # geoparsing
    "Gazetteer": "places.gazetteer",
    "load_gazetteer": "places.gazetteer",
    "normalize": "places.names",
    "geoparse": "toponyms.geoparse",
    "admin1_frame": "places.boundaries",
    # store, layers, export
    "Store": "store.sqlite",
    "open_store": "store.base",
    "ArticleStore": "store.base",
    "place_to_dict": "store.codec",
    "place_from_dict": "store.codec",
    "build_layers": "layers.columns",
    "EventFilter": "layers.filters",
    "places_layer": "layers.build",
    "events_layer": "layers.build",
    "oblasts_layer": "layers.build",
    "evacuations_layer": "layers.build",
    "write_layer": "layers.export",
    "write_gpkg": "layers.export",
    "to_bytes": "layers.export",
    # articles, dates, events, pipeline, geocoders, maps, front lines
    "read_article": "text.articles",
    "article_from_text": "text.articles",
    "html_to_text": "text.webpage",
    "read_html": "text.webpage",
    "MainTextFallbackWarning": "text.webpage",
    "find_dates": "text.dates",
    "resolve_date": "text.dates",
    "infer_published": "text.published",
    "extract_events": "events.extract",
    "parse_figures": "events.extract",
    "process": "pipeline",
    "ingest": "pipeline",
    "IngestReport": "pipeline",
    "IngestResult": "pipeline",
    "IngestStatus": "pipeline",
    "Upload": "pipeline",
    "Pasted": "pipeline",
    "Url": "pipeline",
    "reprocess": "pipeline",
    "OfflineGeocoder": "places.geocoding",
    "make_geocoder": "places.geocoding",
    "to_place": "places.geocoding",
    "GeocoderFallbackWarning": "places.geocoding",
    "build_map": "maps.build",
    "build_base_map": "maps.build",
    "layer_groups": "maps.build",
    "legend_items": "maps.build",
    "oblast_ramp": "maps.build",
    "ensure_static_assets": "maps.assets",
    "use_local_assets": "maps.assets",
    "ensure_basemap_tiles": "maps.basemap",
    "FrontlineStore": "frontline.store",
    "open_frontline_store": "frontline.store",
    "import_snapshots": "frontline.asof",
    "as_of": "frontline.asof",
    "front_line": "frontline.asof",
    "diff": "frontline.change",
    "near_front": "frontline.near",
    "population_within": "frontline.near",
    "annotate_distance": "frontline.near",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from geo.config import Settings, cache_dir, load_settings, store_dir, store_location
    from geo.errors import DataError, GeoError, InputError, ServiceError, ServiceTimeout, StoreError
    from geo.layers.build import (
        evacuations_layer,
        events_layer,
        oblasts_layer,
        places_layer,
    )
    from geo.layers.columns import build_layers
    from geo.layers.export import to_bytes, write_gpkg, write_layer
    from geo.layers.filters import EventFilter
    from geo.places.boundaries import admin1_frame
    from geo.places.gazetteer import Gazetteer, load_gazetteer
    from geo.places.names import normalize
    from geo.records import (
        Article,
        Candidate,
        Correction,
        DatePrecision,
        DateSpan,
        Event,
        EventStatus,
        EventType,
        GeoPrecision,
        Place,
        PlaceKind,
        Toponym,
        ToponymRole,
    )
    from geo.store.base import ArticleStore, open_store
    from geo.store.codec import place_from_dict, place_to_dict
    from geo.store.sqlite import Store
    from geo.toponyms.geoparse import geoparse
