"""Guided resting baseline: two quiet minutes with the live rate and the time left, then the
result, or why it was not rest and a retry."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.detection.baseline import Baseline, check_resting
from flooding_monitor.detection.monitor import TickResult

from .i18n import core

CALIBRATION_S = 120


class CalibrateDialog(QDialog):
    """Collects valid ticks fed by the main window; finishes after CALIBRATION_S of them."""

    def __init__(self, parent: QWidget | None = None, seconds: int = CALIBRATION_S, threshold_bpm: float = 100.0,
                 hysteresis_bpm: float = 5.0) -> None:
        super().__init__(parent)
        self.threshold_bpm = threshold_bpm
        self.hysteresis_bpm = hysteresis_bpm
        self.setWindowTitle(self.tr("Measure your resting heart rate"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)  # wrapped text needs room
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
        self.live = QLabel(self.tr("Waiting for the strap…"))
        self.live.setAccessibleName(self.tr("Heart rate now and time left"))
        root.addWidget(self.live)
        self.result = QLabel()
        self.result.setWordWrap(True)
        root.addWidget(self.result)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(self.tr("Keep the resting rate you had"))
        self.retry_button = self.buttons.addButton(self.tr("Try again"), QDialogButtonBox.ButtonRole.ActionRole)
        self.retry_button.setToolTip(self.tr("Start the two minutes again"))
        self.retry_button.clicked.connect(self.retry)
        self.retry_button.hide()
        root.addWidget(self.buttons)

    def retry(self) -> None:
        self.hr, self.rmssd = [], []
        self.result.clear()
        self.retry_button.hide()
        self.adjustSize()
        self.bar.setValue(0)

    def add_ticks(self, ticks: list[TickResult]) -> None:
        if self.baseline is not None or not self.retry_button.isHidden():
            return
        for r in ticks:
            if r.tick.valid:
                self.hr.append(r.tick.hr_bpm)
                self.rmssd.append(r.tick.rmssd_ms)
        self.bar.setValue(min(len(self.hr), self.seconds))
        if self.hr:
            self.live.setText(self.tr("Now {bpm} bpm · {s} s left").format(
                bpm=f"{self.hr[-1]:.0f}", s=max(0, self.seconds - len(self.hr))))
        if len(self.hr) >= self.seconds:
            self._decide()

    def _decide(self) -> None:
        found, problem = check_resting(self.hr, self.rmssd, self.threshold_bpm, self.hysteresis_bpm)
        if found is None:
            self.result.setText(core(problem))
            self.retry_button.show()
            self.adjustSize()
            return
        self.baseline = found
        rm = (self.tr(", heart-rate variability (RMSSD) {ms} ms").format(ms=f"{found.rmssd_ms:.0f}")
              if found.rmssd_ms else "")
        self.result.setText(self.tr("<b>Resting rate {bpm} bpm</b>{rmssd}.").format(bpm=f"{found.hr_bpm:.0f}", rmssd=rm))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok)
        self.adjustSize()
