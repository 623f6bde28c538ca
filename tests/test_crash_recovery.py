"""kill -9 a real recording process: at most ~2 s lost, the next start closes the session."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

from flooding_monitor.storage.store import DB_NAME, SessionStore

TICK = re.compile(r"^\d\d:\d\d:\d\d  \[(?:(\d+):)?(\d+):(\d\d)\]  ")


def tick_seconds(m: re.Match) -> float:
    """The session time a live line carries: [4:05] or [1:04:05]."""
    h, mins, secs = m.groups()
    return int(h or 0) * 3600 + int(mins) * 60 + int(secs)


def record_then_kill(data_dir, min_ticks: int) -> float:
    """Start ``record --demo``, wait for ``min_ticks`` live lines, SIGKILL it. Returns the last tick seen."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.terminal.cli", "record", "--demo", "--speed", "5", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
    last = -1.0
    seen = 0
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    for line in proc.stdout:
        m = TICK.match(line)
        if m:
            last = float(tick_seconds(m))
            seen += 1
            if seen >= min_ticks:
                break
        assert time.monotonic() < deadline, "recorder printed too little"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    proc.stdout.close()
    return last


def test_kill_9_loses_at_most_two_seconds_and_is_recovered(tmp_path):
    last_ticks = [record_then_kill(tmp_path, n) for n in (25, 40, 12)]
    store = SessionStore(tmp_path / DB_NAME)
    # each start closed the session the previous kill left open; this one closes the last
    assert store.close_unfinished() == [3]
    for sid, last_tick in zip((1, 2, 3), last_ticks):
        info = store.session(sid)
        assert info.closed_by == "recovery"
        saved = store.samples(sid)
        # a tick at T is printed only after a sample later than T arrived
        assert saved[-1].t_s >= last_tick - 2.0, (sid, saved[-1].t_s, last_tick)
        assert info.duration_s == saved[-1].t_s
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
