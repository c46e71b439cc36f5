"""Rate policies of online geocoding services: request spacing, retries and cool-down.

Each service's policy follows its usage terms; settings may slow a service down, within them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from geo.errors import InputError

__all__ = ["DEFAULT_POLICY", "RATE_POLICIES", "RatePolicy", "rate_policy"]


@dataclasses.dataclass(frozen=True, slots=True)
class RatePolicy:
    """How politely to call one online service.

    ``min_delay_seconds`` spaces requests (1 / requests-per-second); ``max_retries`` and
    ``error_wait_seconds`` go to geopy's ``RateLimiter``; after a failure the service is
    skipped (answers come from the offline gazetteer) for ``cooldown_seconds``, so an
    offline machine does not wait for a timeout on every query.
    """

    min_delay_seconds: float
    max_retries: int = 1
    error_wait_seconds: float = 2.0
    cooldown_seconds: float = 60.0


# Keep in step with the table in docs/geocoding.md.
RATE_POLICIES: dict[str, RatePolicy] = {
    "nominatim": RatePolicy(1.0),  # OSMF usage policy: at most one request per second
    "openmapquest": RatePolicy(1.0),
    "pickpoint": RatePolicy(1.0),
    "photon": RatePolicy(1.0),
    "opencage": RatePolicy(1.0),
    "geonames": RatePolicy(3.6),  # free accounts: 1,000 credits an hour
    "arcgis": RatePolicy(0.5),
}
DEFAULT_POLICY = RatePolicy(0.2)


def rate_policy(service: str, options: Mapping[str, object] | None = None) -> RatePolicy:
    """The policy for a service, with ``min_delay_seconds`` from the settings if given."""
    policy = RATE_POLICIES.get(service, DEFAULT_POLICY)
    options = options or {}
    if "min_delay_seconds" not in options:
        return policy
    raw = options["min_delay_seconds"]
    try:
        delay = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise InputError(f"min_delay_seconds {raw!r} is not a number of seconds.") from exc
    if delay < 0:
        raise InputError(f"min_delay_seconds must not be negative, got {delay}.")
    if service == "nominatim" and "domain" not in options and delay < 1.0:
        raise InputError(
            "The public Nominatim server allows at most one request per second: set"
            " min_delay_seconds to 1 or more, or point `domain` at your own Nominatim server."
        )
    return dataclasses.replace(
        policy, min_delay_seconds=delay, error_wait_seconds=max(policy.error_wait_seconds, delay)
    )
