"""What the pause costs a laptop on battery: the app's pause screen against a bare circle (issue 25).

The floor is a bare PySide6 window of the same size repainting itself 30 times a second with a breathing
circle as large as the app's guide on that screen (the least such a pacer can cost). The app is the real window in a pause, with the two-partner demo strap
streaming through the session runner, the history writer, the trace: everything a couple has on.
Each runs in a process of its own, measured by its own CPU time over ``seconds`` after a warm-up;
the runs alternate floor / app and the medians are reported with their n.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_pause [--seconds 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

WARM_UP_S = 4.0

FLOOR = r"""
import json, math, sys, time
from PySide6.QtCore import QPointF, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
GUIDE_SIDE = min(int(sys.argv[5]), int(sys.argv[6])) - 16  # the app's guide on this screen
class Circle(QWidget):
    def paintEvent(self, event):
        p = QPainter(self); p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = GUIDE_SIDE * (0.18 + 0.30 * (0.5 + 0.5 * math.sin(time.monotonic() * 2 * math.pi / 10)))
        p.setBrush(QColor(59, 130, 196)); p.drawEllipse(QPointF(self.width() / 2, self.height() / 2), r, r)
w = Circle(); w.resize(int(sys.argv[1]), int(sys.argv[2])); w.show()  # a window the size of the app's
t = QTimer(); t.timeout.connect(w.update); t.start(33)
warm, seconds = float(sys.argv[3]), float(sys.argv[4])
marks = {}
QTimer.singleShot(int(warm * 1000), lambda: marks.update(t0=time.process_time()))
def done():
    print(json.dumps({"cpu_s": time.process_time() - marks["t0"], "seconds": seconds})); app.quit()
QTimer.singleShot(int((warm + seconds) * 1000), done)
app.exec()
"""

APP = r"""
import json, sys, tempfile, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from devices.open import StrapPlan
from flooding_monitor.live.preferences import Preferences, PreferencesFile
from flooding_monitor.storage.store import SessionStore
from ui.main_window import MainWindow
from ui.worker import DeviceWorker
folder = tempfile.mkdtemp(prefix="fm-pause-")
worker = DeviceWorker()
window = MainWindow(Preferences(sound=False, notifications=False), PreferencesFile(folder + "/p.json"), worker,
                    settings_scope="fm-bench", store=SessionStore(folder + "/h.sqlite3"))
window.show()
window.conversation.start(StrapPlan("demo", partners=2, speed=1.0))
if sys.argv[5] == "room":
    window.room.set(True); window.showNormal()
window.resize(int(sys.argv[1]), int(sys.argv[2]))
QTimer.singleShot(1500, lambda: window.start_pause("manual"))
warm, seconds = float(sys.argv[3]), float(sys.argv[4])
marks = {}
QTimer.singleShot(int(warm * 1000), lambda: marks.update(t0=time.process_time()))
def done():
    on_pause = window.stack.currentWidget() is window.pause_page
    guide = window.pause_page.guide.size()
    print(json.dumps({"cpu_s": time.process_time() - marks["t0"], "seconds": seconds, "on_pause": on_pause,
                      "guide": [guide.width(), guide.height()]}))
    window.controller.finish("app"); worker.stop(); app.quit()
QTimer.singleShot(int((warm + seconds) * 1000), done)
app.exec()
"""


def _run(program: str, width: int, height: int, seconds: float, *extra: str) -> tuple[float, list[int] | None]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "FLOODING_MONITOR_DATA_DIR": tempfile.mkdtemp(prefix="fm-pause-data-"),
           "FLOODING_MONITOR_CONFIG_DIR": tempfile.mkdtemp(prefix="fm-pause-cfg-"),
           "FLOODING_MONITOR_STATE_DIR": tempfile.mkdtemp(prefix="fm-pause-state-")}
    out = subprocess.run([sys.executable, "-c", program, str(width), str(height), str(WARM_UP_S), str(seconds),
                          *extra], env=env, capture_output=True, text=True, timeout=seconds + 120,
                         cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result.get("on_pause") is False:
        raise RuntimeError("the app was not in the pause while measured")
    return 100.0 * result["cpu_s"] / result["seconds"], result.get("guide")


def measure(seconds: float = 20.0, runs: int = 3) -> dict[str, dict[str, float]]:
    """Per screen: the floor's and the app's CPU (% of a core), medians of ``runs`` alternating runs."""
    out: dict[str, dict[str, float]] = {}
    for name, (w, h, view) in {"1366x768": (1366, 768, "window"), "4K room view": (3840, 2160, "room")}.items():
        floor, app = [], []
        for _ in range(runs):  # alternating; the floor paints a circle of the size the app's guide had
            cpu, guide = _run(APP, w, h, seconds, view)
            app.append(cpu)
            floor.append(_run(FLOOR, w, h, seconds, *map(str, guide))[0])
        out[name] = {"floor_pct": statistics.median(floor), "app_pct": statistics.median(app), "n": runs,
                     "guide": guide}
    return out


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    result = measure(args.seconds, args.runs)
    for name, r in result.items():
        print(f"pause, {name}: app {r['app_pct']:.1f} % of a core, bare window with a circle as large as the "
              f"guide at 30 fps {r['floor_pct']:.1f} % "
              f"-> {r['app_pct'] / r['floor_pct']:.2f}x the floor (medians of {r['n']} alternating runs)")
    return result


if __name__ == "__main__":
    main()
