"""How a place name becomes a lookup key, and the name forms the gazetteer knows.

The index builder and the geoparser both fold names with :func:`normalize`, so a token in
running text and a name in the index meet on the same key.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Iterator, Sequence

from geo.places.packed import KeyIndex, Parts, Strings

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

# Keys decoded at a time by NameIndex.items.
_CHUNK = 8192

_APOSTROPHES = dict.fromkeys(map(ord, "'’ʼ`´ʹ"), None)
_DASHES = dict.fromkeys(map(ord, "-‐‑‒–—"), " ")


def normalize(name: str) -> str:
    """Fold a name to its lookup key.

    Case-folded, accents removed (``Sudža`` → ``sudza``), apostrophes dropped (``Donets'k`` →
    ``donetsk``), hyphens and dashes made spaces, dots dropped (``U.S.`` → ``us``), ``ё`` → ``е``.
    The geoparser builds keys from text tokens with the same function, so both sides agree.
    """
    if name.isascii():
        # Most names and words: NFKD keeps ASCII as it is and no ASCII character combines.
        s = name.lower()
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = s.translate(_APOSTROPHES).translate(_DASHES).replace(".", "")
    # split() breaks at the characters ``\s`` matches (str.isspace), and strips the ends
    return " ".join(s.split())


def strip_admin_suffix(name: str) -> str:
    """The name without a trailing admin-1 word: ``Kursk`` for ``Kursk Oblast``."""
    words = name.split()
    if len(words) > 1 and normalize(words[-1]) in ADMIN1_SUFFIXES:
        return " ".join(words[:-1])
    return name


class NameIndex:
    """Normalised names mapped to packed postings, in flat buffers a file can hold and share.

    The keys, in sorted order, are one UTF-8 blob with offsets; a key is found by its hash
    (:class:`~geo.places.packed.KeyIndex`) and its postings are a slice of one array. No Python
    object per name, so processes that map the same index file share its pages, and a
    lookup stays a binary search (microseconds).
    """

    __slots__ = ("_flat", "_keys", "_lookup", "_offsets", "max_words")

    def __init__(
        self, keys: Strings, lookup: KeyIndex, offsets: memoryview, flat: memoryview, max_words: int
    ) -> None:
        self._keys = keys
        self._lookup = lookup
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
        packed = Strings.from_values(keys)
        max_words = max((k.count(" ") + 1 for k in keys), default=1)
        return cls(packed, KeyIndex.build(packed), memoryview(offsets), memoryview(flat), max_words)

    def pack(self) -> tuple[Parts, dict]:
        """The flat buffers and the metadata :meth:`unpack` rebuilds this index from."""
        parts = self._keys.parts("names.keys") | self._lookup.parts("names.lookup")
        parts |= {"names.offsets": self._offsets, "names.postings": self._flat}
        return parts, {"keys": self._keys.meta(), "max_words": self.max_words}

    @classmethod
    def unpack(cls, parts: Parts, meta: dict) -> NameIndex:
        """The index from buffers written by :meth:`pack` (in memory or mapped from a file)."""
        keys = Strings.unpack(parts, "names.keys", meta["keys"])
        lookup = KeyIndex.unpack(keys, parts, "names.lookup")
        offsets, flat = parts["names.offsets"], parts["names.postings"]
        if len(offsets) != len(keys) + 1 or offsets[-1] != len(flat):
            raise ValueError("name index offsets do not match its keys and postings")
        return cls(keys, lookup, offsets, flat, int(meta["max_words"]))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup.find(key) >= 0

    def __len__(self) -> int:
        return len(self._keys)

    def items(self) -> Iterator[tuple[str, Sequence[int]]]:
        """Every key with its postings, in key order (for derived indexes, e.g. the map's)."""
        # All keys are read (the map's search index): decoded and sliced as plain lists,
        # a chunk at a time, which is faster than a view per key and bounds the copies.
        offsets, flat, keys = self._offsets, self._flat, self._keys
        for lo in range(0, len(keys), _CHUNK):
            hi = min(lo + _CHUNK, len(keys))
            bounds = offsets[lo : hi + 1].tolist()
            postings = flat[bounds[0] : bounds[-1]].tolist()
            base = bounds[0]
            for i, key in enumerate(keys[lo:hi]):
                yield key, postings[bounds[i] - base : bounds[i + 1] - base]

    def keys_ending(self, suffix: str) -> list[str]:
        """The keys that end with ``suffix``, in key order (a byte search, no full scan)."""
        keys = self._keys
        return [keys[i] for i in keys.ending_with(suffix)]

    def get(self, key: str, default: Sequence[int] = ()) -> Sequence[int]:
        """The postings of ``key`` (``place_index << 2 | match_code``), or ``default``."""
        i = self._lookup.find(key)
        if i < 0:
            return default
        return self._flat[self._offsets[i] : self._offsets[i + 1]]
