"""A conversation has an end: the session closes, a card says how it went, a note can follow."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from devices.scenarios import ARGUMENT
from flooding_monitor.live.preferences import Preferences, PreferencesFile
from flooding_monitor.storage.store import SessionStore
from ui import conversation_end
from ui.main_window import MainWindow

from .helpers import SessionClock, play_until


def test_ending_a_conversation_closes_it_and_sums_it_up(qtbot, worker, tmp_path, monkeypatch):
    store = SessionStore(tmp_path / "history.sqlite3")
    window = MainWindow(Preferences(sound=False, notifications=False), PreferencesFile(tmp_path / "p.json"),
                        worker, settings_scope="fm-tests", store=store)
    qtbot.addWidget(window)
    window.show()
    window.conversation.start_session(SessionClock(), "demo", "Demo strap", "demo")
    samples = ARGUMENT.samples(seed=7, source="Demo strap")
    play_until(window, samples, lambda: bool(window.controller.session.episodes) and window.controller.session.episodes[-1].end_s)
    sid = window.recorder.session_id
    shown: list[str] = []
    charts: list = []
    notes: list[dict] = []

    def card_exec(card) -> int:
        shown.append(card.text.text())
        charts.append(card.chart)
        return QDialog.DialogCode.Accepted  # "Add a note…"

    monkeypatch.setattr(conversation_end.SummaryCard, "exec", card_exec)
    monkeypatch.setattr(conversation_end.JournalDialog, "exec", lambda self: 1)
    monkeypatch.setattr(conversation_end.JournalDialog, "is_empty", lambda self: False)
    monkeypatch.setattr(conversation_end.JournalDialog, "values", lambda self: notes.append(1) or {"trigger": "money"})
    window.store_banner.say("The alert cannot chime: no player.")  # a note of this conversation ...
    window.conversation_end.end()
    assert not window.store_banner.label.isVisible()  # ... goes with it
    assert not window.controller.running
    qtbot.waitUntil(lambda: bool(shown) and not window.history_reader.busy, timeout=20_000)
    info = store.session(sid)
    assert info.ended_at is not None and info.closed_by == "app"
    assert "1 flooding episode," in shown[0] and "together" in shown[0]
    from flooding_monitor.review.stored_session import read_session

    stored = read_session(store, sid)
    peak = max(float(a.ticks.hr_bpm[a.ticks.valid].max()) for a in stored.analyses)
    assert f"The highest heart rate: {peak:.0f} bpm." in shown[0]
    assert charts[0] is not None and not charts[0].pixmap().isNull()  # the evening at a glance
    assert [n.trigger for n in store.notes(sid)] == ["money"]
    assert window.start_card.isVisible(), "the first card comes back: a new conversation can start"
    bar = window.connection_bar.label.text()  # not "Connected to Demo strap · no data", which reads as a fault
    assert bar == "No conversation running: the straps are free."


def quiet_window(qtbot, worker, tmp_path, **prefs) -> MainWindow:
    """A shown window with its own history, no sound and no notifications."""
    window = MainWindow(Preferences(sound=False, notifications=False, **prefs), PreferencesFile(tmp_path / "p.json"),
                        worker, settings_scope="fm-tests", store=SessionStore(tmp_path / "h.sqlite3"))
    qtbot.addWidget(window)
    window.show()
    return window


def test_opening_the_app_with_a_known_strap_waits_for_start_conversation(qtbot, worker, tmp_path, monkeypatch):
    """A session is a conversation: the app opens on the start card, 'Start conversation' is the advised
    button, and it connects both straps of last time."""
    from PySide6.QtCore import Qt

    from ui.app import _connect_straps
    from ui.terminal.cli import build_parser

    window = quiet_window(qtbot, worker, tmp_path, last_device_name="Polar H10 A1B2C3D4", last_device_address="AA:BB",
                          second_device_name="TICKR 1234", second_device_address="CC:DD")
    opened: list[tuple] = []
    monkeypatch.setattr(window.conversation, "start", opened.append)
    _connect_straps(window, build_parser().parse_args([]))
    assert opened == [] and not window.controller.running  # nothing recorded until they start
    card = window.start_card
    assert card.isVisible() and card.start.isVisible() and card.start.isDefault()
    assert card.start.text() == "Start conversation"
    assert card.known.text() == "“Start conversation” connects the straps used last time: Polar H10 A1B2C3D4, TICKR 1234."
    assert card.choose.text() == "Choose another strap…" and not card.choose.isDefault()
    qtbot.mouseClick(card.start, Qt.MouseButton.LeftButton)
    assert [(plan.kind, plan.first, plan.second) for plan in opened] == [
        ("ble", ("AA:BB", "Polar H10 A1B2C3D4"), ("CC:DD", "TICKR 1234"))]


def test_a_first_run_has_no_start_button_only_choose_and_demo(qtbot, worker, tmp_path):
    window = quiet_window(qtbot, worker, tmp_path)
    card = window.start_card
    assert not card.start.isVisible() and card.choose.isDefault() and card.choose.text() == "Choose my strap…"


def test_ending_or_adding_to_a_conversation_is_greyed_until_one_runs(qtbot, worker, tmp_path):
    from ui.main_window import END_CONVERSATION, SECOND_STRAP

    window = quiet_window(qtbot, worker, tmp_path)
    bar = window.connection_bar
    assert not bar.buttons[END_CONVERSATION].isEnabled()  # from the first frame, before any refresh
    window.refresh()
    assert not bar.buttons[END_CONVERSATION].isEnabled() and not bar.buttons[SECOND_STRAP].isEnabled()
    window.conversation.start_session(SessionClock(), "demo", "Demo strap", "demo")
    window.refresh()
    assert bar.buttons[END_CONVERSATION].isEnabled()
    bar.setFixedWidth(420)  # a bar this narrow (large text) puts it under "More…"
    qtbot.waitUntil(lambda: bar.width() == 420)
    assert not bar.buttons[END_CONVERSATION].isVisible()  # the menu's entry is live too:
    action = bar.more.menu().actions()[END_CONVERSATION]
    assert action.isVisible() and action.isEnabled()


def test_a_session_the_straps_left_ends_with_a_card_that_says_so(qtbot, worker, tmp_path, monkeypatch):
    """The runner ends a session no strap has spoken to for an hour; the card says why, nothing is asked."""
    window = quiet_window(qtbot, worker, tmp_path)
    window.conversation.start_session(SessionClock(), "demo", "Demo strap", "demo")
    play_until(window, ARGUMENT.samples(seed=7, source="Demo strap"), lambda: window.clock.t > 60)
    qtbot.waitUntil(lambda: window.recorder.session_id is not None)  # the writer creates the row on its thread
    sid = window.recorder.session_id
    shown: list[str] = []
    monkeypatch.setattr(conversation_end.SummaryCard, "exec", lambda card: shown.append(card.text.text()) or 0)
    window.bridge.ended.emit("lost")
    qtbot.waitUntil(lambda: bool(shown) and not window.history_reader.busy, timeout=20_000)
    assert not window.controller.running and window.store.session(sid).closed_by == "lost"
    assert "No strap had sent a heart rate for 60 minutes" in shown[0]


def test_ending_in_the_room_view_shows_the_end_card_for_the_sofa(qtbot, worker, tmp_path, monkeypatch):
    """The room view's evening ends on a card drawn larger than the window's (ui.conversation_end.ROOM_TEXT_SHARE)."""
    window = quiet_window(qtbot, worker, tmp_path)
    window.conversation.start_session(SessionClock(), "demo", "Demo strap", "demo")
    play_until(window, ARGUMENT.samples(seed=7, source="Demo strap"), lambda: window.clock.t > 120)
    zooms: list[float] = []
    monkeypatch.setattr(conversation_end.SummaryCard, "exec", lambda card: zooms.append(card.zoom) or 0)
    window.room.set(True)
    window.conversation_end.end()
    qtbot.waitUntil(lambda: bool(zooms), timeout=20_000)
    window.room.set(False)
    assert zooms[0] > 1.0


def test_the_end_cards_chart_follows_a_switch_to_the_dark_theme(qtbot, tmp_path):
    """The card's chart is a picture drawn in the window's colours: it is drawn again when the theme changes."""
    from PySide6.QtWidgets import QApplication

    from flooding_monitor.review.history import summarize
    from flooding_monitor.review.stored_session import read_session
    from ui.conversation_end import SummaryCard
    from ui.theme import apply_theme

    from .session_samples import lived_session

    store, sid = lived_session(tmp_path)
    card = SummaryCard(summarize(store.summary_rows(session_id=sid)[0]), None, "app", read_session(store, sid))
    qtbot.addWidget(card)
    corner = lambda: card.chart.pixmap().toImage().pixelColor(2, 2).lightness()  # noqa: E731
    assert corner() > 200
    app = QApplication.instance()
    try:
        apply_theme(app, "dark")
        QApplication.sendPostedEvents()
        qtbot.waitUntil(lambda: corner() < 80, timeout=5_000)
    finally:
        apply_theme(app, "light")
