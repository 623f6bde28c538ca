"""Sessions lived through the real controller, shared by the tests that need one (a module of its own:
test modules do not import each other)."""

from __future__ import annotations

import heapq
from dataclasses import replace

from devices.scenarios import ARGUMENT, WITHDRAW
from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.storage.store import SessionStore


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def now(self) -> float:
        return self.t


def couple(first=ARGUMENT, second=WITHDRAW):
    """Both straps' samples in arrival order, B stamped as partner 1."""
    a = first.samples(seed=7, source="Strap A")
    b = (replace(s, partner=1) for s in second.samples(seed=11, source="Strap B", start_s=0.4))
    return heapq.merge(a, b, key=lambda s: s.t_s)


def feed_until(controller: SessionController, clock: Clock, samples, condition, limit_s: float = 3000) -> None:
    for s in samples:
        clock.t = s.t_s
        controller.feed(s)
        controller.advance()
        if condition() or s.t_s > limit_s:
            return


def lived_session(tmp_path) -> tuple[SessionStore, int]:
    """Two partners argue; the alert fires, they press "Not now", it fires again, they pause, write a note."""
    store = SessionStore(tmp_path / "home.sqlite3")
    controller = SessionController(Preferences(), store)
    clock = Clock()
    controller.start(clock.now, "demo", "Strap A", "demo")
    controller.add_partner(1, "Strap B")
    a = ARGUMENT.samples(seed=7, source="A")
    b = (replace(s, partner=1) for s in WITHDRAW.samples(seed=11, source="B", start_s=0.4))
    both = heapq.merge(a, b, key=lambda s: s.t_s)
    feed_until(controller, clock, both, lambda: controller.session.alert_active)
    controller.snooze()
    feed_until(controller, clock, both, lambda: controller.session.alert_active)
    controller.start_pause("alert")
    clock.t += 20 * 60
    controller.advance()
    controller.end_pause()
    assert controller.finish()
    sid = controller.recorder.session_id
    store.add_note(sid, trigger="the dishes", body="Sam: « ça suffit » — 😤", response="we paused")
    store.add_note(sid, trigger="money", body="tight chest", partner=1)  # Sam wrote it and said so
    return store, sid



def paused_session(tmp_path) -> tuple[SessionStore, int]:
    """One partner argues, pauses at the alert, and the strap keeps sending through the pause."""
    store = SessionStore(tmp_path / "paused.sqlite3")
    controller = SessionController(Preferences(), store)
    clock = Clock()
    controller.start(clock.now, "demo", "Strap A", "demo")
    samples = ARGUMENT.samples(seed=7, source="A")
    feed_until(controller, clock, samples, lambda: controller.session.alert_active)
    controller.start_pause("alert")
    started = clock.t
    feed_until(controller, clock, samples, lambda: clock.t >= started + 600)
    controller.end_pause()
    assert controller.finish()
    return store, controller.recorder.session_id
