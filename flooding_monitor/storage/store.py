"""The session history: one SQLite database in the user's data directory.

* WAL mode, ordered migrations recorded in the database (sqlite-utils style).
* The file is readable by the user only (0600): heart data is private.
* One connection, owned by one thread.
* A corrupt file is moved aside (never deleted) and a fresh database started;
  the caller gets the backup's path to tell the user.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flooding_monitor.private_files import private_dir
from flooding_monitor.heart.samples import Contact, HeartRateSample
from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)
APP_NAME = "flooding-monitor"
DB_NAME = "history.sqlite3"
MAX_SESSION_S = 31 * 24 * 3600.0  # no session lasts longer; later times are damage
APPLICATION_ID = 0x464D4F4E  # "FMON" in the SQLite header: this file is a Flooding Monitor history


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do."""

    @property
    def message(self) -> str:
        """The message, a :class:`Text` where it was made from a template (for translation)."""
        return self.args[0] if self.args else ""


class StoreLocked(StoreError):
    """Another program holds the database; writing later will work."""


class StoreFull(StoreError):
    """The disk is full (or failing); writing later may work."""


class StoreReadOnly(StoreError):
    """No permission to write, or a read-only disk."""


class StoreDamaged(StoreError):
    """The file is not a sound SQLite database."""


class StoreNotOurs(StoreError):
    """A sound SQLite database of another program: left untouched."""


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


def _episode_values(session_id: int, e: "EpisodeRow") -> tuple:
    return (session_id, e.partner, e.start_s, e.onset_s, e.end_s, e.peak_bpm, int(e.alerted), int(e.moving))


