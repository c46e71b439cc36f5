"""How common an English word is (wordfreq's Zipf scale), mostly without loading wordfreq.

wordfreq costs a fresh process about 0.4 CPU-seconds before its first answer: its imports
(ftfy, langcodes, the regex module) and its 1.5 MB word list unpacked into a dict of 321k
words. An ingest with several workers pays it before forking them, while the other cores
wait. The strings geoparsing asks about are nearly all plain ASCII words (a token's normalised
form, a name's key), and for those wordfreq's answer depends only on the frequencies of the
lower-cased words between the spaces. So the frequencies of wordfreq's plain lower-case
words are kept in the cache folder as a sorted word list (read back in a few hundredths of a
second) and combined as wordfreq combines them; anything else is asked of wordfreq itself.
A table is used only after it gave wordfreq's own answers for a sample of its words.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import math
import re
import sys
from bisect import bisect_left
from itertools import pairwise
from pathlib import Path

from geo.config import cache_dir
from geo.places.gazetteer_cache import atomic_write, file_digests, mark_used, remove_stale

__all__ = ["load_table", "table_path", "zipf_frequency"]

# Letters and single spaces: wordfreq reads each run of letters as one word, lower-cased.
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
# What wordfreq's zipf_frequency(word, "en") gives a word it does not list (minimum 0).
_MIN_FREQ = 10**0.0 / 1e9
# Every this-many-th word of a new table is checked against wordfreq before it is used.
_CHECK_EVERY = 500

# Named by a hash of all that decides its content: wordfreq's code and word lists, this
# module's source and the Python that reads it (marshal's format). Bump TABLE_FORMAT when
# its layout changes.
TABLE_FORMAT = 1
TABLE_PREFIX = "english-zipf-"
TABLE_SUFFIX = ".marshal"

Table = tuple[list[str], list[float]]  # sorted plain words, their frequencies
_table: Table | None = None
_loaded = False


def _wordfreq_dir() -> Path | None:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def table_path(*, cache: Path | None = None) -> Path | None:
    """Where the table is kept; None without wordfreq."""
    package = _wordfreq_dir()
    if package is None:
        return None
    h = hashlib.sha256(
        f"format={TABLE_FORMAT};python={sys.version};marshal={marshal.version}".encode()
    )
    h.update(Path(__file__).read_bytes())
    # wordfreq's code and English lists, by the digests the index key keeps (size and mtime
    # unchanged: no large file read at start-up)
    paths = sorted([*package.glob("*.py"), *package.glob("data/*_en.*")])
    for path, digest in zip(paths, file_digests(paths, cache=cache), strict=True):
        h.update(path.name.encode())
        h.update(digest.encode())
    return (cache or cache_dir()) / f"{TABLE_PREFIX}{h.hexdigest()[:16]}{TABLE_SUFFIX}"


def _read_table(path: Path) -> Table | None:
    try:
        blob, freqs = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # none yet, or damaged: built again
    if not (isinstance(blob, str) and isinstance(freqs, list)):
        return None
    words = blob.split("\n")
    return (words, freqs) if len(words) == len(freqs) else None


def _wordfreq(word: str) -> float:
    try:
        from wordfreq import zipf_frequency as asked
    except ImportError:  # pragma: no cover - wordfreq is a pinned requirement
        return 0.0
    return asked(word, "en")


def _build() -> Table | None:
    """The table from wordfreq's own list; None if it would answer otherwise than wordfreq."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - wordfreq is a pinned requirement
        return None
    freqs = get_frequency_dict("en", "best")
    words = sorted(w for w in freqs if w.isascii() and w.isalpha() and w.islower())
    table = (words, [freqs[w] for w in words])
    sample = words[::_CHECK_EVERY]
    probes = [*sample, *(w.title() for w in sample[:50]), *map(" ".join, pairwise(sample))]
    probes.append("qzxv" * 4)  # listed by no language
    if any(_zipf(table, p) != _wordfreq(p) for p in probes):
        return None
    return table


def load_table(*, cache: Path | None = None) -> Table | None:
    """The table, read from the cache folder or built (and saved there); None without one."""
    try:
        path = table_path(cache=cache)
    except OSError:  # no cache folder to be had: built, kept in memory only
        return _build()
    if path is None:
        return None
    table = _read_table(path)
    if table is not None:
        mark_used(path)
        return table
    table = _build()
    if table is not None:
        with contextlib.suppress(OSError):  # a read-only cache: built again next time
            atomic_write(path, marshal.dumps(("\n".join(table[0]), table[1])))
            # another checkout or environment may still read its own table
            remove_stale(path, [f"{TABLE_PREFIX}*{TABLE_SUFFIX}"], f".{TABLE_PREFIX}*.tmp")
    return table


def _zipf(table: Table, text: str) -> float:
    """What wordfreq's ``zipf_frequency(text, "en")`` gives plain words (see ``_PLAIN``)."""
    words, freqs = table
    # wordfreq's _word_frequency and zipf_frequency, for words without digits in English
    one_over = 0.0
    for token in text.lower().split(" "):
        i = bisect_left(words, token)
        if i == len(words) or words[i] != token:
            return round(math.log(_MIN_FREQ, 10) + 9, 2)
        one_over += 1.0 / freqs[i]
    freq = max(1.0 / one_over, _MIN_FREQ)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def zipf_frequency(text: str) -> float:
    """``wordfreq.zipf_frequency(text, "en")``: from the table when ``text`` is plain words."""
    global _table, _loaded
    if _PLAIN.fullmatch(text):
        if not _loaded:
            _table, _loaded = load_table(), True
        if _table is not None:
            return _zipf(_table, text)
    return _wordfreq(text)
