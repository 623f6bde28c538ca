"""The history's schema: ordered migrations recorded in the database (sqlite-utils style), and the
statements that save a row again by its key (UNIQUE constraints with ``ON CONFLICT``)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from flooding_monitor.storage.rows import EpisodeRow, PauseRow

APPLICATION_ID = 0x464D4F4E  # "FMON" in the SQLite header: this file is a Flooding Monitor history


MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,          -- ISO wall-clock time at t_s = 0
        ended_at TEXT,                     -- NULL while recording (or after a crash)
        duration_s REAL,
        source_kind TEXT NOT NULL,         -- ble / bumble / demo / replay / import
        device_name TEXT,
        device_address TEXT,
        settings_json TEXT NOT NULL,
        baseline_hr REAL,
        baseline_rmssd REAL,
        closed_by TEXT                     -- 'app' or 'recovery' (closed at next start after a crash)
    );
    CREATE TABLE samples (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        t_s REAL NOT NULL,
        hr REAL,
        rr_us TEXT NOT NULL DEFAULT '',   -- space-separated integer microseconds
        contact INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX samples_by_session ON samples(session_id, t_s);
    CREATE TABLE events (                 -- strap status: connection lost, reconnected, battery
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        t_s REAL NOT NULL,
        kind TEXT NOT NULL,
        message TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE episodes (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        start_s REAL NOT NULL,
        onset_s REAL NOT NULL,
        end_s REAL,
        peak_bpm REAL,
        alerted INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE pauses (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        started_s REAL NOT NULL,
        planned_s REAL NOT NULL,
        extended_s REAL NOT NULL DEFAULT 0,
        return_at TEXT NOT NULL,
        ended_s REAL,
        recovered INTEGER,
        ended_early INTEGER,
        reason TEXT NOT NULL
    );
    CREATE TABLE snoozes (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        t_s REAL NOT NULL,
        until_s REAL NOT NULL
    );
    CREATE TABLE notes (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        written_at TEXT NOT NULL,
        trigger TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        response TEXT NOT NULL DEFAULT '',
        familiar TEXT NOT NULL DEFAULT '',
        other TEXT NOT NULL DEFAULT ''
    );
    """,
    # 2: two partners in one session; rows from version 1 belong to partner 0
    """
    ALTER TABLE samples ADD COLUMN partner INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN partner INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE episodes ADD COLUMN partner INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE partners (
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        slot INTEGER NOT NULL,
        name TEXT NOT NULL,
        colour TEXT NOT NULL,
        device_name TEXT,
        device_address TEXT,
        threshold_bpm REAL,                -- personal threshold, NULL = the session's
        baseline_hr REAL,
        baseline_rmssd REAL,
        PRIMARY KEY (session_id, slot)
    );
    """,
    # 3: "we were moving" marks an episode raised by walking or exercise
    """
    ALTER TABLE episodes ADD COLUMN moving INTEGER NOT NULL DEFAULT 0;
    """,
    # 4: an imported recording's content hash, so the same file is not imported twice
    """
    ALTER TABLE sessions ADD COLUMN source_hash TEXT;
    CREATE INDEX sessions_by_source_hash ON sessions(source_hash);
    """,
    # 5: the UTC offset in force when the session started (minutes east of UTC), so an export
    # states its clock times unambiguously; NULL for sessions from before (the local offset applies)
    """
    ALTER TABLE sessions ADD COLUMN utc_offset_min INTEGER;
    """,
    # 6: a session's events found without reading every session's (the chart marks alerts from them)
    """
    CREATE INDEX events_by_session ON events(session_id, t_s);
    """,
    # 7: what identifies a row is unique, so saving it again updates it (ON CONFLICT) instead of a
    # hand-rolled "update, else insert"; a repeated row an older import left keeps its latest copy
    """
    DELETE FROM episodes WHERE rowid NOT IN (SELECT MAX(rowid) FROM episodes GROUP BY session_id, partner, start_s);
    DELETE FROM pauses WHERE rowid NOT IN (SELECT MAX(rowid) FROM pauses GROUP BY session_id, started_s);
    DELETE FROM snoozes WHERE rowid NOT IN (SELECT MAX(rowid) FROM snoozes GROUP BY session_id, t_s);
    CREATE UNIQUE INDEX episodes_by_start ON episodes(session_id, partner, start_s);
    CREATE UNIQUE INDEX pauses_by_start ON pauses(session_id, started_s);
    CREATE UNIQUE INDEX snoozes_by_time ON snoozes(session_id, t_s);
    """,
    # 8: Stage Four's rituals, not tied to a session (storage/rituals.py): the weekly review's shared
    # note, one per week (its Monday), and the daily check-ins' marks (no content: only that it happened)
    """
    CREATE TABLE reviews (
        week_start TEXT PRIMARY KEY,
        written_at TEXT NOT NULL,
        working TEXT NOT NULL DEFAULT '',
        adjusting TEXT NOT NULL DEFAULT '',
        near_misses TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE check_ins (at TEXT NOT NULL, seconds REAL NOT NULL);
    CREATE INDEX check_ins_by_time ON check_ins(at);
    """,
    # 9: who wrote a journal note (a partner's slot; NULL: not said, or both): the therapist report
    # shares a note only when its writer ticks it in
    """
    ALTER TABLE notes ADD COLUMN partner INTEGER;
    """,
]

