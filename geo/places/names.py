"""How a place name becomes a lookup key, and the name forms the gazetteer knows.

The index builder and the geoparser both fold names with :func:`normalize`, so a token in
running text and a name in the index meet on the same key.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ADMIN1_SUFFIXES",
    "MATCH_CODE",
    "MATCH_NAMES",
    "normalize",
    "strip_admin_suffix",
]

# Words that turn a name into an admin-1 unit in running text ("Kursk Oblast", "Kursk region").
ADMIN1_SUFFIXES = (
    "oblast",
    "region",
    "province",
    "krai",
    "voivodeship",
    "kray",
    "republic",
    "governorate",
    "state",
    "oblasti",
    "oblast'",
)

# Match kinds, best first; stored in the low bits of each posting.
MATCH_NAMES = ("name", "ascii", "alias", "alternate")
MATCH_CODE = {m: i for i, m in enumerate(MATCH_NAMES)}

_APOSTROPHES = dict.fromkeys(map(ord, "'’ʼ`´ʹ"), None)
_DASHES = dict.fromkeys(map(ord, "-‐‑‒–—"), " ")
_SPACES = re.compile(r"\s+")


def normalize(name: str) -> str:
    """Fold a name to its lookup key.

    Case-folded, accents removed (``Sudža`` → ``sudza``), apostrophes dropped (``Donets'k`` →
    ``donetsk``), hyphens and dashes made spaces, dots dropped (``U.S.`` → ``us``), ``ё`` → ``е``.
    The geoparser builds keys from text tokens with the same function, so both sides agree.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().translate(_APOSTROPHES).translate(_DASHES).replace(".", "")
    return _SPACES.sub(" ", s).strip()


def strip_admin_suffix(name: str) -> str:
    """The name without a trailing admin-1 word: ``Kursk`` for ``Kursk Oblast``."""
    words = name.split()
    if len(words) > 1 and normalize(words[-1]) in ADMIN1_SUFFIXES:
        return " ".join(words[:-1])
    return name
