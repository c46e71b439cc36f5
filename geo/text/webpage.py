"""Web pages in: the main text by trafilatura (menus, link boxes, "Read more", footers dropped).

Parsing only: nothing on the page is fetched or run. The stdlib parser reads the metadata and
is the fallback when the extractor finds no article body.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["MainTextFallbackWarning", "WebPage", "html_to_text", "http_url", "read_html"]


class MainTextFallbackWarning(UserWarning):
    """The main-content extractor found no article body: the page's whole visible text is used.

    Menus, link boxes and footers may then be read as article text; the ingest report shows
    this warning's message as a note.
    """


def _names(line: str) -> frozenset[str]:
    return frozenset(line.split())


# A <figcaption> describes a picture (often an older or a stock one), not the news.
_SKIP = _names(
    "script style noscript template head svg math iframe object canvas select figcaption"
)
_BLOCK = _names(
    "address article aside blockquote body caption details dialog div dl fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html main nav ol p pre section "
    "summary table ul"
)
_HEAD_TAGS = _names("head html meta link title base script style noscript template")
_LINE = _names("br dd dt li tr")
_CELL = _names("td th")
_DATE_META = _names(
    "article:published_time date pubdate publishdate publish-date publish_date dc.date "
    "dc.date.issued dcterms.created dcterms.date datepublished parsely-pub-date "
    "sailthru.date og:published_time"
)


class _TextExtractor(HTMLParser):
    """Collects visible text and a few metadata fields; never loads or runs anything."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip: dict[str, int] = {}
        self.pre = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.time_datetime: str | None = None
        self.h1_depth = 0  # inside the first <h1>: its text is the headline
        self.h1_parts: list[str] = []
        self.h1_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if "head" in self.skip and tag not in _HEAD_TAGS:
            del self.skip["head"]  # an unclosed <head> ends where body content starts
        if tag == "title" and self.skip.keys() <= {"head"} and not self.title_parts:
            self.in_title = True
        elif tag == "meta":
            self._meta(a)
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.meta.setdefault("canonical", a.get("href", ""))
        elif tag == "time" and a.get("datetime") and self.time_datetime is None:
            self.time_datetime = a["datetime"]
        if tag == "h1" and not self.h1_done and not self.skip:
            self.h1_depth += 1
        if tag in _SKIP:
            self.skip[tag] = self.skip.get(tag, 0) + 1
        elif tag == "pre":
            self.pre += 1
        self._break(tag, end=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIP and tag != "title":  # <svg/>, <title/>: nothing inside
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "h1" and self.h1_depth:
            self.h1_depth -= 1
            self.h1_done = not self.h1_depth and bool("".join(self.h1_parts).strip())
        if self.skip.get(tag):
            self.skip[tag] -= 1
            if not self.skip[tag]:
                del self.skip[tag]
        elif tag == "pre" and self.pre:
            self.pre -= 1
        self._break(tag, end=True)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip:
            return
        if self.h1_depth:
            self.h1_parts.append(data)
        self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))

    def _break(self, tag: str, *, end: bool) -> None:
        if self.skip or self.in_title:
            return
        if tag in _BLOCK:
            self.parts.append("\n\n")
        elif tag in _LINE and not end:  # <li>, <tr>, <br> start a line; </li> adds nothing
            self.parts.append("\n")
        elif tag in _CELL:
            self.parts.append(" ")

    def _meta(self, a: dict[str, str]) -> None:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        content = a.get("content", "").strip()
        if not key or not content:
            return
        if key in ("og:title", "twitter:title"):
            self.meta.setdefault("og:title", content)
        elif key == "og:url":
            self.meta.setdefault("og:url", content)
        elif key in _DATE_META:
            self.meta.setdefault("date", content)

    def text(self) -> str:
        lines = "".join(self.parts).replace("\xa0", " ").split("\n")
        return re.sub(r"\n{3,}", "\n\n", "\n".join(" ".join(ln.split()) for ln in lines)).strip()


def _parse_html(html: str) -> tuple[str, dict[str, str]]:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    meta = dict(parser.meta)
    title = " ".join("".join(parser.title_parts).split())
    if title:
        meta["title"] = title
    if parser.time_datetime:
        meta["time"] = parser.time_datetime
    if parser.h1_done:
        meta["h1"] = " ".join("".join(parser.h1_parts).split())
    return parser.text(), meta


