"""The pause protocol and the breathing pacer's timing."""

import datetime as dt
from pathlib import Path

import pytest

from flooding_monitor.protocol.breathing import PATTERNS, BreathingPattern
from flooding_monitor.protocol.pause import format_clock, format_countdown, start_pause

NOW = dt.datetime(2026, 11, 20, 15, 22)


def test_pause_lasts_at_least_twenty_minutes_and_names_the_return_time():
    with pytest.raises(ValueError, match="at least 20 minutes"):
        start_pause(0.0, NOW, 10 * 60)
    p = start_pause(100.0, NOW, 20 * 60, "manual")
    assert format_clock(p.return_wall) == "15:42"
    assert p.remaining_s(700.0) == 600.0 and not p.is_due(700.0)
    p.extend(5)
    assert p.due_s == 100.0 + 25 * 60 and format_clock(p.return_wall) == "15:47"
    assert p.is_due(100.0 + 25 * 60)
    p.end(100.0 + 25 * 60, recovered=True)
    assert not p.ended_early and p.recovered and not p.active


def test_ending_early_is_recorded():
    p = start_pause(0.0, NOW)
    p.end(300.0, recovered=False)
    assert p.ended_early and p.recovered is False
    p.end(2000.0, recovered=True)  # the first end stands
    assert p.ended_s == 300.0


def test_clock_and_countdown_formats():
    t = dt.datetime(2026, 1, 1, 15, 42)
    assert format_clock(t) == "15:42"
    assert format_clock(t, twelve_hour=True) == "3:42 PM"
    assert format_clock(t.replace(hour=0, minute=5), twelve_hour=True) == "12:05 AM"
    assert format_countdown(20 * 60) == "20:00" and format_countdown(3725) == "1:02:05"


def test_default_pacer_is_six_breaths_a_minute_with_a_longer_exhale():
    p = BreathingPattern()
    assert p.breaths_per_minute == 6.0
    assert p.at(0.0).prompt == "Breathe in" and p.at(0.0).size == 0.0
    assert p.at(4.0).prompt == "Breathe out" and p.at(4.0).size == pytest.approx(1.0)
    assert p.at(9.99).size < 0.01 and p.at(10.0).prompt == "Breathe in"
    sizes = [p.at(t / 10).size for t in range(0, 41)]
    assert sizes == sorted(sizes)  # the shape only grows while breathing in


def test_cyclic_sighing_tops_up_then_exhales():
    p = PATTERNS["cyclic sighing"]
    assert [p.at(t).name for t in (1.0, 3.5, 5.0)] == ["in", "top-up", "out"]
    assert p.at(2.99).size < p.at(3.9).size <= 1.0


def test_pacer_limits():
    with pytest.raises(ValueError):
        BreathingPattern(inhale_s=1.0)
    with pytest.raises(ValueError):
        BreathingPattern(exhale_s=20.0)


def test_the_pause_animates_only_the_guide_and_only_as_it_moves(qtbot, worker, tmp_path, monkeypatch):
    """A pause lasts 20 minutes, often on battery: the window refreshes its words a few times a second,
    the guide paints itself, at most 30 times a second (bench/bench_pause.py measures the CPU)."""
    from PySide6.QtCore import QEvent, QObject

    from flooding_monitor.live.preferences import Preferences, PreferencesFile
    from flooding_monitor.storage.store import SessionStore
    from ui.main_window import MainWindow

    from .helpers import SessionClock

    window = MainWindow(Preferences(sound=False, notifications=False), PreferencesFile(tmp_path / "p.json"), worker,
                        settings_scope="fm-tests", store=SessionStore(tmp_path / "h.sqlite3"))
    qtbot.addWidget(window)
    window.show()
    window.resize(1366, 768)
    clock = SessionClock()
    window.conversation.start_session(clock, "demo", "Demo strap", "demo")
    window.start_pause("manual")
    refreshes, paints = [], []
    monkeypatch.setattr(window, "refresh", lambda: refreshes.append(1))
    window.timer.timeout.disconnect()
    window.timer.timeout.connect(window.refresh)
    guide = window.pause_page.guide

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                paints.append(event.rect())
            return False

    spy = Paints()
    guide.installEventFilter(spy)
    import time
    start = time.monotonic()
    while time.monotonic() - start < 1.0:  # a second of breathing in: the circle grows
        clock.t = 0.5 + (time.monotonic() - start)
        qtbot.wait(10)
    assert len(refreshes) <= 5 and 5 <= len(paints) <= 31


