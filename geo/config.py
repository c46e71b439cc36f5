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

__all__ = [
    "Settings",
    "cache_dir",
    "data_dir",
    "is_store_url",
    "load_settings",
    "project_root",
    "redact_url",
    "store_dir",
    "store_location",
]

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


STORE_URL_SCHEMES = ("postgresql://", "postgres://")


def is_store_url(value: str | os.PathLike[str] | None) -> bool:
    """True when a store location is a PostgreSQL URL rather than a folder."""
    return isinstance(value, str) and value.strip().lower().startswith(STORE_URL_SCHEMES)


def redact_url(url: str) -> str:
    """A store URL fit to show or log: any password replaced by ``***``."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def store_location(explicit: str | os.PathLike[str] | None = None) -> str | Path:
    """Where the store is: ``--store``, else ``$GEO_STORE``, else the user data folder.

    Returns the ``postgresql://`` (or ``postgres://``) URL as given, or the folder as a Path
    (see ``store_dir``). ``geo.store.base.open_store`` opens either.
    """
    raw = explicit or os.environ.get("GEO_STORE")
    if is_store_url(raw):
        return str(raw).strip()
    return store_dir(raw)


def store_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The analyst's store folder: ``--store``, else ``$GEO_STORE``, else the user data dir.

    Raises
    ------
    InputError
        If the location is a file, or a database URL (which has no folder: open it with
        ``geo.store.base.open_store``).
    """
    raw = explicit or os.environ.get("GEO_STORE")
    if is_store_url(raw):
        raise InputError(
            f"Store location {redact_url(str(raw))} is a database URL, not a folder; open it "
            "with geo.store.base.open_store (the geo command and the dashboard do)."
        )
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
