"""The hop from the devices thread to the GUI thread: what the runner sends arrives, in order, once;
a closed session's last words do not."""

from __future__ import annotations

import queue
import threading

from flooding_monitor.heart.samples import Contact, HeartRateSample
from flooding_monitor.live.strap_status import Status, StatusKind
from ui.worker import QueueSink, SessionEnded, SourceBridge


def _sample(t: float) -> HeartRateSample:
    return HeartRateSample(t_s=t, hr_bpm=70, rr_us=(857_000,), contact=Contact.DETECTED)


def test_items_from_another_thread_arrive_in_order_as_signals(qtbot):
    events: queue.SimpleQueue[object] = queue.SimpleQueue()
    bridge = SourceBridge(events, lambda: 2, interval_ms=60_000)  # the slow timer must not be what drains
    got: list[object] = []
    bridge.sample.connect(lambda s: got.append(("sample", s.t_s)))
    bridge.status.connect(lambda s: got.append(("status", s.kind)))
    bridge.tick.connect(lambda t: got.append(("tick", t)))
    bridge.ended.connect(lambda how: got.append(("ended", how)))
    sink = QueueSink(events, 2, bridge.wake)

    def devices_thread() -> None:
        sink.status(Status(StatusKind.CONNECTED, 0.0, ""))
        sink.feed(_sample(0.4))
        sink.tick(1.5)
        events.put((2, SessionEnded("finished")))
        bridge.wake()

    thread = threading.Thread(target=devices_thread)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(got) == 4, timeout=2000)
    assert got == [("status", StatusKind.CONNECTED), ("sample", 0.4), ("tick", 1.5), ("ended", "finished")]


def test_a_closed_sessions_items_are_dropped(qtbot):
    events: queue.SimpleQueue[object] = queue.SimpleQueue()
    current = [1]
    bridge = SourceBridge(events, lambda: current[0], interval_ms=60_000)
    got: list[float] = []
    bridge.sample.connect(lambda s: got.append(s.t_s))
    old, new = QueueSink(events, 1, bridge.wake), QueueSink(events, 2, bridge.wake)
    old.feed(_sample(1.0))
    current[0] = 2  # a new session began before the GUI drained
    old.feed(_sample(2.0))
    new.feed(_sample(0.3))
    assert bridge.drain() == 1
    assert got == [0.3]
