"""App-level figures: alert latency, start-up, live CPU/memory, an 8-hour soak.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_app [--minutes 10] [--episodes 200]

Each figure runs the real app code (MainWindow, the device worker thread, the
bridge, the detector, pyqtgraph), offscreen.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from devices import hrm_codec  # noqa: E402
from devices.source import EventQueue, SourceEvent, Status, StatusKind  # noqa: E402
from flooding_monitor.detection.detector import EpisodeStarted  # noqa: E402
from flooding_monitor.detection.monitor import LiveMonitor  # noqa: E402
from flooding_monitor.live.preferences import Preferences  # noqa: E402
from flooding_monitor.heart.samples import Contact, HeartRateSample  # noqa: E402


class PushSource:
    """A strap the benchmark drives: 0x2A37 packets are pushed from the worker loop and parsed there,
    as the bleak callback does, so the measured path starts at the packet's bytes."""

    name = "Bench strap"
    address = "bench"

    def __init__(self) -> None:
        self.queue = EventQueue()
        self.sent_at: float = 0.0

    async def connect(self) -> None:
        self.queue.put(Status(StatusKind.CONNECTED, 0.0, "bench"))

    def events(self) -> AsyncIterator[SourceEvent]:
        return self.queue.__aiter__()

    async def close(self) -> None:
        self.queue.close()

    async def push(self, samples: list[HeartRateSample], stamp_last: bool = False) -> None:
        for k, s in enumerate(samples):
            packet = hrm_codec.encode(hrm_codec.from_sample(s))
            if stamp_last and k == len(samples) - 1:
                self.sent_at = time.perf_counter()
            self.queue.put(hrm_codec.parse(packet).to_sample(s.t_s, self.name))
            await asyncio.sleep(0)


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def now(self) -> float:
        return self.t


def episode_stream(n: int) -> tuple[list[list[HeartRateSample]], list[int]]:
    """Calm 40 s, 120 bpm until onset, calm until the episode ends; n times.

    Returns per-episode sample lists and the index of the sample whose arrival
    completes the sustain window (found by running the detector offline).
    """
    samples, t = [], 0.0
    for _ in range(n):
        for hr, secs in ((70, 40), (120, 40), (70, 75)):
            for _ in range(secs):
                t += 1.0
                samples.append(HeartRateSample(t, float(hr), (int(60e6 / hr),) * (1 if hr < 100 else 2),
                                               Contact.DETECTED))
    monitor = LiveMonitor(Preferences().detector)
    triggers = []
    for i, s in enumerate(samples):
        if any(isinstance(e, EpisodeStarted) for r in monitor.feed(s) for e in r.events):
            triggers.append(i)
    chunks, start = [], 0
    for trig in triggers:
        chunks.append(samples[start:trig + 1])
        start = trig + 1
    chunks.append(samples[start:])
    return chunks, triggers


class FrameTimes:
    """When the top-level window finished painting a frame: the repaint manager's sync (every dirty
    widget painted and the backing store flushed) runs inside the top-level widget's UpdateRequest;
    the filter runs that event itself and notes the time after it."""

    def __init__(self, window, on_frame) -> None:
        from PySide6.QtCore import QEvent, QObject

        outer = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.UpdateRequest and not outer.inside:
                    outer.inside = True
                    try:
                        obj.event(event)
                    finally:
                        outer.inside = False
                    on_frame(time.perf_counter())
                    return True
                return False

        self.inside = False
        self.filter = Filter()
        window.installEventFilter(self.filter)


