"""Every dialog fits the screen it opens on, at every text size (issue 26).

For Settings, the strap dialog (its no-adapter message), the journal and
the summary card, on screens of 800x550, 1366x768 and 3840x2160, at 100 %
and 250 % of the app's text setting and with the text doubled as the
system's large-text setting (font DPI 192) does: the dialog is no larger
than the screen's room, its buttons are inside it, no text is cut, and
nothing needs a horizontal scroll (what does not fit scrolls down).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QScrollArea, QWidget

from flooding_monitor.review.history import SessionSummary
from flooding_monitor.live.preferences import Preferences
from ui import screen_fit
from ui.theme import apply_theme

from .layout_checks import SLACK, clipped, shown

SCREENS = [(800, 550), (1366, 768), (3840, 2160)]
TEXT = [("100 %", 1.0, 1.0), ("250 %", 2.5, 1.0), ("system DPI 192", 1.0, 2.0)]


def _summary() -> SessionSummary:
    import datetime as dt

    return SessionSummary(id=1, started_at=dt.datetime(2026, 12, 5, 20, 0), duration_s=3600, device_name="Demo",
                          episodes=2, flooded_s=420, peak_bpm=121, pauses=1, median_recovery_s=1260, notes=0,
                          partner_names=("Sam", "Alex"), episodes_by_partner=(1, 1))


def _dialogs(worker):
    from devices.errors import NoAdapter
    from ui.conversation_end import SummaryCard
    from ui.device_dialog import DeviceDialog
    from ui.journal_dialog import JournalDialog
    from ui.settings_dialog import SettingsDialog
    from ui.check_in_dialog import CheckInDialog
    from ui.report_flow import ShareNotesDialog
    from flooding_monitor.storage.store import NoteRow

    notes = [NoteRow("2026-12-05T21:02:00", "He looked at his phone while I was talking about my day", "Hot face",
                     "", "", "", 0), NoteRow("2026-12-05T21:10:00", "Money again", "", "I went quiet", "", "", 1)]
    strap = DeviceDialog(worker)
    strap._scanned = True  # no scan: the no-adapter message, as on a computer without Bluetooth
    strap.message.setText(str(NoAdapter()) + " " + strap.tr("Or choose the demo strap above to try the app."))
    from PySide6.QtCore import QObject, Signal

    from ui.practice_dialog import PracticeDialog

    class Strap(QObject):
        sample = Signal(object)

    strap_signal = Strap()
    practice = PracticeDialog(None, strap_signal.sample, 0, "Sam", lambda: 0.0)
    practice.strap_signal = strap_signal  # kept alive with the dialog
    return {"settings": SettingsDialog(Preferences()), "strap": strap, "journal": JournalDialog(),
            "breathing practice": practice,
            "journal of two": JournalDialog(writers=("Sam", "Alex")), "summary": SummaryCard(_summary()),
            "summary in the room view": SummaryCard(_summary(), large=True),
            "report notes": ShareNotesDialog(notes, names={0: "Sam", 1: "Alex"}), "check-in": CheckInDialog()}


def _problems(dialog: QWidget, room: QSize) -> list[str]:
    found = []
    if dialog.width() > room.width() or dialog.height() > room.height():
        found.append(f"{dialog.width()}x{dialog.height()} on a screen with room for {room.width()}x{room.height()}")
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            where = button.mapTo(dialog, button.rect().bottomRight())
            if button.isVisible() and (where.x() > dialog.width() + 2 or where.y() > dialog.height() + 2):
                found.append(f"button {button.text()!r} outside the dialog")
    for area in dialog.findChildren(QScrollArea):
        if area.widget() is not None and area.widget().width() > area.viewport().width() + 2:
            found.append(f"{type(area.widget()).__name__} wider than its view: scrolls sideways")
    for w in dialog.findChildren(QWidget):
        if shown(w) and isinstance(w, (QLabel, QAbstractButton)):
            why = clipped(w)
            if why:
                found.append(f"{type(w).__name__} {w.text()[:40]!r}: {why}")
    return found


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("text", "scale", "dpi"), TEXT, ids=[t[0] for t in TEXT])
def test_every_dialog_fits_its_screen(qtbot, worker, monkeypatch, screen, text, scale, dpi):
    app = QApplication.instance()
    font = app.font()
    room = QSize(screen[0] - screen_fit.EDGE_PX, screen[1] - screen_fit.EDGE_PX)
    monkeypatch.setattr(screen_fit, "screen_room", lambda widget: room)
    apply_theme(app, "light", scale)
    if dpi != 1.0:  # the system's large text: every point size in pixels doubles
        big = app.font()
        big.setPointSizeF(big.pointSizeF() * dpi)
        app.setFont(big)
    try:
        seen = {}
        for name, dialog in _dialogs(worker).items():
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.wait(20)
            seen[name] = _problems(dialog, room)
            dialog.hide()
        assert {k: v for k, v in seen.items() if v} == {}
    finally:
        app.setFont(font)


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_history_opens_within_its_screen(qtbot, monkeypatch, screen, tmp_path):
    """It opened at 1150x760 whatever the screen: on an 800x550 laptop, its buttons were off it."""
    from flooding_monitor.storage.store import SessionStore

    from .helpers import history_window

    room = QSize(screen[0] - screen_fit.EDGE_PX, screen[1] - screen_fit.EDGE_PX)
    monkeypatch.setattr(screen_fit, "screen_room", lambda widget: room)
    history = history_window(qtbot, SessionStore(tmp_path / "h.sqlite3"))
    assert history.width() <= room.width() and history.height() <= room.height()
    assert (history.width(), history.height()) == (min(1150, room.width()), min(760, room.height()))


@pytest.mark.parametrize("screen", SCREENS[:2], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(("text", "scale", "dpi"), TEXT, ids=[t[0] for t in TEXT])
def test_history_shows_three_sessions_and_the_chosen_one_at_any_text_size(qtbot, monkeypatch, tmp_path, screen,
                                                                          text, scale, dpi):
    """At 250 % on a 768-px screen the chosen session's minimum heights squeezed the list to one and a
    half rows; the session now scrolls under a list of at least three whole rows."""
    import datetime as dt

    from flooding_monitor.storage.store import SessionStore

    from .helpers import history_window

    store = SessionStore(tmp_path / "h.sqlite3")
    for day in range(5):
        sid = store.create_session(dt.datetime(2026, 11, 20 + day, 20, 0), "demo", "Demo strap", None, {})
        store.end_session(sid, dt.datetime(2026, 11, 20 + day, 20, 40), 2400.0)
    app = QApplication.instance()
    font = app.font()
    room = QSize(screen[0] - screen_fit.EDGE_PX, screen[1] - screen_fit.EDGE_PX)
    monkeypatch.setattr(screen_fit, "screen_room", lambda widget: room)
    apply_theme(app, "light", scale)
    if dpi != 1.0:
        big = app.font()
        big.setPointSizeF(big.pointSizeF() * dpi)
        app.setFont(big)
    try:
        history = history_window(qtbot, store)
        history.show()
        qtbot.waitUntil(lambda: history.table.row_count() == 5, timeout=10_000)
        qtbot.wait(50)
        table = history.table
        whole_rows = (table.viewport().height()) // table.verticalHeader().defaultSectionSize()
        assert whole_rows >= 3, f"{whole_rows} rows of the list show"
        plot = history.detail.plot
        assert plot.isVisible() and plot.height() >= plot.minimumHeight()
        assert history.height() <= room.height()
    finally:
        app.setFont(font)
        apply_theme(app, "light", 1.0)


def test_the_end_card_reads_from_the_sofa_after_a_room_view_evening(qtbot, monkeypatch):
    """Issue 26: the room view's evening ended on a card in the window's 13-px text, full screen at 4K."""
    from PySide6.QtGui import QFontInfo

    from ui.conversation_end import SummaryCard

    room = QSize(3840 - screen_fit.EDGE_PX, 2160 - screen_fit.EDGE_PX)
    monkeypatch.setattr(screen_fit, "screen_room", lambda widget: room)
    card = SummaryCard(_summary(), large=True)
    qtbot.addWidget(card)
    card.show()
    assert QFontInfo(card.text.font()).pixelSize() >= 0.03 * room.height()
    assert card.width() <= room.width() and card.height() <= room.height()
    small = SummaryCard(_summary())
    qtbot.addWidget(small)
    assert QFontInfo(small.text.font()).pixelSize() < 0.02 * room.height()


def test_trends_keep_their_charts_readable_at_large_text_on_a_small_screen(qtbot):
    """At 250 % on 800x550 the four weekly charts were 40 px tall, their ticks on top of each other and
    their titles cut: they now stand one above the other when their titles cannot sit side by side,
    each tall enough for its numbers, and scroll."""
    from PySide6.QtGui import QFontMetrics

    from ui.trends_view import TrendsView

    app = QApplication.instance()
    apply_theme(app, "light", 2.5)
    try:
        view = TrendsView()
        qtbot.addWidget(view)
        view.resize(780, 400)
        view.show()
        qtbot.wait(20)
        assert view.columns == 1
        for key, plot in view.plots.items():
            assert plot.height() >= 7 * view.fontMetrics().height()
            assert QFontMetrics(plot.font()).horizontalAdvance(view.titles[key]) < plot.width()
        apply_theme(app, "light", 1.0)
        wide = TrendsView()  # History is made anew each time it opens, in the text size of the moment
        qtbot.addWidget(wide)
        wide.resize(1300, 700)
        wide.show()
        qtbot.wait(20)
        assert wide.columns == 2
    finally:
        apply_theme(app, "light", 1.0)


def test_the_chosen_session_scrolls_rather_than_squeeze_its_chart_under_its_legend(qtbot, monkeypatch, tmp_path):
    """At 250 % the session shown after the list came needed more height than the empty detail before it;
    the scroll area kept the old size and the chart's minutes were drawn under the legend."""
    from .session_samples import lived_session

    store, _ = lived_session(tmp_path)
    room = QSize(800 - screen_fit.EDGE_PX, 550 - screen_fit.EDGE_PX)
    monkeypatch.setattr(screen_fit, "screen_room", lambda widget: room)
    app = QApplication.instance()
    apply_theme(app, "light", 2.5)
    try:
        from ui.history_reader import HistoryReader
        from ui.history_window import HistoryWindow

        reader = HistoryReader(store)
        history = HistoryWindow(reader)  # shown before its rows come, as the app opens it
        qtbot.addWidget(history, before_close_func=lambda _: reader.close())
        history.show()
        detail = history.detail
        qtbot.waitUntil(lambda: " — " in detail.title.text(), timeout=10_000)  # a session is shown
        qtbot.wait(50)
        least = detail.layout().totalMinimumHeightForWidth(detail.width())
        assert detail.height() >= least - SLACK
        below = [w for w in detail.findChildren(QWidget) if w.parent() is detail and w.isVisible()
                 and w.geometry().top() > detail.plot.geometry().top()]
        assert all(w.geometry().top() >= detail.plot.geometry().bottom() for w in below)
    finally:
        apply_theme(app, "light", 1.0)
