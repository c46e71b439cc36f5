"""Documents in: text, Markdown and HTML files, pasted text and fetched pages become Articles.

HTML is reduced to its main text (``geo.text.webpage``); nothing in a document is run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from pathlib import Path

from geo.errors import InputError
from geo.inputs import MAX_TEXT_BYTES, check_file, read_file, shown
from geo.records import Article
from geo.text.published import infer_published
from geo.text.webpage import http_url, read_html

__all__ = [
    "FORMATS",
    "SUPPORTED_SUFFIXES",
    "article_from_page",
    "article_from_text",
    "decode_text",
    "markdown_to_text",
    "normalize_text",
    "parse_date_arg",
    "read_article",
]

FORMATS = ("txt", "md", "html")
SUPPORTED_SUFFIXES = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
MAX_BYTES = MAX_TEXT_BYTES
TITLE_MAX = 200
TITLE_FALLBACK = 80


# ---------------------------------------------------------------------------------------------
# Dates and text normalisation
# ---------------------------------------------------------------------------------------------
_ISO_DATE = re.compile(r"\s*([0-9]{4})-([0-9]{2})-([0-9]{2})\s*")
_DATE_PREFIX = re.compile(r"\s*([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9:.+\-Z ]*)?\s*")


def parse_date_arg(s: str) -> dt.date:
    """Parse a date typed by a user (CLI option, UI field) strictly as ``YYYY-MM-DD``.

    Raises
    ------
    InputError
        When ``s`` is not a real calendar date in that form.
    """
    m = _ISO_DATE.fullmatch(s) if isinstance(s, str) else None
    try:
        if m is None:
            raise ValueError
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise InputError(f"Invalid date {s!r}: use YYYY-MM-DD, e.g. 2024-09-05.") from None


def _date_value(value: object, *, where: str) -> dt.date | None:
    """A publication date given as a date, a datetime or a ``YYYY-MM-DD[THH:MM...]`` string."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _DATE_PREFIX.fullmatch(value) if isinstance(value, str) else None
    try:
        if m is None:
            raise ValueError
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise InputError(
            f"Invalid published date {value!r} in {where}: use YYYY-MM-DD, e.g. 2024-09-05."
        ) from None


