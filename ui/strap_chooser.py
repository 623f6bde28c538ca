"""Choosing the straps: the first partner's, then the second partner's (never the same strap twice)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from .i18n import core


class StrapChooser(QObject):
    """The strap dialog for either partner; answers with the choice (``device_dialog.Choice``)."""

    first_chosen = Signal(object)
    second_chosen = Signal(object)

    def __init__(self, parent: QWidget, worker, names: Callable[[], tuple[str, str]],
                 first_running: Callable[[], bool], first_address: Callable[[], str | None]) -> None:
        super().__init__(parent)
        self.window = parent
        self.worker = worker
        self.names = names
        self.first_running = first_running
        self.first_address = first_address

    def choose(self) -> None:
        from .device_dialog import DeviceDialog

        dialog = DeviceDialog(self.worker, self.window)
        if dialog.exec() and (choice := dialog.choice()) is not None:
            self.first_chosen.emit(choice)

    def choose_second(self) -> None:
        """Partner B's strap; the first partner's must be running, and be another strap."""
        from .device_dialog import DeviceDialog

        first, second = self.names()
        if not self.first_running():
            QMessageBox.information(self.window, self.tr("Second strap"),
                                    self.tr("Connect the first partner's strap first."))
            return
        dialog = DeviceDialog(self.worker, self.window)
        dialog.setWindowTitle(self.tr("Strap for {name}").format(name=core(second)))
        if not dialog.exec() or (choice := dialog.choice()) is None:
            return
        if choice.kind == "ble" and choice.address and choice.address == self.first_address():
            QMessageBox.information(self.window, self.tr("Second strap"), self.tr(
                "That strap is already worn by {name}. Each partner needs a strap of their own.").format(
                name=core(first)))
            return
        self.second_chosen.emit(choice)
