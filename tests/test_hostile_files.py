"""Files as a hostile or unlucky user brings them: one line of error, nothing stored, every command still runs."""

from __future__ import annotations

import os
import sqlite3

import pytest

from flooding_monitor.storage.store import DB_NAME, SessionStore
from ui.terminal.cli import main


@pytest.mark.parametrize(("content", "words"), [
    ("t,hr\n0,80\n1e300,80\n", "line 3: time (s) '1e300' is outside"),
    ("t,rr_ms\n0,800\n1,1e308\n", "line 3: RR interval (ms) '1e308' is outside"),
    ("[Params]\nInterval=1e308\n[HRData]\n80\n81\n", "Interval: sampling interval (s) '1e308' is outside"),
    ("t,hr\n0,80\n100000000,80\n", "line 3: time (s) '100000000' is outside"),
    ("t,hr\n0," + "9" * 200_000 + "\n", "line 2"),
    ("t,hr\n0,80\n1,95000\n", "heart rate (bpm) '95000' is outside"),
])
def test_an_impossible_number_is_one_line_naming_it(tmp_path, capsys, content, words):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and len(err) < 300  # never the whole line echoed back
    assert main(["--data-dir", str(tmp_path / "d"), "history"]) == 0  # nothing stored, nothing broken


@pytest.mark.parametrize(("name", "content", "words"), [
    ("x.xdf", b"XDF:" + bytes(range(256)) * 20, "x.xdf: "),
    ("x.xdf", b"XDF:\x08" + b"\xff" * 8 + b"\x01\x00", "x.xdf: not a readable XDF file"),
    ("x.fit", b"\x0e\x10\x00\x00\xff\xff\xff\xff.FIT" + bytes(range(256)) * 8, "x.fit: not a readable FIT file"),
    ("x.fmsession", b'{"format": "flooding-monitor-session", "version": 99}\n', "version 99"),
    ("x.fmsession", b'{"format": "flooding-monitor-session", "version": 1, "started_at": "2026-01-01T20:00:00"}\n',
     "started_at needs its UTC offset"),
])
def test_a_broken_binary_or_session_file_is_one_line_and_stores_nothing(tmp_path, capsys, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert main(["--data-dir", str(tmp_path / "d"), "history"]) == 0
    assert "(no sessions yet" in capsys.readouterr().out


def test_a_pipe_or_a_device_is_refused_without_reading(tmp_path, capsys):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/zero"):
        assert main(["analyze", str(path)]) == 2
        assert "not a regular file" in capsys.readouterr().err


def test_a_session_with_impossible_times_is_repaired_and_every_command_runs(tmp_path, capsys):
    """Bug: one session of 10^300 s made history, export, import, record and the app exit 1 forever."""
    store = SessionStore(tmp_path / DB_NAME)
    store.close()
    with sqlite3.connect(tmp_path / DB_NAME) as con:
        con.execute("INSERT INTO sessions (started_at, source_kind, settings_json) VALUES ('9999-12-31T10:00', 'demo', '{}')")
        con.executemany("INSERT INTO samples (session_id, t_s, hr) VALUES (1, ?, 80)", [(1.0,), (2.0,), (1e300,)])
    assert main(["--data-dir", str(tmp_path), "history"]) == 0
    info = SessionStore(tmp_path / DB_NAME).session(1)
    assert info.closed_by == "repaired" and info.duration_s == 2.0
    assert main(["--data-dir", str(tmp_path), "export", "--all", "--out", str(tmp_path / "out")]) == 0
    assert main(["--data-dir", str(tmp_path), "record", "--demo", "--speed", "200", "--duration", "5"]) == 0


def test_an_import_dated_in_the_year_9999_is_dated_today(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("t,hr\n0,80\n1,80\n2,81\n")
    os.utime(path, (253402214400, 253402214400))  # 9999-12-31
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(path)]) == 0
    assert SessionStore(tmp_path / "d" / DB_NAME).session(1).started_at.year < 9999


def test_umask_000_still_makes_private_folders_and_files(tmp_path, monkeypatch):
    old = os.umask(0)
    try:
        data = tmp_path / "data"
        assert main(["--data-dir", str(data), "record", "--demo", "--speed", "200", "--duration", "5"]) == 0
        assert main(["--data-dir", str(data), "export", "--all", "--out", str(tmp_path / "out")]) == 0
        from flooding_monitor.live.preferences import Preferences, PreferencesFile

        PreferencesFile(tmp_path / "config" / "preferences.json").save(Preferences())
    finally:
        os.umask(old)
    for folder in (data, tmp_path / "out", tmp_path / "config"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    for f in [data / DB_NAME, tmp_path / "config" / "preferences.json", *(tmp_path / "out").iterdir()]:
        assert f.stat().st_mode & 0o777 == 0o600, f


def test_an_existing_open_data_folder_is_made_private_and_said(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir(mode=0o777)
    os.chmod(data, 0o777)
    assert main(["--data-dir", str(data), "history"]) == 0
    assert data.stat().st_mode & 0o777 == 0o700
    assert "could be read by other users" in capsys.readouterr().err


def test_an_export_replaces_a_planted_symlink_instead_of_writing_through_it(tmp_path):
    from flooding_monitor.review.exports import export_summary_csv

    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "out"
    out.mkdir(mode=0o700)
    (out / "sessions-summary.csv").symlink_to(victim)
    store = SessionStore(tmp_path / DB_NAME)
    path = export_summary_csv(store, out)
    assert victim.read_text() == "precious" and not path.is_symlink()


def test_names_that_look_like_formulas_are_neutralised_in_exports(tmp_path):
    import csv

    from flooding_monitor.review.exports import export_summary_csv
    from flooding_monitor.storage.store import PartnerInfo

    store = SessionStore(tmp_path / DB_NAME)
    import datetime as dt

    sid = store.create_session(dt.datetime(2026, 5, 1, 20), "ble", "=HYPERLINK(\"http://x\")", None, {})
    store.set_partners(sid, [PartnerInfo(0, "@SUM(1)", "#3b82c4"), PartnerInfo(1, "=cmd|' /C calc'!A0", "#c27c0e")])
    store.end_session(sid, dt.datetime(2026, 5, 1, 21), 3600.0)
    rows = list(csv.DictReader(export_summary_csv(store, tmp_path / "out").open()))
    assert rows[0]["device"].startswith("'=") and rows[0]["partner_a"] == "'@SUM(1)"
    assert rows[0]["partner_b"].startswith("'=") and rows[0]["duration_min"] == "60.0"


def test_the_same_recording_twice_is_refused_with_the_existing_session(tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_text("t,hr\n0,80\n1,80\n2,81\n")
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(path)]) == 0
    copy = tmp_path / "renamed.csv"
    copy.write_text(path.read_text())
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(copy)]) == 2
    assert "already in the history as session 1" in capsys.readouterr().err