def _pause_values(session_id: int, p: "PauseRow") -> tuple:
    return (session_id, p.started_s, p.planned_s, p.extended_s, p.return_at, p.ended_s,
            None if p.recovered is None else int(p.recovered),
            None if p.ended_early is None else int(p.ended_early), p.reason)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else $FLOODING_MONITOR_DATA_DIR, else the platform's user data dir."""
    if override:
        return Path(override)
    env = os.environ.get("FLOODING_MONITOR_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class SessionInfo:
    id: int
    started_at: dt.datetime
    ended_at: dt.datetime | None
    duration_s: float | None
    source_kind: str
    device_name: str | None
    settings: dict[str, Any]
    baseline_hr: float | None
    baseline_rmssd: float | None
    closed_by: str | None
    device_address: str | None = None
    utc_offset_min: int | None = None  # None: recorded before offsets were kept
    source_hash: str | None = None  # an imported recording's content hash

    @property
    def started_aware(self) -> dt.datetime:
        """The start with its UTC offset (this computer's zone for sessions from before offsets were kept)."""
        if self.utc_offset_min is None:
            return self.started_at.astimezone()
        return self.started_at.replace(tzinfo=dt.timezone(dt.timedelta(minutes=self.utc_offset_min)))


@dataclass(frozen=True)
class PartnerInfo:
    """Who wore which strap in a session."""

    slot: int
    name: str
    colour: str
    device_name: str | None = None
    device_address: str | None = None
    threshold_bpm: float | None = None
    baseline_hr: float | None = None
    baseline_rmssd: float | None = None


@dataclass(frozen=True)
class EpisodeRow:
    start_s: float
    onset_s: float
    end_s: float | None
    peak_bpm: float | None
    alerted: bool
    partner: int
    moving: bool = False


@dataclass(frozen=True)
class PauseRow:
    started_s: float
    planned_s: float
    extended_s: float
    return_at: str
    ended_s: float | None
    recovered: bool | None
    ended_early: bool | None
    reason: str

    @property
    def stop_s(self) -> float:
        """When the pause ended, or was planned to end if it never did."""
        return self.ended_s if self.ended_s is not None else self.started_s + self.planned_s + self.extended_s


@dataclass(frozen=True)
class SnoozeRow:
    t_s: float
    until_s: float


def protocol_rows(episodes: Iterable[Any], pauses: Iterable[Any],
                  snoozes: Iterable[Any]) -> tuple[list[EpisodeRow], list[PauseRow], list[SnoozeRow]]:
    """The detector's and the pause protocol's live objects as the rows the history (and a session
    file) holds."""
    return ([EpisodeRow(e.start_s, e.onset_s, e.end_s, e.peak_bpm, bool(getattr(e, "alerted", False)),
                        int(getattr(e, "partner", 0)), bool(getattr(e, "moving", False))) for e in episodes],
            [PauseRow(p.started_s, p.planned_s, p.extended_s, p.return_wall.isoformat(), p.ended_s, p.recovered,
                      None if p.ended_s is None else bool(p.ended_early), p.reason) for p in pauses],
            [SnoozeRow(z.t_s, z.until_s) for z in snoozes])


@dataclass(frozen=True)
class NoteRow:
    written_at: str
    trigger: str
    body: str
    response: str
    familiar: str
    other: str
    partner: int | None = None  # who wrote it (None: not said, or both)


@dataclass(frozen=True)
class SummaryRow:
    """A session as the history list needs it, before any statistics."""

    id: int
    started_at: dt.datetime
    duration_s: float
    device_name: str | None
    episodes: tuple[EpisodeRow, ...]
    partner_names: tuple[str, ...]
    pause_starts: tuple[float, ...]
    notes: int


def utc_offset_minutes(when: dt.datetime) -> int:
    """Minutes east of UTC at ``when`` (its own offset if aware, this computer's zone if naive)."""
    offset = (when if when.tzinfo is not None else when.astimezone()).utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def _flag(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _encode_rr(rr: Sequence[int]) -> str:
    return " ".join(str(int(v)) for v in rr)


def _decode_rr(text: str) -> tuple[int, ...]:
    return tuple(int(v) for v in text.split()) if text else ()


class SessionStore:
    """All reads and writes of the history database."""

    def __init__(self, path: str | os.PathLike[str], wait_s: float = 5.0) -> None:
        """``wait_s``: how long a write may wait for another program's lock. The live paths pass a
        fraction of a second: the samples stay pending and the next second tries again, where a
        5-s wait once froze the display."""
        self.path = str(path)
        self.wait_s = wait_s
        self.read_only = False
        self.moved_aside: Path | None = None
        self.open_notes: list[str] = []  # what opening had to fix (a folder others could read)
        self.db = self._open()

    def second_connection(self) -> "SessionStore":
        """Another connection to this (already opened and migrated) file, for another thread."""
        other = object.__new__(SessionStore)
        other.__dict__.update(self.__dict__)
        other.open_notes = []
        try:
            other.db = other._open_read_only() if self.read_only else other._connect()
        except sqlite3.DatabaseError as exc:
            raise _error(exc, self.path) from exc
        return other

    # -- opening ------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        in_memory = self.path == ":memory:"
        if not in_memory:
            p = Path(self.path)
            if p.exists() and os.access(p, os.R_OK) and not os.access(p, os.W_OK) or \
                    p.exists() and not os.access(p.parent, os.W_OK):
                return self._open_read_only()
            try:
                self.open_notes = private_dir(p.parent)
                if not p.exists():
                    fd = os.open(p, os.O_CREAT | os.O_WRONLY, 0o600)
                    os.close(fd)
            except OSError as exc:
                raise StoreError(Text(QT_TRANSLATE_NOOP("core", "Cannot create the history database {path}: "
                                                        "{error}. Choose another folder with --data-dir."),
                                      path=str(p), error=exc.strerror)) from exc
        try:
            db = self._connect()
            self._check(db)
        except sqlite3.DatabaseError as exc:
            if in_memory or not _looks_corrupt(exc):
                raise _error(exc, self.path) from exc
            self.moved_aside = self._move_aside()
            db = self._connect()
        if not in_memory:
            if not Path(self.path).is_symlink():  # a link's target is the user's business, not ours to chmod
                os.chmod(self.path, 0o600)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        self._migrate(db)
        return db

    def _open_read_only(self) -> sqlite3.Connection:
        """A history on a read-only disk or without write permission: readable, never written."""
        self.read_only = True
        try:
            db = sqlite3.connect(f"file:{Path(self.path).resolve()}?mode=ro", uri=True, timeout=self.wait_s,
                                 isolation_level=None, check_same_thread=False)
            db.row_factory = sqlite3.Row
            self._check_ours(db)
        except sqlite3.DatabaseError as exc:
            raise _error(exc, self.path) from exc
        return db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.wait_s, isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        self._check_ours(db)
        return db

    @staticmethod
    def _check_ours(db: sqlite3.Connection) -> None:
        """Refuse another program's SQLite file: never switch it to WAL or add our tables to it."""
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id == APPLICATION_ID or (app_id == 0 and (not tables or "_migrations" in tables)):
            return
        raise StoreNotOurs(Text(QT_TRANSLATE_NOOP(
            "core", "This file is not a Flooding Monitor history (it belongs to another program); it was left "
                    "untouched. Choose another folder with --data-dir.")))

    @staticmethod
    def _check(db: sqlite3.Connection) -> None:
        """A cheap look at the file on every open (its header and schema: a page or two, whatever its
        size); the whole-file check runs only after an unclean shutdown (:meth:`verify`)."""
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()

    def verify(self) -> bool:
        """Read the whole file (``PRAGMA quick_check``, ~0.4 s a GB); a damaged one is moved aside
        and a new one started. Returns whether it had to. Run after a crash, not on every open."""
        if self.path == ":memory:" or self.read_only:
            return False
        try:
            result = self.db.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            result = str(exc)
        if result == "ok":
            return False
        log.warning("history database failed its check: %s", result)
        self.db.close()
        self.moved_aside = self._move_aside()
        self.db = self._connect()
        self._migrate(self.db)
        return True

    def _move_aside(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        src = Path(self.path)
        dst = src.with_name(f"{src.name}.corrupt-{stamp}")
        os.replace(src, dst)
        for suffix in ("-wal", "-shm"):
            side = Path(self.path + suffix)
            if side.exists():
                os.replace(side, Path(str(dst) + suffix))
        fd = os.open(src, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        log.warning("history database was damaged; moved to %s", dst)
        return dst

    def _migrate(self, db: sqlite3.Connection) -> None:
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

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("SELECT MAX(version) FROM _migrations").fetchone()[0] or 0)

    def close(self) -> None:
        self.db.close()

    # -- writing ------------------------------------------------------------------------
    def create_session(self, started_at: dt.datetime, source_kind: str, device_name: str | None,
                       device_address: str | None, settings: dict[str, Any],
                       baseline_hr: float | None = None, baseline_rmssd: float | None = None,
                       source_hash: str | None = None) -> int:
        """A new session starting at ``started_at``: naive local time, or aware (an import keeps the
        offset its file states). The wall time is stored naive, the offset beside it."""
        offset = utc_offset_minutes(started_at)
        with self._transaction():
            cur = self.db.execute(
                "INSERT INTO sessions (started_at, source_kind, device_name, device_address, settings_json, "
                "baseline_hr, baseline_rmssd, source_hash, utc_offset_min) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (started_at.replace(tzinfo=None).isoformat(), source_kind, device_name, device_address,
                 json.dumps(settings), baseline_hr, baseline_rmssd, source_hash, offset))
        return int(cur.lastrowid)

    def session_with_hash(self, source_hash: str) -> int | None:
        """The session an identical recording was already imported as, if any."""
        row = self.db.execute("SELECT id FROM sessions WHERE source_hash = ?", (source_hash,)).fetchone()
        return None if row is None else int(row[0])

    def sessions_started_near(self, started_at: dt.datetime, within_s: float = 1.0) -> list[int]:
        """Sessions that started within ``within_s`` of this instant, whatever UTC offset either was
        written with (an exported session coming back is one of them, even edited by a microsecond)."""
        target = started_at if started_at.tzinfo is not None else started_at.astimezone()
        wall = started_at.replace(tzinfo=None)
        day = dt.timedelta(days=2)  # offsets are within -12 h…+14 h: two days either side hold every candidate
        rows = self.db.execute("SELECT id, started_at, utc_offset_min FROM sessions WHERE started_at BETWEEN ? AND ?",
                               ((wall - day).isoformat(), (wall + day).isoformat())).fetchall()
        near = []
        for row in rows:
            try:
                begun = dt.datetime.fromisoformat(row["started_at"])
            except ValueError:
                continue
            offset = row["utc_offset_min"]
            begun = begun.astimezone() if offset is None else begun.replace(
                tzinfo=dt.timezone(dt.timedelta(minutes=offset)))
            if abs((begun - target).total_seconds()) <= within_s:
                near.append(int(row["id"]))
        return near

    def write_batch(self, session_id: int, samples: Sequence[HeartRateSample],
                    events: Sequence[tuple] = ()) -> None:
        """Append samples and status events ``(t_s, kind, message[, partner])`` in one transaction."""
        with self._transaction():
            self.db.executemany(
                "INSERT INTO samples (session_id, t_s, hr, rr_us, contact, partner) VALUES (?, ?, ?, ?, ?, ?)",
                [(session_id, s.t_s, s.hr_bpm, _encode_rr(s.rr_us), int(s.contact), s.partner) for s in samples])
            self.db.executemany(
                "INSERT INTO events (session_id, t_s, kind, message, partner) VALUES (?, ?, ?, ?, ?)",
                [(session_id, e[0], e[1], e[2], e[3] if len(e) > 3 else 0) for e in events])

    def set_partners(self, session_id: int, partners: Iterable[PartnerInfo]) -> None:
        """Record who wore which strap (saved again whenever a partner joins or calibrates); a partner
        left out of ``partners`` keeps their row."""
        with self._transaction():
            self.db.executemany(UPSERT_PARTNER, [
                (session_id, p.slot, p.name, p.colour, p.device_name, p.device_address, p.threshold_bpm,
                 p.baseline_hr, p.baseline_rmssd) for p in partners])

    def save_protocol(self, session_id: int, episodes: Iterable[Any], pauses: Iterable[Any],
                      snoozes: Iterable[Any], baseline_hr: float | None = None,
                      baseline_rmssd: float | None = None) -> None:
        """Insert or update a session's episodes, pauses and snoozes in place.

        Rows are matched by what identifies them (an episode by partner and
        start, a pause by its start, a snooze by its time: unique keys) and
        never deleted: a caller that forgot an episode cannot erase it from the history.
        """
        with self._transaction():
            self._upsert_rows(session_id, *protocol_rows(episodes, pauses, snoozes))
            if baseline_hr is not None:
                self.db.execute("UPDATE sessions SET baseline_hr = ?, baseline_rmssd = ? WHERE id = ?",
                                (baseline_hr, baseline_rmssd, session_id))

    def _upsert_rows(self, session_id: int, episodes: Iterable["EpisodeRow"], pauses: Iterable["PauseRow"],
                     snoozes: Iterable["SnoozeRow"]) -> None:
        self.db.executemany(UPSERT_EPISODE, [_episode_values(session_id, e) for e in episodes])
        self.db.executemany(UPSERT_PAUSE, [_pause_values(session_id, p) for p in pauses])
        self.db.executemany(UPSERT_SNOOZE, [(session_id, z.t_s, z.until_s) for z in snoozes])

    def end_session(self, session_id: int, ended_at: dt.datetime, duration_s: float, closed_by: str = "app") -> None:
        with self._transaction():
            self.db.execute("UPDATE sessions SET ended_at = ?, duration_s = ?, closed_by = ? WHERE id = ?",
                            (ended_at.isoformat(), duration_s, closed_by, session_id))

    def set_end(self, session_id: int, ended_at: dt.datetime | None, duration_s: float | None,
                closed_by: str | None) -> None:
        """How a session ended, as an imported session file says (any of it may be unknown)."""
        with self._transaction():
            self.db.execute("UPDATE sessions SET ended_at = ?, duration_s = ?, closed_by = ? WHERE id = ?",
                            (None if ended_at is None else ended_at.isoformat(), duration_s, closed_by, session_id))

    def restore_rows(self, session_id: int, episodes: Iterable[EpisodeRow], pauses: Iterable[PauseRow],
                     snoozes: Iterable[SnoozeRow], notes: Iterable[NoteRow]) -> None:
        """Rows of an imported session file, exactly as they were exported (a row the file repeats
        is kept once, as its last copy says)."""
        with self._transaction():
            self._upsert_rows(session_id, episodes, pauses, snoozes)
            self.db.executemany(f"INSERT INTO notes {NOTE_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                [(session_id, n.written_at, n.trigger, n.body, n.response, n.familiar, n.other,
                                  n.partner) for n in notes])

    def own_session(self, session_id: int) -> SessionLock:
        """Hold session ``session_id`` for this process's life: other processes see it as live."""
        return SessionLock(self._lock_path(session_id))

    def _owned_elsewhere(self, session_id: int) -> bool:
        """True when a live process holds the session (its lock cannot be taken)."""
        if self.path == ":memory:":
            return False
        probe = SessionLock(self._lock_path(session_id), wait=False)
        if probe.unknown or not probe.held:  # a lock that cannot be opened may still be someone's
            return True
        probe.release(remove=True)  # its owner is gone
        return False

    def _lock_path(self, session_id: int) -> Path:
        return Path(self.path).with_name(f"{Path(self.path).name}.session-{session_id}.lock")

    def close_unfinished(self) -> list[int]:
        """Sessions a crash left open: end them at their last sample.

        A session whose stored values are impossible (a time of 10^300 s, a date
        past the year 9999) is closed as ``repaired`` at its start instead of
        stopping every later command.
        """
        closed = []
        for row in self.db.execute("SELECT id, started_at FROM sessions WHERE ended_at IS NULL").fetchall():
            if self._owned_elsewhere(int(row["id"])):
                continue  # being recorded right now by another process: not a crash
            last = self.db.execute("SELECT MAX(t_s) FROM samples WHERE session_id = ?", (row["id"],)).fetchone()[0]
            try:
                duration = float(last or 0.0)
                started = dt.datetime.fromisoformat(row["started_at"])
                ended, how = started + dt.timedelta(seconds=duration), "recovery"
                if not 0 <= duration <= MAX_SESSION_S:
                    raise OverflowError(duration)
            except (OverflowError, ValueError, TypeError):
                log.warning("session %s holds impossible times; its impossible samples were removed", row["id"])
                with self._transaction():
                    self.db.execute("DELETE FROM samples WHERE session_id = ? AND NOT (t_s BETWEEN 0 AND ?)",
                                    (row["id"], MAX_SESSION_S))
                last = self.db.execute("SELECT MAX(t_s) FROM samples WHERE session_id = ?", (row["id"],)).fetchone()[0]
                duration, how = float(last or 0.0), "repaired"
                try:
                    ended = dt.datetime.fromisoformat(row["started_at"]) + dt.timedelta(seconds=duration)
                except (OverflowError, ValueError, TypeError):
                    ended = dt.datetime.now()
            self.end_session(row["id"], ended, duration, how)
            closed.append(int(row["id"]))
        return closed

    def add_note(self, session_id: int, trigger: str = "", body: str = "", response: str = "",
                 familiar: str = "", other: str = "", partner: int | None = None) -> None:
        with self._transaction():
            self.db.execute(f"INSERT INTO notes {NOTE_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (session_id, dt.datetime.now().isoformat(timespec="seconds"), trigger, body,
                             response, familiar, other, partner))

    def delete_session(self, session_id: int) -> None:
        with self._transaction():
            self.db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def _transaction(self) -> "_Transaction":
        return _Transaction(self.db, self.path)

    def atomic(self) -> "_Transaction":
        """One transaction around several writes (an import lands whole or not at all): the writes
        inside join it instead of committing on their own."""
        return _Transaction(self.db, self.path)

    # -- reading ------------------------------------------------------------------------
    def session(self, session_id: int) -> SessionInfo:
        row = self.db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise StoreError(Text(QT_TRANSLATE_NOOP("core", "No session {id} in the history"), id=session_id))
        return SessionInfo(int(row["id"]), dt.datetime.fromisoformat(row["started_at"]),
                           dt.datetime.fromisoformat(row["ended_at"]) if row["ended_at"] else None,
                           row["duration_s"], row["source_kind"], row["device_name"],
                           json.loads(row["settings_json"]), row["baseline_hr"], row["baseline_rmssd"],
                           row["closed_by"], row["device_address"], row["utc_offset_min"], row["source_hash"])

    def samples(self, session_id: int, partner: int | None = None) -> list[HeartRateSample]:
        """The samples as received (one partner's, or everyone's in arrival order)."""
        where = "session_id = ?" + ("" if partner is None else " AND partner = ?")
        args = (session_id,) if partner is None else (session_id, partner)
        rows = self.db.execute(f"SELECT t_s, hr, rr_us, contact, partner FROM samples WHERE {where} ORDER BY rowid",
                               args)
        return [HeartRateSample(t, hr, _decode_rr(rr), Contact(c) if c in (0, 2, 3) else Contact.UNSUPPORTED,
                                "history", partner=p) for t, hr, rr, c, p in rows]

    def sample_count(self, session_id: int) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM samples WHERE session_id = ?", (session_id,)).fetchone()[0])

    def events(self, session_id: int, partner: int | None = None) -> list[tuple[float, str, str]]:
        where = "session_id = ?" + ("" if partner is None else " AND partner = ?")
        args = (session_id,) if partner is None else (session_id, partner)
        return [tuple(r) for r in self.db.execute(
            f"SELECT t_s, kind, message FROM events WHERE {where} ORDER BY t_s", args)]

    def events_with_partner(self, session_id: int) -> list[tuple[float, str, str, int]]:
        """Status events and alerts with whose strap they concern, in the order they were written."""
        return [tuple(r) for r in self.db.execute(
            "SELECT t_s, kind, message, partner FROM events WHERE session_id = ? ORDER BY rowid", (session_id,))]

    def stored_partners(self, session_id: int) -> list[PartnerInfo]:
        """The partners rows as written (none for a session from before two-partner support)."""
        return [PartnerInfo(r["slot"], r["name"], r["colour"], r["device_name"], r["device_address"],
                            r["threshold_bpm"], r["baseline_hr"], r["baseline_rmssd"])
                for r in self._rows("partners", session_id, "slot")]

    def partners(self, session_id: int) -> list[PartnerInfo]:
        """Who took part; a session from before two-partner support has one unnamed partner."""
        rows = self.stored_partners(session_id)
        if rows:
            return rows
        info = self.session(session_id)
        return [PartnerInfo(0, "", "#3b82c4", info.device_name, None, None, info.baseline_hr, info.baseline_rmssd)]

    def episodes(self, session_id: int) -> list[EpisodeRow]:
        return [EpisodeRow(r["start_s"], r["onset_s"], r["end_s"], r["peak_bpm"], bool(r["alerted"]), r["partner"],
                           bool(r["moving"]))
                for r in self._rows("episodes", session_id, "start_s, partner")]

    def pauses(self, session_id: int) -> list[PauseRow]:
        return [PauseRow(r["started_s"], r["planned_s"], r["extended_s"], r["return_at"], r["ended_s"],
                         _flag(r["recovered"]), _flag(r["ended_early"]), r["reason"])
                for r in self._rows("pauses", session_id, "started_s")]

    def snoozes(self, session_id: int) -> list[SnoozeRow]:
        return [SnoozeRow(r["t_s"], r["until_s"]) for r in self._rows("snoozes", session_id, "t_s")]

    def notes(self, session_id: int) -> list[NoteRow]:
        return [NoteRow(r["written_at"], r["trigger"], r["body"], r["response"], r["familiar"], r["other"],
                        r["partner"]) for r in self._rows("notes", session_id, "written_at")]

    def _rows(self, table: str, session_id: int, order: str) -> list[sqlite3.Row]:
        return self.db.execute(f"SELECT * FROM {table} WHERE session_id = ? ORDER BY {order}",
                               (session_id,)).fetchall()

    def summary_rows(self, newest: int | None = None, session_id: int | None = None) -> list[SummaryRow]:
        """What the history list is computed from, newest first, in one query per table; ``newest``:
        only that many (the window shows them at once and reads the others after its first paint);
        ``session_id``: that session alone (the summary card at the end of a conversation)."""
        chosen = "SELECT id FROM sessions"
        if session_id is not None:
            chosen += f" WHERE id = {int(session_id)}"
        chosen += " ORDER BY started_at DESC" + ("" if newest is None else f" LIMIT {int(newest)}")
        everything = newest is None and session_id is None
        sessions = self.db.execute(
            "SELECT id, started_at, COALESCE(duration_s, 0), device_name, ended_at IS NULL FROM sessions"
            + ("" if everything else f" WHERE id IN ({chosen})") + " ORDER BY started_at DESC").fetchall()
        of = "" if everything else f" WHERE session_id IN ({chosen})"
        episodes: dict[int, list[EpisodeRow]] = {}
        for r in self.db.execute(f"SELECT * FROM episodes{of} ORDER BY start_s"):
            episodes.setdefault(r["session_id"], []).append(
                EpisodeRow(r["start_s"], r["onset_s"], r["end_s"], r["peak_bpm"], bool(r["alerted"]), r["partner"],
                           bool(r["moving"])))
        names: dict[int, list[str]] = {}
        for sid, name in self.db.execute(f"SELECT session_id, name FROM partners{of} ORDER BY session_id, slot"):
            names.setdefault(sid, []).append(name)
        pauses: dict[int, list[float]] = {}
        for sid, started in self.db.execute(f"SELECT session_id, started_s FROM pauses{of}"):
            pauses.setdefault(sid, []).append(started)
        notes = dict(self.db.execute(f"SELECT session_id, COUNT(*) FROM notes{of} GROUP BY session_id").fetchall())
        out = []
        for sid, started_at, duration, device, open_now in sessions:
            if open_now:  # still recording: up to its last sample
                duration = self.db.execute("SELECT COALESCE(MAX(t_s), 0) FROM samples WHERE session_id = ?",
                                           (sid,)).fetchone()[0]
            out.append(SummaryRow(sid, dt.datetime.fromisoformat(started_at), float(duration), device,
                                  tuple(episodes.get(sid, ())), tuple(names.get(sid, ())),
                                  tuple(pauses.get(sid, ())), int(notes.get(sid, 0))))
        return out


