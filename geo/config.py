"""Where things live and which services to use: paths, settings file and environment.

Precedence: explicit argument > environment variable > settings file > default. Runtime state
(store, caches, generated assets) always lives outside the git checkout.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import InputError

__all__ = ["Settings", "cache_dir", "data_dir", "load_settings", "project_root", "store_dir"]

APP_NAME = "geo-dashboard"


def project_root() -> Path:
    """The checkout's top folder (where ``app.py`` and ``data/`` are)."""
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Small shipped data with provenance (``data/README.md``).

    A checkout reads its ``data/`` folder; an installed package reads the same files, which
    the wheel carries as ``geo/_data``.
    """
    checkout = project_root() / "data"
    if (checkout / "README.md").is_file():
        return checkout
    return Path(__file__).resolve().parent / "_data"


def _xdg(var: str, fallback: str) -> Path:
    base = os.environ.get(var)
    return Path(base) if base else Path.home() / fallback


def cache_dir() -> Path:
    """Derived, rebuildable files (gazetteer index, geocoder cache, tiles): ``$GEO_CACHE``."""
    env = os.environ.get("GEO_CACHE")
    path = Path(env) if env else _xdg("XDG_CACHE_HOME", ".cache") / APP_NAME
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The analyst's persistent store: ``--store``, else ``$GEO_STORE``, else the user data dir."""
    raw = explicit or os.environ.get("GEO_STORE")
    path = Path(raw) if raw else _xdg("XDG_DATA_HOME", ".local/share") / APP_NAME / "store"
    path = path.expanduser()
    if path.exists() and not path.is_dir():
        raise InputError(
            f"Store location {path} is a file; give a folder with --store or GEO_STORE."
        )
    return path


@dataclass(frozen=True)
class Settings:
    """User-chosen services. Everything defaults to offline.

    ``geocoder`` names a geopy service ("offline", "nominatim", "photon", "arcgis", ...);
    ``geocoder_options`` are passed to its constructor (user_agent, api_key, domain ...).
    ``tiles`` is "offline" or an xyzservices/folium tile name such as "OpenStreetMap".
    """

    geocoder: str = "offline"
    geocoder_options: dict[str, object] = field(default_factory=dict)
    geocoder_timeout: float = 10.0
    tiles: str = "offline"


def settings_path() -> Path:
    env = os.environ.get("GEO_CONFIG")
    return Path(env) if env else _xdg("XDG_CONFIG_HOME", ".config") / APP_NAME / "settings.toml"


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Read settings from a TOML file (``[geocoder] service = ...``) and the environment.

    Environment: ``GEO_GEOCODER``, ``GEO_GEOCODER_USER_AGENT``, ``GEO_GEOCODER_API_KEY``,
    ``GEO_GEOCODER_TIMEOUT``, ``GEO_TILES``.
    """
    file = Path(path) if path else settings_path()
    raw: dict = {}
    if file.exists():
        try:
            raw = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(
                f"Settings file {file} is not valid TOML ({exc}); fix or remove it."
            ) from exc
    gc = raw.get("geocoder", {}) if isinstance(raw.get("geocoder"), dict) else {}
    service = os.environ.get("GEO_GEOCODER") or gc.get("service") or "offline"
    options = {k: v for k, v in gc.items() if k not in {"service", "timeout"}}
    if ua := os.environ.get("GEO_GEOCODER_USER_AGENT"):
        options["user_agent"] = ua
    if key := os.environ.get("GEO_GEOCODER_API_KEY"):
        options["api_key"] = key
    timeout_raw = os.environ.get("GEO_GEOCODER_TIMEOUT") or gc.get("timeout") or 10.0
    try:
        timeout = float(timeout_raw)
    except (TypeError, ValueError) as exc:
        raise InputError(f"Geocoder timeout {timeout_raw!r} is not a number of seconds.") from exc
    map_cfg = raw.get("map", {}) if isinstance(raw.get("map"), dict) else {}
    tiles = os.environ.get("GEO_TILES") or map_cfg.get("tiles") or "offline"
    return Settings(
        geocoder=str(service).lower(),
        geocoder_options=options,
        geocoder_timeout=timeout,
        tiles=str(tiles),
    )
