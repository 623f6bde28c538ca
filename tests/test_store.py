"""The history database: schema, privacy, damage, locks, full disks, crashes."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat

import pytest

from flooding_monitor.history import export_session_csv, export_summary_csv, import_recording, reanalyze
from flooding_monitor.pause import start_pause
from flooding_monitor.recordings import load_recording
from flooding_monitor.samples import Contact, HeartRateSample
from flooding_monitor.session import EpisodeRecord, Snooze
from flooding_monitor.session_recorder import SessionRecorder
from flooding_monitor.settings import DetectorSettings
from flooding_monitor.store import SessionStore, StoreError

NOW = dt.datetime(2026, 11, 20, 20, 0, 0)


def samples(n: int, start: float = 0.0, hr: float = 80.0):
    rr = int(60e6 / hr)
    return [HeartRateSample(start + k + 1.0, hr, (rr,), Contact.DETECTED) for k in range(n)]


def test_schema_and_privacy(tmp_path):
    path = tmp_path / "h" / "history.sqlite3"
    store = SessionStore(path)
    assert store.schema_version == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    assert SessionStore(path).schema_version == 1  # migrations are not re-applied


def test_round_trip_of_a_session(tmp_path):
    store = SessionStore(tmp_path / "h.sqlite3")
    sid = store.create_session(NOW, "demo", "Demo strap", "demo", DetectorSettings().to_dict(), 62.0, 45.0)
    data = samples(100) + [HeartRateSample(101.0, None, (), Contact.NOT_DETECTED)]
    store.write_batch(sid, data, [(50.0, "signal_lost", "gone"), (55.0, "connected", "back")])
    pause = start_pause(60.0, NOW + dt.timedelta(seconds=60), 1200, "alert")
    pause.end(1300.0, True)
    store.replace_protocol(sid, [EpisodeRecord(20.0, 50.0, 90.0, 120.0, True)], [pause], [Snooze(40, 340)])
    store.add_note(sid, trigger="he looked at his phone", body="throat tight", response="went silent",
                   familiar="yes, like at home")
    store.end_session(sid, NOW + dt.timedelta(seconds=101), 101.0)
    back = store.samples(sid)
    assert [(s.t_s, s.hr_bpm, s.rr_us, s.contact) for s in back] == [(s.t_s, s.hr_bpm, s.rr_us, s.contact) for s in data]
    assert store.events(sid)[0] == (50.0, "signal_lost", "gone")
    (summary,) = store.summaries()
    assert summary.episodes == 1 and summary.flooded_s == 70.0 and summary.peak_bpm == 120.0
    assert summary.pauses == 1 and summary.median_recovery_s == 30.0 and summary.notes == 1
    p = store.pauses(sid)[0]
    assert p["recovered"] == 1 and p["ended_early"] == 0 and p["reason"] == "alert"
    assert store.notes(sid)[0]["trigger"] == "he looked at his phone"
    store.delete_session(sid)
    assert store.summaries() == [] and store.sample_count(sid) == 0


def test_corrupt_file_is_moved_aside_not_deleted(tmp_path):
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database, just garbage" * 100)
    store = SessionStore(path)
    assert store.moved_aside is not None and store.moved_aside.exists()
    assert store.moved_aside.read_bytes().startswith(b"this is not a database")
    assert store.schema_version == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_damaged_pages_are_detected(tmp_path):
    path = tmp_path / "history.sqlite3"
    store = SessionStore(path)
    sid = store.create_session(NOW, "demo", None, None, {})
    store.write_batch(sid, samples(3000))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    raw = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(raw), 4096):  # scribble over page headers past the schema
        raw[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(raw))
    store = SessionStore(path)
    assert store.moved_aside is not None


def test_locked_database_keeps_samples_in_memory_and_recovers(tmp_path):
    path = tmp_path / "history.sqlite3"
    store = SessionStore(path)
    store.db.execute("PRAGMA busy_timeout = 100")
    store.db.execute("PRAGMA journal_mode = DELETE")  # so another connection's write lock blocks writers
    recorder = SessionRecorder(store, NOW, "demo", "Demo", None, {})
    for s in samples(5):
        recorder.add_sample(s)
    assert recorder.saved_samples == 5
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    store.db.execute("PRAGMA busy_timeout = 50")
    for s in samples(5, start=5):
        recorder.add_sample(s)
    assert recorder.error is not None and "in use by another program" in recorder.error
    assert len(recorder.pending) == 5
    other.execute("ROLLBACK")
    other.close()
    for s in samples(2, start=10):
        recorder.add_sample(s)
    assert recorder.error is None and recorder.pending == []
    assert store.sample_count(recorder.session_id) == 12


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc as a folder nobody can write")
def test_unwritable_folder_is_explained():
    # /proc refuses new files even to root, so this runs in CI as well.
    with pytest.raises(StoreError, match="--data-dir"):
        SessionStore("/proc/self/flooding-monitor/history.sqlite3")


def test_unsaved_samples_can_be_written_elsewhere(tmp_path):
    recorder = SessionRecorder(None, NOW, "demo", "Demo", None, {})
    for s in samples(4):
        recorder.add_sample(s)
    assert recorder.error and "memory" in recorder.error
    out = tmp_path / "unsaved.csv"
    assert recorder.save_pending_csv(out) == 4
    assert len(load_recording(out).samples) == 4


def test_unfinished_session_is_closed_at_next_start(tmp_path):
    path = tmp_path / "history.sqlite3"
    store = SessionStore(path)
    sid = store.create_session(NOW, "demo", None, None, {})
    store.write_batch(sid, samples(30))
    store.close()  # no end_session: as after a crash
    store = SessionStore(path)
    assert store.close_unfinished() == [sid]
    info = store.session(sid)
    assert info.closed_by == "recovery" and info.duration_s == 30.0
    assert store.close_unfinished() == []


def test_import_export_and_what_if(tmp_path):
    store = SessionStore(tmp_path / "history.sqlite3")
    sid = import_recording(store, "tests/data/exercise_rri.hrm")
    (summary,) = store.summaries()
    assert summary.episodes == 1 and summary.flooded_s > 20 * 60
    strict = reanalyze(store, sid, DetectorSettings(threshold_bpm=110))
    assert strict.detection.episodes == []
    assert store.summaries()[0].episodes == 1  # the recording is untouched
    path = export_session_csv(store, sid, tmp_path / "out")
    assert len(load_recording(path).samples) == store.sample_count(sid)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    summary_csv = export_summary_csv(store, tmp_path / "out").read_text().splitlines()
    assert summary_csv[0].startswith("id,started_at") and len(summary_csv) == 2

