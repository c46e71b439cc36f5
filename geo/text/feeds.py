"""RSS and Atom feeds: the article links (with their dates) that a news feed lists.

Parsed as data only: no DTD is loaded, no entity resolved, nothing fetched.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass
from urllib.parse import urljoin

from geo.text.fetch import is_url

__all__ = ["FeedItem", "feed_items", "looks_like_feed"]

_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
FEED_TYPES = frozenset(
    "application/rss+xml application/atom+xml application/rdf+xml application/xml text/xml".split()
)


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: its article's link, and the title and date the feed gives."""

    url: str
    title: str = ""
    published: dt.date | None = None


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Whether a reply is an RSS or Atom feed, by its media type or its first element."""
    if content_type in ("application/rss+xml", "application/atom+xml"):
        return True
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if content_type in FEED_TYPES or head.startswith(b"<?xml"):
        return any(tag in data[:4096].lower() for tag in (b"<rss", b"<feed", b"<rdf:rdf"))
    return head.startswith((b"<rss", b"<feed"))


def _date(text: str | None) -> dt.date | None:
    """RSS's RFC 822 dates ("Tue, 20 Feb 2024 09:15:00 +0200") or Atom's ISO 8601 ones."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _text(node, path: str) -> str:
    found = node.find(path)
    return " ".join((found.text or "").split()) if found is not None else ""


def _atom_link(entry) -> str:
    links = entry.findall(f"{_ATOM}link")
    for link in links:  # rel="alternate" (or no rel) is the article itself
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return ""


def feed_items(data: bytes, *, base_url: str = "", limit: int = 100) -> list[FeedItem]:
    """The article links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in feed order.

    Parameters
    ----------
    data : bytes
        The feed as served.
    base_url : str
        The feed's own URL: relative links are resolved against it.
    limit : int
        At most this many items (feeds list their newest first).

    Returns
    -------
    list of FeedItem
        Only absolute http(s) links, each once; an empty list when ``data`` is no feed.
    """
    from lxml import etree

    # A hostile feed cannot make the parser read files, fetch DTDs or expand entities.
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    rows: list[tuple[str, str, dt.date | None]] = []
    for item in root.iter("item", f"{_RSS1}item"):
        ns = _RSS1 if item.tag == f"{_RSS1}item" else ""
        link = _text(item, f"{ns}link")
        guid = item.find("guid")
        if not link and guid is not None and guid.get("isPermaLink", "true") == "true":
            link = (guid.text or "").strip()
        when = _date(_text(item, "pubDate") or _text(item, _DC_DATE))
        rows.append((link, _text(item, f"{ns}title"), when))
    for entry in root.iter(f"{_ATOM}entry"):
        when = _date(_text(entry, f"{_ATOM}published") or _text(entry, f"{_ATOM}updated"))
        rows.append((_atom_link(entry), _text(entry, f"{_ATOM}title"), when))
    out: list[FeedItem] = []
    seen: set[str] = set()
    for link, title, when in rows:
        url = urljoin(base_url, link.strip()) if link.strip() else ""
        if is_url(url) and url not in seen:
            seen.add(url)
            out.append(FeedItem(url, title, when))
    return out[:limit]
