"""The session history: one SQLite database in the user's data directory, its reads and writes.

* One connection, owned by one thread (:meth:`SessionStore.second_connection` for another).
* Opening the file (private, ours, WAL, a damaged one moved aside) is :mod:`.history_file`;
  the schema and its migrations :mod:`.schema`; the rows handed out :mod:`.rows`.
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

from flooding_monitor.heart.samples import Contact, HeartRateSample
from flooding_monitor.storage.errors import (
    StoreDamaged,
    StoreError,
    StoreFull,
    StoreLocked,
    StoreNotOurs,
    StoreReadOnly,
    store_error,
)
from flooding_monitor.storage.rows import (
    EpisodeRow,
    NoteRow,
    PartnerInfo,
    PauseRow,
    SessionInfo,
    SnoozeRow,
    SummaryRow,
    decode_rr,
    encode_rr,
    flag,
    protocol_rows,
    utc_offset_minutes,
)
from flooding_monitor.storage.schema import (
    MIGRATIONS,
    NOTE_COLUMNS,
    UPSERT_EPISODE,
    UPSERT_PARTNER,
    UPSERT_PAUSE,
    UPSERT_SNOOZE,
    episode_values,
    migrate,
    pause_values,
)
from flooding_monitor.storage.history_file import connect, connect_read_only, move_aside, open_history_file
from flooding_monitor.storage.session_lock import SessionLock, lock_path, owned_elsewhere
from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

#: What the storage package hands out, from here (the rows and errors are defined beside it).
__all__ = ["APP_NAME", "DB_NAME", "LIVE_WAIT_S", "MIGRATIONS", "EpisodeRow", "NoteRow", "OpenedStore", "PartnerInfo",
           "PauseRow", "SessionInfo", "SessionLock", "SessionStore", "SnoozeRow", "StoreDamaged", "StoreError",
           "StoreFull", "StoreLocked", "StoreNotOurs", "StoreReadOnly", "SummaryRow", "data_dir", "open_store",
           "protocol_rows", "utc_offset_minutes"]

log = logging.getLogger(__name__)
APP_NAME = "flooding-monitor"
DB_NAME = "history.sqlite3"
MAX_SESSION_S = 31 * 24 * 3600.0  # no session lasts longer; later times are damage


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else $FLOODING_MONITOR_DATA_DIR, else the platform's user data dir."""
    if override:
        return Path(override)
    env = os.environ.get("FLOODING_MONITOR_DATA_DIR")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


class SessionStore:
    """All reads and writes of the history database."""

    def __init__(self, path: str | os.PathLike[str], wait_s: float = 5.0) -> None:
        """``wait_s``: how long a write may wait for another program's lock. The live paths pass a
        fraction of a second: the samples stay pending and the next second tries again, where a
        5-s wait once froze the display."""
        self.path = str(path)
        self.wait_s = wait_s
        opened = open_history_file(self.path, wait_s)
        self.db = opened.db
        self.read_only = opened.read_only
        self.moved_aside: Path | None = opened.moved_aside
        self.open_notes: list[str] = opened.notes  # what opening had to fix (a folder others could read)

    def second_connection(self) -> "SessionStore":
        """Another connection to this (already opened and migrated) file, for another thread."""
        other = object.__new__(SessionStore)
        other.__dict__.update(self.__dict__)
        other.open_notes = []
        try:
            other.db = connect_read_only(self.path, self.wait_s) if self.read_only else connect(self.path, self.wait_s)
        except sqlite3.DatabaseError as exc:
            raise store_error(exc, self.path) from exc
        return other

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
        self.moved_aside = move_aside(self.path)
        self.db = connect(self.path, self.wait_s)
        migrate(self.db)
        return True

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
                [(session_id, s.t_s, s.hr_bpm, encode_rr(s.rr_us), int(s.contact), s.partner) for s in samples])
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
        self.db.executemany(UPSERT_EPISODE, [episode_values(session_id, e) for e in episodes])
        self.db.executemany(UPSERT_PAUSE, [pause_values(session_id, p) for p in pauses])
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
        return SessionLock(lock_path(self.path, session_id))

    def close_unfinished(self) -> list[int]:
        """Sessions a crash left open: end them at their last sample.

        A session whose stored values are impossible (a time of 10^300 s, a date
        past the year 9999) is closed as ``repaired`` at its start instead of
        stopping every later command.
        """
        closed = []
        for row in self.db.execute("SELECT id, started_at FROM sessions WHERE ended_at IS NULL").fetchall():
            if self.path != ":memory:" and owned_elsewhere(lock_path(self.path, int(row["id"]))):
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
        return [HeartRateSample(t, hr, decode_rr(rr), Contact(c) if c in (0, 2, 3) else Contact.UNSUPPORTED,
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
                         flag(r["recovered"]), flag(r["ended_early"]), r["reason"])
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
                raise store_error(exc, self.path) from exc
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
                raise store_error(exc, self.path) from exc
            return False
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.Error as commit_exc:
                self._rollback()
                raise store_error(commit_exc, self.path) from commit_exc
        self._rollback()
        if isinstance(exc, sqlite3.Error):
            raise store_error(exc, self.path) from exc
        return False


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