NOTE_COLUMNS = "(session_id, written_at, trigger, body, response, familiar, other, partner)"

#: Saving an episode, a pause, a snooze or a partner again updates the row its key names.
UPSERT_EPISODE = (
    "INSERT INTO episodes (session_id, partner, start_s, onset_s, end_s, peak_bpm, alerted, moving) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, partner, start_s) DO UPDATE SET "
    "onset_s = excluded.onset_s, end_s = excluded.end_s, peak_bpm = excluded.peak_bpm, "
    "alerted = excluded.alerted, moving = excluded.moving")
UPSERT_PAUSE = (
    "INSERT INTO pauses (session_id, started_s, planned_s, extended_s, return_at, ended_s, recovered, "
    "ended_early, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, started_s) DO UPDATE SET "
    "planned_s = excluded.planned_s, extended_s = excluded.extended_s, return_at = excluded.return_at, "
    "ended_s = excluded.ended_s, recovered = excluded.recovered, ended_early = excluded.ended_early, "
    "reason = excluded.reason")
UPSERT_SNOOZE = ("INSERT INTO snoozes (session_id, t_s, until_s) VALUES (?, ?, ?) "
                 "ON CONFLICT (session_id, t_s) DO UPDATE SET until_s = excluded.until_s")
UPSERT_PARTNER = (
    "INSERT INTO partners (session_id, slot, name, colour, device_name, device_address, threshold_bpm, "
    "baseline_hr, baseline_rmssd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, slot) DO UPDATE SET "
    "name = excluded.name, colour = excluded.colour, device_name = excluded.device_name, "
    "device_address = excluded.device_address, threshold_bpm = excluded.threshold_bpm, "
    "baseline_hr = excluded.baseline_hr, baseline_rmssd = excluded.baseline_rmssd")


def episode_values(session_id: int, e: EpisodeRow) -> tuple:
    return (session_id, e.partner, e.start_s, e.onset_s, e.end_s, e.peak_bpm, int(e.alerted), int(e.moving))


def pause_values(session_id: int, p: PauseRow) -> tuple:
    return (session_id, p.started_s, p.planned_s, p.extended_s, p.return_at, p.ended_s,
            None if p.recovered is None else int(p.recovered),
            None if p.ended_early is None else int(p.ended_early), p.reason)


def migrate(db: sqlite3.Connection) -> None:
    """Mark the file as ours and apply the migrations it has not had, each in its own transaction."""
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
    done = {r[0] for r in db.execute("SELECT version FROM _migrations")}
    for version, sql in enumerate(MIGRATIONS, 1):
        if version in done:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in filter(str.strip, sql.split(";")):
                db.execute(statement)
            db.execute("INSERT INTO _migrations VALUES (?, ?)", (version, dt.datetime.now().isoformat()))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
