"""The part of a live session the history refused, kept as a session file that Import brings back.

When the database cannot be written (disk full, locked, read-only) every sample
stays in memory and is also appended here as it arrives, so a crash loses at
most the last line. It is a session file (``docs/session-format.md``), not a
bare sample CSV: who wore which strap, strap status and alerts are kept with the
samples; when the session ends the file is rewritten whole with its end, its
episodes, pauses and snoozes, so an import restores the evening as it was.
The file lives in the user's own state folder, never the shared temp folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from flooding_monitor.private_files import write_private
from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.formats.session_file import SUFFIX, SessionDocument, document_lines, event_line, header_line, sample_line
from flooding_monitor.storage.store import APP_NAME

Event = tuple[float, str, str, int]


def unsaved_dir() -> Path:
    """$FLOODING_MONITOR_STATE_DIR, else the user's own state folder. Never the shared temp folder:
    a name there can be planted, and a tmpfs is gone after a reboot."""
    env = os.environ.get("FLOODING_MONITOR_STATE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False) / "unsaved"


def private_folder(path: Path) -> Path:
    """``path``, created if needed, readable by the user only."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


class UnsavedSessionFile:
    """An append-only session file of its own, then rewritten whole when the session ends."""

    def __init__(self, doc: SessionDocument) -> None:
        """Create a new file for ``doc`` (its header) in the private folder: an existing name, or a
        link planted there, is passed over, never written through."""
        self._doc = doc
        folder = private_folder(unsaved_dir())
        stem = f"flooding-monitor-unsaved-{doc.started_at.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        for n in range(100):
            path = folder / (f"{stem}{SUFFIX}" if n == 0 else f"{stem}-{n}{SUFFIX}")
            try:
                fd = os.open(path, flags, 0o600)
            except FileExistsError:
                continue
            self.path = path
            self._fh = os.fdopen(fd, "a", encoding="utf-8", newline="\n")
            self._write([header_line(doc)])
            return
        raise FileExistsError(f"no free file name in {folder}")

    def append(self, samples: Iterable[HeartRateSample], events: Iterable[Event]) -> None:
        """One line per sample and per status or alert, written through to the disk."""
        self._write([sample_line(self._doc, s) for s in samples] + [event_line(self._doc, e) for e in events])

    def complete(self, doc: SessionDocument) -> None:
        """Replace the appended file by the whole document (its end and protocol included), atomically:
        a failure leaves the appended file as it was."""
        self.close()
        write_private(self.path, lambda fh: fh.writelines(line + "\n" for line in document_lines(doc)))

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()

    def discard(self) -> None:
        """The history caught up: this copy is no longer needed."""
        try:
            self.close()
        except OSError:
            pass
        try:
            os.unlink(self.path)
        except OSError:
            pass

    def _write(self, lines: list[str]) -> None:
        if lines:
            self._fh.write("".join(line + "\n" for line in lines))
            self._fh.flush()
            os.fsync(self._fh.fileno())
