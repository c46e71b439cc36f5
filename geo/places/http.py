"""The HTTP adapter of online geocoders: one deadline per request, no hidden retries.

geopy's adapters retry inside urllib3 and time out per socket operation, so a slow sender or
a dead host can hold a query for a minute; this one cuts the connection at its deadline.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.request
from urllib.error import HTTPError, URLError

from geopy.adapters import AdapterHTTPError, URLLibAdapter
from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut

__all__ = ["MAX_REPLY_BYTES", "DeadlineAdapter"]

MAX_REPLY_BYTES = 5_000_000  # a geocoder's answer is a few kB; anything this big is wrong
_CUT_EVERY = 0.05  # seconds between cuts, for a socket that connects after the deadline


class _Tracking:
    """Mixin for urllib's handlers: remember each socket, so a watchdog can cut it."""

    def __init__(self, sockets: list[socket.socket], **kwargs) -> None:
        super().__init__(**kwargs)
        self._sockets = sockets

    def do_open(self, http_class, req, **kwargs):
        """Open the request through a connection whose socket is remembered (urllib's hook)."""
        sockets = self._sockets

        def connection(*args, **kw):
            conn = http_class(*args, **kw)
            # The raw socket, as soon as it is connected: urllib hands it to the response
            # (conn.sock becomes None) and TLS wraps it later, but shutting it down stops both.
            connect = conn._create_connection

            def create_connection(*a, **k):
                sock = connect(*a, **k)
                sockets.append(sock)
                return sock

            conn._create_connection = create_connection
            return conn

        return super().do_open(connection, req, **kwargs)


class _HTTP(_Tracking, urllib.request.HTTPHandler):
    pass


class _HTTPS(_Tracking, urllib.request.HTTPSHandler):
    pass


def _cut(sockets: list[socket.socket]) -> None:
    """Shut every socket down: a blocked read in another thread returns at once."""
    for sock in list(sockets):
        with contextlib.suppress(OSError):  # already closed
            sock.shutdown(socket.SHUT_RDWR)


def _watch(opened: list, done: threading.Event, seconds: float, fired: threading.Event) -> None:
    if done.wait(seconds):
        return
    fired.set()
    while True:  # until the request gives up: a connect may complete after the deadline
        _cut(opened)
        if done.wait(_CUT_EVERY):
            return


class DeadlineAdapter(URLLibAdapter):
    """geopy adapter whose ``timeout`` is a deadline for the whole request.

    Connecting, the headers and the body must all arrive within ``timeout`` seconds, however
    slowly the server sends them; the reply is capped at ``MAX_REPLY_BYTES``. Failures are
    geopy's errors (``GeocoderTimedOut``, ``GeocoderServiceError``, ``AdapterHTTPError``), so
    geocoders handle them as usual. Proxies and the SSL context work as in ``URLLibAdapter``.
    """

    def __init__(self, *, proxies, ssl_context):
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        # As geopy's adapters read them: None means the system's proxy settings.
        self._proxies = (
            None
            if proxies is None
            else {k: v if "://" in v else f"http://{v}" for k, v in proxies.items()}
        )
        self._ssl_context = ssl_context

    def get_text(self, url, *, timeout, headers):  # noqa: D102 - geopy's adapter interface
        seconds = max(float(timeout), 0.0) if timeout is not None else 10.0
        opened: list[socket.socket] = []
        kwargs = {"context": self._ssl_context} if self._ssl_context is not None else {}
        opener = urllib.request.build_opener(
            _HTTP(opened), _HTTPS(opened, **kwargs), urllib.request.ProxyHandler(self._proxies)
        )
        done, fired = threading.Event(), threading.Event()
        watchdog = threading.Thread(
            target=_watch,
            args=(opened, done, seconds, fired),
            daemon=True,
            name="geocoder-deadline",
        )
        start = time.monotonic()
        watchdog.start()
        try:
            status, charset, body = self._fetch(opener, url, headers, seconds)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if fired.is_set() or isinstance(exc, TimeoutError):
                raise GeocoderTimedOut(_timed_out(seconds)) from None
            if isinstance(exc, URLError) and isinstance(exc.reason, TimeoutError):
                raise GeocoderTimedOut(_timed_out(seconds)) from None
            raise GeocoderServiceError(f"no answer ({_one_line(exc)})") from None
        finally:
            done.set()
            for sock in opened:
                sock.close()
        if fired.is_set() or time.monotonic() - start > seconds:
            raise GeocoderTimedOut(_timed_out(seconds))
        try:
            text = body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise GeocoderParseError("the reply is not text in the charset it names") from None
        if status >= 400:
            raise AdapterHTTPError(
                f"Non-successful status code {status}", status_code=status, headers={}, text=text
            )
        return text

    @staticmethod
    def _fetch(opener, url: str, headers, seconds: float) -> tuple[int, str, bytes]:
        request = urllib.request.Request(url=url, headers=headers)
        try:
            page = opener.open(request, timeout=max(seconds, 0.001))
        except HTTPError as error:  # 4xx/5xx: the status still tells the geocoder what failed
            page = error
        with page:
            status = page.getcode()
            charset = page.headers.get_content_charset() or "utf-8"
            chunks, size = [], 0
            while chunk := page.read(65536):
                size += len(chunk)
                if size > MAX_REPLY_BYTES:
                    raise GeocoderServiceError(
                        f"the reply is over {MAX_REPLY_BYTES / 1e6:.0f} MB; not a geocoder answer"
                    )
                chunks.append(chunk)
        return status, charset, b"".join(chunks)


def _timed_out(seconds: float) -> str:
    return f"no complete answer within {seconds:.3g} s"


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
