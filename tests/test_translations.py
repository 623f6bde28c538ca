"""Languages: the catalogue is complete, and the Chinese UI shows no English word.

Two checks that fail for different mistakes:
* a string wrapped in tr() but not translated (or a stale .qm): Qt's own
  lupdate is run on a copy of the catalogue and must find nothing to do;
* a string never wrapped at all: the real windows are built in Chinese and
  every visible text, title, label, button, tab, header, axis and screen
  reader name is collected; none may contain an English word.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from flooding_monitor.live.preferences import Preferences, PreferencesFile
from flooding_monitor.live.strap_status import Status, StatusKind
from flooding_monitor.storage.store import SessionStore
from tools import translations
from ui import i18n
from ui.main_window import MainWindow
from ui.worker import DeviceWorker

from .helpers import SessionClock, history_window, play_until, settled
from .session_samples import couple

#: Words that stay as they are in Chinese text: units, proper names, key caps.
ALLOWED = {"bpm", "RMSSD", "LSL", "Lab", "Streaming", "Layer", "EFT", "EMDR", "Ctrl", "Esc", "CSV", "csv", "txt", "PDF", "pdf",
           "hrm", "macOS", "Linux", "bluetooth",
           "English"}  # the language chooser names each language in itself
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)  # rich-text tags
    text = re.sub(r"&[a-z]+;", " ", text)
    text = re.sub(r"#[0-9a-fA-F]{6}", " ", text)
    text = re.sub(r"flooding-monitor(?: --?[a-z-]+)*", " ", text)  # commands are typed as they are
    return [w for w in ENGLISH_WORD.findall(text) if w not in ALLOWED]


def visible_texts(root: QWidget) -> dict[str, str]:
    """Every user-facing text in ``root`` and its visible children (keyed by where it was found)."""
    found: dict[str, str] = {f"{type(root).__name__}.windowTitle": root.windowTitle()}
    for w in [root, *root.findChildren(QWidget)]:
        if w is not root and not w.isVisibleTo(root):
            continue
        where = f"{type(w).__name__}({w.objectName() or id(w)})"
        found[where + ".accessibleName"] = w.accessibleName()
        found[where + ".toolTip"] = w.toolTip()
        if isinstance(w, (QLabel, QAbstractButton, QLineEdit)):
            found[where + ".text"] = w.text()
        if isinstance(w, QGroupBox):
            found[where + ".title"] = w.title()
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            found[where + ".placeholder"] = w.placeholderText()
        if isinstance(w, QAbstractSpinBox):
            found[where + ".shown"] = w.text() if not hasattr(w, "specialValueText") or \
                w.value() != w.minimum() else w.specialValueText()
        if isinstance(w, QComboBox):
            for k in range(w.count()):
                found[f"{where}.item{k}"] = w.itemText(k)
        if isinstance(w, QTabWidget):
            for k in range(w.count()):
                found[f"{where}.tab{k}"] = w.tabText(k)
        if isinstance(w, QTableView):
            model = w.model()
            for k in range(model.columnCount()):
                found[f"{where}.header{k}"] = str(model.headerData(k, Qt.Orientation.Horizontal))
            for r in range(min(model.rowCount(), 3)):
                for c in range(model.columnCount()):
                    found[f"{where}.cell{r},{c}"] = str(model.data(model.index(r, c)) or "")
        if isinstance(w, QTextBrowser):
            found[where + ".document"] = w.toPlainText()
        plot = getattr(w, "plotItem", None)
        if plot is not None:
            for side in ("left", "bottom"):
                found[f"{where}.axis.{side}"] = plot.getAxis(side).labelText
            found[where + ".title"] = plot.titleLabel.text
    return found


def untranslated(root: QWidget) -> dict[str, list[str]]:
    return {k: words for k, v in visible_texts(root).items() if (words := english_words(v))}


@pytest.fixture
def chinese(qapp):
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install(qapp, "en")


def test_the_catalogue_is_complete_and_its_compiled_form_is_current():
    """lupdate on a copy finds no new, changed or untranslated string; lrelease gives the shipped .qm."""
    assert translations.check() == []


def test_the_language_follows_the_system_unless_chosen():
    assert i18n.resolve("system", QLocale("zh_CN")) == "zh_CN"
    assert i18n.resolve("system", QLocale("zh_SG")) == "zh_CN"
    assert i18n.resolve("system", QLocale("zh_TW")) == "en"  # traditional script: not shipped yet
    assert i18n.resolve("system", QLocale("de_DE")) == "en"
    assert i18n.resolve("zh_CN", QLocale("en_US")) == "zh_CN"
    assert i18n.resolve("en", QLocale("zh_CN")) == "en"


def walk_session_screens(win, samples, check) -> None:
    """Monitor, alert, pause and return, as a couple meets them."""
    play_until(win, samples, lambda: win.clock.t > 60)
    check(win, "monitor")
    assert win.monitor_page.panels[0].state_label.text().endswith("平静")
    assert win.monitor_page.panels[0].name_label.text() == "伴侣 A"
    play_until(win, samples, lambda: win.controller.session.alert_active)
    check(win, "alert")
    assert "伴侣 A的心率已持续高于 100 达 30 秒" in win.monitor_page.alert.text.text()
    win.start_pause("alert")
    win.pause_page.refresh(win.clock.t)
    check(win, "pause")
    assert win.pause_page.guide.prompt_text() in ("吸气", "呼气")
    play_until(win, samples, lambda: win.stack.currentWidget() is win.return_page)
    win.return_page.refresh(win.clock.t)
    check(win, "return")
    assert "我在这儿。" in win.return_page.phrases.text()


def walk_dialogs(win, worker, qtbot, check) -> None:
    """Settings (with its errors), the strap dialog after a real scan, help, calibration, journal."""
    from ui.calibrate_dialog import CalibrateDialog
    from ui.device_dialog import DeviceDialog
    from ui.help_dialog import HelpDialog
    from ui.journal_dialog import JournalDialog
    from ui.settings_dialog import SettingsDialog

    settings = SettingsDialog(win.prefs, win)
    settings.partner_rows[1][0].setText(settings.partner_rows[0][0].text())
    assert not settings.validate() and settings.error.text() == "两位伴侣需要不同的名字。"
    settings.partner_rows[1][0].setText("")
    assert settings.error.text() == "伴侣的名字须为 1-40 个字符。"
    settings.close()
    strap = DeviceDialog(worker, win, scan_s=1)
    strap.show()
    strap.start_scan()  # no Bluetooth here or in CI: the advice shown must be Chinese too
    qtbot.waitUntil(strap.scan_button.isEnabled, timeout=15_000)
    check(strap, "strap scan")
    assert "蓝牙" in strap.message.text()
    strap.close()
    for dialog, name in ((SettingsDialog(win.prefs, win), "settings"), (DeviceDialog(worker, win), "strap"),
                         (HelpDialog(win), "help"), (CalibrateDialog(win), "calibration"),
                         (JournalDialog(win), "journal")):
        dialog.show()
        check(dialog, name)
        dialog.close()


def test_every_screen_of_a_two_partner_session_is_in_chinese(chinese, qtbot, tmp_path):
    worker = DeviceWorker()
    try:
        store = SessionStore(tmp_path / "h.sqlite3")
        win = MainWindow(Preferences(), PreferencesFile(tmp_path / "p.json"), worker, 50.0,
                         settings_scope="fm-tests", store=store)
        qtbot.addWidget(win)
        win.show()
        win.conversation.start_session(SessionClock(), "demo", "Demo strap (simulated)", "demo")
        win.controller.add_partner(1, "Demo strap (simulated)")
        for slot in (0, 1):
            win.controller.status(Status(StatusKind.CONNECTED, 0.0, partner=slot))
            win.controller.status(Status(StatusKind.BATTERY, 0.0, value=80, partner=slot))
        samples = couple()
        seen = {}

        def check(widget: QWidget, name: str) -> None:
            QApplication.processEvents()
            seen[name] = visible_texts(widget)
            assert untranslated(widget) == {}, f"English left on the {name} screen"

        walk_session_screens(win, samples, check)
        walk_dialogs(win, worker, qtbot, check)
        win.controller.finish()
        win.recorder.join()
        history = history_window(qtbot, store, partners=win.prefs.partners)
        history.show()
        check(history, "history")
        history.findChild(QTabWidget).setCurrentIndex(1)
        settled(qtbot, history)
        check(history, "trends")
        assert sum(len(v) for v in seen.values()) > 250  # the walk really saw the screens
    finally:
        worker.stop()


def test_the_checker_catches_an_english_word(chinese, qtbot):
    """The check above can fail: a label nobody translated is reported."""
    w = QWidget()
    qtbot.addWidget(w)
    QLabel("Heart rate", w)
    w.show()
    flagged = untranslated(w)
    assert any(k.startswith("QLabel") and k.endswith(".text") and v == ["Heart", "rate"] for k, v in flagged.items())
