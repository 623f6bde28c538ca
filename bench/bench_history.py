"""History at every size: the list, the window, the app's start-up, the CLI; one session drawn.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_history [--runs 5]

For an empty history, 1,000 and 10,000 sessions (20 real sessions of 5-10
minutes, copied in SQL to reach the count: the database is as large as a
real one), medians of ``--runs`` runs:

* summaries: the query and the per-session figures the list shows;
* window: the history window built, shown and painted, newest session drawn;
* start-up: ``flooding-monitor --demo`` to its first painted frame (a process);
* ``flooding-monitor history``: the CLI list (a process).
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

from flooding_monitor.review.history import summaries  # noqa: E402
from flooding_monitor.storage.store import DB_NAME, SessionStore  # noqa: E402

from .history_data import add_sessions, clone_sessions  # noqa: E402


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_of(runs: int, fn) -> float:
    return statistics.median(timed(fn) for _ in range(runs))


def process_seconds(args: list[str], env: dict[str, str], marker: str | None = None) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-m", "ui.terminal.cli", *args], capture_output=True, text=True, env=env,
                         timeout=120, check=True)
    if marker is None:
        return time.time() - start
    line = next(l for l in out.stdout.splitlines() if l.startswith(marker))
    return float(line.split()[1]) - start


def measure(folder: Path, runs: int, app) -> dict[str, float]:
    from ui.history_reader import HistoryReader
    from ui.history_window import HistoryWindow

    store = SessionStore(folder / DB_NAME)
    reader = HistoryReader(store)
    env = {**os.environ, "FLOODING_MONITOR_DATA_DIR": str(folder),
           "FLOODING_MONITOR_CONFIG_DIR": tempfile.mkdtemp(prefix="fm-hist-cfg-")}

    def open_window() -> None:
        w = HistoryWindow(reader)
        w.show()
        while reader.busy:  # its rows and the newest session, read on the reader's thread, drawn
            app.processEvents()
        w.grab()  # the painted window, not just built
        w.close()
        w.deleteLater()
        app.processEvents()

    open_window()  # warm-up: imports, fonts
    figures = {
        "sessions": len(summaries(store)),
        "db_mb": sum(os.path.getsize(p) for p in (store.path, store.path + "-wal") if os.path.exists(p)) / 1e6,
        "summaries_s": median_of(runs, lambda: summaries(store)),
        "window_s": median_of(runs, open_window),
        "startup_s": statistics.median(process_seconds(["--demo", "--exit-after-first-paint"], env, "first-paint")
                                       for _ in range(runs)),
        "cli_history_s": statistics.median(process_seconds(["history"], env) for _ in range(runs)),
    }
    reader.close()
    store.close()
    return figures


def main(runs: int = 5) -> list[dict[str, float]]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    rows = []
    empty = Path(tempfile.mkdtemp(prefix="fm-bench-empty-"))
    SessionStore(empty / DB_NAME).close()
    folder = Path(tempfile.mkdtemp(prefix="fm-bench-"))
    store = SessionStore(folder / DB_NAME)
    templates = add_sessions(store, 20, minutes=(5, 10), seed=9)  # before any start-up adds its demo sessions
    store.close()
    for target in (0, 1_000, 10_000):
        if target:
            store = SessionStore(folder / DB_NAME)
            clone_sessions(store, templates, target - len(summaries(store)))
            store.close()
        row = measure(folder if target else empty, runs, app)
        rows.append(row)
        print(f"{row['sessions']:>6,} sessions ({row['db_mb']:.0f} MB): summaries {row['summaries_s'] * 1000:.0f} ms; "
              f"history window painted {row['window_s'] * 1000:.0f} ms; app start-up {row['startup_s']:.2f} s; "
              f"`history` CLI {row['cli_history_s']:.2f} s (medians of {runs})", flush=True)
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    main(parser.parse_args().runs)
