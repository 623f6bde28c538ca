"""A live copy of the samples in the analyzer's CSV format (``record --out``).

An :class:`~flooding_monitor.live.controller.Output` like Lab Streaming Layer:
every sample is written and flushed as it arrives and fsync-ed every two
seconds, so a killed process loses at most the last couple of seconds.
"""

from __future__ import annotations

import csv
import math
import os
from pathlib import Path

from flooding_monitor.detection.monitor import TickResult
from flooding_monitor.formats.recordings import CSV_HEADER, csv_rows
from flooding_monitor.heart.samples import HeartRateSample

FSYNC_EVERY_S = 2.0


class CsvOutput:
    def __init__(self, path: str | os.PathLike[str], exclusive: bool = False) -> None:
        """Open ``path`` for appending (created 0600: heart data is private). ``exclusive``: only a
        file this call creates, never through a symbolic link (a file the app names itself)."""
        p = Path(path)
        flags = os.O_CREAT | os.O_WRONLY | os.O_APPEND
        if exclusive:
            flags |= os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        new_file = exclusive or not p.exists() or p.stat().st_size == 0
        fd = os.open(p, flags, 0o600)
        self._fh = os.fdopen(fd, "a", newline="", encoding="utf-8")
        os.fchmod(fd, 0o600) if hasattr(os, "fchmod") else os.chmod(p, 0o600)
        self._writer = csv.writer(self._fh)
        if new_file:
            self._writer.writerow(CSV_HEADER)
        self._last_sync = -math.inf

    def push_sample(self, sample: HeartRateSample) -> None:
        self._writer.writerows(csv_rows(sample))
        self._fh.flush()
        if sample.t_s - self._last_sync >= FSYNC_EVERY_S:
            os.fsync(self._fh.fileno())
            self._last_sync = sample.t_s

    def add_partner(self, slot: int, name: str, device: str = "") -> None:
        """Partners are a column of every row; nothing to open."""

    def push_ticks(self, slot: int, results: list[TickResult]) -> None:
        """The CSV keeps what the straps sent, not the detector's view."""

    def push_event(self, t_s: float, kind: str, partner: int | None = None, **fields: object) -> None:
        """Events live in the history, not in the sample file."""

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