def html_to_text(html: str) -> str:
    """The visible text of an HTML document.

    Script, style, noscript, template, head (and embedded svg, math, iframe, object, canvas,
    select) content is dropped; block elements (p, div, h1-h6, li, tr, br, ...) become line
    breaks, with a blank line between paragraphs; entities are decoded; runs of white space
    collapse, except line breaks inside ``<pre>``. Nothing is fetched or executed.
    """
    return _parse_html(html)[0]


@dataclass(frozen=True, slots=True)
class WebPage:
    """What a web page says: its main text and the metadata it declares (strings as written).

    ``date`` is the publication date from the page's metadata (meta tags, then JSON-LD, then
    the first ``<time datetime>``), not from its text; ``extractor`` is ``"trafilatura"`` or
    ``"stdlib"`` (the whole visible text, when the extractor found no article body).
    """

    text: str
    title: str = ""
    date: str = ""
    url: str = ""
    extractor: str = "trafilatura"


def http_url(value: str | None) -> str:
    """Keep only absolute http(s) URLs from documents; a ``javascript:`` link is no source."""
    value = (value or "").strip()
    return value if re.match(r"https?://[^\s]+\Z", value, re.I) else ""


# Dropped with their content before extraction: never article text. ``<time>`` tags are
# unwrapped instead, because trafilatura drops them with their text ("<time>Sunday</time>
# also saw strikes" would lose its date).
_DOCUMENT = re.compile(r"<(?:html|body)\b", re.I)
_DROP_BEFORE = "//template | //noscript | //select | //math | //figcaption"


def _main_text(html: str) -> tuple[str, str] | None:
    """(main text, JSON-LD or markup date) from trafilatura, or None when it finds no body."""
    try:
        import trafilatura
        from lxml import etree
        from trafilatura.settings import set_date_params
    except ImportError:  # a broken install: fall back rather than refuse the page
        return None
    if not _DOCUMENT.search(html, 0, 10_000):  # a fragment (pasted markup): give it a body
        html = f"<html><body>{html}</body></html>"
    tree = trafilatura.load_html(html)
    if tree is None:
        return None
    for node in tree.xpath(_DROP_BEFORE):
        if node.getparent() is not None:
            node.drop_tree()
    etree.strip_tags(tree, "time")
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        # Dates from the markup only: a date written in the text is inferred later, flagged.
        date_extraction_params=set_date_params(extensive=False),
    )
    if doc is None or not (doc.text or "").strip():
        return None
    return doc.text, doc.date or ""


def _with_headline(text: str, headline: str) -> str:
    """The text with the page's headline as its first line (extractors often leave it out)."""
    if not headline:
        return text
    head = " ".join(text[: len(headline) + 200].split())
    return text if head.startswith(" ".join(headline.split())) else f"{headline}\n\n{text}"


def read_html(html: str) -> WebPage:
    """The article in a web page: its main text, headline first, with title, date and URL.

    Parameters
    ----------
    html : str
        The page as served. It is parsed, never run: scripts, styles and embedded objects
        are dropped, and nothing it links to is fetched.

    Returns
    -------
    WebPage
        The main text found by trafilatura, without navigation, related-link boxes, "Read
        more" blocks and footers; the first ``<h1>`` (the headline) leads it when the
        extractor left it out. When trafilatura finds no article body (a page too short or
        too unusual for it), the whole visible text of the stdlib parser, with a
        :class:`MainTextFallbackWarning` (only when that text is not empty).
    """
    visible, meta = _parse_html(html)
    title = meta.get("og:title") or meta.get("title", "")
    url = http_url(meta.get("canonical")) or http_url(meta.get("og:url"))
    main = _main_text(html) if visible.strip() else None
    if main is None:
        if visible.strip():
            warnings.warn(
                MainTextFallbackWarning(
                    "The main-content extractor found no article body, so the page's whole "
                    "visible text was read; menus or link boxes may be in it. Paste the "
                    "article's text instead if its events look wrong."
                ),
                stacklevel=2,
            )
        date = meta.get("date") or meta.get("time", "")
        return WebPage(visible, title=title, date=date, url=url, extractor="stdlib")
    text, markup_date = main
    date = meta.get("date") or markup_date or meta.get("time", "")
    return WebPage(_with_headline(text, meta.get("h1", "")), title=title, date=date, url=url)
