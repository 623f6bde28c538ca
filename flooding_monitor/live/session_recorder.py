"""Write a live session to the history as it happens.

Samples are batched and committed about once a second, so a killed process
loses at most the last second or two. When the database cannot be written
(locked by another program, disk full, read-only, damaged) nothing is
dropped: samples stay in memory, the error is reported for the UI to show,
every later flush retries, and the unsaved part can be written elsewhere.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flooding_monitor.formats.recordings import CSV_HEADER, csv_rows
from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.formats.session_file import SessionDocument
from flooding_monitor.storage.store import PartnerInfo, SessionLock, SessionStore, StoreError, protocol_rows
from flooding_monitor.text import QT_TRANSLATE_NOOP, Text
from flooding_monitor.live.unsaved_file import UnsavedSessionFile

log = logging.getLogger(__name__)


class SessionRecorder:
    def __init__(self, store: SessionStore | None, started_at: dt.datetime, source_kind: str,
                 device_name: str | None, device_address: str | None, settings: dict[str, Any],
                 flush_every_s: float = 1.0) -> None:
        self.store = store
        self.started_at = started_at
        self.flush_every_s = flush_every_s
        self.session_id: int | None = None
        self.error: str | None = None
        self.pending: list[HeartRateSample] = []
        self.pending_events: list[tuple[float, str, str, int]] = []
        self.saved_samples = 0
        self.last_t_s = 0.0
        self._last_flush_t = float("-inf")
        self._meta = (source_kind, device_name, device_address, settings)
        self._protocol: tuple | None = None
        self._partners: list[PartnerInfo] | None = None
        self._lock: SessionLock | None = None
        #: Where what the history refused is appended as it arrives (a session file in the user's own
        #: state folder, see :mod:`.unsaved_file`); None while everything is saved.
        self.fallback_path: Path | None = None
        self.fallback_error: str | None = None
        self._fallback: UnsavedSessionFile | None = None
        self._spilled = self._spilled_events = 0  # of the pending lists, how many the fallback file holds
        # the latest partners and protocol, kept after they are saved: the fallback file's header and end
        self._known_partners: list[PartnerInfo] = []
        self._known_protocol: tuple = ([], [], [], None)
        self._create()

    def _create(self) -> bool:
        if self.session_id is not None:
            return True
        if self.store is None:
            self.error = self.error or Text(QT_TRANSLATE_NOOP("core", "No history database: recording in memory only."))
            return False
        kind, name, address, settings = self._meta
        try:
            self.session_id = self.store.create_session(self.started_at, kind, name, address, settings)
        except StoreError as exc:
            self.error = exc.message
            return False
        self._lock = self.store.own_session(self.session_id)  # other processes leave a live session alone
        return True

    @property
    def unsaved(self) -> int:
        """Samples the history has not taken yet (kept in memory, and in the fallback file if any)."""
        return len(self.pending)

    # -- input ----------------------------------------------------------------------
    def add_sample(self, sample: HeartRateSample) -> None:
        self.pending.append(sample)
        self.last_t_s = max(self.last_t_s, sample.t_s)
        if sample.t_s - self._last_flush_t >= self.flush_every_s:
            self.flush()

    def add_event(self, t_s: float, kind: str, message: str = "", partner: int = 0) -> None:
        self.pending_events.append((t_s, kind, message, partner))

    def tick(self, now_s: float) -> None:
        """The session's clock: save what waits once a second even when no sample comes (a pause
        started after the straps fell silent must not wait for the next beat)."""
        waiting = self.pending or self.pending_events or self._partners is not None or self._protocol is not None
        if waiting and now_s - self._last_flush_t >= self.flush_every_s:
            self.flush(now_s)

    def set_partners(self, partners: list[PartnerInfo]) -> None:
        """Who wears which strap (names, colours, thresholds, baselines); written with the next flush."""
        self._partners = self._known_partners = list(partners)

    def set_protocol(self, episodes: list, pauses: list, snoozes: list, baseline=None) -> None:
        """Remember the current episodes, pauses and snoozes; written with the next flush."""
        self._protocol = self._known_protocol = (list(episodes), list(pauses), list(snoozes), baseline)

    # -- output ---------------------------------------------------------------------
    def flush(self, now_s: float | None = None) -> bool:
        """Commit what is pending. False (with ``error`` set) if the store refused; what it refused
        is then also appended to :attr:`fallback_path`, so a crash or a full disk loses nothing."""
        self._last_flush_t = max(self.last_t_s, now_s) if now_s is not None else self.last_t_s
        ok = self._commit()
        if not ok:
            self._spill()
        elif not self.pending and self.fallback_path is not None:
            self._drop_fallback()  # the store caught up: everything is in the history again
        return ok

    def _commit(self) -> bool:
        if not self._create():
            return False
        assert self.store is not None and self.session_id is not None
        try:
            with self.store.atomic():  # one transaction: a second's samples, partners and protocol land together
                if self.pending or self.pending_events:
                    self.store.write_batch(self.session_id, self.pending, self.pending_events)
                if self._partners is not None:
                    self.store.set_partners(self.session_id, self._partners)
                if self._protocol is not None:
                    episodes, pauses, snoozes, baseline = self._protocol
                    self.store.save_protocol(self.session_id, episodes, pauses, snoozes,
                                             baseline.hr_bpm if baseline else None,
                                             baseline.rmssd_ms if baseline else None)
        except StoreError as exc:
            if self.error != str(exc):
                log.warning("history not saved: %s", exc)
            self.error = exc.message
            return False
        self.saved_samples += len(self.pending)  # committed: only now is anything forgotten here
        self.pending, self.pending_events, self._spilled, self._spilled_events = [], [], 0, 0
        self._partners = self._protocol = None
        self.error = None
        return True

    def finish(self, duration_s: float | None = None, closed_by: str = "app",
               then: Callable[[bool], Any] | None = None) -> bool:
        """Save what is pending and close the session; ``closed_by`` says how it ended (app, interrupt...).
        ``then(saved)`` is called once done (here at once; the writer thread's recorder calls it later)."""
        ok = self._finish(duration_s, closed_by)
        if then is not None:
            then(ok)
        return ok

    def join(self) -> None:
        """Nothing to wait for: this recorder writes as it is called (the threaded one has a queue)."""

    def _finish(self, duration_s: float | None, closed_by: str) -> bool:
        ok = self.flush()
        duration = self.last_t_s if duration_s is None else duration_s
        self._complete_fallback(duration, closed_by)
        if ok and self.store is not None and self.session_id is not None:
            try:
                self.store.end_session(self.session_id, self.started_at + dt.timedelta(seconds=duration),
                                       duration, closed_by)
            except StoreError as exc:
                self.error = exc.message
                return False
            if self._lock is not None:
                self._lock.release()
        return ok

    def _spill(self) -> None:
        """Append what is pending and not yet in the fallback file to it (samples, status, alerts)."""
        if self._spilled >= len(self.pending) and self._spilled_events >= len(self.pending_events):
            return
        try:
            if self._fallback is None:
                self._fallback = UnsavedSessionFile(self._document())
                self.fallback_path = self._fallback.path
            self._fallback.append(self.pending[self._spilled:], self.pending_events[self._spilled_events:])
            self._spilled, self._spilled_events = len(self.pending), len(self.pending_events)
            self.fallback_error = None
        except OSError as exc:
            self.fallback_error = exc.strerror or str(exc)
            log.warning("unsaved samples could not be written to %s either: %s", self.fallback_path, exc)

    def _document(self, duration_s: float | None = None, closed_by: str | None = None) -> SessionDocument:
        """What the history has not taken, as a session file holds it (the header alone while running)."""
        kind, name, address, settings = self._meta
        episodes, pauses, snoozes, baseline = self._known_protocol
        doc = SessionDocument(
            self.started_at.astimezone(), None, duration_s, kind, name, address, closed_by, settings,
            baseline.hr_bpm if baseline else None, baseline.rmssd_ms if baseline else None, None,
            list(self._known_partners))
        if duration_s is not None:
            doc.ended_at = doc.started_at + dt.timedelta(seconds=duration_s)
            doc.samples, doc.events = list(self.pending), list(self.pending_events)
            doc.episodes, doc.pauses, doc.snoozes = protocol_rows(episodes, pauses, snoozes)
        return doc

    def _complete_fallback(self, duration_s: float, closed_by: str) -> None:
        """At the end, the fallback file becomes the whole unsaved session: its end, episodes, pauses."""
        if self._fallback is None:
            return
        try:
            self._fallback.complete(self._document(duration_s, closed_by))
        except OSError as exc:  # the appended file stays as it was: every sample is still in it
            self.fallback_error = exc.strerror or str(exc)
        self._fallback = None

    def _drop_fallback(self) -> None:
        if self._fallback is not None:
            self._fallback.discard()
        self._fallback = None
        self.fallback_path = None
        self._spilled = self._spilled_events = 0

    def save_pending_csv(self, path: str | os.PathLike[str]) -> int:
        """Write the samples not yet in the database to a CSV the app can import."""
        p = Path(path)
        with p.open("w", newline="", encoding="utf-8") as fh:
            os.chmod(p, 0o600)
            writer = csv.writer(fh)
            writer.writerow(CSV_HEADER)
            for s in self.pending:
                writer.writerows(csv_rows(s))
        return len(self.pending)
