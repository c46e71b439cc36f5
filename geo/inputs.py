"""Files a user names (an article, a snapshot, a settlements table), opened safely.

Only regular files are read, and their size is checked before a byte is read, so a named
pipe cannot hang a command and a link to ``/dev/zero`` cannot fill the memory.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from geo.errors import InputError

__all__ = ["MAX_TEXT_BYTES", "check_file", "read_file", "shown"]

MAX_TEXT_BYTES = 20_000_000  # far above any article; keeps a wrong file from eating memory
_SHOWN_MAX = 120


def shown(path: str | os.PathLike[str]) -> str:
    """A path as error messages show it: whole when short, else its start and its end.

    A 5,000-character name would otherwise make the one-line error unreadable.
    """
    text = str(path)
    if len(text) <= _SHOWN_MAX:
        return text
    return f"{text[:40]}…{text[-60:]} ({len(text):,} characters)"


def _what(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _open_error(path: str | os.PathLike[str], exc: OSError) -> InputError:
    name = shown(path)
    if exc.errno == errno.ENOENT:
        return InputError(f"No such file: {name}. Check the path.")
    if exc.errno == errno.ENAMETOOLONG:
        return InputError(f"The file name {name} is too long for this system; check the path.")
    if exc.errno == errno.ENOTDIR:
        return InputError(f"{name}: a part of this path is not a folder; check the path.")
    if exc.errno == errno.ELOOP:
        return InputError(f"{name} is a loop of symbolic links; give a regular file.")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(f"Cannot read {name}: permission denied; check its permissions.")
    return InputError(f"Cannot read {name} ({exc.strerror or exc}); give a regular file.")


def _too_big(name: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{name} is {size / 1e6:,.1f} MB; files over {max_bytes / 1e6:,.0f} MB are refused. "
        "Check that it is the right file, or split it."
    )


def _open_regular(path: str | os.PathLike[str], *, max_bytes: int) -> tuple[int, int]:
    """An open descriptor of ``path`` and its size, or InputError for anything else."""
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a pipe on some systems
            raise InputError(f"{shown(path)} is not a regular file; give a regular file.") from None
        raise _open_error(path, exc) from None
    try:
        info = os.fstat(fd)
        what = _what(info.st_mode)
        if what is not None:
            article = "" if what.startswith("not") else ", not a file"
            raise InputError(f"{shown(path)} is {what}{article}; give a regular file.")
        if info.st_size > max_bytes:
            raise _too_big(shown(path), info.st_size, max_bytes)
    except BaseException:
        os.close(fd)
        raise
    return fd, info.st_size


def check_file(path: str | os.PathLike[str], *, max_bytes: int) -> Path:
    """Refuse ``path`` unless it is a readable regular file of at most ``max_bytes``.

    For files another library reads itself (GDAL); :func:`read_file` also reads it.

    Parameters
    ----------
    path : path-like
        The file as the user named it; symbolic links are followed.
    max_bytes : int
        Largest size accepted.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    InputError
        Missing, unreadable, a folder, a named pipe, a device, or too large; the message says
        which in one line.
    """
    fd, _ = _open_regular(path, max_bytes=max_bytes)
    os.close(fd)
    return Path(path)


def read_file(path: str | os.PathLike[str], *, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, checked before reading.

    The read itself stops one byte past the limit, so a file that grows while it is read
    is refused too, never read whole.

    Parameters
    ----------
    path : path-like
        The file as the user named it; symbolic links are followed.
    max_bytes : int
        Largest size accepted.

    Raises
    ------
    InputError
        As for :func:`check_file`, or when reading fails.
    """
    fd, _ = _open_regular(path, max_bytes=max_bytes)
    try:
        os.set_blocking(fd, True)
        fh = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    try:
        with fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise _open_error(path, exc) from None
    if len(data) > max_bytes:
        raise _too_big(shown(path), len(data), max_bytes)
    return data
