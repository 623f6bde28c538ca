"""Guided resting baseline: two quiet minutes, then the result."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.baseline import Baseline
from flooding_monitor.monitor import TickResult

CALIBRATION_S = 120


class CalibrateDialog(QDialog):
    """Collects valid ticks fed by the main window; finishes after CALIBRATION_S of them."""

    def __init__(self, parent: QWidget | None = None, seconds: int = CALIBRATION_S) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Measure your resting heart rate"))
        self.seconds = seconds
        self.hr: list[float] = []
        self.rmssd: list[float] = []
        self.baseline: Baseline | None = None
        root = QVBoxLayout(self)
        self.text = QLabel(self.tr("Sit quietly and breathe normally for two minutes. "
                                   "Don't talk. The measurement pauses if the strap is not reading."))
        self.text.setWordWrap(True)
        root.addWidget(self.text)
        self.bar = QProgressBar()
        self.bar.setRange(0, seconds)
        self.bar.setAccessibleName(self.tr("Calibration progress"))
        root.addWidget(self.bar)
        self.result = QLabel()
        root.addWidget(self.result)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        root.addWidget(self.buttons)

    def add_ticks(self, ticks: list[TickResult]) -> None:
        if self.baseline is not None:
            return
        for r in ticks:
            if r.tick.valid:
                self.hr.append(r.tick.hr_bpm)
                self.rmssd.append(r.tick.rmssd_ms)
        self.bar.setValue(min(len(self.hr), self.seconds))
        if len(self.hr) >= self.seconds:
            self.baseline = Baseline.from_ticks(self.hr, self.rmssd)
            rm = (self.tr(", heart-rate variability (RMSSD) {ms} ms").format(ms=f"{self.baseline.rmssd_ms:.0f}")
                  if self.baseline.rmssd_ms else "")
            self.result.setText(self.tr("<b>Resting rate {bpm} bpm</b>{rmssd}.").format(
                bpm=f"{self.baseline.hr_bpm:.0f}", rmssd=rm))
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok)