def normalize_text(text: str) -> str:
    """The canonical form that ``article_id`` hashes and ``Article.text`` holds.

    Unicode NFC, line breaks as LF, no trailing white space on any line, no blank lines
    at either end. Leading indentation of the first line is kept.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _title_from(text: str) -> str:
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(first) < TITLE_MAX and not first.endswith("."):
        return first
    return " ".join(text.split())[:TITLE_FALLBACK].rstrip()


# ---------------------------------------------------------------------------------------------
# Front matter and Markdown
# ---------------------------------------------------------------------------------------------
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S
)
_FM_LINE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*)")


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``--- key: value ... ---`` off the top of a text; simple scalars only, no YAML."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    m = _FRONT_MATTER.match(text)
    if m is None:
        return {}, text
    meta: dict[str, str] = {}
    for line in m["body"].split("\n"):
        if (kv := _FM_LINE.fullmatch(line.strip())) is None:
            continue
        value = kv["value"].strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[kv["key"].lower()] = value
    return meta, text[m.end() :]


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.M), repl)
    for pattern, repl in (
        (r"^[ \t]*(?:```|~~~).*$\n?", ""),  # code fences (their content stays)
        (r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$\n?", ""),  # reference link definitions
        (r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", ""),  # rules
        (r"^[ \t]{0,3}=+[ \t]*$", ""),  # setext heading underlines
        (r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", r"\1"),  # ATX headings
        (r"^[ \t]{0,3}>[ \t]?", ""),  # block quotes
        (r"^([ \t]*)[-*+][ \t]+", r"\1"),  # bullet markers
        (r"!\[[^\]\n]*\]\([^)\n]*\)", ""),  # images
        (r"!\[[^\]\n]*\]\[[^\]\n]*\]", ""),
        (r"\[([^\]\n]+)\]\([^)\n]*\)", r"\1"),  # [text](url)
        (r"\[([^\]\n]+)\]\[[^\]\n]*\]", r"\1"),  # [text][ref]
        (r"<(https?://[^>\s]+)>", r"\1"),  # autolinks
        (r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2"),  # strong
        (r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", r"\1"),  # emphasis
        (r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", r"\1"),
        (r"`([^`\n]+)`", r"\1"),  # inline code
    )
)


_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_PRIVATE = 0xF0000  # supplementary private-use area, absent from news text
_MD_HIDDEN = re.compile("[\U000f0000-\U000f007f]")


def markdown_to_text(markdown: str) -> str:
    """Strip the common Markdown markup so offsets refer to the readable text.

    Removed: ATX headings' ``#`` (and setext underlines), emphasis ``*``/``_``, inline code
    backticks, code fence lines, block-quote ``>``, bullet markers, horizontal rules, images,
    link targets (``[text](url)`` becomes ``text``), reference definitions and backslash
    escapes. Numbered lists, tables and inline HTML are left as written.
    """
    text = markdown.replace("\r\n", "\n").replace("\r", "\n")
    # Escaped markup characters hide in the private-use area while the rules run.
    text = _MD_ESCAPE.sub(lambda m: chr(_PRIVATE + ord(m[1])), text)
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return _MD_HIDDEN.sub(lambda m: chr(ord(m[0]) - _PRIVATE), text)


# ---------------------------------------------------------------------------------------------
# Metadata from web pages
# ---------------------------------------------------------------------------------------------
def _lenient_date(value: str | None) -> dt.date | None:
    """A date from third-party HTML metadata: used when it parses, ignored when it does not."""
    try:
        return _date_value(value, where="HTML metadata")
    except InputError:
        return None


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------
def article_from_text(
    text: str,
    *,
    title: str | None = None,
    published: dt.date | str | None = None,
    url: str | None = None,
    fmt: str = "txt",
    source_path: str | None = None,
    published_default: dt.date | None = None,
) -> Article:
    """Make an ``Article`` from a document's raw text (pasted or read from a file).

    Parameters
    ----------
    text : str
        The document as written, in format ``fmt``. Text and Markdown may start with front
        matter (``---`` lines around ``key: value`` lines: title, published or date, url or
        source_url, source); it is removed. Markdown markup is stripped and HTML reduced to
        its visible text, so offsets into ``Article.text`` refer to readable text.
    title, url : str, optional
        Override what the document says.
    published : datetime.date or str, optional
        The publication date (a string must be ``YYYY-MM-DD``). Otherwise the document's own
        metadata, else inferred from the text by ``geo.text.published.infer_published`` (then
        ``published_inferred`` is True).
    fmt : {"txt", "md", "html"}
        How to read ``text``. HTML is reduced to its main text (``geo.text.webpage``).
    source_path : str, optional
        Where the document came from, recorded as is.
    published_default : datetime.date, optional
        The date to use when neither ``published`` nor the document gives one (a feed's
        date for its item), before inferring one from the text.

    Returns
    -------
    Article
        ``text`` normalised (see ``normalize_text``); ``article_id`` is its SHA-256. Without a
        title, the first non-empty line when it is short (under 200 characters) and does not
        end with a period, else the first 80 characters.

    Raises
    ------
    InputError
        Empty text, an unknown ``fmt`` or an invalid date.
    """
    if not isinstance(text, str):
        raise InputError(f"Article text must be a str, not {type(text).__name__}.")
    if fmt not in FORMATS:
        raise InputError(f"Unknown article format {fmt!r}; use one of {', '.join(FORMATS)}.")
    where = source_path or "the article's front matter"
    explicit = parse_date_arg(published) if isinstance(published, str) else published
    explicit = _date_value(explicit, where="the published argument")
    meta: dict[str, str] = {}
    doc_date: dt.date | None = None
    if fmt == "html":
        page = read_html(text)
        body, meta = page.text, {"title": page.title, "url": page.url}
        doc_date = _lenient_date(page.date)
    else:
        meta, body = _split_front_matter(text)
        if fmt == "md":
            body = markdown_to_text(body)
        doc_date = _date_value(meta.get("published") or meta.get("date"), where=where)
        source = meta.get("source", "")
        meta["url"] = meta.get("url") or meta.get("source_url") or (http_url(source) or "")
    body = normalize_text(body)
    if not body.strip():
        what = source_path or "The article text"
        raise InputError(f"{what} is empty; give a document with some text in it.")
    inferred = False
    when = explicit or doc_date or published_default
    if when is None:
        when = infer_published(body)
        inferred = when is not None
    return Article(
        article_id=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        title=(title or "").strip() or meta.get("title") or _title_from(body),
        text=body,
        published=when,
        published_inferred=inferred,
        url=url or meta.get("url") or None,
        source_path=source_path,
        fmt=fmt,
    )


# What a server's media type says about how to read the page ("" when it gives none).
_PAGE_FORMATS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "": "html",
    "text/plain": "txt",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9._-]+)""", re.I)


