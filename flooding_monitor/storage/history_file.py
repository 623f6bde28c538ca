"""Opening the history's file: private to the user, ours, in WAL mode, migrated; a damaged one moved aside.

* The folder and the file are readable by the user only (0600): heart data is private.
* Another program's SQLite file is refused, never changed.
* A corrupt file is moved aside (never deleted) and a fresh one started; the caller
  gets the backup's path to tell the user.
* A file on a read-only disk or without write permission is opened read-only.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from flooding_monitor.private_files import private_dir
from flooding_monitor.storage.errors import StoreError, StoreNotOurs, looks_corrupt, store_error
from flooding_monitor.storage.schema import APPLICATION_ID, migrate
from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)


@dataclass
class OpenedFile:
    """A connection to the history and what opening it found."""

    db: sqlite3.Connection
    read_only: bool = False
    moved_aside: Path | None = None  # where a damaged file was kept
    notes: list[str] = field(default_factory=list)  # what opening had to fix (a folder others could read)


def open_history_file(path: str, wait_s: float) -> OpenedFile:
    """The history at ``path`` (":memory:" for none on disk), created private if missing, migrated."""
    in_memory = path == ":memory:"
    notes: list[str] = []
    if not in_memory:
        p = Path(path)
        if p.exists() and os.access(p, os.R_OK) and not os.access(p, os.W_OK) or \
                p.exists() and not os.access(p.parent, os.W_OK):
            return OpenedFile(connect_read_only(path, wait_s), read_only=True)
        try:
            notes = private_dir(p.parent)
            if not p.exists():
                os.close(os.open(p, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as exc:
            raise StoreError(Text(QT_TRANSLATE_NOOP("core", "Cannot create the history database {path}: "
                                                    "{error}. Choose another folder with --data-dir."),
                                  path=str(p), error=exc.strerror)) from exc
    moved_aside = None
    try:
        db = connect(path, wait_s)
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # a cheap look: its header and schema
    except sqlite3.DatabaseError as exc:
        if in_memory or not looks_corrupt(exc):
            raise store_error(exc, path) from exc
        moved_aside = move_aside(path)
        db = connect(path, wait_s)
    if not in_memory:
        if not Path(path).is_symlink():  # a link's target is the user's business, not ours to chmod
            os.chmod(path, 0o600)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    migrate(db)
    return OpenedFile(db, moved_aside=moved_aside, notes=notes)


def connect(path: str, wait_s: float) -> sqlite3.Connection:
    """A connection to a history already known to be ours (or new)."""
    db = sqlite3.connect(path, timeout=wait_s, isolation_level=None, check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA foreign_keys = ON")
    check_ours(db)
    return db


def connect_read_only(path: str, wait_s: float) -> sqlite3.Connection:
    """A history on a read-only disk or without write permission: readable, never written."""
    try:
        db = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, timeout=wait_s,
                             isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        check_ours(db)
    except sqlite3.DatabaseError as exc:
        raise store_error(exc, path) from exc
    return db


def check_ours(db: sqlite3.Connection) -> None:
    """Refuse another program's SQLite file: never switch it to WAL or add our tables to it."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id == APPLICATION_ID or (app_id == 0 and (not tables or "_migrations" in tables)):
        return
    raise StoreNotOurs(Text(QT_TRANSLATE_NOOP(
        "core", "This file is not a Flooding Monitor history (it belongs to another program); it was left "
                "untouched. Choose another folder with --data-dir.")))


def move_aside(path: str) -> Path:
    """Keep a damaged history (and its WAL) as ``NAME.corrupt-STAMP``; an empty private file takes its place."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    src = Path(path)
    dst = src.with_name(f"{src.name}.corrupt-{stamp}")
    os.replace(src, dst)
    for suffix in ("-wal", "-shm"):
        side = Path(path + suffix)
        if side.exists():
            os.replace(side, Path(str(dst) + suffix))
    os.close(os.open(src, os.O_CREAT | os.O_WRONLY, 0o600))
    log.warning("history database was damaged; moved to %s", dst)
    return dst
