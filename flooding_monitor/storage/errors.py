"""What can go wrong with the history database, in words that tell the user what to do.

Each SQLite error becomes one typed :class:`StoreError` (locked, full, read-only,
damaged, not ours) whose message is a translatable :class:`~flooding_monitor.text.Text`.
"""

from __future__ import annotations

import sqlite3

from flooding_monitor.text import QT_TRANSLATE_NOOP, Text


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


def looks_corrupt(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "file is encrypted" in text


def store_error(exc: BaseException, path: str) -> StoreError:
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
    if isinstance(exc, sqlite3.DatabaseError) and looks_corrupt(exc):
        return StoreDamaged(Text(QT_TRANSLATE_NOOP("core", "The history database {path} is damaged."), path=path))
    return StoreError(Text(QT_TRANSLATE_NOOP("core", "History database problem: {error}"), error=str(exc)))