def test_a_failed_import_leaves_nothing(tmp_path, monkeypatch):
    """Bug: a killed or failed import left a session with 0 samples, or samples and no episodes."""
    from flooding_monitor.storage import store as store_module
    from flooding_monitor.review.history import import_recording, summaries

    store = SessionStore(tmp_path / DB_NAME)
    path = tmp_path / "r.csv"
    path.write_text("t,hr\n" + "".join(f"{k},{80 + k % 40}\n" for k in range(600)))

    def disk_full(*_a, **_k):
        raise store_module.StoreFull("The disk is full")

    monkeypatch.setattr(store, "save_protocol", disk_full)  # fails after the samples were written
    with pytest.raises(store_module.StoreFull):
        import_recording(store, path)
    assert summaries(store) == [] and store.db.execute("SELECT COUNT(*) FROM samples").fetchone()[0] == 0
    monkeypatch.undo()
    sid = import_recording(store, path)  # and the file imports once the disk has room
    assert [s.id for s in summaries(store)] == [sid] and store.sample_count(sid) == 600


def test_another_programs_database_is_left_untouched(tmp_path, capsys):
    foreign = tmp_path / DB_NAME
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE sessions (who TEXT)")  # a table of the same name, someone else's
        con.execute("INSERT INTO sessions VALUES ('theirs')")
    before = foreign.read_bytes()
    assert main(["--data-dir", str(tmp_path), "history"]) == 2
    assert "not a Flooding Monitor history" in capsys.readouterr().err
    assert foreign.read_bytes() == before and not (tmp_path / (DB_NAME + "-wal")).exists()


def test_our_database_is_marked_as_ours(tmp_path):
    SessionStore(tmp_path / DB_NAME).close()
    with sqlite3.connect(tmp_path / DB_NAME) as con:
        assert con.execute("PRAGMA application_id").fetchone()[0] == 0x464D4F4E


def test_a_symlinked_databases_target_keeps_its_mode(tmp_path):
    target = tmp_path / "elsewhere.sqlite3"
    SessionStore(target).close()
    os.chmod(target, 0o640)
    (tmp_path / "d").mkdir(mode=0o700)
    (tmp_path / "d" / DB_NAME).symlink_to(target)
    SessionStore(tmp_path / "d" / DB_NAME).close()
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_locked_history_delays_a_live_write_by_a_fraction_of_a_second(tmp_path):
    """Bug: each save waited 5 s for a lock (on the Qt thread, in the app); the samples wait instead."""
    import datetime as dt
    import time

    from flooding_monitor.heart.samples import Contact, HeartRateSample
    from flooding_monitor.live.session_recorder import SessionRecorder
    from flooding_monitor.storage.store import LIVE_WAIT_S

    store = SessionStore(tmp_path / DB_NAME, wait_s=LIVE_WAIT_S)
    recorder = SessionRecorder(store, dt.datetime.now(), "demo", "x", None, {})
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    start = time.monotonic()
    recorder.add_sample(HeartRateSample(1.0, 70.0, (857_000,), Contact.DETECTED))
    waited = time.monotonic() - start
    assert recorder.error and "in use by another program" in recorder.error
    assert waited < 2.0  # was 5 s: bounded by LIVE_WAIT_S (0.25 s) plus the machine's noise
    other.execute("ROLLBACK")
    recorder.add_sample(HeartRateSample(2.0, 70.0, (857_000,), Contact.DETECTED))
    assert recorder.error is None and store.sample_count(recorder.session_id) == 2


@pytest.mark.parametrize("speed", ["nan", "inf", "0", "-2", "100000", "1e308"])
def test_an_impossible_speed_is_refused_not_hung(tmp_path, capsys, speed):
    """--speed 100000 once could not be stopped (the replay never yielded) and 1e308 grew to 8 GB."""
    assert main(["--data-dir", str(tmp_path), "record", "--demo", "--speed", speed]) == 2
    assert "--speed must be above 0 and at most 1000" in capsys.readouterr().err
