"""Columns of strings and keyed lookups over flat buffers that processes can map and share.

A Python object per row costs every process its own copy (and a fork its own dirty pages, as
reference counts change); these hold only memoryviews, so an index mapped read-only from a
file costs a process the pages it reads, shared through the page cache with every other one.
"""

from __future__ import annotations

import itertools
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence

__all__ = ["Coded", "KeyIndex", "Parts", "Strings", "key_hash"]

Parts = dict[str, memoryview]
"""Named flat buffers, each a memoryview cast to its item format (``q``, ``d``, ``I``, ...)."""


def key_hash(data: bytes) -> int:
    """The 32-bit hash :class:`KeyIndex` sorts by: stable across processes and machines.

    Not Python's ``hash`` (salted per process). CRC-32 is the cheapest stable hash in the
    standard library; its collisions (a few dozen among 600,000 keys) are told apart by the
    stored key bytes.
    """
    return zlib.crc32(data)


class Strings(Sequence):
    """A column of strings (or None) as one UTF-8 blob and ``len + 1`` offsets into it."""

    __slots__ = ("_blob", "_len", "_nulls", "_offsets")

    def __init__(self, blob: memoryview, offsets: memoryview, nulls: frozenset[int]) -> None:
        self._blob = blob
        self._offsets = offsets
        self._nulls = nulls
        self._len = len(offsets) - 1

    @classmethod
    def from_values(cls, values: Sequence[str | None]) -> Strings:
        """The column of these values, in memory (:meth:`parts` to write it)."""
        blob = bytearray()
        offsets = array("q", [0])
        nulls = []
        for i, value in enumerate(values):
            if value is None:
                nulls.append(i)
            else:
                blob += value.encode("utf-8")
            offsets.append(len(blob))
        return cls(memoryview(bytes(blob)), memoryview(offsets), frozenset(nulls))

    def parts(self, prefix: str) -> Parts:
        """The buffers :meth:`unpack` reads back."""
        return {f"{prefix}.blob": self._blob, f"{prefix}.offsets": self._offsets}

    def meta(self) -> dict:
        """What :meth:`unpack` needs beside the buffers: where the Nones are."""
        return {"nulls": sorted(self._nulls)}

    @classmethod
    def unpack(cls, parts: Parts, prefix: str, meta: dict) -> Strings:
        """The column from the buffers of :meth:`parts` (in memory or mapped from a file)."""
        blob, offsets = parts[f"{prefix}.blob"], parts[f"{prefix}.offsets"]
        if len(offsets) < 1 or offsets[-1] != len(blob):
            raise ValueError(f"string column {prefix}: offsets do not end at its blob's end")
        return cls(blob, offsets, frozenset(meta["nulls"]))

    def raw(self, i: int) -> memoryview:
        """The UTF-8 bytes of row ``i`` (``0 <= i < len``), not decoded."""
        return self._blob[self._offsets[i] : self._offsets[i + 1]]

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):  # type: ignore[override]
        try:
            within = 0 <= i < self._len
        except TypeError:  # a slice
            start, stop, step = i.indices(self._len)
            if step != 1:
                return [self[j] for j in range(start, stop, step)]
            return self._decode(start, max(start, stop))
        if within:  # the common case first: places are read one by one
            if i in self._nulls:
                return None
            offsets = self._offsets
            return str(self._blob[offsets[i] : offsets[i + 1]], "utf-8")
        if -self._len <= i < 0:
            return self[i + self._len]
        raise IndexError("string column index out of range")

    def __iter__(self) -> Iterator[str | None]:
        blob, offsets, nulls = self._blob, self._offsets, self._nulls
        for i in range(self._len):
            yield None if i in nulls else str(blob[offsets[i] : offsets[i + 1]], "utf-8")

    def ending_with(self, suffix: str) -> list[int]:
        """The rows that end with ``suffix`` (not empty), in row order.

        Found in the blob by a byte search, so only the rows that hold the suffix are
        decoded by whoever reads them: a scan of every row costs a decode per row.
        """
        if not suffix:
            raise ValueError("ending_with needs a suffix that is not empty.")
        needle = suffix.encode("utf-8")
        blob = bytes(self._blob)
        offsets = self._offsets
        rows = []
        pos = blob.find(needle)
        while pos >= 0:
            end = pos + len(needle)
            # a row ends here when ``end`` is its offset: rows ending at ``end`` (empty rows
            # end there too) have the suffix only if they are at least as long
            i = bisect_left(offsets, end)
            while i <= self._len and offsets[i] == end:
                if i >= 1 and offsets[i - 1] <= pos and (i - 1) not in self._nulls:
                    rows.append(i - 1)
                i += 1
            pos = blob.find(needle, pos + 1)
        return rows  # ascending and each once: the matches' ends grow, one row ends at each

    def tolist(self) -> list[str | None]:
        """Every row decoded, at once (faster than row by row, for whole-column readers)."""
        return self._decode(0, self._len)

    def _decode(self, lo: int, hi: int) -> list[str | None]:
        offsets = self._offsets[lo : hi + 1].tolist()
        base = offsets[0]
        blob = bytes(self._blob[base : offsets[-1]])
        out: list[str | None] = [
            blob[a - base : b - base].decode("utf-8") for a, b in itertools.pairwise(offsets)
        ]
        for i in self._nulls:
            if lo <= i < hi:
                out[i - lo] = None
        return out


