"""The gazetteer index on disk: named by a hash of its content, written atomically, shared.

Checkouts and environments with the same sources and build code share one index file in the
cache folder; none of them deletes an index another one may still use. The file is flat
buffers behind a small JSON header, mapped read-only: every process on a machine that opens
it (ingest workers, dask workers, the app) reads the same pages of the OS page cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import mmap
import os
import sys
import tempfile
import time
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.config import cache_dir
from geo.errors import DataError
from geo.places.gazetteer_build import Sources
from geo.places.names import NameIndex
from geo.places.packed import Coded, KeyIndex, Parts, Strings
from geo.records import PlaceKind

__all__ = [
    "CODE_FILES",
    "INDEX_FORMAT",
    "UNUSED_DAYS",
    "Index",
    "atomic_write",
    "index_bytes",
    "index_key",
    "index_path",
    "mark_used",
    "pack_index",
    "parse_index",
    "read_index",
    "remove_stale",
    "remove_unused",
    "write_index",
]

# Bump when the file layout, or what the Gazetteer expects of it, changes; changed build
# rules are caught by hashing the builder's source (CODE_FILES) instead.
INDEX_FORMAT = 7
MAGIC = b"GEOGAZ\x00\x07"
SUFFIX = ".index"
# Index files of earlier formats (pickles), still removed once long unused.
_OLD_SUFFIXES = (".pickle",)
# Buffers start at multiples of this, so every typed view of the mapped file is aligned.
_ALIGN = 64

# The modules whose code decides what goes into the index. Not gazetteer.py: changing how the
# index is searched must not cost every checkout a rebuild.
_HERE = Path(__file__).parent
CODE_FILES = (
    _HERE / "gazetteer_build.py",
    _HERE / "theatre.py",
    _HERE / "counties.py",
    _HERE / "names.py",
    _HERE / "packed.py",
    _HERE / "boundaries.py",
)

# Another key's index is removed only when nobody has loaded it for this long (loads refresh
# its mtime): a checkout still in use never loses its index to a neighbour's build.
UNUSED_DAYS = 30
# A build takes seconds; a temporary file this old was left by a killed process.
_ABANDONED_S = 24 * 3600

DIGESTS_FILE = "gazetteer-digests.json"
# A file changed twice within the file system's time resolution keeps its mtime; such a
# recent file is hashed afresh each time rather than remembered (git's "racy" rule).
_RACY_NS = 3_000_000_000
# Digests already computed in this process, so repeated loads cost only a stat per file.
_digests: dict[tuple[str, int, int], str] = {}


def index_key(src: Sources, *, cache: Path | None = None) -> str:
    """A short hash of everything that decides the index's content, and of nothing else.

    The key covers the bytes of every source file (named by role, never by path), the source
    of the modules that shape the index (``CODE_FILES``), ``INDEX_FORMAT``, the machine's
    byte order (the buffers are native), the Unicode version that
    :func:`~geo.places.names.normalize` folds with, and the ``PlaceKind`` values stored in
    the index. Checkouts and environments with the same content
    thus share one index, and a changed file or build rule gets a new one.

    Parameters
    ----------
    src
        The source files.
    cache
        Folder of the digest sidecar (default :func:`geo.config.cache_dir`): file digests are
        remembered there by path, size and mtime, so a warm start reads no large file.

    Returns
    -------
    str
        16 hex digits.
    """
    files = list(src.by_role().items()) + [(f"code:{p.name}", p) for p in CODE_FILES]
    digests = _FileDigests(cache or cache_dir())
    h = hashlib.sha256(
        f"format={INDEX_FORMAT};byteorder={sys.byteorder};"
        f"unicode={unicodedata.unidata_version};"
        f"kinds={'|'.join(k.value for k in PlaceKind)}".encode()
    )
    for role, path in files:
        h.update(f";{role}={digests.get(path)}".encode())
    digests.save()
    return h.hexdigest()[:16]


class _FileDigests:
    """SHA-256 of files, remembered in a sidecar json keyed by (path, size, mtime_ns)."""

    def __init__(self, folder: Path) -> None:
        self._path = folder / DIGESTS_FILE
        self._saved: dict[str, list] | None = None  # read on the first miss only
        self._new: dict[str, list] = {}

    def get(self, path: Path) -> str:
        try:
            st = path.stat()
        except OSError as exc:
            raise DataError(
                f"Gazetteer source {path} is missing ({exc}); restore it from git, or "
                "reinstall the requirements with `pip install -r requirements.txt`."
            ) from exc
        name, size, mtime = str(path), st.st_size, st.st_mtime_ns
        digest = _digests.get((name, size, mtime))
        if digest is not None:
            return digest
        if self._saved is None:
            self._saved = self._read()
        entry = self._saved.get(name)
        if entry and entry[:2] == [size, mtime]:
            digest = entry[2]
        else:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            after = path.stat()
            if (after.st_size, after.st_mtime_ns) != (size, mtime):
                return digest  # changed while we read it: use, but remember nothing
            if time.time_ns() - mtime < _RACY_NS:
                return digest
            self._new[name] = [size, mtime, digest]
        _digests[(name, size, mtime)] = digest
        return digest

    def _read(self) -> dict[str, list]:
        try:
            files = json.loads(self._path.read_text(encoding="utf-8"))["files"]
        except (OSError, ValueError, KeyError, TypeError):
            return {}  # no sidecar yet, or a damaged one: hash again
        return files if isinstance(files, dict) else {}

    def save(self) -> None:
        """Merge new digests into the sidecar, dropping files that no longer exist."""
        if not self._new:
            return
        # Re-read: another process may have added its own files since we looked.
        files = {k: v for k, v in self._read().items() if os.path.exists(k)}
        files.update(self._new)
        with contextlib.suppress(OSError):  # a read-only cache costs hashing again next time
            atomic_write(self._path, json.dumps({"files": files}, indent=0).encode())
        self._new = {}


def file_digests(paths: list[Path], *, cache: Path | None = None) -> list[str]:
    """SHA-256 (hex) of each file, from the digest sidecar when size and mtime still match.

    For other content keys built from large installed files (the basemap's lines): a warm
    start then reads no large file, as for the index key.
    """
    digests = _FileDigests(cache or cache_dir())
    out = [digests.get(path) for path in paths]
    digests.save()
    return out


# ------------------------------------------------------------------------------ index files


def index_path(key: str, *, cache: Path | None = None) -> Path:
    """Where the index with this key lives."""
    return (cache or cache_dir()) / f"gazetteer-{key}{SUFFIX}"


def atomic_write(path: Path, data: bytes | Callable[[io.BufferedWriter], None]) -> None:
    """Write a file so that readers see the old or the new content, never a part of it.

    ``data`` is the bytes, or a function that writes them to the open binary file. Two
    processes writing at once each write their own temporary file; the last rename wins.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class Index:
    """A gazetteer index as flat buffers: in memory after a build, or mapped from its file."""

    columns: dict[str, Sequence]  # place columns by field name, parallel
    names: NameIndex
    ids: KeyIndex  # place_id -> row
    path: Path | None  # the file it is mapped from, if it is
    key: str


def pack_index(key: str, cols: dict, names: NameIndex) -> Index:
    """The index of a build's columns and names, packed into buffers in memory.

    Numbers stay typed arrays; strings that repeat (kinds, codes) become small codes, the
    others one UTF-8 blob with offsets; ``place_id`` gets a :class:`KeyIndex`.
    """
    columns: dict[str, Sequence] = {}
    for field, values in cols.items():
        if isinstance(values, array | bytes | bytearray):
            columns[field] = memoryview(bytes(values) if isinstance(values, bytearray) else values)
        elif field != "place_id" and Coded.suits(values):
            columns[field] = Coded.from_values(values)
        else:
            columns[field] = Strings.from_values(values)
    ids = columns["place_id"]
    if not isinstance(ids, Strings):
        raise TypeError("place_id must be a column of strings")
    return Index(columns, names, KeyIndex.build(ids), None, key)


def _parts(index: Index) -> tuple[Parts, dict]:
    parts: Parts = {}
    meta: dict = {"columns": {}}
    for field, column in index.columns.items():
        prefix = f"col.{field}"
        if isinstance(column, Strings | Coded):
            parts |= column.parts(prefix)
            kind = "strings" if isinstance(column, Strings) else "coded"
            meta["columns"][field] = {"type": kind, **column.meta()}
        else:
            parts[prefix] = column
            meta["columns"][field] = {"type": "numbers"}
    parts |= index.ids.parts("ids")
    name_parts, meta["names"] = index.names.pack()
    parts |= name_parts
    meta["rows"] = len(index.columns["place_id"])
    return parts, meta


def _aligned(n: int) -> int:
    return -(-n // _ALIGN) * _ALIGN


def _write_to(fh: io.BufferedIOBase, index: Index) -> None:
    """Magic, header length, JSON header, then the buffers, each at an aligned offset."""
    parts, meta = _parts(index)
    layout, end = {}, 0
    for name, view in parts.items():
        layout[name] = [end, view.nbytes, view.format]
        end = _aligned(end + view.nbytes)
    header = {"format": INDEX_FORMAT, "key": index.key, "data_bytes": end, "parts": layout, **meta}
    head = json.dumps(header, separators=(",", ":")).encode()
    start = _aligned(16 + len(head))
    fh.write(MAGIC + len(head).to_bytes(8, "little") + head)
    fh.write(bytes(start - 16 - len(head)))
    for view in parts.values():  # padded to the next buffer (the last one to the end)
        fh.write(view)
        fh.write(bytes(_aligned(view.nbytes) - view.nbytes))


def write_index(path: Path, index: Index) -> None:
    """Write a packed index to its file atomically."""
    atomic_write(path, lambda fh: _write_to(fh, index))


def index_bytes(index: Index) -> bytes:
    """The bytes of the index file, for :func:`parse_index` elsewhere."""
    out = io.BytesIO()
    _write_to(out, index)
    return out.getvalue()


def read_index(path: Path, key: str) -> Index | None:
    """The index at ``path``, mapped read-only; None if absent or of another key or format.

    Raises
    ------
    DataError
        If the file is damaged (truncated, or not an index); :func:`load_gazetteer` then
        rebuilds it.
    """
    try:
        fh = path.open("rb")
    except OSError:
        return None  # absent, or unreadable: built (again)
    with fh:
        try:
            # MAP_SHARED and read-only: every process mapping the file shares its pages.
            buf: mmap.mmap | bytes = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            buf = fh.read()  # an empty file, or a file system that cannot map: a private copy
    return parse_index(buf, key, path=path)


def parse_index(buf: mmap.mmap | bytes, key: str, *, path: Path | None = None) -> Index | None:
    """The index in ``buf`` (a mapped file or its bytes); None if of another key or format."""
    where = path or "in memory"

    def damaged(why: str) -> DataError:
        return DataError(
            f"The gazetteer index {where} is damaged ({why}); it is rebuilt on the next load, "
            "or delete it to have it rebuilt."
        )

    view = memoryview(buf)
    if len(view) < 16 or bytes(view[:8]) != MAGIC:
        raise damaged("it does not start like a gazetteer index")
    size = int.from_bytes(view[8:16], "little")
    if 16 + size > len(view):
        raise damaged("its header is cut short")
    try:
        header = json.loads(bytes(view[16 : 16 + size]))
    except ValueError as exc:
        raise damaged(f"its header is unreadable: {exc}") from exc
    if not isinstance(header, dict):
        raise damaged("its header is not an object")
    if header.get("format") != INDEX_FORMAT or header.get("key") != key:
        return None
    try:
        start = _aligned(16 + size)
        if len(view) != start + header["data_bytes"]:
            raise damaged(f"{len(view):,} bytes where {start + header['data_bytes']:,} belong")
        parts: Parts = {}
        for name, (offset, nbytes, fmt) in header["parts"].items():
            if offset < 0 or start + offset + nbytes > len(view):
                raise damaged(f"buffer {name} lies outside the file")
            parts[name] = view[start + offset : start + offset + nbytes].cast(fmt)
        columns: dict[str, Sequence] = {}
        for field, meta in header["columns"].items():
            prefix = f"col.{field}"
            if meta["type"] == "strings":
                columns[field] = Strings.unpack(parts, prefix, meta)
            elif meta["type"] == "coded":
                columns[field] = Coded.unpack(parts, prefix, meta)
            else:
                columns[field] = parts[prefix]
        if any(len(c) != header["rows"] for c in columns.values()):
            raise damaged("its columns differ in length")
        ids = columns["place_id"]
        if not isinstance(ids, Strings):
            raise damaged("place_id is not a column of strings")
        index = Index(
            columns,
            NameIndex.unpack(parts, header["names"]),
            KeyIndex.unpack(ids, parts, "ids"),
            path,
            key,
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise damaged(f"{type(exc).__name__}: {exc}") from exc
    return index


def mark_used(path: Path) -> None:
    """Refresh the index's mtime, so :func:`remove_unused` knows it is in use."""
    with contextlib.suppress(OSError):  # read-only cache: the index is just not protected
        os.utime(path)


def remove_unused(keep: Path, *, days: float = UNUSED_DAYS) -> list[Path]:
    """Remove other indexes nobody has loaded for ``days``, and abandoned temporary files.

    Indexes of other keys may belong to other checkouts or environments sharing the cache,
    so an index still in use is never removed; one unused for a month costs its owner at most
    one rebuild.

    Returns
    -------
    list of Path
        The files removed.
    """
    kept = [f"gazetteer-*{suffix}" for suffix in (SUFFIX, *_OLD_SUFFIXES)]
    return remove_stale(keep, kept, ".gazetteer-*.tmp", days=days)


def remove_stale(
    keep: Path, globs: list[str], temp_glob: str, *, days: float = UNUSED_DAYS
) -> list[Path]:
    """Remove files of ``keep``'s folder matching ``globs`` that nobody used for ``days``.

    For any file kept in the cache by content (an index, a table derived from it): files
    matching ``temp_glob`` older than a day were left by a process killed while writing
    (:func:`atomic_write`). ``keep`` itself is never removed.

    Returns
    -------
    list of Path
        The files removed.
    """
    now = time.time()
    removed = []
    candidates = [(p, days * 86400) for pattern in globs for p in keep.parent.glob(pattern)]
    candidates += [(p, _ABANDONED_S) for p in keep.parent.glob(temp_glob)]
    for path, max_age in candidates:
        try:
            if path != keep and now - path.stat().st_mtime > max_age:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone already, or removed by another process meanwhile
    return removed
