"""The screens hold from a small laptop window to a 4K screen and at the largest text size.

Each screen of an evening (monitor with the alert, pause, return) is laid out
at the extremes and inspected: a label whose text needs more room than it
got is cut off on screen, a button narrower than its text hides words, a
widget outside the window is not seen, and two widgets side by side must not
cover each other (the alert is meant to lie over the trace).
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from devices.scenarios import ARGUMENT
from flooding_monitor.live.preferences import Preferences, PreferencesFile
from ui.main_window import MainWindow
from ui.alert_banner import AlertBanner
from ui.start_card import StartCard
from ui.theme import apply_theme

from .helpers import SessionClock, play_until
from .layout_checks import SLACK, clipped, shown

def problems(window: QWidget, root: QWidget) -> list[str]:
    found = []
    inside = window.rect()
    for w in [root, *root.findChildren(QWidget)]:
        if not shown(w) or w.window() is not window:
            continue
        text = w.text() if isinstance(w, (QLabel, QAbstractButton)) else ""
        name = f"{type(w).__name__} {text!r:.50}"
        why = clipped(w)
        if why:
            found.append(f"{name}: {why}")
        where = QRect(w.mapTo(window, w.rect().topLeft()), w.size())
        if not inside.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(where):
            found.append(f"{name}: outside the window ({where.getRect()} in {inside.getRect()})")
    for parent in [root, *root.findChildren(QWidget)]:
        children = [c for c in parent.children() if isinstance(c, QWidget) and shown(c) and not c.isWindow()
                    and not isinstance(c, (AlertBanner, StartCard))]  # overlays, meant to cover
        for a, b in itertools.combinations(children, 2):
            overlap = a.geometry().intersected(b.geometry())
            if overlap.width() > SLACK and overlap.height() > SLACK:
                found.append(f"{type(a).__name__} and {type(b).__name__} overlap in {type(parent).__name__}")
    return found


def settle(window: QWidget, qtbot) -> None:
    """Let pending layout passes finish (a banner that just appeared moves the page down on the next
    one): what is inspected is what the user sees after this frame."""
    for _ in range(3):
        qtbot.wait(10)
        window.centralWidget().layout().activate()


CASES = [((800, 550), 1.0, False), ((800, 550), 2.5, False), ((1366, 705), 2.5, False),
         ((3840, 2160), 1.0, False), ((3840, 2160), 2.5, False), ((800, 550), 1.0, True),
         ((1920, 1080), 2.5, True), ((3840, 2160), 1.0, True)]


@pytest.mark.parametrize(("size", "text_scale", "room"), CASES, ids=lambda v: str(v))
def test_every_screen_shows_all_of_its_text(qtbot, worker, tmp_path, size, text_scale, room):
    app = QApplication.instance()
    font = app.font()
    apply_theme(app, "light", text_scale)
    try:
        window = MainWindow(Preferences(font_scale=text_scale), PreferencesFile(tmp_path / "p.json"), worker,
                            settings_scope="fm-layout")
        qtbot.addWidget(window)
        window.show()
        seen = {}
        if not room:  # the first card, for someone with two straps from last time
            window.resize(*size)
            window.start_card.set_known(["Polar H10 A1B2C3D4", "TICKR 1234"])
            settle(window, qtbot)
            seen["start card"] = problems(window, window)
        window.conversation.start_session(SessionClock(), "demo", "Demo strap (simulated)", "demo")
        if room:
            window.room.set(True)
            window.showNormal()  # offscreen: the window stands in for a screen of this size
        window.resize(*size)
        samples = ARGUMENT.samples(seed=7, source="Demo strap")
        play_until(window, samples, lambda: window.controller.session.alert_active)
        window.refresh()
        settle(window, qtbot)
        seen["monitor with the alert"] = problems(window, window)
        if room:  # the alert lies at the foot: the states above it, the way out below it (both were covered)
            page = window.monitor_page
            top = page.alert.geometry().top()
            for panel in page.panels:
                state = panel.state_label
                assert state.mapTo(page, state.rect().bottomLeft()).y() <= top + SLACK, "a state under the alert"
            leave = page.leave_button.geometry()
            assert leave.top() >= page.alert.geometry().bottom() - SLACK and page.leave_button.isVisible()
        window.start_pause("alert")
        window.refresh()
        settle(window, qtbot)
        seen["pause"] = problems(window, window)
        window.stack.setCurrentWidget(window.return_page)
        window.return_page.refresh(window.now())
        settle(window, qtbot)
        seen["return"] = problems(window, window)
        assert {k: v for k, v in seen.items() if v} == {}
        answers = (window.return_page.back_button, window.return_page.plus5, window.return_page.plus10)
        advised = next(b for b in answers if b.isDefault())
        sizes = [QFontInfo(b.font()).pixelSize() for b in answers]  # "Return anyway" was 3x "+5 minutes"
        assert QFontInfo(advised.font()).pixelSize() == max(sizes) and max(sizes) - min(sizes) <= 1, sizes
        if room:  # the return screen is read from the sofa too (it was ~13 px on a full screen)
            page = window.return_page
            assert page.title.font().pixelSize() >= 0.05 * size[1] and page.body.font().pixelSize() >= 0.025 * size[1]
    finally:
        app.setFont(font)


@pytest.mark.parametrize("size", [(800, 550), (1920, 1080), (3840, 2160)], ids=str)
def test_two_partners_in_the_room_view_keep_to_their_own_half(qtbot, worker, tmp_path, size):
    """The widest rate ("1xx bpm") and the widest state stay inside each partner's panel: at 1920x1080
    "100 bpm" pushed the second panel aside and "↗ Speeding up" ran into its "● Calm"."""
    from dataclasses import replace
    import heapq

    from devices.scenarios import WITHDRAW
    from flooding_monitor.live.partners import Partner

    prefs = Preferences(partners=(Partner("Partner A", "#3b82c4"), Partner("Partner B", "#c27c0e")))
    window = MainWindow(prefs, PreferencesFile(tmp_path / "p.json"), worker, settings_scope="fm-layout")
    qtbot.addWidget(window)
    window.show()
    window.conversation.start_session(SessionClock(), "demo", "Strap A", "demo")
    window.controller.add_partner(1, "Strap B")
    window.room.set(True)
    window.showNormal()
    window.resize(*size)
    a = ARGUMENT.samples(seed=7, source="Strap A")
    b = (replace(s, partner=1) for s in WITHDRAW.samples(seed=11, source="Strap B", start_s=0.4))
    play_until(window, heapq.merge(a, b, key=lambda s: s.t_s),
               lambda: (window.controller.session.people[0].latest or None) is not None
               and window.controller.session.people[0].latest.tick.hr_bpm >= 100)
    settle(window, qtbot)
    page = window.monitor_page
    first, second = page.panels
    first.state_label.setText("◔  " + "Measuring your resting rate")  # the widest state, wrapped
    settle(window, qtbot)
    gap = second.geometry().left() - first.geometry().right()
    assert gap >= 24, f"the panels {gap} px apart"
    for panel in page.panels:
        right = max(panel.hr_label.geometry().right(), panel.unit_label.geometry().right())
        assert right <= panel.width(), f"the rate reaches {right} in a {panel.width()} px panel"
        label = panel.state_label
        assert label.heightForWidth(label.width()) <= label.height() + SLACK
        width = max(label.fontMetrics().horizontalAdvance(word) for word in label.text().split("  ")[1].split())
        assert width <= label.width()
    assert problems(window, window) == []


def test_the_pause_in_the_room_view_shows_its_way_out(qtbot, worker, tmp_path):
    """Only the circle and the time: the pause in the room view had no visible way back."""
    window = MainWindow(Preferences(), PreferencesFile(tmp_path / "p.json"), worker, settings_scope="fm-layout")
    qtbot.addWidget(window)
    window.show()
    window.conversation.start_session(SessionClock(), "demo", "Demo strap (simulated)", "demo")
    window.start_pause("manual")
    window.room.set(True)
    window.showNormal()
    window.resize(1920, 1080)  # offscreen: the window stands in for a screen of this size
    leave = window.pause_page.leave_room
    assert leave.isVisible() and "Esc" in leave.text() and not window.pause_page.early.isVisible()
    assert QFontInfo(leave.font()).pixelSize() >= 0.02 * window.pause_page.height()  # read from the sofa
    leave.click()
    assert not window.room.on and not leave.isVisible() and window.pause_page.early.isVisible()
    assert window.controller.session.pause is not None  # the pause goes on


@pytest.mark.parametrize("size", [(800, 550), (1366, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_larger_text_never_makes_the_heart_rate_smaller(qtbot, worker, tmp_path, size):
    """At 250 % the taller top bar shrank the digits (106 to 97 px at 1366x768): the rate follows the window."""
    app = QApplication.instance()
    font = app.font()
    digits = {}
    try:
        for scale in (1.0, 2.5):
            apply_theme(app, "light", scale)
            window = MainWindow(Preferences(font_scale=scale), PreferencesFile(tmp_path / f"{scale}.json"), worker,
                                settings_scope="fm-layout")
            qtbot.addWidget(window)
            window.show()
            window.conversation.start_session(SessionClock(), "demo", "Demo strap (simulated)", "demo")
            window.resize(*size)
            play_until(window, ARGUMENT.samples(seed=7, source="Demo strap"), lambda: window.clock.t > 20)
            window.refresh()
            settle(window, qtbot)
            digits[scale] = QFontInfo(window.monitor_page.hr_label.font()).pixelSize()
            assert problems(window, window) == []
            window.close()
    finally:
        app.setFont(font)
    assert digits[2.5] >= digits[1.0], digits


def test_the_traces_threshold_words_stand_inside_the_plot_in_the_windows_text_size(qtbot):
    """At 250 % the label "threshold 100" was drawn in the application's font, centred on the plot's left
    edge: "shold 100", half the plot wide."""
    from PySide6.QtGui import QFont

    from ui.widgets.trace import HeartRateTrace

    app = QApplication.instance()
    before = app.font()
    big = QFont(before)
    big.setPointSizeF(before.pointSizeF() * 2.5)
    app.setFont(big)
    try:
        trace = HeartRateTrace()
        qtbot.addWidget(trace)
        small = QFont(before)
        trace.setFont(small)  # the main window fits its text to its size: the trace follows the window
        trace.resize(700, 200)
        trace.threshold_line.setValue(100)
        trace.show()
        qtbot.wait(20)
        label = trace.threshold_line.label
        assert label.textItem.font().pointSizeF() == pytest.approx(small.pointSizeF())
        box = trace.plotItem.vb.sceneBoundingRect()
        words = label.mapRectToScene(label.boundingRect())
        assert box.contains(words), f"{words} not inside {box}"
    finally:
        app.setFont(before)


def test_the_alert_follows_the_trace_when_a_state_takes_a_second_line(qtbot, worker, tmp_path):
    """Two partners at 800x550 and 250 % with a banner: the flooded partner's words took a second line as
    the alert came, the trace moved down, and the alert stayed where the trace had been, over both
    partners' thresholds."""
    from .session_samples import couple

    app = QApplication.instance()
    font = app.font()
    apply_theme(app, "light", 2.5)
    try:
        window = MainWindow(Preferences(font_scale=2.5), PreferencesFile(tmp_path / "p.json"), worker,
                            settings_scope="fm-layout")
        qtbot.addWidget(window)
        window.show()
        window.resize(800, 550)
        window.conversation.start_session(SessionClock(), "demo", "Demo strap", "demo")
        window.controller.add_partner(1, "Demo strap B")
        window.store_banner.say("The alert cannot chime: this computer has no sound player the app knows.")
        play_until(window, couple(), lambda: window.controller.session.alert_active)
        settle(window, qtbot)
        page = window.monitor_page
        assert page.alert.isVisible() and page.alert.geometry().top() >= page.trace.geometry().top() - SLACK
        for panel in page.panels:
            words = panel.threshold_label
            assert words.mapTo(page, words.rect().bottomLeft()).y() <= page.alert.geometry().top() + SLACK
    finally:
        app.setFont(font)
        apply_theme(app, "light", 1.0)


