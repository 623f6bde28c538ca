"""The history database: schema, privacy, damage, locks, full disks, crashes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sqlite3
import stat

import pytest

from flooding_monitor.review.exports import export_session_csv, export_summary_csv
from flooding_monitor.review.history import (
    import_recording,
    reanalyze,
    summaries,
)
from flooding_monitor.protocol.pause import start_pause
from flooding_monitor.formats.recordings import load_recording
from flooding_monitor.heart.samples import Contact, HeartRateSample
from flooding_monitor.live.session import EpisodeRecord, Snooze
from flooding_monitor.live.session_recorder import SessionRecorder
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.storage.store import MIGRATIONS, PartnerInfo, SessionStore, StoreError

NOW = dt.datetime(2026, 11, 20, 20, 0, 0)


def samples(n: int, start: float = 0.0, hr: float = 80.0):
    rr = int(60e6 / hr)
    return [HeartRateSample(start + k + 1.0, hr, (rr,), Contact.DETECTED) for k in range(n)]


def test_schema_and_privacy(tmp_path):
    path = tmp_path / "h" / "history.sqlite3"
    store = SessionStore(path)
    assert store.schema_version == len(MIGRATIONS)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    assert SessionStore(path).schema_version == len(MIGRATIONS)  # migrations are not re-applied


def test_round_trip_of_a_session(tmp_path):
    store = SessionStore(tmp_path / "h.sqlite3")
    sid = store.create_session(NOW, "demo", "Demo strap", "demo", DetectorSettings().to_dict(), 62.0, 45.0)
    data = samples(100) + [HeartRateSample(101.0, None, (), Contact.NOT_DETECTED)]
    store.write_batch(sid, data, [(50.0, "signal_lost", "gone"), (55.0, "connected", "back")])
    pause = start_pause(60.0, NOW + dt.timedelta(seconds=60), 1200, "alert")
    pause.end(1300.0, True)
    store.save_protocol(sid, [EpisodeRecord(20.0, 50.0, 90.0, 120.0, True)], [pause], [Snooze(40, 340)])
    store.add_note(sid, trigger="he looked at his phone", body="throat tight", response="went silent",
                   familiar="yes, like at home")
    store.end_session(sid, NOW + dt.timedelta(seconds=101), 101.0)
    back = store.samples(sid)
    assert [(s.t_s, s.hr_bpm, s.rr_us, s.contact) for s in back] == [(s.t_s, s.hr_bpm, s.rr_us, s.contact) for s in data]
    assert store.events(sid)[0] == (50.0, "signal_lost", "gone")
    (summary,) = summaries(store)
    assert summary.episodes == 1 and summary.flooded_s == 70.0 and summary.peak_bpm == 120.0
    assert summary.pauses == 1 and summary.median_recovery_s == 30.0 and summary.notes == 1
    p = store.pauses(sid)[0]
    assert p.recovered is True and p.ended_early is False and p.reason == "alert"
    assert store.notes(sid)[0].trigger == "he looked at his phone"
    store.delete_session(sid)
    assert summaries(store) == [] and store.sample_count(sid) == 0


def test_corrupt_file_is_moved_aside_not_deleted(tmp_path):
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database, just garbage" * 100)
    store = SessionStore(path)
    assert store.moved_aside is not None and store.moved_aside.exists()
    assert store.moved_aside.read_bytes().startswith(b"this is not a database")
    assert store.schema_version == len(MIGRATIONS)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_damaged_pages_are_detected(tmp_path):
    path = tmp_path / "history.sqlite3"
    store = SessionStore(path)
    sid = store.create_session(NOW, "demo", None, None, {})
    store.write_batch(sid, samples(3000))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    raw = bytearray(path.read_bytes())
    for offset in range(len(raw) // 8192 * 4096, len(raw), 4096):  # the second half's page headers
        raw[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(raw))
    store = SessionStore(path)  # opening reads a page or two, not the whole file
    assert store.moved_aside is None
    assert store.verify() and store.moved_aside is not None  # the whole-file check finds the damage
    assert store.schema_version == len(MIGRATIONS) and summaries(store) == []  # and a new history is started


def test_after_a_crash_the_next_start_checks_the_whole_file(tmp_path):
    from flooding_monitor.storage.store import open_store

    store = SessionStore(tmp_path / "history.sqlite3")
    store.create_session(NOW, "demo", None, None, {})  # never ended: a crash
    store.write_batch(1, samples(3000))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = tmp_path / "history.sqlite3"
    raw = bytearray(path.read_bytes())
    for offset in range(len(raw) // 8192 * 4096, len(raw), 4096):
        raw[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(raw))
    opened = open_store(tmp_path)
    assert opened.store is not None and opened.store.moved_aside is not None
    assert any("damaged" in n for n in opened.notes)


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
    (summary,) = summaries(store)
    assert summary.episodes == 1 and summary.flooded_s > 20 * 60
    strict = reanalyze(store, sid, DetectorSettings(threshold_bpm=110))
    assert strict.detection.episodes == []
    assert summaries(store)[0].episodes == 1  # the recording is untouched
    path = export_session_csv(store, sid, tmp_path / "out")
    assert len(load_recording(path).samples) == store.sample_count(sid)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    summary_csv = export_summary_csv(store, tmp_path / "out").read_text().splitlines()
    assert summary_csv[0].startswith("id,started_at") and len(summary_csv) == 2



def test_a_version_1_database_is_upgraded_and_its_rows_belong_to_partner_0(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE _migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
    for statement in filter(str.strip, MIGRATIONS[0].split(";")):
        db.execute(statement)
    db.execute("INSERT INTO _migrations VALUES (1, 'then')")
    db.execute("INSERT INTO sessions (id, started_at, source_kind, device_name, settings_json, baseline_hr) "
               "VALUES (1, '2026-01-01T20:00:00', 'ble', 'Polar H10 1', '{}', 61.0)")
    db.execute("INSERT INTO samples VALUES (1, 0.5, 72, '833000', 3)")
    db.execute("INSERT INTO episodes VALUES (1, 10, 40, 90, 112, 1)")
    db.commit()
    db.close()

    store = SessionStore(path)
    assert store.schema_version == len(MIGRATIONS)
    [sample] = store.samples(1)
    assert (sample.t_s, sample.hr_bpm, sample.rr_us, sample.partner) == (0.5, 72, (833000,), 0)
    assert store.episodes(1)[0].partner == 0
    [who] = store.partners(1)
    assert (who.slot, who.device_name, who.baseline_hr) == (0, "Polar H10 1", 61.0)
    assert summaries(store)[0].partner_names == ()


def test_two_partners_are_kept_apart_and_together(tmp_path):
    store = SessionStore(tmp_path / "h.sqlite3")
    sid = store.create_session(dt.datetime(2026, 3, 1, 20), "demo", "Demo strap", "demo", {})
    store.set_partners(sid, [PartnerInfo(0, "Mei", "#3b82c4", "Strap A"), PartnerInfo(1, "Jun", "#c27c0e", "Strap B",
                                                                                      threshold_bpm=92.0)])
    a = [HeartRateSample(float(t), 80.0, (750000,), Contact.DETECTED, partner=0) for t in range(5)]
    b = [HeartRateSample(t + 0.3, 64.0, (937500,), Contact.DETECTED, partner=1) for t in range(5)]
    store.write_batch(sid, [x for pair in zip(a, b) for x in pair], [(2.0, "signal_lost", "", 1)])
    store.save_protocol(sid, [EpisodeRecord(0, 30, 90, 120, True, partner=1)], [], [])

    assert [s.hr_bpm for s in store.samples(sid, partner=1)] == [64.0] * 5
    assert [s.partner for s in store.samples(sid)] == [0, 1] * 5  # arrival order kept
    assert store.events(sid, partner=0) == [] and len(store.events(sid, partner=1)) == 1
    assert [(p.name, p.threshold_bpm) for p in store.partners(sid)] == [("Mei", None), ("Jun", 92.0)]
    summary = summaries(store)[0]
    assert summary.partner_names == ("Mei", "Jun") and summary.episodes_by_partner == (0, 1)


def test_the_newest_summaries_are_the_first_of_all_of_them(tmp_path):
    """The history window lists the newest sessions first and the rest after its first paint: same rows."""
    import datetime as dt

    from flooding_monitor.review.history import summaries

    store = SessionStore(tmp_path / "h.sqlite3")
    for day in (3, 1, 7, 5, 2):
        sid = store.create_session(dt.datetime(2026, 11, day, 20), "demo", "Demo", None, {})
        store.save_protocol(sid, [EpisodeRecord(10.0, 40.0, 90.0, 112.0)], [], [])
        store.end_session(sid, dt.datetime(2026, 11, day, 21), 3600.0)
    every = summaries(store)
    assert [s.started_at.day for s in every] == [7, 5, 3, 2, 1]
    assert summaries(store, newest=2) == every[:2]
    assert all(s.episodes == 1 for s in summaries(store, newest=2))


@pytest.mark.parametrize("blocker", ["folder", "other user's file"])
def test_a_lock_that_cannot_be_opened_is_not_a_crashed_session(tmp_path, blocker):
    """Bug: with a folder at history.sqlite3.session-1.lock, a concurrent `history` closed a live recording
    as "recovery" at 15.3 s while its samples ran on. Cannot open is not "its owner is gone"."""
    import os

    path = tmp_path / "history.sqlite3"
    store = SessionStore(path)
    sid = store.create_session(NOW, "demo", None, None, {})
    store.write_batch(sid, samples(15))
    lock = tmp_path / f"history.sqlite3.session-{sid}.lock"
    if blocker == "folder":
        lock.mkdir()
    else:  # a file we may not open for writing stands for one another user owns
        lock.write_text("")
        os.chmod(lock, 0o400)
        if os.geteuid() == 0:  # root opens anything: a symbolic link is refused instead (O_NOFOLLOW)
            lock.unlink()
            lock.symlink_to(tmp_path / "elsewhere")
    other = SessionStore(path)
    assert other.close_unfinished() == []
    assert other.session(sid).ended_at is None


def test_one_flush_is_one_transaction_and_lands_whole_or_not_at_all(tmp_path):
    """Samples, partners and the pause protocol of a second go in one transaction: a refusal halfway
    leaves nothing half-written, and everything is retried at the next second."""
    import datetime as dt

    from flooding_monitor.storage import store as store_module
    from flooding_monitor.live.session import EpisodeRecord
    from flooding_monitor.live.session_recorder import SessionRecorder
    from flooding_monitor.storage.store import PartnerInfo

    store = SessionStore(tmp_path / "history.sqlite3")
    recorder = SessionRecorder(store, dt.datetime(2026, 12, 5, 20, 0), "demo", "x", None, {})
    begun: list[str] = []
    recorder.store.db.set_trace_callback(lambda sql: begun.append(sql) if sql.startswith("BEGIN") else None)
    for sample in samples(3):
        recorder.pending.append(sample)
    recorder.set_partners([PartnerInfo(0, "Sam", "#2f6fae")])
    recorder.set_protocol([EpisodeRecord(1.0, 2.0, None, 120.0)], [], [])
    real = store.save_protocol
    store.save_protocol = lambda *a, **k: (_ for _ in ()).throw(store_module.StoreLocked("locked"))
    assert not recorder.flush()
    assert store.sample_count(recorder.session_id) == 0
    assert "Sam" not in [p.name for p in store.partners(recorder.session_id)]
    assert len(recorder.pending) == 3  # kept for the next second
    store.save_protocol = real
    begun.clear()
    assert recorder.flush()
    assert begun == ["BEGIN IMMEDIATE"]
    assert store.sample_count(recorder.session_id) == 3 and len(store.episodes(recorder.session_id)) == 1
    assert [p.name for p in store.partners(recorder.session_id)] == ["Sam"]


def test_what_identifies_a_row_is_unique_and_saving_again_updates_it(tmp_path):
    """Version 7: an older history with a repeated pause (an import wrote it twice) keeps its last
    copy; from then on the database itself refuses a second row for one key, and saving updates."""
    path = tmp_path / "v6.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE _migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
    for version, sql in enumerate(MIGRATIONS[:6], 1):
        for statement in filter(str.strip, sql.split(";")):
            db.execute(statement)
        db.execute("INSERT INTO _migrations VALUES (?, 'then')", (version,))
    db.execute("INSERT INTO sessions (id, started_at, source_kind, settings_json) VALUES (1, '2026-01-01T20:00:00', "
               "'import', '{}')")
    for planned in (1200, 1500):
        db.execute("INSERT INTO pauses (session_id, started_s, planned_s, return_at, reason) "
                   "VALUES (1, 300, ?, '20:30', 'alert')", (planned,))
    db.commit()
    db.close()

    store = SessionStore(path)
    [pause] = store.pauses(1)
    assert pause.planned_s == 1500
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("INSERT INTO pauses (session_id, started_s, planned_s, return_at, reason) "
                         "VALUES (1, 300, 1200, '20:30', 'alert')")
    store.restore_rows(1, [], [dataclasses.replace(pause, planned_s=1800)], [], [])
    assert [p.planned_s for p in store.pauses(1)] == [1800]
    store.set_partners(1, [PartnerInfo(0, "Mei", "#3b82c4"), PartnerInfo(1, "Jun", "#c27c0e")])
    store.set_partners(1, [PartnerInfo(1, "Jun", "#c27c0e", threshold_bpm=92)])  # B calibrated
    assert [(p.name, p.threshold_bpm) for p in store.stored_partners(1)] == [("Mei", None), ("Jun", 92)]