def alert_latency(episodes: int) -> dict[str, float]:
    """From the bytes of the packet that raises an alert to the completed frame that shows it.

    The real app: the worker thread parses each 0x2A37 packet, the session controller feeds the
    detector and the history writer (a real database), the window draws. Packets go in one at a
    time, 4 ms apart, from a timer: between them the GUI thread waits in ``app.exec()``. Whichever
    packet raises an alert is the one measured; each episode's calm end lets the alert clear.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from flooding_monitor.live.events import AlertRaised

    app = QApplication.instance() or QApplication([])
    window, worker, source, clock = _running_window()
    chunks, _ = episode_stream(episodes)
    samples = [s for chunk in chunks for s in chunk]
    sent_at: dict[float, float] = {}
    feeding = {"t": 0.0}
    pending: list[float] = []  # the time stamp of the packet whose alert is not on screen yet
    latencies: list[float] = []
    banner = window.monitor_page.alert
    real_feed = window.controller.feed

    def feed(sample) -> None:  # the controller, told which packet it is working on
        feeding["t"] = sample.t_s
        real_feed(sample)

    window.controller.feed = feed  # the window's sample handler calls it (a second connection fed each twice)
    window.controller.listeners.append(
        lambda e: pending.append(sent_at[feeding["t"]]) if isinstance(e, AlertRaised) else None)

    def on_frame(t: float) -> None:
        if pending and banner.isVisible():
            latencies.append((t - pending.pop()) * 1000)
            pending.clear()

    FrameTimes(window, on_frame)
    QTimer.singleShot(200, lambda: _push_packets(app, worker, source, clock, samples, sent_at))
    app.exec()
    window.close()
    worker.stop()
    recorder = window.controller.recorder
    saved = window.store.sample_count(recorder.session_id) if recorder and recorder.session_id else 0
    latencies.sort()
    return {"episodes": len(latencies), "p50_ms": statistics.median(latencies),
            "p99_ms": latencies[int(0.99 * (len(latencies) - 1))], "max_ms": latencies[-1], "saved": saved,
            "samples": len(samples)}


def _push_packets(app, worker, source, clock, samples, sent_at: dict[float, float], k: int = 0) -> None:
    """Each sample as the bytes a strap sends, parsed on the worker thread, 4 ms apart; then quit."""
    from PySide6.QtCore import QTimer

    async def push_one(sample) -> None:
        packet = hrm_codec.encode(hrm_codec.from_sample(sample))
        sent_at[sample.t_s] = time.perf_counter()
        source.queue.put(hrm_codec.parse(packet).to_sample(sample.t_s, source.name))

    if k == len(samples):
        QTimer.singleShot(500, app.quit)
        return
    clock.t = samples[k].t_s
    worker.submit(push_one(samples[k]))
    QTimer.singleShot(4, lambda: _push_packets(app, worker, source, clock, samples, sent_at, k + 1))


def _running_window():
    """The real window with a real history, a conversation started on a strap the benchmark pushes."""
    from flooding_monitor.storage.store import SessionStore
    from ui.main_window import MainWindow
    from ui.worker import DeviceWorker

    store = SessionStore(Path(tempfile.mkdtemp(prefix="fm-latency-")) / "history.sqlite3", wait_s=0.25)
    worker = DeviceWorker()
    source = PushSource()
    clock = Clock()
    window = MainWindow(Preferences(sound=False, notifications=False), None, worker, settings_scope="fm-bench",
                        store=store)
    window.resize(1000, 700)
    window.show()
    window.conversation.start_session(clock, "bench", source.name)
    worker.use(source, 0)
    return window, worker, source, clock


def startup(runs: int = 5) -> dict[str, float]:
    times = []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "FLOODING_MONITOR_DATA_DIR": tempfile.mkdtemp(prefix="fm-start-"),
           "FLOODING_MONITOR_CONFIG_DIR": tempfile.mkdtemp(prefix="fm-start-cfg-")}
    for _ in range(runs):
        start = time.time()
        out = subprocess.run([sys.executable, "-m", "ui.terminal.cli", "--demo", "--exit-after-first-paint"],
                             capture_output=True, text=True, env=env, timeout=60)
        line = next(l for l in out.stdout.splitlines() if l.startswith("first-paint"))
        times.append(float(line.split()[1]) - start)
    return {"median_s": statistics.median(times), "max_s": max(times)}


def _proc_cpu_and_rss(pid: int) -> tuple[float, float, float]:
    """(cpu seconds, current RSS MB, peak RSS MB) from /proc."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    rss = hwm = 0.0
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024
    return cpu, rss, hwm


FLOOR_APP = r"""
import sys, numpy as np, pyqtgraph as pg
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
app = QApplication([])
w = pg.PlotWidget(); w.resize(1000, 700); w.show()
curve = w.plot(); data = []
def tick():
    data.append(70 + np.random.rand()); curve.setData(np.asarray(data[-300:]))
t = QTimer(); t.timeout.connect(tick); t.start(1000)
QTimer.singleShot(int(float(sys.argv[1]) * 1000), app.quit)
app.exec()
"""


