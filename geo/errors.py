"""The project's one exception tree.

Every error says what was wrong and what to do. Each also subclasses the matching builtin so
callers can catch either (an input error is a ValueError, a timeout a TimeoutError), as geopy
does. "Not found" is never an error: lookups return ``None``.
"""

from __future__ import annotations

__all__ = [
    "DataError",
    "GeoError",
    "InputError",
    "ServiceError",
    "ServiceTimeout",
    "StoreError",
]


class GeoError(Exception):
    """Base class of every error this project raises on purpose."""


class InputError(GeoError, ValueError):
    """The user's input (text, file, date, option) is unusable; the message says how to fix it."""


class DataError(GeoError, RuntimeError):
    """A shipped or derived dataset is missing or corrupt; the message says how to rebuild it."""


class StoreError(GeoError, RuntimeError):
    """The persistent store cannot be opened or written; nothing was half-written."""


class ServiceError(GeoError, ConnectionError):
    """An online service (geocoder, feed) failed or refused; the offline path still works."""


class ServiceTimeout(ServiceError, TimeoutError):
    """An online service did not answer within its timeout."""