class SessionLock:
    """An advisory lock file (``flock``) held while a session is recorded.

    The operating system releases it when the process dies, however it dies, so
    a session whose lock can be taken was left open by a crash. Where ``flock``
    does not exist (Windows) every open session counts as crashed, as before.
    """

    def __init__(self, path: Path, wait: bool = False) -> None:
        self.path = path
        self.held = False
        #: The lock file could not even be opened (a folder in its place, another user's file): whether
        #: someone holds the session is unknown, and unknown is not "its owner is gone".
        self.unknown = False
        self._fh = None
        try:
            import fcntl
        except ImportError:
            self.held = True
            return
        try:
            fd = os.open(path, os.O_CREAT | os.O_RDWR | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except OSError:
            self.unknown = True
            return
        self._fh = os.fdopen(fd, "r+")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            self.held = True
        except OSError:
            self._fh.close()
            self._fh = None

    def release(self, remove: bool = True) -> None:
        if self._fh is not None:
            if remove:
                try:
                    os.unlink(self.path)
                except OSError:
                    pass
            self._fh.close()
            self._fh = None
        self.held = False


class _Transaction:
    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self.db = db
        self.path = path

    def __enter__(self) -> sqlite3.Connection:
        self.outer = not self.db.in_transaction  # inside store.atomic(): join the open transaction
        if self.outer:
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _error(exc, self.path) from exc
        return self.db

    def _rollback(self) -> None:
        # SQLite may already have rolled back on its own (I/O error, full disk).
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def __exit__(self, exc_type, exc, tb) -> bool:
        if not self.outer:
            if isinstance(exc, sqlite3.Error):
                raise _error(exc, self.path) from exc
            return False
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.Error as commit_exc:
                self._rollback()
                raise _error(commit_exc, self.path) from commit_exc
        self._rollback()
        if isinstance(exc, sqlite3.Error):
            raise _error(exc, self.path) from exc
        return False


def _looks_corrupt(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "file is encrypted" in text


def _error(exc: BaseException, path: str) -> StoreError:
    """The SQLite error as a typed store error whose message tells the user what to do."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreLocked(Text(QT_TRANSLATE_NOOP(
            "core", "The history database is in use by another program ({path}). Close other copies of Flooding "
                    "Monitor; recording continues in memory and will be saved when it is free."), path=path))
    if "full" in text or "disk i/o" in text:
        return StoreFull(Text(QT_TRANSLATE_NOOP(
            "core", "The disk is full: the history could not be saved. Free some space; recording continues in "
                    "memory and will be saved when space is available.")))
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return StoreReadOnly(Text(QT_TRANSLATE_NOOP(
            "core", "Cannot write the history database {path} (no permission or read-only disk). Choose another "
                    "folder with --data-dir; recording continues in memory."), path=path))
    if isinstance(exc, sqlite3.DatabaseError) and _looks_corrupt(exc):
        return StoreDamaged(Text(QT_TRANSLATE_NOOP("core", "The history database {path} is damaged."), path=path))
    return StoreError(Text(QT_TRANSLATE_NOOP("core", "History database problem: {error}"), error=str(exc)))


@dataclass
class OpenedStore:
    """The history database (None when it cannot be used) and what the user should be told about it."""

    store: SessionStore | None
    notes: list[str]  # Text where translatable


#: The longest a write may wait for another program's lock while a session runs: the display
#: must not freeze; the samples stay pending and the next second retries.
LIVE_WAIT_S = 0.25


def open_store(folder: str | os.PathLike[str] | None = None, wait_s: float = 5.0) -> OpenedStore:
    """Open the history in ``folder`` (see :func:`data_dir`), recover after a crash, and say what happened.

    Every entry point (the app, ``record``, ``history``, ``export``, ``import``)
    opens the history through here, so each one reports the same things.
    """
    try:
        store = SessionStore(data_dir(folder) / DB_NAME, wait_s)
    except StoreError as exc:
        return OpenedStore(None, [Text(QT_TRANSLATE_NOOP("core", "History not saved: {error}"), error=exc.message)])
    notes: list[str] = list(store.open_notes)
    if store.read_only:
        notes.append(Text(QT_TRANSLATE_NOOP("core", "The history in {path} is read-only here: it can be viewed and "
                                                    "exported, not added to."), path=store.path))
        return OpenedStore(store, notes)
    if store.moved_aside:
        notes.append(Text(QT_TRANSLATE_NOOP("core", "The history database was damaged. It was kept as {name} and a "
                                                    "new one was started."), name=store.moved_aside.name))
    damaged = False
    try:
        closed = store.close_unfinished()
    except StoreError as exc:
        closed = []
        notes.append(exc.message)
    except sqlite3.DatabaseError:  # the crash damaged pages the recovery had to read
        closed, damaged = [], True
    if (closed or damaged) and store.verify():  # a crash: now is the time to read the whole file
        notes.append(Text(QT_TRANSLATE_NOOP("core", "The history database was damaged. It was kept as {name} and a "
                                                    "new one was started."), name=store.moved_aside.name))
    if closed:
        notes.append(Text(QT_TRANSLATE_NOOP("core", "{n} session(s) left open when the app last stopped were "
                                                    "closed and kept."), n=len(closed)))
    return OpenedStore(store, notes)
