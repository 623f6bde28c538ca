"""The app's history writer runs beside the display: a locked database delays saving, never the screen."""

from __future__ import annotations

import sqlite3
import threading
import time

from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.events import StoreChanged
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.heart.samples import Contact, HeartRateSample
from flooding_monitor.storage.store import SessionStore


def beat(t: float) -> HeartRateSample:
    return HeartRateSample(t, 72.0, (833_000,), Contact.DETECTED, "Strap A")


def background_controller(tmp_path, wait_s: float) -> tuple[SessionController, list, SessionStore]:
    store = SessionStore(tmp_path / "history.sqlite3", wait_s=wait_s)
    controller = SessionController(Preferences(), store, write_in_background=True)
    events: list = []
    controller.listeners.append(events.append)
    clock = {"t": 0.0}
    controller.start(lambda: clock["t"], "demo", "Strap A", "demo")
    return controller, events, store


def test_samples_are_written_by_the_writer_thread_not_the_caller(tmp_path, monkeypatch):
    writers: list[str] = []
    real = SessionStore.write_batch

    def spy(self, *args, **kwargs):
        writers.append(threading.current_thread().name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SessionStore, "write_batch", spy)
    controller, _, store = background_controller(tmp_path, wait_s=1.0)
    for t in range(10):
        controller.feed(beat(float(t)))
    assert controller.finish()
    assert writers and set(writers) == {"history-writer"}
    assert store.sample_count(controller.recorder.session_id) == 10
    assert store.session(controller.recorder.session_id).closed_by == "app"


def test_a_locked_database_does_not_hold_up_feeding_and_nothing_is_lost(tmp_path, monkeypatch):
    """Each save waits up to 2 s for the lock; done in ``feed`` that froze the display for 2 s a second."""
    controller, events, store = background_controller(tmp_path, wait_s=2.0)
    controller.feed(beat(0.0))
    controller.recorder.flush()
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    touched: list[str] = []  # the threads that waited on the database while samples were fed
    real = SessionStore.write_batch

    def spy(self, *args, **kwargs):
        touched.append(threading.current_thread().name)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SessionStore, "write_batch", spy)
    for t in range(1, 31):  # 30 s of samples: 30 flushes, each of which meets the lock
        controller.feed(beat(float(t)))
        controller.tick(float(t) + 0.5)
    assert threading.current_thread().name not in touched  # feeding and ticking only queue
    deadline = time.monotonic() + 20
    while controller.recorder.error is None and time.monotonic() < deadline:
        time.sleep(0.05)
    controller.advance()  # the next tick tells the window what the writer found
    assert any(isinstance(e, StoreChanged) and e.error for e in events)
    assert controller.recorder.unsaved > 0
    blocker.execute("ROLLBACK")
    blocker.close()
    assert controller.finish()
    assert store.sample_count(controller.recorder.session_id) == 31
    assert controller.recorder.unsaved == 0 and controller.recorder.error is None
