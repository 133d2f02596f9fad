"""Atomic writes: a file is replaced whole or not at all.

Every command that writes a file writes through :func:`atomic_writer`.
Special files (a FIFO, ``/dev/null``, ``/dev/stdout``) are written as
streams, never replaced.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_writer", "is_read_only"]


@contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Open ``path`` for writing so that it is replaced whole or not at all.

    Text goes to a temporary file in the same folder, which is renamed over
    ``path`` only when the block ends without an exception; on any exception
    the temporary file is removed and ``path`` is left as it was. A symbolic
    link is followed (the file it points to is replaced, the link kept), and
    an existing file keeps its permissions (and its owner and group where
    this user may set them); a new one gets the usual ones
    (0o666 less the umask). A special file (a FIFO, ``/dev/null``,
    ``/dev/stdout``) is written as a stream, never replaced; a loop of
    symbolic links is an error that names the path.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OSError(errno.ELOOP, "a loop of symbolic links", os.fspath(path)) from None
        raise
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", os.fspath(path))
    if st is not None and not stat.S_ISREG(st.st_mode):
        # A FIFO, a terminal, /dev/null or /dev/stdout: write to it as a
        # stream; renaming over it would replace the special file itself.
        with open(path, "w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    target = Path(os.path.realpath(path))
    mode = st.st_mode & 0o7777 if st is not None else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:  # name what the user gave, not the temporary file
        folder = os.path.dirname(os.fspath(path)) or "."
        if exc.errno == errno.ENOENT:  # the folder itself is missing
            raise type(exc)(exc.errno, exc.strerror, folder) from None
        raise type(exc)(exc.errno, f"{exc.strerror} (cannot create a temporary file in the folder {folder})",
                        os.fspath(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            os.chmod(tmp, mode)
            if st is not None and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                try:  # keep the file's owner and group where this user may (root; a group member)
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and not exc.filename and exc.errno is not None:
            # A full disk or a quota says only "No space left on device": name the file.
            raise type(exc)(exc.errno, exc.strerror, os.fspath(path)) from None
        raise


def is_read_only(path: str | os.PathLike[str]) -> bool:
    """Whether the existing regular file ``path`` may not be written: no write permission for this
    user, or (as root, who may write anything) no write bit at all, as ``chmod a-w`` leaves it."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode):
        return False
    return not os.access(path, os.W_OK) or not st.st_mode & 0o222


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
