"""Moving a session: export to a session file and import it back, for a long two-partner evening.

    python -m bench.bench_session_file [--hours 2] [--runs 5]

A session of ``--hours`` with two straps (one notification a second each,
the demo's physiology, episodes and a pause) is recorded into a history;
medians of ``--runs`` alternating runs of export (to a new file) and import
(into a new history) are printed, with the file's size per hour and a check
that export, import, export gives the same bytes.
"""

from __future__ import annotations

import argparse
import heapq
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from devices.scenarios import ARGUMENT, WITHDRAW
from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.formats.session_file import export_session_file, import_session_file
from flooding_monitor.storage.store import SessionStore


def record(folder: Path, hours: float) -> tuple[SessionStore, int]:
    store = SessionStore(folder / "home.sqlite3")
    clock = {"t": 0.0}
    controller = SessionController(Preferences(), store)
    controller.start(lambda: clock["t"], "demo", "Demo strap", "demo")
    controller.add_partner(1, "Demo strap B")
    a = ARGUMENT.samples(7, "A")
    b = (replace(s, partner=1) for s in WITHDRAW.samples(11, "B", 0.4))
    for s in heapq.merge(a, b, key=lambda s: s.t_s):
        if s.t_s > hours * 3600:
            break
        clock["t"] = s.t_s
        controller.feed(s)
        if controller.session.alert_active and not controller.session.pausing:
            controller.start_pause("alert")
        if controller.session.pausing and controller.session.pauses[-1].started_s + 1200 < s.t_s:
            controller.end_pause()
    controller.finish()
    return store, controller.recorder.session_id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hours", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store, sid = record(folder, args.hours)
        exports, imports, size = [], [], 0
        for k in range(args.runs):
            start = time.perf_counter()
            path = export_session_file(store, sid, folder / f"out{k}")
            exports.append(time.perf_counter() - start)
            size = path.stat().st_size
            elsewhere = SessionStore(folder / f"other{k}.sqlite3")
            start = time.perf_counter()
            new_id = import_session_file(elsewhere, path)
            imports.append(time.perf_counter() - start)
            again = export_session_file(elsewhere, new_id, folder / f"again{k}")
            assert again.read_bytes() == path.read_bytes(), "export, import, export changed the bytes"
        samples = store.sample_count(sid)
        print(f"session: {args.hours:g} h, two partners, {samples:,} samples, "
              f"{len(store.episodes(sid))} episodes, {len(store.pauses(sid))} pauses")
        print(f"session file: {size / 1e6:.1f} MB ({size / 1e6 / args.hours:.1f} MB an hour, "
              f"{size / samples:.0f} bytes a sample)")
        print(f"export: median {statistics.median(exports) * 1000:.0f} ms; import: median "
              f"{statistics.median(imports) * 1000:.0f} ms (n={args.runs}, alternating)")
        print("export, import, export: same bytes in every run")


if __name__ == "__main__":
    main()