def _page_text(data: bytes, *, charset: str | None, label: str) -> str:
    """A page's text in the charset its server or its ``<meta charset>`` names, else sniffed."""
    m = None if charset else _META_CHARSET.search(data[:4096])
    declared = charset or (m[1].decode("ascii") if m else None)
    if declared:
        try:
            return data.decode(declared, errors="replace")
        except LookupError:  # an unknown charset name: sniff instead
            pass
    return decode_text(data, label=label)


def article_from_page(
    data: bytes,
    *,
    url: str,
    content_type: str = "",
    charset: str | None = None,
    published: dt.date | str | None = None,
    published_default: dt.date | None = None,
) -> Article:
    """A fetched web page as an ``Article``, read like an ``.html`` file and keeping its URL.

    Parameters
    ----------
    data : bytes
        The page as served.
    url : str
        Where it was fetched from; becomes ``Article.url``.
    content_type, charset : str, optional
        From the reply's Content-Type: HTML (or none given) and plain text are read.
    published, published_default : optional
        As for ``article_from_text``.

    Raises
    ------
    InputError
        Another content type (a PDF, an image...), undecodable bytes or no text.
    """
    fmt = _PAGE_FORMATS.get(content_type)
    if fmt is None:
        raise InputError(
            f"{url} is {content_type}, not a web page or a feed; save the article's text and "
            "ingest that instead."
        )
    return article_from_text(
        _page_text(data, charset=charset, label=url),
        url=url,
        fmt=fmt,
        published=published,
        published_default=published_default,
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(raw: bytes, *, label: str | os.PathLike[str]) -> str:
    """Text from bytes: UTF-16 (with BOM), UTF-8 (with or without BOM), else Windows-1251.

    ``label`` names the input in the error (a path, "standard input", an upload's name).

    Raises
    ------
    InputError
        If the bytes are binary or none of those encodings reads them cleanly.
    """
    if not raw.strip():  # white space only (\v and \f too): empty, which callers say
        return raw.decode("ascii")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in raw:
        for encoding in ("utf-8-sig", "cp1251"):  # utf-8-sig also reads plain UTF-8
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            # cp1251 maps nearly every byte, so reject results that hold control characters
            if not _CONTROL.search(text):
                return text
    raise InputError(
        f"Cannot decode {label}: it is not UTF-8 or Windows-1251 text (is it a binary file?). "
        "Save it as UTF-8 and try again."
    )


def read_article(
    path: str | os.PathLike[str],
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Article:
    """Read a ``.txt``, ``.md``/``.markdown`` or ``.html``/``.htm`` file as an ``Article``.

    Text is decoded as UTF-8 (with or without a byte-order mark), else as Windows-1251 for
    legacy Cyrillic files. Explicit arguments override the file's front matter or metadata;
    see ``article_from_text`` for the rest.

    Raises
    ------
    InputError
        Missing file, not a regular file (a folder, a named pipe, a device), over
        ``MAX_BYTES``, an unsupported extension, undecodable bytes, empty text or an invalid
        date.
    """
    p = check_file(Path(path).expanduser(), max_bytes=MAX_BYTES)
    fmt = SUPPORTED_SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        raise InputError(
            f"Unsupported file type {p.suffix or '(no extension)'!r} for {shown(p)}; "
            f"use one of {', '.join(SUPPORTED_SUFFIXES)}."
        )
    raw = read_file(p, max_bytes=MAX_BYTES)
    return article_from_text(
        decode_text(raw, label=p),
        title=title,
        published=published,
        url=url,
        fmt=fmt,
        source_path=str(p),
    )
