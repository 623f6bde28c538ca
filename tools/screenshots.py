"""Run the real app on the demo strap and save a screenshot of each screen.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUT_DIR] [--dark] [--one] [--zh] [--pause-feedback]
        [--size=WxH] [--text-scale=F] [--room] [--history]

Runs the two-partner demo (``--one``: one partner) at 20x so the whole path (calm, rising, alert, pause, return)
takes about a minute. Also saves the settings, strap and help dialogs. ``--history``: only History (its
sessions, trends and weekly review at ``--size``), the report's notes dialog and the check-in, in seconds.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/ helpers
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FLOODING_MONITOR_CONFIG_DIR", tempfile.mkdtemp(prefix="fm-shots-"))

from PySide6.QtWidgets import QApplication, QTabWidget  # noqa: E402

from flooding_monitor.detection.detector import State  # noqa: E402
from flooding_monitor.live.preferences import PreferencesFile  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.theme import apply_theme  # noqa: E402
from ui.worker import DeviceWorker  # noqa: E402


def wait_for(app: QApplication, condition, timeout_s: float = 120.0) -> bool:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.02)
    return False


class Shooter:
    """Saves widgets as numbered PNGs and remembers them."""

    def __init__(self, app, out: Path) -> None:
        self.app, self.out, self.shots = app, out, []

    def __call__(self, name: str, widget) -> None:
        self.app.processEvents()
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        self.shots.append(path)


def main(out: Path, theme: str = "light", partners: int = 2, language: str = "en", size: tuple[int, int] = (1100, 720),
         text_scale: float = 1.0, room: bool = False, history_only: bool = False) -> int:
    """Every screen; with ``room`` the session screens in the room view (at ``size``, as on a screen that size)."""
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    from ui.app import open_history
    from ui.i18n import install

    install(app, language)
    prefs_file = PreferencesFile()
    prefs, _ = prefs_file.load()
    prefs = replace(prefs, font_scale=text_scale,  # the window fits the setting's text, not the app font's
                    pause_feedback="--pause-feedback" in sys.argv)
    apply_theme(app, theme, text_scale)
    worker = DeviceWorker()
    store, message = open_history(tempfile.mkdtemp(prefix="fm-shots-data-"))
    window = MainWindow(prefs, prefs_file, worker, 20.0, settings_scope="fm-screens",
                        store=store, store_message=message)
    window.resize(*size)
    window.show()
    grab = Shooter(app, out)
    if history_only:
        shoot_history(window, grab, size)
        window.close()
        worker.stop()
        print("\n".join(str(p) for p in grab.shots))
        return 0
    window.start_card.set_known(["Polar H10 A1B2C3D4"])  # as it opens for someone who used a strap before
    grab("0-start", window)
    window.conversation.use_source("demo")
    if partners == 2:
        window.conversation.add_second_source("demo")
    if room:
        window.room.set(True)
        window.showNormal()  # offscreen has no screen of that size: the window stands in for it
        window.resize(*size)
    ok = shoot_session(app, window, grab)
    if not room:
        shoot_dialogs(app, window, worker, grab)
        shoot_history(window, grab)
    window.controller.finish()  # the session ends first: closing mid-pause asks a question nobody answers here
    window.close()
    worker.stop()
    for p in grab.shots:
        print(p)
    return 0 if ok else 1


def redrawn(app, window) -> None:
    """Wait for the monitor's next redraw (it redraws at most once a session second)."""
    seen = []
    window.monitor_page.redrawn.connect(lambda: seen.append(1))
    wait_for(app, lambda: bool(seen), 5)


def shoot_session(app, window, grab: Shooter) -> bool:
    """Calm, rising, the alert, the pause and the return, as the demo plays them."""
    s = lambda: window.controller.session  # noqa: E731
    ok = wait_for(app, lambda: s().state == State.CALM and len(s().first.trace) > 40)
    redrawn(app, window)
    grab("1-monitor-calm", window)
    ok &= wait_for(app, lambda: any(p.latest is not None and p.latest.cue for p in s().people))
    redrawn(app, window)
    grab("2-monitor-cue", window)  # the early "speeding up" cue
    ok &= wait_for(app, lambda: s().state == State.RISING)
    redrawn(app, window)
    grab("2-monitor-rising", window)
    ok &= wait_for(app, lambda: s().alert_active)
    wait_for(app, lambda: False, 0.5)
    grab("3-alert", window)
    window.start_pause("alert")
    wait_for(app, lambda: False, 1.0)
    grab("4-pause", window)
    wait_for(app, lambda: window.stack.currentWidget() is window.return_page, 90)
    grab("5-return", window)
    return ok


def shoot_dialogs(app, window, worker, grab: Shooter) -> None:
    from ui.device_dialog import DeviceDialog
    from ui.help_dialog import HelpDialog
    from ui.settings_dialog import SettingsDialog

    d = SettingsDialog(window.prefs, window)
    d.show()
    grab("6-settings", d)
    d.close()
    dd = DeviceDialog(worker, window, scan_s=1)
    dd.show()
    dd.start_scan()
    wait_for(app, lambda: dd.scan_button.isEnabled(), 10)
    grab("7-strap-dialog", dd)
    dd.close()
    h = HelpDialog(window)
    h.show()
    grab("8-help", h)
    h.close()


def shoot_history(window, grab: Shooter, size: tuple[int, int] = (1150, 780)) -> None:
    import datetime as dt

    from bench.history_data import add_sessions
    from flooding_monitor.storage.rituals import Rituals
    from ui.check_in_dialog import CheckInDialog
    from ui.history_window import HistoryWindow
    from ui.report_flow import ShareNotesDialog

    window.controller.finish()
    ids = add_sessions(window.store, 14, weeks=4)
    window.store.add_note(ids[0], trigger="He looked at his phone while I was talking about my day",
                          body="Hot face, tight jaw")
    window.store.add_note(ids[0], trigger="Money again", response="I went quiet")
    Rituals(window.store).add_check_in(120, dt.datetime.now() - dt.timedelta(hours=20))
    reader = window.history_reader
    hist = HistoryWindow(reader, window.prefs.detector, partners=window.prefs.partners)
    hist.resize(*size)
    hist.show()

    def answered() -> None:  # the reader's answers drawn
        while reader.busy:
            QApplication.processEvents()

    answered()
    hist.table.selectRow(0)
    answered()
    grab("9-history-session", hist)
    hist.findChild(QTabWidget).setCurrentIndex(1)
    answered()
    grab("10-history-trends", hist)
    hist.findChild(QTabWidget).setCurrentIndex(2)
    answered()
    grab("11-history-this-week", hist)
    notes = ShareNotesDialog(window.store.notes(ids[0]), hist)
    notes.show()
    grab("12-report-notes", notes)
    notes.close()
    check_in = CheckInDialog(hist)
    check_in.show()
    grab("13-check-in", check_in)
    check_in.close()
    hist.close()


if __name__ == "__main__":
    theme = "dark" if "--dark" in sys.argv else "light"
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    language = "zh_CN" if "--zh" in sys.argv else "en"
    size = next((tuple(int(v) for v in a.split("=", 1)[1].split("x")) for a in sys.argv if a.startswith("--size=")),
                (1100, 720))
    scale = next((float(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--text-scale=")), 1.0)
    sys.exit(main(Path(args[0] if args else "screenshots"), theme, 1 if "--one" in sys.argv else 2, language,
                  size, scale, "--room" in sys.argv, "--history" in sys.argv))
