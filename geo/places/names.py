"""How a place name becomes a lookup key, and the name forms the gazetteer knows.

The index builder and the geoparser both fold names with :func:`normalize`, so a token in
running text and a name in the index meet on the same key.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence

__all__ = [
    "ADMIN1_SUFFIXES",
    "MATCH_CODE",
    "MATCH_NAMES",
    "NameIndex",
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


class NameIndex:
    """Normalised names mapped to packed postings, as sorted keys with offsets into one array.

    A dict of 600,000 small tuples takes about a second to unpickle; three flat sequences take
    a twentieth of that, and a lookup is a binary search (microseconds).
    """

    __slots__ = ("_flat", "_keys", "_offsets", "max_words")

    def __init__(self, keys: list[str], offsets: array, flat: array, max_words: int) -> None:
        self._keys = keys
        self._offsets = offsets
        self._flat = flat
        self.max_words = max_words

    @classmethod
    def from_dict(cls, names: dict[str, list[int]]) -> NameIndex:
        """Pack a builder's ``{key: postings}``."""
        keys = sorted(names)
        offsets, flat = array("q", [0]), array("q")
        for key in keys:
            flat.extend(names[key])
            offsets.append(len(flat))
        max_words = max((k.count(" ") + 1 for k in keys), default=1)
        return cls(keys, offsets, flat, max_words)

    def _find(self, key: str) -> int:
        i = bisect_left(self._keys, key)
        return i if i < len(self._keys) and self._keys[i] == key else -1

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def __len__(self) -> int:
        return len(self._keys)

    def items(self) -> Iterator[tuple[str, Sequence[int]]]:
        """Every key with its postings, in key order (for derived indexes, e.g. the map's)."""
        for i, key in enumerate(self._keys):
            yield key, self._flat[self._offsets[i] : self._offsets[i + 1]]

    def get(self, key: str, default: Sequence[int] = ()) -> Sequence[int]:
        """The postings of ``key`` (``place_index << 2 | match_code``), or ``default``."""
        i = self._find(key)
        if i < 0:
            return default
        return self._flat[self._offsets[i] : self._offsets[i + 1]]
