"""What every file reader checks before it trusts a byte: sizes, bounds, and how it says no.

Shared by the readers of every format (``recordings``, ``session_file``,
``fit_file``, ``xdf_file``, ``vendor_files``), which import it and nothing
of each other's: the format modules no longer go round in an import circle.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 512 * 1024 * 1024
#: Bounds every number is checked against as it is read: a file with one
#: absurd value gets a one-line error naming the line, never a crash or a
#: history that later commands cannot open.
MAX_DURATION_S = 31 * 24 * 3600.0  # a recording spans at most a month
MAX_RR_MS = 60_000.0  # an "interval" longer than a minute is not a heartbeat
MAX_HR_BPM = 300.0
MAX_LINE_CHARS = 4096


class RecordingError(ValueError):
    """The file cannot be read as a recording; the message says why and where."""


class _CappedReader(io.RawIOBase):
    """A file read no further than MAX_FILE_BYTES (a regular file can still grow while it is read)."""

    def __init__(self, fh: io.BufferedReader, name: Path) -> None:
        self._fh, self._name, self._read = fh, name, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            n = self._fh.readinto(buffer)
        except OSError as exc:
            raise RecordingError(f"{self._name}: cannot read ({exc.strerror})") from None
        self._read += n or 0
        if self._read > MAX_FILE_BYTES:
            raise RecordingError(f"{self._name}: larger than {MAX_FILE_BYTES // 1_000_000} MB, too large for a "
                                 "heart-rate recording")
        return n

    def close(self) -> None:
        self._fh.close()
        super().close()


def open_regular_file(p: Path) -> io.BufferedReader:
    """The file, opened for streaming: FIFOs and devices are refused before reading (a size
    from ``stat`` is not trusted: /dev/zero has none and never ends)."""
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise RecordingError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise RecordingError(f"{p}: is a folder, not a recording file") from None
    except OSError as exc:
        raise RecordingError(f"{p}: cannot read ({exc.strerror})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise RecordingError(f"{p}: is a folder, not a recording file")
        raise RecordingError(f"{p}: is not a regular file (a pipe or a device)")
    return io.BufferedReader(_CappedReader(os.fdopen(fd, "rb", buffering=0), p), buffer_size=1 << 16)


def excerpt(text: str, limit: int = 40) -> str:
    """A value for an error message: short, whatever the file held."""
    return repr(text if len(text) <= limit else text[:limit] + "…")
