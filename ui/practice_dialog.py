"""Finding a partner's own breathing rate: ten minutes of paced breathing, outside any conflict.

The pacer leads two minutes at each of 6.5, 6.0, 5.5, 5.0 and 4.5 breaths a
minute while the partner's strap sends beats (``samples``: the window's
sample signal); then :func:`flooding_monitor.protocol.resonance.analyse_practice`
says at which pace the heart swung most with each breath, and the partner
can keep that pace for their pauses. The result is a pace, never a score.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLabel, QMessageBox, QProgressBar, QVBoxLayout, QWidget

from flooding_monitor.live.preferences import Preferences

from flooding_monitor.protocol.resonance import RATES_PER_MIN, STEP_S, PracticeResult, analyse_practice, pace, step_at

from .durations import minutes_seconds
from .i18n import core, sentences
from .screen_fit import FittingDialog, scrolling
from .widgets.breathing_guide import BreathingGuide

PRACTICE_S = STEP_S * len(RATES_PER_MIN)


class PracticeDialog(FittingDialog):
    """One partner's practice (``slot``); :attr:`result` once it is over, :meth:`chosen_rate` if kept."""

    def __init__(self, parent: QWidget | None, samples, slot: int, name: str, now: Callable[[], float]) -> None:
        super().__init__(parent)
        self.slot = slot
        self.now = now
        self.started_s: float | None = None
        self.beats: list[tuple[float, float]] = []  # (beat time, RR ms) in session seconds
        self.result: PracticeResult | None = None
        self.setWindowTitle(self.tr("Breathing rate for {name}").format(name=core(name)))
        root = QVBoxLayout(self)
        self.text = QLabel(self.tr("Sit comfortably and follow the circle for ten minutes, at five slower and "
                                   "slower paces. Breathe gently, through the nose, not deeply. This finds the pace "
                                   "at which your heart follows your breath most: your pauses can use it."))
        self.text.setWordWrap(True)
        root.addWidget(scrolling(self.text))  # at large text on a small screen the words scroll
        self.guide = BreathingGuide(pace(RATES_PER_MIN[0]))
        self.guide.setMinimumSize(160, 160)  # the circle gives way before the words and the buttons do
        root.addWidget(self.guide, 1)
        self.step = QLabel()
        self.step.setWordWrap(True)
        root.addWidget(self.step)
        self.bar = QProgressBar()
        self.bar.setRange(0, int(PRACTICE_S))
        self.bar.setAccessibleName(self.tr("Practice progress"))
        root.addWidget(self.bar)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.addButton(self.tr("Start"), QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.keep = self.buttons.addButton(self.tr("Use this pace in our pauses"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep.hide()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.update_step)
        samples.connect(self.add_sample)
        self.fit_body(self.text, [self.guide, self.step, self.bar, self.buttons],
                      width=max(460, 44 * self.fontMetrics().averageCharWidth()))

    def start(self) -> None:
        self.started_s = self.now()
        self.beats = []
        self.start_button.hide()
        self.guide.run(self._breath_clock)
        self.timer.start(500)
        self.update_step()

    def add_sample(self, sample) -> None:
        """A notification of the partner's strap: its beats, timed back from the notification."""
        if self.started_s is None or self.result is not None or sample.partner != self.slot or not sample.rr_us:
            return
        t = sample.t_s
        for rr_us in reversed(sample.rr_us):  # the last interval ends at the notification
            self.beats.append((t, rr_us / 1000.0))
            t -= rr_us / 1e6

    def update_step(self) -> None:
        if self.started_s is None:
            return
        elapsed = self.now() - self.started_s
        self.bar.setValue(int(min(elapsed, PRACTICE_S)))
        where = step_at(elapsed)
        if where is None:
            self.finish()
            return
        k, into = where
        rate = RATES_PER_MIN[k]
        if self.guide.pattern.breaths_per_minute != pace(rate).breaths_per_minute:
            self.guide.pattern = pace(rate)
        self.step.setText(self.tr("Pace {k} of {n}: {rate} breaths a minute · {left} left").format(
            k=k + 1, n=len(RATES_PER_MIN), rate=f"{rate:g}", left=minutes_seconds(STEP_S - into)))

    def _breath_clock(self) -> float | None:
        """Seconds into the current pace (each pace starts with a fresh breath in)."""
        if self.started_s is None:
            return None
        where = step_at(self.now() - self.started_s)
        return None if where is None else where[1]

    def finish(self) -> None:
        self.timer.stop()
        self.guide.run(lambda: None)
        beats = sorted(self.beats)
        self.result = analyse_practice([b[0] for b in beats], [b[1] for b in beats], self.started_s or 0.0)
        self.step.setText(self.describe(self.result))
        if self.result.best_rate is not None:
            self.keep.setText(self.tr("Use {rate} a minute in our pauses").format(rate=f"{self.result.best_rate:g}"))
            self.keep.show()
            self.keep.setDefault(True)

    def describe(self, result: PracticeResult) -> str:
        best = result.best_rate
        if best is None:
            return self.tr("Too few beats came from the strap to tell. Check that it is snug and wet, and try again.")
        lines = [self.tr("Your heart followed your breath most at {rate} breaths a minute.").format(rate=f"{best:g}")]
        swings = ", ".join(f"{s.breaths_per_min:g}: {s.swing_bpm:.0f}" for s in result.steps if s.swing_bpm is not None)
        lines.append(self.tr("Swing per breath (bpm) at each pace: {swings}.").format(swings=swings))
        coherent = result.most_coherent_rate
        if coherent is not None and coherent != best:
            lines.append(self.tr("The breathing rhythm was steadiest at {rate}; either pace is a good one.").format(
                rate=f"{coherent:g}"))
        return sentences(lines)

    def chosen_rate(self) -> float | None:
        return None if self.result is None else self.result.best_rate


class BreathingPractice(QObject):
    """"Breathing rate…": whose (two partners: asked), the practice, and the pace kept in the settings."""

    def __init__(self, parent: QWidget, samples, prefs: Callable[[], Preferences],
                 save: Callable[[Preferences], None], now: Callable[[], float],
                 wearers: Callable[[], list[int]]) -> None:
        """``samples``: the window's signal of each notification; ``wearers``: the slots with a strap now."""
        super().__init__(parent)
        self.window = parent
        self.samples = samples
        self.prefs = prefs
        self.save = save
        self.now = now
        self.wearers = wearers
        self.dialog: PracticeDialog | None = None

    def start(self) -> None:
        slots = self.wearers()
        if not slots:
            QMessageBox.information(self.window, self.tr("Breathing rate"), self.tr(
                "The practice follows your heart: put the strap on and start a conversation (or the demo) first."))
            return
        partners = self.prefs().partners
        slot = slots[0]
        if len(slots) > 1:
            names = [core(partners[k].name) for k in slots]
            name, ok = QInputDialog.getItem(self.window, self.tr("Breathing rate"), self.tr("Whose breathing rate?"),
                                            names, 0, False)
            if not ok:
                return
            slot = slots[names.index(name)]
        self.dialog = PracticeDialog(self.window, self.samples, slot, partners[slot].name, self.now)
        try:
            if self.dialog.exec() and (rate := self.dialog.chosen_rate()) is not None:
                self.keep(slot, rate)
        finally:
            self.samples.disconnect(self.dialog.add_sample)
            self.dialog = None

    def keep(self, slot: int, rate: float) -> None:
        """The partner's pace from now on (their pause, or a couple's when it is the one they chose)."""
        prefs = self.prefs()
        partners = list(prefs.partners)
        partners[slot] = replace(partners[slot], breaths_per_min=rate)
        self.save(replace(prefs, partners=tuple(partners)))
