"""The command line as a user (or systemd) runs it: global options, and stopping by signal."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flooding_monitor.storage.store import DB_NAME, SessionStore
from ui.terminal.cli import main

DATA = Path(__file__).parent.parent.parent / "shared" / "data" / "real"
TICK = re.compile(r"^\d\d:\d\d:\d\d  \[[\d:]+\]  (Partner [AB] )?(\d+|--) bpm ")


@pytest.fixture
def default_home(tmp_path, monkeypatch):
    """Where the history would go without --data-dir (it must stay empty)."""
    monkeypatch.delenv("FLOODING_MONITOR_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "default"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path / "default"


def test_every_subcommand_honours_a_top_level_data_dir(tmp_path, default_home, capsys):
    """Bug: ``flooding-monitor --data-dir D record`` wrote to the user folder, not D."""
    d = tmp_path / "D"
    recording = tmp_path / "r.csv"
    recording.write_text("t,hr\n" + "".join(f"{k},80\n" for k in range(120)))
    assert main(["--data-dir", str(d), "import", str(recording)]) == 0
    assert main(["--data-dir", str(d), "record", "--demo", "--speed", "200", "--duration", "20"]) == 0
    assert main(["--data-dir", str(d), "history"]) == 0
    assert main(["--data-dir", str(d), "export", "--all", "--out", str(tmp_path / "out")]) == 0
    assert len(list((tmp_path / "out").glob("session-*.fmsession"))) == 2
    other = tmp_path / "other.csv"
    other.write_text("t,hr\n" + "".join(f"{k},90\n" for k in range(60)))
    assert main(["import", str(other), "--data-dir", str(d)]) == 0  # after the command name too
    store = SessionStore(d / DB_NAME)
    assert [store.session(k).source_kind for k in (1, 2, 3)] == ["import", "demo", "import"]
    assert not default_home.exists()


def start_recording(data_dir: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "ui.terminal.cli", "record", "--demo", "--speed", "5", "--data-dir",
                             str(data_dir)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
    deadline = time.monotonic() + 60
    seen = 0
    for line in proc.stdout:
        seen += bool(TICK.match(line))
        if seen >= 10:
            return proc
        assert time.monotonic() < deadline, "the recorder printed too little"
    raise AssertionError(proc.stderr.read())


@pytest.mark.parametrize(("signum", "closed_by"), [(signal.SIGTERM, "terminated"), (signal.SIGINT, "interrupted")])
def test_record_stopped_by_a_signal_closes_its_session(tmp_path, signum, closed_by):
    """Bug: SIGTERM (systemd, timeout, logout) left the session 'left open by an earlier crash'."""
    proc = start_recording(tmp_path)
    os.kill(proc.pid, signum)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Saved" in err
    store = SessionStore(tmp_path / DB_NAME)
    info = store.session(1)
    assert info.closed_by == closed_by and info.ended_at is not None
    assert store.close_unfinished() == []  # nothing left for the next start to "recover"
    assert info.duration_s == pytest.approx(store.samples(1)[-1].t_s, abs=2.0)


def saved_samples(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            return con.execute("SELECT COUNT(*) FROM samples").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created yet


def test_the_app_closes_its_session_on_sigterm(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-m", "ui.terminal.cli", "--demo", "--speed", "20", "--data-dir", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    db = tmp_path / DB_NAME
    deadline = time.monotonic() + 60
    while saved_samples(db) < 20:
        assert time.monotonic() < deadline and proc.poll() is None, "the app did not start recording"
        time.sleep(0.3)
    os.kill(proc.pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    info = SessionStore(db).session(1)
    assert info.closed_by == "terminated" and info.ended_at is not None


def test_a_live_recording_is_never_closed_as_crashed_by_another_process(tmp_path):
    """Bug: `history` (or a second `record`) during a recording closed it as "left open by an earlier crash"."""
    proc = start_recording(tmp_path)
    try:
        other = subprocess.run([sys.executable, "-m", "ui.terminal.cli", "history", "--data-dir", str(tmp_path)],
                               capture_output=True, text=True, timeout=60)
        assert other.returncode == 0 and "left open" not in other.stderr
        assert SessionStore(tmp_path / DB_NAME).session(1).ended_at is None  # still recording
    finally:
        os.kill(proc.pid, signal.SIGTERM)
        proc.communicate(timeout=30)
    info = SessionStore(tmp_path / DB_NAME).session(1)
    assert info.closed_by == "terminated"
    assert not list(tmp_path.glob("*.lock"))  # the lock went with the session


def test_a_killed_recording_is_recovered_by_the_next_start(tmp_path):
    proc = start_recording(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    other = subprocess.run([sys.executable, "-m", "ui.terminal.cli", "history", "--data-dir", str(tmp_path)],
                           capture_output=True, text=True, timeout=60)
    assert "left open" in other.stderr
    assert SessionStore(tmp_path / DB_NAME).session(1).closed_by == "recovery"
