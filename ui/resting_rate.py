"""Measuring a partner's resting rate (top bar › Resting rate…, Ctrl+B): whose, then five calm minutes.

The dialog listens to the chosen partner's completed seconds, which the
window hands on (:meth:`RestingRateMeasure.add_ticks`); the result is
:attr:`RestingRateMeasure.measured`, for the controller to use as that
partner's personal threshold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from flooding_monitor.detection.monitor import TickResult
from flooding_monitor.live.snapshot import SessionView

from .calibrate_dialog import CalibrateDialog
from .i18n import core


class RestingRateMeasure(QObject):
    """Asks whose rate (for a couple), runs the dialog over ``parent``, emits ``measured(slot, baseline)``."""

    measured = Signal(int, object)

    def __init__(self, parent: QWidget, view: Callable[[], SessionView]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.view = view
        self.dialog: CalibrateDialog | None = None  # open while measuring
        self.slot = 0

    def start(self) -> None:
        view = self.view()
        slot = self._whose(view)
        if slot is None:
            return
        self.slot = slot
        detector = view.prefs.detector
        person = view.people[slot]
        self.dialog = CalibrateDialog(self.parent_widget, threshold_bpm=person.partner.settings(detector).threshold_bpm,
                                      hysteresis_bpm=detector.hysteresis_bpm)
        try:
            if self.dialog.exec() and self.dialog.baseline is not None:
                self.measured.emit(slot, self.dialog.baseline)
        finally:
            self.dialog = None

    def _whose(self, view: SessionView) -> int | None:
        """The partner to measure: asked for a couple (None: the question was cancelled)."""
        if not view.couple:
            return 0
        names = [core(p.partner.name) for p in view.people]
        name, ok = QInputDialog.getItem(self.parent_widget, self.tr("Resting rate"), self.tr("Whose resting rate?"),
                                        names, 0, False)
        return names.index(name) if ok else None

    def add_ticks(self, slot: int, results: Sequence[TickResult]) -> None:
        """A partner's completed seconds: the open dialog takes the measured partner's."""
        if self.dialog is not None and slot == self.slot:
            self.dialog.add_ticks(list(results))
