"""Choose a strap: scan with visible progress, list by signal strength, demo always there."""

from __future__ import annotations

import concurrent.futures
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from devices.errors import NoAdapter, StrapError
from devices.simulated import DEMO_STRAP

from . import screen_fit
from .i18n import core
from .worker import DeviceWorker


@dataclass(frozen=True)
class Choice:
    kind: str  # "demo" or "ble"
    address: str | None = None
    name: str | None = None


def signal_bars(rssi: int | None) -> str:
    if rssi is None:
        return QCoreApplication.translate("DeviceDialog", "signal ?")
    level = 4 if rssi > -60 else 3 if rssi > -70 else 2 if rssi > -80 else 1
    return "▮" * level + "▯" * (4 - level) + f" {rssi} dBm"


class DeviceDialog(QDialog):
    def __init__(self, worker: DeviceWorker, parent: QWidget | None = None, scan_s: float = 8.0) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a heart-rate strap"))
        room = screen_fit.screen_room(parent or self)
        self.setMaximumSize(room)
        self.resize(min(room.width(), max(520, 44 * self.fontMetrics().averageCharWidth())),
                    min(room.height(), max(420, 26 * self.fontMetrics().lineSpacing())))
        self.worker = worker
        self.scan_s = scan_s
        self._future: concurrent.futures.Future | None = None
        root = QVBoxLayout(self)
        intro = QLabel(self.tr("Wet the strap's electrodes and put it on: straps sleep when not worn. "
                               "Close any phone or watch app that uses it."))
        intro.setWordWrap(True)
        root.addWidget(intro)
        row = QHBoxLayout()
        self.scan_button = QPushButton(self.tr("Scan for straps"))
        self.scan_button.setAccessibleName(self.tr("Scan for heart-rate straps"))
        self.scan_button.setToolTip(self.tr("Look again for heart-rate straps nearby (wet the electrodes and put the "
                                            "strap on: it sleeps until it touches skin)"))
        self.scan_button.clicked.connect(self.start_scan)
        row.addWidget(self.scan_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        row.addWidget(self.progress, 1)
        root.addLayout(row)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Straps found"))
        self.list.setWordWrap(True)  # at large text a strap's line wraps instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        root.addWidget(self.list, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Scan result"))
        root.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self._add(Choice("demo", "demo", DEMO_STRAP), self.tr("Demo strap — simulated, no hardware needed"))
        # Nothing chosen for the user: Connect on a pre-selected demo once monitored fake data in silence.
        self.connect_button.setEnabled(False)
        self.list.currentRowChanged.connect(lambda row: self.connect_button.setEnabled(row >= 0))
        self._scanned = False
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._check_scan)

    def showEvent(self, event) -> None:  # noqa: N802
        """The dialog scans at once: the user came to pick their strap."""
        super().showEvent(event)
        if not self._scanned:
            self._scanned = True
            QTimer.singleShot(0, self.start_scan)

    def _add(self, choice: Choice, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, choice)
        self.list.addItem(item)

    def start_scan(self) -> None:
        from devices.bleak_strap import scan

        if not self.scan_button.isEnabled():
            return  # a scan is already running
        self.scan_button.setEnabled(False)
        self.progress.show()
        self.message.setText(self.tr("Scanning for {s} seconds…").format(s=f"{self.scan_s:.0f}"))
        self._future = self.worker.submit(scan(self.scan_s))
        self._poll.start()

    def _check_scan(self) -> None:
        if self._future is None or not self._future.done():
            return
        self._poll.stop()
        self.progress.hide()
        self.scan_button.setEnabled(True)
        try:
            straps = self._future.result()
        except StrapError as exc:
            text = core(exc.message)
            if isinstance(exc, NoAdapter):  # the demo is right above: say so in this window's words
                text += " " + self.tr("Or choose the demo strap above to try the app.")
            self.message.setText(text)
            return
        except Exception as exc:  # noqa: BLE001
            self.message.setText(self.tr("Scanning failed: {error}").format(error=core(getattr(exc, "message", str(exc)))))
            return
        while self.list.count() > 1:
            self.list.takeItem(1)
        for s in straps:
            self._add(Choice("ble", s.address, s.name), f"{s.name}   {signal_bars(s.rssi)}   {s.address}")
        found = self.tr("Found 1 strap.") if len(straps) == 1 else self.tr("Found {n} straps.").format(n=len(straps))
        self.message.setText(found if straps else
                             self.tr("No strap found. Is it worn and awake? Try again."))

    def choice(self) -> Choice | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)
