"""A news site on 127.0.0.1 for the URL and feed tests: pages, feeds and misbehaving replies.

Started by a test, bound to the loopback interface only, on a free port; every reply is
bounded in time (the slowest takes 2 s) and the server stops with the test.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

NEWS_PAGE = (Path(__file__).resolve().parent / "data" / "web" / "news_page.html").read_bytes()


def _page(title: str, body: str, date: str) -> bytes:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="article:published_time" content="{date}"></head><body>'
        f'<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>{title}</h1><p>{body}</p>"
        "<p>Written for this project's tests; officials gave no further details on the "
        "damage or on the number of people who had been in the area at the time.</p>"
        "</article><footer>© Test News · Contact us</footer></body></html>"
    ).encode()


ITEM_1 = _page(
    "Drones strike Sumy",
    "Russian drones struck an industrial site in Sumy on Monday, the regional military "
    "administration said.",
    "2024-09-09",
)
ITEM_2 = _page(
    "Shelling hits Kherson",
    "Russian artillery shelled a residential district of Kherson on Tuesday, injuring two "
    "people, the city administration said.",
    "2024-09-10",
)
UNDATED_ITEM = (
    b"<html><body><article><h1>Evacuation continues</h1><p>Authorities continued the "
    b"evacuation of families from Pokrovsk, the regional governor said, and buses left the "
    b"town several times a day with those who had decided to leave their homes.</p>"
    b"</article></body></html>"
)


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test News</title><link>{base}/</link>
<item><title>Drones strike Sumy</title><link>{base}/news/sumy.html</link>
<pubDate>Mon, 09 Sep 2024 10:00:00 +0300</pubDate></item>
<item><title>Shelling hits Kherson</title><link>/news/kherson.html</link>
<pubDate>Tue, 10 Sep 2024 08:00:00 +0300</pubDate></item>
</channel></rss>""".encode()


def _atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Test News</title>
<entry><title>Evacuation continues</title>
<link rel="alternate" href="{base}/news/undated.html"/>
<link rel="enclosure" href="{base}/img/bus.jpg"/>
<published>2024-08-20T09:00:00Z</published></entry>
</feed>""".encode()


@dataclass
class Site:
    """The running site: its base URL and the requests it has seen (path, User-Agent)."""

    base: str
    requests: list[tuple[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def _send(self, body: bytes, ctype: str, status: int = 200, **extra: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in extra.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            html = "text/html; charset=utf-8"
            routes = {
                "/news/page.html": (NEWS_PAGE, html),
                "/news/sumy.html": (ITEM_1, html),
                "/news/kherson.html": (ITEM_2, html),
                "/news/undated.html": (UNDATED_ITEM, html),
                "/feed.xml": (_rss(site.base), "application/rss+xml"),
                "/atom": (_atom(site.base), "application/atom+xml; charset=utf-8"),
                "/empty-feed.xml": (b'<rss version="2.0"><channel/></rss>', "text/xml"),
                "/report.pdf": (b"%PDF-1.4 not an article", "application/pdf"),
                "/big.html": (b"<p>" + b"x" * 200_000 + b"</p>", html),
            }
            if self.path in routes:
                self._send(*routes[self.path])
            elif self.path == "/moved":
                self._send(b"", html, 302, Location="/news/page.html")
            elif self.path == "/to-file":
                self._send(b"", html, 302, Location="file:///etc/passwd")
            elif self.path == "/slow.html":
                time.sleep(2)  # longer than the tests' timeout
                self._send(ITEM_1, html)
            elif self.path == "/trickle.html":
                self.send_response(200)
                self.send_header("Content-Type", html)
                self.end_headers()
                for _ in range(20):  # 20 bytes over 2 s, each within the read timeout
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(0.1)
            elif self.path == "/big-unsized.html":
                self.send_response(200)
                self.send_header("Content-Type", html)
                self.end_headers()  # no Content-Length: the cap applies while reading
                for _ in range(50):
                    self.wfile.write(b"y" * 10_000)
            else:
                self._send(b"<h1>Not found</h1>", html, 404)

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up (timeout, size cap) is expected here


@contextmanager
def local_site() -> Iterator[Site]:
    """Serve the site on 127.0.0.1 (a free port) for the duration of the block."""
    site = Site("")
    server = _Server(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
