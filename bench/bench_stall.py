"""The longest the window stops drawing while another program holds the history (issue 21).

A backup or ``flooding-monitor export`` in a terminal can hold the database's write lock for
seconds. The window must go on drawing: this measures the GUI thread's longest gap (a 5-ms timer's
largest interval) from the moment the user opens History, ends the conversation and saves a note,
until every answer is on screen. Floor: the same steps with the database free, in the same run.
Runs alternate free / held; medians with their n.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_stall [--runs 5] [--hold 2.0]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HOLDER = r"""
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
db.execute("BEGIN IMMEDIATE"); db.execute("CREATE TABLE IF NOT EXISTS _held (x)")
print("held", flush=True); time.sleep(float(sys.argv[2])); db.execute("ROLLBACK")
"""


class GapMeter:
    """The largest interval between a 5-ms timer's ticks: how long the GUI thread did not come back."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.timeout.connect(self._tick)
        self._timer.start(5)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest


def one_run(app, worker, held_s: float) -> float:
    """Seconds of the longest GUI stall over History, End conversation and a note."""
    from PySide6.QtWidgets import QDialog

    from devices.scenarios import ARGUMENT
    from flooding_monitor.live.preferences import Preferences, PreferencesFile
    from flooding_monitor.storage.store import SessionStore
    from ui import conversation_end
    from ui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="fm-stall-"))
    store = SessionStore(folder / "history.sqlite3", wait_s=30.0)
    window = MainWindow(Preferences(sound=False, notifications=False), PreferencesFile(folder / "p.json"), worker,
                        settings_scope="fm-bench", store=store)
    window.show()
    clock = _ManualClock()
    window.conversation.start_session(clock, "demo", "Demo strap", "demo")
    for sample in ARGUMENT.samples(seed=7, source="Demo strap"):
        clock.t = sample.t_s
        window.controller.feed(sample)
        window.controller.tick(sample.t_s)
        if sample.t_s > 600:
            break
    window.refresh()
    window.recorder.flush()
    done: list[int] = []
    conversation_end.SummaryCard.exec = lambda card: done.append(1) or QDialog.DialogCode.Accepted
    conversation_end.JournalDialog.exec = lambda self: 1
    conversation_end.JournalDialog.is_empty = lambda self: False
    conversation_end.JournalDialog.values = lambda self: {"trigger": "bench"}
    holder = None
    if held_s:
        holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store.path), str(held_s)],
                                  stdout=subprocess.PIPE, text=True)
        holder.stdout.readline()  # "held"
    meter = GapMeter()
    window.history_door.open()
    window.conversation_end.end()
    while not done or window.history_door.window.busy or window.history_reader.busy:
        app.processEvents()
        time.sleep(0.001)
    longest = meter.stop()
    if holder is not None:
        holder.wait()
    window.history_door.window.close()
    window.close()
    window.deleteLater()
    app.processEvents()
    return longest


class _ManualClock:
    def __init__(self) -> None:
        self.t = 0.0

    def now(self) -> float:
        return self.t


def main(runs: int = 5, hold_s: float = 2.0) -> dict:
    from PySide6.QtWidgets import QApplication

    from ui.worker import DeviceWorker

    app = QApplication.instance() or QApplication([])
    worker = DeviceWorker()
    try:
        one_run(app, worker, 0.0)  # warm-up: imports, fonts
        free, held = [], []
        for _ in range(runs):
            free.append(one_run(app, worker, 0.0))
            held.append(one_run(app, worker, hold_s))
    finally:
        worker.stop()
    return {"runs": runs, "hold_s": hold_s, "free_ms": statistics.median(free) * 1000,
            "held_ms": statistics.median(held) * 1000, "held_max_ms": max(held) * 1000}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hold", type=float, default=2.0)
    args = parser.parse_args()
    r = main(args.runs, args.hold)
    print(f"longest GUI stall, History + End conversation + note (medians of {r['runs']} alternated runs):")
    print(f"  database free:                          {r['free_ms']:7.0f} ms")
    print(f"  another process holds it {r['hold_s']:.1f} s:        {r['held_ms']:7.0f} ms "
          f"(worst {r['held_max_ms']:.0f} ms) = {r['held_ms'] / max(r['free_ms'], 1e-9):.2f}x the floor")