def test_the_calm_stretch_in_the_pause_reads_as_a_duration_not_a_clock_time(qtbot):
    """Issue 26: "under 95 bpm for 06:45" beside the countdown read like a clock time."""
    from dataclasses import replace
    from types import SimpleNamespace

    from flooding_monitor.live.preferences import Preferences
    from flooding_monitor.live.session import Session
    from flooding_monitor.live.snapshot import SessionView
    from ui.pages import PausePage

    prefs = Preferences()
    view = SessionView.of(Session(prefs), 0.0)  # a picture made by hand: what the page draws
    page = PausePage(view, prefs.breathing)
    qtbot.addWidget(page)
    tick = SimpleNamespace(valid=True, hr_bpm=82.0)
    person = replace(view.first, latest=SimpleNamespace(tick=tick), calm_below_bpm=95.0, calm_since_s=595.0)
    line = page._person_line(person, 1000.0, named=False)
    assert "under 95 bpm for 7 min" in line and "06:45" not in line


def test_the_breathing_words_read_from_the_sofa_and_stay_on_the_circle(qtbot):
    """Issue 26: in the room view at 800x550 "Breathe in" was about 14 px beside a 120-px countdown; the
    words now take the middle circle's width (never more), and the countdown a sixth of the screen."""
    from PySide6.QtGui import QFont, QFontMetrics

    from flooding_monitor.live.preferences import Preferences
    from flooding_monitor.protocol.breathing import PROMPTS
    from ui.i18n import core
    from ui.widgets.breathing_guide import BreathingGuide

    guide = BreathingGuide(Preferences().breathing)
    qtbot.addWidget(guide)
    guide.resize(420, 470)
    side = min(guide.width(), guide.height()) - 16
    in_window = guide._prompt_pixels(side)
    guide.far = True  # the room view
    pixels = guide._prompt_pixels(side)
    assert pixels >= 0.06 * side and pixels > in_window  # ~26 px here (14 before)
    font = QFont(guide.font())
    font.setBold(True)
    font.setPixelSize(pixels)
    assert max(QFontMetrics(font).horizontalAdvance(core(p)) for p in PROMPTS) <= 0.61 * side


def test_the_breathing_ring_is_whole_on_a_200_percent_screen(tmp_path):
    """On a 200 % screen (QT_SCALE_FACTOR=2, as a HiDPI laptop gives) the cached background was copied from
    its logical rectangle: a quarter of the dashed ring, twice as large. A process of its own: the scale
    factor is read when Qt starts."""
    import os
    import subprocess
    import sys

    script = tmp_path / "ring.py"
    script.write_text(
        "from PySide6.QtWidgets import QApplication\n"
        "from flooding_monitor.live.preferences import Preferences\n"
        "from ui.widgets.breathing_guide import BreathingGuide\n"
        "app = QApplication([])\n"
        "g = BreathingGuide(Preferences().breathing); g.resize(400, 400); g.show(); app.processEvents()\n"
        "img = g.grab().toImage(); ratio = img.devicePixelRatio(); r = (400 - 16) * 0.48; y = int(200 * ratio)\n"
        "blue = lambda x: any(img.pixelColor(k, y).blue() > img.pixelColor(k, y).red() + 8\n"
        "                     for k in range(int(x) - 6, int(x) + 6))\n"
        "print(ratio, blue((200 - r) * ratio), blue((200 + r) * ratio))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2",
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=60)
    assert out.stdout.split() == ["2.0", "True", "True"], out.stdout + out.stderr
