"""Shared test helpers: run the live pipeline, compare with batch."""

from __future__ import annotations

import asyncio
import math

import numpy as np

from flooding_monitor.detection.analysis import Analysis, analyze
from flooding_monitor.detection.early_cue import CueEnded, CueStarted
from flooding_monitor.review.history import session_cues
from flooding_monitor.detection.monitor import LiveMonitor, TickResult
from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.detection.settings import DetectorSettings


def run_live(samples: list[HeartRateSample], settings: DetectorSettings,
             end_s: float | None = None, baseline=None) -> tuple[LiveMonitor, list[TickResult]]:
    monitor = LiveMonitor(settings, baseline)
    out: list[TickResult] = []
    for s in samples:
        out.extend(monitor.feed(s))
    if samples:
        last = max(s.t_s for s in samples) if end_s is None else end_s
        out.extend(monitor.finish(last if end_s is not None else _last_in_order(samples)))
    return monitor, out


def _last_in_order(samples: list[HeartRateSample]) -> float:
    """The batch default end: the last sample the intake kept (times never go back)."""
    last = -math.inf
    for s in samples:
        if s.t_s >= last:
            last = s.t_s
    return last


def assert_same(live: list[TickResult], batch: Analysis) -> None:
    ticks = batch.ticks
    assert len(live) == len(ticks)
    assert np.array_equal([r.tick.t_s for r in live], ticks.t_s)
    assert np.array_equal([r.tick.hr_bpm for r in live], ticks.hr_bpm, equal_nan=True)
    assert np.array_equal([r.tick.rmssd_ms for r in live], ticks.rmssd_ms, equal_nan=True)
    assert [int(r.tick.quality) for r in live] == ticks.quality.tolist()
    assert [r.tick.irregular for r in live] == ticks.irregular.tolist()
    assert [r.state for r in live] == [batch.state_at(k) for k in range(len(ticks))]
    assert [e for r in live for e in r.events if not isinstance(e, (CueStarted, CueEnded))] == batch.detection.events
    cues = session_cues(batch)  # the early cue: the history's near-misses are the live session's cues
    assert [r.cue for r in live] == [any(c.start_s <= t < (c.end_s if c.end_s is not None else math.inf)
                                         for c in cues) for t in ticks.t_s.tolist()]


def live_and_batch(samples, settings, baseline=None):
    monitor, live = run_live(samples, settings, baseline=baseline)
    batch = analyze(samples, settings, baseline)
    return monitor, live, batch


class SessionClock:
    """A session clock the test moves by hand (``clock.t = …``). The session runner's wait on it
    lasts until something pokes the runner, so only the test makes time pass."""

    def __init__(self) -> None:
        self.t = 0.0

    def now(self) -> float:
        return self.t

    async def sleep_until(self, t_s: float) -> None:
        await asyncio.Event().wait()


def play(window, samples, until_s: float) -> None:
    """Feed samples up to ``until_s`` of session time; the clock ticks after each, as the runner's would."""
    for s in samples:
        window.clock.t = s.t_s
        window.controller.feed(s)
        window.controller.tick(s.t_s)
        window.refresh()
        if s.t_s >= until_s:
            return


def play_until(window, samples, condition, limit_s: float = 4000) -> None:
    for s in samples:
        window.clock.t = s.t_s
        window.controller.feed(s)
        window.controller.tick(s.t_s)
        window.refresh()
        if condition():
            return
        assert s.t_s < limit_s, "condition never met"


def history_window(qtbot, store, **kwargs):
    """The History window on ``store``, through its own reader thread, once its first rows are drawn."""
    from ui.history_reader import HistoryReader
    from ui.history_window import HistoryWindow

    reader = HistoryReader(store)
    window = HistoryWindow(reader, **kwargs)
    qtbot.addWidget(window, before_close_func=lambda _: reader.close())  # the reader's thread ends with it
    settled(qtbot, window)
    return window


def settled(qtbot, history) -> None:
    """Wait until every question the History window asked has been answered and drawn."""
    qtbot.waitUntil(lambda: not history.busy, timeout=20_000)
