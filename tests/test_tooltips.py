"""Every control says what it does when the pointer rests on it (read-only text and Qt's own
inner editors aside)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from flooding_monitor.live.preferences import Preferences, PreferencesFile
from flooding_monitor.storage.store import SessionStore

CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit)


def silent_controls(root: QWidget) -> list[str]:
    found = []
    for kind in CONTROLS:
        for c in root.findChildren(kind):
            inner = c.objectName() == "qt_spinbox_lineedit" or isinstance(c.parent(), QDialogButtonBox)
            if c.isVisibleTo(root) and not inner and not c.toolTip():
                text = c.text() if hasattr(c, "text") and callable(c.text) else c.accessibleName()
                found.append(f"{type(root).__name__}: {type(c).__name__} {text!r}")
    return found


def _dialogs(tmp_path, worker):
    from ui.calibrate_dialog import CalibrateDialog
    from ui.device_dialog import DeviceDialog
    from ui.history_reader import HistoryReader
    from ui.history_window import HistoryWindow
    from ui.journal_dialog import JournalDialog
    from ui.main_window import MainWindow
    from ui.settings_dialog import SettingsDialog

    yield SettingsDialog(Preferences())
    yield JournalDialog()
    yield CalibrateDialog()
    yield HistoryWindow(HistoryReader(SessionStore(tmp_path / "h.sqlite3")))
    yield DeviceDialog(worker, scan_s=0.1)
    yield MainWindow(Preferences(sound=False, notifications=False), PreferencesFile(tmp_path / "p.json"), worker,
                     settings_scope="fm-tests", store=SessionStore(tmp_path / "h2.sqlite3"))


def test_every_control_has_a_tooltip(qtbot, tmp_path, worker):
    silent = []
    for window in _dialogs(tmp_path, worker):
        qtbot.addWidget(window)
        window.show()
        silent += silent_controls(window)
    assert silent == []


@pytest.mark.parametrize("k", [0, 1])
def test_partner_fields_are_named_by_letter(qtbot, k):
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Preferences())
    qtbot.addWidget(dialog)
    name, colour, threshold = dialog.partner_rows[k]
    letter = "AB"[k]
    assert (name.accessibleName(), colour.accessibleName()) == (f"Name of partner {letter}", f"Colour of partner {letter}")
