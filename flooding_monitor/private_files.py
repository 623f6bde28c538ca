"""Folders 0700 and files 0600 whatever the umask, written atomically: heart data is private.

A umask of 000 once made the data, config and export folders 0777; an export
followed a symlink planted at its predictable name and overwrote the target;
a full disk left a cut-off CSV under its final name. Everything the app writes
for the user goes through here.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any


def private_dir(path: Path) -> list[str]:
    """Create ``path`` (and parents) as 0700; tighten it if others can read it. Returns what was done, in words."""
    notes = []
    if not path.exists():
        path.mkdir(parents=True, mode=0o700, exist_ok=True)
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        os.chmod(path, mode & 0o700 | 0o700)
        notes.append(f"{path} could be read by other users of this computer ({mode:o}); it is now yours only (700)")
    return notes


def write_private(path: Path, write: Callable[[IO[Any]], None], overwrite: bool = True, binary: bool = False) -> None:
    """Write a text file (bytes with ``binary``) atomically: a 0600 temporary file in the same folder,
    fsync, then rename.

    The rename replaces a symlink at ``path`` instead of following it, and a
    failure (full disk) leaves the old file, or none, never a cut-off one.
    ``overwrite=False`` refuses an existing ``path`` with FileExistsError
    (an export never replaces a file silently).
    """
    if not overwrite and (path.exists() or path.is_symlink()):
        raise _exists(path)
    private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")  # 0600, O_EXCL
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", newline="", encoding="utf-8")) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            _move_without_replacing(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError) and exc.filename is None:  # a full disk says ENOSPC, not where
            raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
        raise


def _exists(path: Path) -> FileExistsError:
    return FileExistsError(errno.EEXIST, "already exists (use --force to replace it)", str(path))


def _move_without_replacing(tmp: str, path: Path) -> None:
    """A hard link fails if something appeared at ``path`` meanwhile; a USB stick's FAT has no hard
    links, so there the check before the rename has to do."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise _exists(path) from None
    except OSError:
        if path.exists():
            raise _exists(path) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


#: Cells a spreadsheet would run as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> object:
    """A text cell that a spreadsheet cannot run: prefixed with ' when it starts like a formula.

    Numbers pass unchanged (-5 is a number, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def os_error_line(exc: OSError, where: object = None) -> str:
    """One line for a failed write: the reason and the file, never "None" when the system named none."""
    place = exc.filename if exc.filename is not None else where
    reason = exc.strerror or str(exc)
    return f"{reason}: {place}" if place is not None else reason