class Coded(Sequence):
    """A column of few distinct strings (kinds, country codes) as small integer codes."""

    __slots__ = ("_codes", "_values")

    # Worth it when most rows repeat a value, and codes fit two bytes.
    MAX_VALUES = 65535

    def __init__(self, codes: memoryview, values: Sequence[str | None]) -> None:
        self._codes = codes
        self._values = tuple(values)

    @classmethod
    def suits(cls, values: Sequence[str | None]) -> bool:
        """Whether a column repeats few enough values to be coded."""
        distinct = len(set(values))
        return distinct <= cls.MAX_VALUES and distinct * 4 <= max(len(values), 1)

    @classmethod
    def from_values(cls, values: Sequence[str | None]) -> Coded:
        """The column of these values, in memory (:meth:`parts` to write it)."""
        table: dict[str | None, int] = {}
        codes = array("H", (table.setdefault(v, len(table)) for v in values))
        return cls(memoryview(codes), list(table))

    def parts(self, prefix: str) -> Parts:
        """The buffers :meth:`unpack` reads back."""
        return {f"{prefix}.codes": self._codes}

    def meta(self) -> dict:
        """What :meth:`unpack` needs beside the buffers: the distinct values."""
        return {"values": list(self._values)}

    @classmethod
    def unpack(cls, parts: Parts, prefix: str, meta: dict) -> Coded:
        """The column from the buffers of :meth:`parts` (in memory or mapped from a file)."""
        # Interned: equal codes in several columns, and in every Place, share one string.
        values = [None if v is None else sys.intern(v) for v in meta["values"]]
        return cls(parts[f"{prefix}.codes"], values)

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self._values[c] for c in self._codes[i]]
        return self._values[self._codes[i]]

    def __iter__(self) -> Iterator[str | None]:
        values = self._values
        return (values[c] for c in self._codes)

    def tolist(self) -> list[str | None]:
        """Every row, as a list of the (shared) value strings."""
        values = self._values
        return [values[c] for c in self._codes]


class KeyIndex:
    """Finds the row of a key among the rows of a :class:`Strings` column, without a dict.

    Rows are sorted by :func:`key_hash` of their bytes; a lookup bisects the hashes (about
    twenty comparisons for 600,000 keys) and checks the stored bytes of the rows with that hash.
    """

    __slots__ = ("_hashes", "_keys", "_len", "_rows")

    def __init__(self, keys: Strings, hashes: memoryview, rows: memoryview) -> None:
        self._keys = keys
        self._hashes = hashes
        self._rows = rows
        self._len = len(hashes)

    @classmethod
    def build(cls, keys: Strings) -> KeyIndex:
        """The index of ``keys``' rows, in memory; with equal keys the first row is found."""
        pairs = sorted((key_hash(keys.raw(i)), i) for i in range(len(keys)))
        hashes = array("I", (h for h, _ in pairs))
        rows = array("i", (i for _, i in pairs))
        return cls(keys, memoryview(hashes), memoryview(rows))

    def parts(self, prefix: str) -> Parts:
        """The buffers :meth:`unpack` reads back."""
        return {f"{prefix}.hashes": self._hashes, f"{prefix}.rows": self._rows}

    @classmethod
    def unpack(cls, keys: Strings, parts: Parts, prefix: str) -> KeyIndex:
        """The index from the buffers of :meth:`parts`, over the same ``keys``."""
        hashes, rows = parts[f"{prefix}.hashes"], parts[f"{prefix}.rows"]
        if len(hashes) != len(keys) or len(rows) != len(keys):
            raise ValueError(f"key index {prefix} does not cover its {len(keys)} keys")
        return cls(keys, hashes, rows)

    def find(self, key: str) -> int:
        """The row whose key is ``key``, or -1."""
        data = key.encode("utf-8", "surrogatepass")
        h = zlib.crc32(data)  # key_hash, inlined: this is the geoparser's hot path
        hashes, rows, keys = self._hashes, self._rows, self._keys
        j = bisect_left(hashes, h)
        while j < self._len and hashes[j] == h:
            row = rows[j]
            if keys.raw(row) == data:
                return row
            j += 1
        return -1
