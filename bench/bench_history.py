"""History speed: load and draw a 3-hour session; open a list of 1,000 sessions.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_history
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from flooding_monitor.store import SessionStore  # noqa: E402

from .history_data import add_sessions  # noqa: E402


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from ui.history_window import HistoryWindow, SessionDetail

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="fm-bench-"))
    store = SessionStore(folder / "history.sqlite3")
    t, (long_id,) = timed(lambda: add_sessions(store, 1, minutes=(180, 180), seed=5))
    print(f"wrote a 3-hour session ({store.sample_count(long_id)} samples) in {t:.2f} s")
    detail = SessionDetail()
    detail.resize(1100, 500)
    detail.show()

    def load_and_draw() -> None:
        detail.show_session(store, long_id)
        app.processEvents()
        detail.grab()  # forces a full paint

    load_and_draw()  # warm-up (imports, font caches)
    t_draw = min(timed(load_and_draw)[0] for _ in range(3))
    t_samples = min(timed(lambda: store.samples(long_id))[0] for _ in range(3))
    print(f"3-hour session: read samples {t_samples * 1000:.0f} ms; read + re-analyse + draw {t_draw * 1000:.0f} ms")

    t, _ = timed(lambda: add_sessions(store, 999, minutes=(5, 10), seed=9))
    print(f"added 999 more sessions in {t:.1f} s (database {os.path.getsize(store.path) / 1e6:.0f} MB)")
    t_sum = min(timed(store.summaries)[0] for _ in range(3))
    window = HistoryWindow(store)
    window.close()

    def open_list() -> None:
        w = HistoryWindow(store)
        w.show()
        app.processEvents()
        w.close()

    t_open = min(timed(open_list)[0] for _ in range(3))
    print(f"1,000 sessions: summaries query {t_sum * 1000:.0f} ms; history window open and painted "
          f"{t_open * 1000:.0f} ms (includes drawing the newest session)")
    return {"session_3h_draw_s": t_draw, "list_1000_query_s": t_sum, "list_1000_open_s": t_open}


if __name__ == "__main__":
    main()