def live_cost(minutes: float) -> dict[str, float]:
    seconds = minutes * 60
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "FLOODING_MONITOR_DATA_DIR": tempfile.mkdtemp(prefix="fm-live-"),
           "FLOODING_MONITOR_CONFIG_DIR": tempfile.mkdtemp(prefix="fm-live-cfg-")}

    def measure(cmd: list[str]) -> tuple[float, float]:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(min(15.0, seconds / 4))  # let start-up finish before measuring
        cpu0, _, _ = _proc_cpu_and_rss(proc.pid)
        t0 = time.monotonic()
        peak = 0.0
        while proc.poll() is None and time.monotonic() - t0 < seconds - min(15.0, seconds / 4) - 1:
            _, _, peak = _proc_cpu_and_rss(proc.pid)
            cpu1 = _proc_cpu_and_rss(proc.pid)[0]
            elapsed = time.monotonic() - t0
            time.sleep(1.0)
        proc.wait(timeout=60)
        return 100.0 * (cpu1 - cpu0) / elapsed, peak

    app_cpu, app_rss = measure([sys.executable, "-m", "ui.terminal.cli", "--demo", "--partners", "1", "--speed", "1",
                                "--quit-after", str(seconds)])
    couple_cpu, couple_rss = measure([sys.executable, "-m", "ui.terminal.cli", "--demo", "--partners", "2", "--speed", "1",
                                      "--quit-after", str(seconds)])
    floor_cpu, floor_rss = measure([sys.executable, "-c", FLOOR_APP, str(seconds)])
    return {"app_cpu_pct": app_cpu, "app_peak_rss_mb": app_rss, "couple_cpu_pct": couple_cpu,
            "couple_peak_rss_mb": couple_rss, "floor_cpu_pct": floor_cpu, "floor_peak_rss_mb": floor_rss}


def soak(hours: float) -> dict[str, float]:
    """Feed hours of demo samples through the whole window; compare start and end."""
    from PySide6.QtWidgets import QApplication

    from devices.scenarios import ARGUMENT
    from flooding_monitor.storage.store import SessionStore
    from ui.main_window import MainWindow
    from ui.worker import DeviceWorker

    app = QApplication.instance() or QApplication([])
    worker = DeviceWorker()
    store = SessionStore(Path(tempfile.mkdtemp(prefix="fm-soak-")) / "history.sqlite3")
    clock = Clock()
    window = MainWindow(Preferences(sound=False, notifications=False), None, worker, settings_scope="fm-bench",
                        store=store)
    window.show()
    window.conversation.start_session(clock, "demo", "soak")
    stream = ARGUMENT.samples(seed=3, source="soak")
    n = int(hours * 3600)
    block = 1000
    costs = []
    rss = []
    for k in range(n):
        s = next(stream)
        clock.t = s.t_s
        t = time.perf_counter()
        window.controller.feed(s)
        window.refresh()
        costs.append(time.perf_counter() - t)
        if k % 600 == 0:
            app.processEvents()
        if k == block or k == n - 1:
            rss.append(_proc_cpu_and_rss(os.getpid())[1])
    window.close()
    worker.stop()
    first = statistics.mean(costs[:block]) * 1e6
    last = statistics.mean(costs[-block:]) * 1e6
    return {"samples": n, "first_us": first, "last_us": last, "rss_start_mb": rss[0], "rss_end_mb": rss[-1],
            "saved_samples": store.sample_count(window.recorder.session_id if window.recorder else 1)}


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10.0, help="live-cost run length (default 10)")
    parser.add_argument("--episodes", type=int, default=200)
    parser.add_argument("--soak-hours", type=float, default=8.0)
    parser.add_argument("--only", choices=["latency", "startup", "live", "soak"])
    args = parser.parse_args(argv)
    results = {}
    if args.only in (None, "latency"):
        results["latency"] = alert_latency(args.episodes)
        print("alert latency:", results["latency"], flush=True)
    if args.only in (None, "startup"):
        results["startup"] = startup()
        print("start-up:", results["startup"], flush=True)
    if args.only in (None, "soak"):
        results["soak"] = soak(args.soak_hours)
        print("soak:", results["soak"], flush=True)
    if args.only in (None, "live"):
        results["live"] = live_cost(args.minutes)
        print("live cost:", results["live"], flush=True)
    return results


if __name__ == "__main__":
    main()
