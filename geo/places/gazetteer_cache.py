"""The gazetteer index on disk: named by a hash of its content, written atomically, shared.

Checkouts and environments with the same sources and build code share one index file in the
cache folder; none of them deletes an index another one may still use.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import pickle
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from geo.config import cache_dir
from geo.errors import DataError
from geo.places.gazetteer_build import Sources
from geo.records import PlaceKind

__all__ = [
    "CODE_FILES",
    "INDEX_FORMAT",
    "UNUSED_DAYS",
    "atomic_write",
    "index_key",
    "index_path",
    "mark_used",
    "read_index",
    "remove_unused",
    "write_index",
]

# Bump when the pickled layout, or what the Gazetteer expects of it, changes; changed build
# rules are caught by hashing the builder's source (CODE_FILES) instead.
INDEX_FORMAT = 6
PICKLE_PROTOCOL = pickle.HIGHEST_PROTOCOL

# The modules whose code decides what goes into the index. Not gazetteer.py: changing how the
# index is searched must not cost every checkout a rebuild.
_HERE = Path(__file__).parent
CODE_FILES = (
    _HERE / "gazetteer_build.py",
    _HERE / "theatre.py",
    _HERE / "counties.py",
    _HERE / "names.py",
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
    of the modules that shape the index (``CODE_FILES``), ``INDEX_FORMAT``, the pickle
    protocol, the Unicode version that :func:`~geo.places.names.normalize` folds with, and the
    ``PlaceKind`` values stored in the index. Checkouts and environments with the same content
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
        f"format={INDEX_FORMAT};pickle={PICKLE_PROTOCOL};"
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
    return (cache or cache_dir()) / f"gazetteer-{key}.pickle"


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


def write_index(path: Path, key: str, cols: dict, names: dict) -> None:
    """Write a built index atomically."""
    payload = {"version": INDEX_FORMAT, "key": key, "cols": cols, "names": names}
    atomic_write(path, lambda fh: pickle.dump(payload, fh, protocol=PICKLE_PROTOCOL))


def read_index(path: Path, key: str) -> tuple[dict, dict] | None:
    """The ``(columns, names)`` of the index at ``path``, or None if absent, foreign or damaged."""
    if not path.is_file():
        return None
    try:
        with path.open("rb") as fh:
            # Our own cache file, written by write_index above; never a file from elsewhere.
            payload = pickle.load(fh)
        if payload.get("version") != INDEX_FORMAT or payload.get("key") != key:
            return None
        return payload["cols"], payload["names"]
    except (OSError, EOFError, pickle.UnpicklingError, KeyError, AttributeError, TypeError):
        return None  # a damaged cache is rebuilt, not reported


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
    now = time.time()
    removed = []
    candidates = [(p, days * 86400) for p in keep.parent.glob("gazetteer-*.pickle")]
    candidates += [(p, _ABANDONED_S) for p in keep.parent.glob(".gazetteer-*.tmp")]
    for path, max_age in candidates:
        try:
            if path != keep and now - path.stat().st_mtime > max_age:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # gone already, or removed by another process meanwhile
    return removed
