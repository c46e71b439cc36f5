"""Article and feed links fetched politely, and only when an analyst gives a URL.

One request at a time, a pause between requests to a host, a deadline and a size cap.
"""

from __future__ import annotations

import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPException
from urllib.parse import urlsplit

from geo.errors import GeoError, InputError, ServiceError, ServiceTimeout

__all__ = ["MAX_BYTES", "USER_AGENT", "Fetched", "Fetcher", "is_url"]

USER_AGENT = (
    "geo-dashboard/0.1 (offline geoparsing dashboard; fetches the article and feed links "
    "an analyst gives it, one request at a time)"
)
MAX_BYTES = 5_000_000  # a news page is well under 1 MB; a 5 MB one is not an article
_CHUNK = 65_536
_URL = re.compile(r"https?://[^\s/?#]+[^\s]*\Z", re.I)


def is_url(value: object) -> bool:
    """Whether ``value`` is an absolute http(s) URL (the only kind that is fetched)."""
    return isinstance(value, str) and _URL.match(value.strip()) is not None


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page or feed as served: the URL asked for, where it ended up, its type and bytes."""

    url: str
    final_url: str
    content_type: str  # media type, lower case, without parameters ("" when not given)
    charset: str | None
    data: bytes


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a few redirects, and only to http(s): never to ``ftp:`` or ``file:``."""

    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_url(newurl):
            raise ServiceError(f"{req.full_url} redirects to {newurl!r}, which is not http(s).")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """Fetches one URL at a time, politely.

    Parameters
    ----------
    timeout : float
        Seconds allowed for the connection and for each read while nothing arrives.
    deadline : float
        Seconds allowed for a whole request, however slowly the bytes trickle in (checked as
        bytes arrive, so a request ends within ``deadline + timeout``).
    max_bytes : int
        Larger pages are refused (by their Content-Length, else after that many bytes).
    delay : float
        Seconds between the end of one request and the start of the next to the same host.
    user_agent : str
        Names the project, so a site's operators can see who asks.
    clock, sleep : callable, optional
        ``time.monotonic`` and ``time.sleep`` unless given (tests give fakes).

    Notes
    -----
    Requests are serialised by a lock, so even threads sharing one fetcher (the dashboard)
    send one request at a time. robots.txt is not consulted: only pages an analyst names are
    fetched, one by one, as a browser would.
    """

    def __init__(
        self,
        *,
        timeout: float = 10.0,
        deadline: float = 30.0,
        max_bytes: int = MAX_BYTES,
        delay: float = 1.0,
        user_agent: str = USER_AGENT,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.delay = delay
        self.user_agent = user_agent
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._opener = urllib.request.build_opener(_HttpOnlyRedirects())

    def get(self, url: str) -> Fetched:
        """Fetch ``url``; the bytes with their media type.

        Raises
        ------
        InputError
            ``url`` is not an http(s) URL, or the page is over ``max_bytes``.
        ServiceTimeout
            No connection or no bytes within ``timeout``, or not all within ``deadline``.
        ServiceError
            Any other failure: an HTTP error status, a refused connection, an unknown host.
        """
        url = url.strip()
        if not is_url(url):
            raise InputError(f"{url!r} is not a web address; give an http:// or https:// URL.")
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            wait = self._last.get(host, -1e18) + self.delay - self._clock()
            if wait > 0:
                self._sleep(wait)
            try:
                return self._get(url)
            finally:
                self._last[host] = self._clock()

    def _get(self, url: str) -> Fetched:
        start = self._clock()
        request = urllib.request.Request(
            url, headers={"User-Agent": self.user_agent, "Accept": _ACCEPT}
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as reply:
                headers: Message = reply.headers
                length = headers.get("Content-Length", "")
                if length.isdigit() and int(length) > self.max_bytes:
                    raise self._too_large(url)
                chunks, size = [], 0
                # read1 returns what has arrived, so a page that trickles in meets the deadline
                while chunk := reply.read1(_CHUNK):
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise self._too_large(url)
                    if self._clock() - start > self.deadline:
                        raise ServiceTimeout(
                            f"{url} did not finish within {self.deadline:g} s; try again later."
                        )
                return Fetched(
                    url=url,
                    final_url=reply.geturl() or url,
                    content_type=headers.get_content_type() if "Content-Type" in headers else "",
                    charset=headers.get_content_charset(),
                    data=b"".join(chunks),
                )
        except GeoError:  # ours, already saying what happened
            raise
        except urllib.error.HTTPError as exc:
            raise ServiceError(
                f"{url} answered HTTP {exc.code} {exc.reason}; check the link."
            ) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise self._timeout(url) from None
            raise ServiceError(
                f"Could not reach {url} ({exc.reason}); check the address and that this "
                "machine is online."
            ) from None
        except TimeoutError:
            raise self._timeout(url) from None
        except (HTTPException, OSError) as exc:
            raise ServiceError(f"Fetching {url} failed ({exc}); try again later.") from None

    def _timeout(self, url: str) -> ServiceTimeout:
        return ServiceTimeout(f"{url} did not answer within {self.timeout:g} s; try again later.")

    def _too_large(self, url: str) -> InputError:
        return InputError(
            f"{url} is over {self.max_bytes / 1e6:g} MB, too large for an article; save the "
            "article's text and ingest that instead."
        )


_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8"
)