SYSTEM_LARGE_TEXT = r"""
from PySide6.QtWidgets import QApplication, QLabel, QWidget
app = QApplication([])
import pathlib, tempfile
from flooding_monitor.live.preferences import Preferences, PreferencesFile
from tests.helpers import SessionClock, play_until
from tests.layout_checks import clipped, shown
from tests.session_samples import couple
from ui.main_window import MainWindow
from ui.worker import DeviceWorker
worker = DeviceWorker()
window = MainWindow(Preferences(), PreferencesFile(pathlib.Path(tempfile.mkdtemp()) / "p.json"), worker,
                    settings_scope="fm-layout-dpi")
window.show()
window.resize(800, 550)
window.conversation.start_session(SessionClock(), "demo", "Demo strap (simulated)", "demo")
window.controller.add_partner(1, "Demo strap B (simulated)")
play_until(window, couple(), lambda: window.clock.t > 90)  # both talking, rising: the longest words
for _ in range(5):
    app.processEvents()
    window.centralWidget().layout().activate()
rates = [panel.hr_label for panel in window.monitor_page.panels]
cut = [f"{w.text()[:30]!r}: {clipped(w)}" for w in window.findChildren(QLabel)
       if shown(w) and clipped(w) and w not in rates]
rate_share = min(w.height() / w.minimumSizeHint().height() for w in rates)
print(window.logicalDpiY(), "CUT" if cut else "WHOLE", round(rate_share, 2), cut)
window.controller.finish(); window.close(); worker.stop()
"""


def test_the_systems_large_text_fits_the_smallest_window(tmp_path):
    """With the system's large text (font DPI 192, no scaling) at 800x550 the main window was drawn twice
    too large for itself: every rate, state and the start card's steps cut. A process of its own: the
    font DPI is read when Qt starts."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_FONT_DPI": "192", "QT_ENABLE_HIGHDPI_SCALING": "0",
           "FLOODING_MONITOR_CONFIG_DIR": str(tmp_path), "FLOODING_MONITOR_DATA_DIR": str(tmp_path),
           "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parent.parent), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", SYSTEM_LARGE_TEXT], capture_output=True, text=True, env=env,
                         timeout=120, cwd=tmp_path)
    dpi, verdict, rate_share, *_ = out.stdout.split(maxsplit=3) + ["", "", "", ""]
    assert (dpi, verdict) == ("192", "WHOLE"), out.stdout + out.stderr[-2000:]
    # Still open: with a banner showing the digits keep about four fifths of their height (the rate is sized
    # from the window, for a top bar of 102 px); every word around them is whole.
    assert float(rate_share) >= 0.75, out.stdout
