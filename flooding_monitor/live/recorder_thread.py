"""The live recorder on a thread of its own, so the display never waits for SQLite.

A save can wait for another program's lock, for a slow disk or for an fsync;
on the GUI thread every such wait froze the rate on screen. Here the GUI
thread only appends to a queue; a writer thread owns a
:class:`~flooding_monitor.live.session_recorder.SessionRecorder` on its own
SQLite connection and does all the writing, in the order things happened.
What the writer knows (its error, its fallback file, how much is unsaved) is
read from the GUI thread as plain attributes: the next sample after a change
sees it.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.live.session_recorder import SessionRecorder
from flooding_monitor.storage.store import PartnerInfo, SessionStore, StoreError

log = logging.getLogger(__name__)

#: How long ``flush`` and ``finish`` wait for the writer: each store call waits at most the store's
#: ``wait_s`` for a lock, so this is only reached when the disk itself hangs.
WAIT_FOR_WRITER_S = 10.0

Job = Callable[[SessionRecorder], Any]


class RecorderThread:
    """Same calls as :class:`SessionRecorder`; the work happens on a "history-writer" thread."""

    def __init__(self, store: SessionStore | None, started_at: dt.datetime, source_kind: str,
                 device_name: str | None, device_address: str | None, settings: dict[str, Any],
                 flush_every_s: float = 1.0) -> None:
        self.store = store
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._queued_samples = 0  # added on the GUI thread, not yet handed to the recorder
        self._count_lock = threading.Lock()
        self._recorder: SessionRecorder | None = None
        args = (store, started_at, source_kind, device_name, device_address, settings, flush_every_s)
        self._thread = threading.Thread(target=self._run, args=args, name="history-writer", daemon=True)
        self._thread.start()  # not waited for: creating the session's row may wait on another program's lock

    # -- the writer thread ------------------------------------------------------------------
    def _run(self, store: SessionStore | None, *args: Any) -> None:
        writer_store = own_connection(store)
        self._recorder = SessionRecorder(writer_store, *args)
        while (job := self._jobs.get()) is not None:
            try:
                job(self._recorder)
            except Exception:  # noqa: BLE001 - a bug in one save must not stop every later one
                log.exception("history writer")
        if writer_store is not None and writer_store is not store:
            writer_store.close()

    def _submit(self, job: Job, wait: bool = False) -> Any:
        if not self._thread.is_alive():
            return None
        if not wait:
            self._jobs.put(job)
            return None
        done = threading.Event()
        result: list[Any] = [None]

        def run_and_tell(recorder: SessionRecorder) -> None:
            try:
                result[0] = job(recorder)
            finally:
                done.set()

        self._jobs.put(run_and_tell)
        done.wait(WAIT_FOR_WRITER_S)
        return result[0]

    # -- input (GUI thread; never blocks) ----------------------------------------------------
    def add_sample(self, sample: HeartRateSample) -> None:
        with self._count_lock:
            self._queued_samples += 1
        self._submit(lambda r: self._hand_over(r, sample))

    def _hand_over(self, recorder: SessionRecorder, sample: HeartRateSample) -> None:
        recorder.add_sample(sample)
        with self._count_lock:
            self._queued_samples -= 1

    def add_event(self, t_s: float, kind: str, message: str = "", partner: int = 0) -> None:
        self._submit(lambda r: r.add_event(t_s, kind, message, partner))

    def tick(self, now_s: float) -> None:
        self._submit(lambda r: r.tick(now_s))

    def set_partners(self, partners: list[PartnerInfo]) -> None:
        snapshot = [copy.copy(p) for p in partners]
        self._submit(lambda r: r.set_partners(snapshot))

    def set_protocol(self, episodes: list, pauses: list, snoozes: list, baseline=None) -> None:
        """Copies taken now: the session goes on changing its episodes while the writer saves these."""
        snapshot = ([copy.copy(e) for e in episodes], [copy.copy(p) for p in pauses],
                    [copy.copy(s) for s in snoozes], baseline)
        self._submit(lambda r: r.set_protocol(*snapshot))

    # -- output ------------------------------------------------------------------------------
    def flush(self) -> bool:
        """Save what is queued now and wait for it."""
        return bool(self._submit(lambda r: r.flush(), wait=True))

    def flush_then(self, then: Callable[[bool], Any]) -> None:
        """Save what is queued now, then call ``then(saved)`` on the writer thread (the history window
        asks for its rows from there, so they include this second) — nothing waits."""
        self._submit(lambda r: then(r.flush()))

    def finish(self, duration_s: float | None = None, closed_by: str = "app",
               then: Callable[[bool], Any] | None = None) -> bool:
        """Save everything, close the session and stop the writer. With ``then``, nothing waits:
        ``then(saved)`` is called on the writer thread once it is done (and True returned now)."""
        if then is not None:
            if not self._thread.is_alive():
                then(False)
                return False
            self._submit(lambda r: then(r.finish(duration_s, closed_by)))
            self._jobs.put(None)
            return True
        ok = bool(self._submit(lambda r: r.finish(duration_s, closed_by), wait=True))
        self._jobs.put(None)
        self._thread.join(WAIT_FOR_WRITER_S)
        return ok

    def join(self) -> None:
        """Wait for the writer to finish what it was given (at exit, when data matters more than a frame)."""
        self._thread.join(WAIT_FOR_WRITER_S)

    def save_pending_csv(self, path: str | Path) -> int:
        recorder = self._recorder
        if recorder is None:
            return 0
        if self._thread.is_alive():
            return int(self._submit(lambda r: r.save_pending_csv(path), wait=True) or 0)
        return recorder.save_pending_csv(path)

    # -- what the writer knows (read on the GUI thread) ----------------------------------------
    @property
    def unsaved(self) -> int:
        """Samples not in the history yet: queued for the writer or refused by the store."""
        recorder = self._recorder
        return self._queued_samples + (recorder.unsaved if recorder is not None else 0)

    @property
    def error(self) -> str | None:
        return self._recorder.error if self._recorder is not None else None

    @property
    def fallback_path(self) -> Path | None:
        return self._recorder.fallback_path if self._recorder is not None else None

    @property
    def fallback_error(self) -> str | None:
        return self._recorder.fallback_error if self._recorder is not None else None

    @property
    def session_id(self) -> int | None:
        return self._recorder.session_id if self._recorder is not None else None

    @property
    def saved_samples(self) -> int:
        return self._recorder.saved_samples if self._recorder is not None else 0


def own_connection(store: SessionStore | None) -> SessionStore | None:
    """A thread's own connection to the same file (one SQLite connection per thread); the
    caller's store when it cannot have a second one (in memory)."""
    if store is None or store.path == ":memory:":
        return store
    try:
        return store.second_connection()
    except StoreError as exc:
        log.warning("history writer uses the shared connection: %s", exc)
        return store
