"""The window never waits for SQLite: another program holding the history (a backup, an export in a
terminal) must not freeze the rate on screen or the pause's breathing circle.

A second connection holds the database's write lock, with the store's lock timeout raised to a
minute. Opening History, ending a conversation and saving a note each return
while the lock is held, with their answer still pending; once the lock goes, the answers arrive.
Had any of them touched SQLite on the GUI thread, it would have waited the whole minute and failed.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import pytest
from PySide6.QtWidgets import QDialog

from devices.scenarios import ARGUMENT
from flooding_monitor.live.preferences import Preferences, PreferencesFile
from flooding_monitor.storage.store import SessionStore
from ui import conversation_end
from ui.main_window import MainWindow

from .helpers import SessionClock, play_until, settled


@contextmanager
def held_by_another_program(path):
    """Another program writing to the history: no one else writes until it lets go (in WAL mode
    reading goes on; the History window's rows wait for the running session's last second to be
    saved, so they wait too)."""
    other = sqlite3.connect(path, isolation_level=None, timeout=10)
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE IF NOT EXISTS _held (x)")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.fixture
def window(qtbot, worker, tmp_path):
    """A shown window whose store would wait a whole minute for a lock (on whichever thread asks)."""
    store = SessionStore(tmp_path / "history.sqlite3", wait_s=60.0)
    win = MainWindow(Preferences(sound=False, notifications=False), PreferencesFile(tmp_path / "p.json"),
                     worker, settings_scope="fm-tests", store=store)
    qtbot.addWidget(win)
    win.show()
    return win


def test_history_the_end_card_and_a_note_wait_on_their_own_thread(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "history.sqlite3"
    window.conversation.start_session(SessionClock(), "demo", "Demo strap", "demo")
    play_until(window, ARGUMENT.samples(seed=7, source="Demo strap"), lambda: window.clock.t > 120)
    qtbot.waitUntil(lambda: window.recorder.session_id is not None, timeout=10_000)
    window.recorder.flush()
    cards: list[str] = []
    monkeypatch.setattr(conversation_end.SummaryCard, "exec",
                        lambda card: cards.append(card.text.text()) or QDialog.DialogCode.Accepted)
    monkeypatch.setattr(conversation_end.JournalDialog, "exec", lambda self: 1)
    monkeypatch.setattr(conversation_end.JournalDialog, "is_empty", lambda self: False)
    monkeypatch.setattr(conversation_end.JournalDialog, "values", lambda self: {"trigger": "money"})

    with held_by_another_program(path):
        window.history_door.open()
        history = window.history_door.window
        assert history.busy and history.table.row_count() == 0  # asked, not answered: nothing waited
        window.conversation_end.end()
        assert not window.controller.running and cards == []  # the card comes when the session is closed
    settled(qtbot, history)
    qtbot.waitUntil(lambda: bool(cards) and not window.history_reader.busy, timeout=20_000)
    assert history.table.row_count() == 1
    sid = history.selected_id()
    assert "2 min together" in cards[0]
    check = SessionStore(path)
    assert check.session(sid).ended_at is not None
    assert [n.trigger for n in check.notes(sid)] == ["money"]


def test_a_session_starts_while_the_history_is_held(qtbot, window, tmp_path):
    """Creating the session's row waits on the writer's thread; the rate is on screen at once."""
    path = tmp_path / "history.sqlite3"
    with held_by_another_program(path):
        window.conversation.start_session(SessionClock(), "demo", "Demo strap", "demo")
        play_until(window, ARGUMENT.samples(seed=7, source="Demo strap"), lambda: window.clock.t > 30)
        assert window.controller.session.first.latest is not None and window.recorder.session_id is None
    qtbot.waitUntil(lambda: window.recorder.session_id is not None, timeout=20_000)
    window.recorder.flush()
    assert SessionStore(path).sample_count(window.recorder.session_id) > 25
