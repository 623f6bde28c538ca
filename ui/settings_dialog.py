"""Settings: every number with its unit, validated before it is kept."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from flooding_monitor.live.preferences import Preferences
from flooding_monitor.detection.settings import DetectorSettings, SettingsError

from .i18n import core
from .partners_box import PartnersBox
from . import screen_fit
from .screen_fit import FittingDialog, WrappingCheck, scrolling

#: Each language in its own name, so anyone can find theirs.
LANGUAGE_LABELS = {"system": QT_TRANSLATE_NOOP("SettingsDialog", "System language"), "en": "English",
                   "zh_CN": "简体中文"}


def _spin(lo: float, hi: float, value: float, suffix: str, step: float = 1.0, decimals: int = 0,
          name: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(lo, hi)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setValue(value)
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    return box


def _wrapping(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class SettingsDialog(FittingDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.prefs = prefs
        d = prefs.detector
        root = QVBoxLayout(self)
        self.partners_box = PartnersBox(prefs.partners, _spin)
        self.partner_rows = self.partners_box.rows
        boxes = [self._detector_box(d), self.partners_box, self._pause_box(prefs), self._display_box(prefs)]
        for box in boxes:
            form = box.layout()
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long label goes above its field
        self.body = self._columns(boxes, 2)
        if self.body.sizeHint().width() > screen_fit.screen_room(parent or self).width() - 40:
            self.body = self._columns(boxes, 1)  # large text on a small screen: one column, scrolling
        root.addWidget(scrolling(self.body), 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3361b; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Settings problem"))
        root.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore)
        root.addWidget(self.buttons)
        for w in (self.threshold, self.personal_pct, self.sustain, self.recovery, self.hysteresis,
                  self.pause_min, self.inhale, self.exhale, self.snooze, self.font_scale):
            w.valueChanged.connect(self.validate)
        self.personal.toggled.connect(self.validate)
        self.sighing.toggled.connect(self.validate)
        for name_edit, _, threshold in self.partner_rows:
            name_edit.textChanged.connect(self.validate)
            threshold.valueChanged.connect(self.validate)
        self._explain()
        self.validate()
        self.fit_body(self.body, [self.error, self.buttons])  # as large as the settings need, then they scroll

    @staticmethod
    def _columns(boxes: list[QGroupBox], count: int) -> QWidget:
        """The boxes in ``count`` columns (left: when, partners; right: pause, display)."""
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        columns = [QVBoxLayout() for _ in range(count)]
        for k, box in enumerate(boxes):
            columns[min(k // 2, count - 1)].addWidget(box)
        for column in columns:
            column.addStretch(1)
            row.addLayout(column, 1)
        return body

    def _explain(self) -> None:
        """A tooltip on every control: what it changes, in a sentence."""
        tips = {
            self.threshold: self.tr("The heart rate that counts as flooding when it stays above it (Gottman: about "
                                    "100 bpm)."),
            self.personal: self.tr("Also count your resting rate plus this margin, once a resting rate is measured; "
                                   "the lower of the two applies."),
            self.personal_pct: self.tr("How far above your resting rate counts as flooding."),
            self.sustain: self.tr("How long the rate must stay above the threshold before the alert: one spike "
                                  "never raises it."),
            self.recovery: self.tr("How long the rate must stay below the settled line before the episode is over."),
            self.hysteresis: self.tr("How far below the threshold the rate must fall to count as settled."),
            self.pause_min: self.tr("How long a pause lasts; the body needs at least 20 minutes to calm."),
            self.inhale: self.tr("Seconds of each breath in, on the breathing guide."),
            self.exhale: self.tr("Seconds of each breath out; a longer breath out calms faster."),
            self.sighing: self.tr("Two short breaths in through the nose, one long breath out through the mouth."),
            self.pause_feedback: self.tr("The rate against your usual, how much it rises and falls with each "
                                         "breath, and how steady that rhythm is. Off by default: for some people "
                                         "watching the heart makes calming harder."),
            self.breath_sound: self.tr("A rising tone as each breath in begins and a falling one for each breath "
                                       "out, softer than the alert's chime. Off by default."),
            self.snooze: self.tr("After “Not now”, how long before the alert may ask again."),
            self.sound: self.tr("A soft chime when the alert appears."),
            self.notify: self.tr("A desktop notification when the alert appears, even when the window is hidden."),
            self.early_cue: self.tr("When a rate climbs fast, well above that partner's usual talking level, the "
                                    "state turns amber with a short line; no sound. Cues that pass without "
                                    "flooding are counted as near-misses."),
            self.theme: self.tr("Light or dark colours, or follow the system."),
            self.font_scale: self.tr("Size of all text; the window caps it to what fits."),
            self.clock: self.tr("Clock times as 24-hour or 12-hour, or as the system shows them."),
            self.language: self.tr("The app's language; it changes after a restart."),
            self.lsl: self.tr("Publish heart rate and events as Lab Streaming Layer streams for a research "
                              "recording; other computers on your network can see them."),
        }
        for widget, text in tips.items():
            widget.setToolTip(text)

    def _detector_box(self, d) -> QGroupBox:
        detect = QGroupBox(self.tr("When is it flooding?"))
        f = QFormLayout(detect)
        self.threshold = _spin(40, 200, d.threshold_bpm, self.tr(" bpm"), name=self.tr("Flooding threshold"))
        f.addRow(self.tr("Threshold"), self.threshold)
        self.personal = QCheckBox(self.tr("Also flag my resting rate +"))
        self.personal.setChecked(d.personal_rule_pct is not None)
        self.personal_pct = _spin(1, 100, d.personal_rule_pct or 20, self.tr(" %"), name=self.tr("Personal margin"))
        self.personal_pct.setEnabled(self.personal.isChecked())
        self.personal.toggled.connect(self.personal_pct.setEnabled)
        f.addRow(self.personal, self.personal_pct)
        f.addRow(_wrapping(self.tr("The lower of the two applies once a resting rate is measured "
                                   "(athletes flood below 100).")))
        self.sustain = _spin(5, 600, d.sustain_s, self.tr(" s"), name=self.tr("Sustain window"))
        f.addRow(self.tr("Above threshold for"), self.sustain)
        self.recovery = _spin(10, 1800, d.recovery_s, self.tr(" s"), name=self.tr("Recovery window"))
        f.addRow(self.tr("Settled after"), self.recovery)
        self.hysteresis = _spin(0, 30, d.hysteresis_bpm, self.tr(" bpm below threshold"), name=self.tr("Hysteresis"))
        f.addRow(self.tr("Settled means"), self.hysteresis)
        return detect

    def _pause_box(self, prefs: Preferences) -> QGroupBox:
        pause = QGroupBox(self.tr("Pause and breathing"))
        g = QFormLayout(pause)
        self.pause_min = _spin(20, 1440, prefs.pause_min, self.tr(" min"), name=self.tr("Pause length"))
        g.addRow(self.tr("Pause length (at least 20)"), self.pause_min)
        self.inhale = _spin(2, 8, prefs.inhale_s, self.tr(" s"), 0.5, 1, name=self.tr("Breathe in"))
        self.exhale = _spin(2, 12, prefs.exhale_s, self.tr(" s"), 0.5, 1, name=self.tr("Breathe out"))
        g.addRow(self.tr("Breathe in"), self.inhale)
        g.addRow(self.tr("Breathe out"), self.exhale)
        self.sighing = WrappingCheck(self.tr("Cyclic sighing (two breaths in, one long breath out)"))
        self.sighing.setChecked(prefs.cyclic_sighing)
        g.addRow(self.sighing)
        self.pause_feedback = WrappingCheck(self.tr("In the pause, show how each heart is calming"))
        self.pause_feedback.setChecked(prefs.pause_feedback)
        g.addRow(self.pause_feedback)
        self.breath_sound = WrappingCheck(self.tr("A soft sound at each breath in and out (to breathe with eyes "
                                                  "closed)"))
        self.breath_sound.setChecked(prefs.breath_sound)
        g.addRow(self.breath_sound)
        self.shared_pace = QComboBox()  # a partner's own pace comes from "Breathing rate…" in the top bar
        self.shared_pace.addItem(self.tr("the pace above"), "usual")
        for letter, partner in zip("AB", prefs.partners):
            own = (self.tr("{name}'s own pace ({rate} a minute)").format(name=core(partner.name), rate=f"{partner.breaths_per_min:g}")
                   if partner.breaths_per_min else self.tr("{name}'s own pace (not found yet)").format(name=core(partner.name)))
            self.shared_pace.addItem(own, letter)
        self.shared_pace.setCurrentIndex(max(0, self.shared_pace.findData(prefs.shared_pace)))
        self.shared_pace.setAccessibleName(self.tr("A couple's pause breathes at"))
        self.shared_pace.setToolTip(self.tr("Alone, a partner's pause uses their own pace once the breathing practice "
                                            "found it; together, the one you choose here"))
        g.addRow(self.tr("A couple's pause breathes at"), self.shared_pace)
        self.snooze = _spin(1, 60, prefs.snooze_min, self.tr(" min"), name=self.tr("Not now snoozes for"))
        g.addRow(self.tr("“Not now” waits"), self.snooze)
        return pause

    def _display_box(self, prefs: Preferences) -> QGroupBox:
        look = QGroupBox(self.tr("Alerts and display"))
        h = QFormLayout(look)
        self.sound = WrappingCheck(self.tr("Gentle sound on an alert"))
        self.sound.setChecked(prefs.sound)
        self.notify = WrappingCheck(self.tr("Desktop notification on an alert"))
        self.notify.setChecked(prefs.notifications)
        self.early_cue = WrappingCheck(self.tr("A quiet cue when a heart speeds up, before flooding"))
        self.early_cue.setChecked(prefs.early_cue)
        h.addRow(self.sound)
        h.addRow(self.notify)
        h.addRow(self.early_cue)
        self.theme = QComboBox()
        for value, label in (("system", self.tr("as the system")), ("light", self.tr("light")),
                             ("dark", self.tr("dark"))):
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        self.theme.setAccessibleName(self.tr("Theme"))
        h.addRow(self.tr("Theme"), self.theme)
        self.font_scale = _spin(75, 250, prefs.font_scale * 100, self.tr(" %"), 5, name=self.tr("Text size"))
        h.addRow(self.tr("Text size"), self.font_scale)
        self.clock = QComboBox()
        for value, label in (("system", self.tr("as the system")), ("24-hour", self.tr("24-hour")),
                             ("12-hour", self.tr("12-hour"))):
            self.clock.addItem(label, value)
        self.clock.setCurrentIndex(max(0, self.clock.findData(prefs.clock)))
        self.clock.setAccessibleName(self.tr("Clock format"))
        h.addRow(self.tr("Clock times"), self.clock)
        self.language = QComboBox()
        for code, label in LANGUAGE_LABELS.items():
            self.language.addItem(self.tr(label) if code == "system" else label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.language.setAccessibleName(self.tr("Language"))
        h.addRow(self.tr("Language (after a restart)"), self.language)
        self.review_day = QComboBox()
        self.review_day.addItem(self.tr("off"), -1)
        for day in range(7):  # Qt counts Monday as 1
            self.review_day.addItem(QLocale().dayName(day + 1), day)
        self.review_day.setCurrentIndex(max(0, self.review_day.findData(prefs.review_day)))
        self.review_day.setAccessibleName(self.tr("Weekly review reminder"))
        self.review_day.setToolTip(self.tr("On this day the start card reminds you of the week's review (History › "
                                           "This week) until you save it; no sound, no pop-up"))
        h.addRow(self.tr("Weekly review reminder"), self.review_day)
        self.lsl = WrappingCheck(self.tr("Stream to Lab Streaming Layer (for research; visible on your local network)"))
        self.lsl.setChecked(prefs.lsl)
        self.lsl.setAccessibleName(self.tr("Stream to Lab Streaming Layer"))
        h.addRow(self.lsl)
        return look

    def result_prefs(self) -> Preferences:
        """The edited preferences; raises SettingsError with a readable message."""
        detector = DetectorSettings.from_dict({
            **self.prefs.detector.to_dict(),
            "threshold_bpm": self.threshold.value(),
            "personal_rule_pct": self.personal_pct.value() if self.personal.isChecked() else None,
            "sustain_s": self.sustain.value(),
            "recovery_s": self.recovery.value(),
            "hysteresis_bpm": self.hysteresis.value(),
        })
        return replace(self.prefs, detector=detector, pause_min=self.pause_min.value(),
                       inhale_s=self.inhale.value(), exhale_s=self.exhale.value(),
                       cyclic_sighing=self.sighing.isChecked(), snooze_min=self.snooze.value(),
                       sound=self.sound.isChecked(), notifications=self.notify.isChecked(),
                       theme=self.theme.currentData(), font_scale=self.font_scale.value() / 100,
                       clock=self.clock.currentData(), partners=self.partners_box.partners(),
                       language=self.language.currentData(), lsl=self.lsl.isChecked(),
                       early_cue=self.early_cue.isChecked(), pause_feedback=self.pause_feedback.isChecked(),
                       review_day=self.review_day.currentData(), shared_pace=self.shared_pace.currentData(),
                       breath_sound=self.breath_sound.isChecked())

    def validate(self) -> bool:
        try:
            self.result_prefs()
        except (SettingsError, ValueError) as exc:
            message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
            self.error.setText(core(message).replace("_", " "))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return False
        self.error.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        return True

    def restore(self) -> None:
        defaults = Preferences()
        d = defaults.detector
        self.threshold.setValue(d.threshold_bpm)
        self.personal.setChecked(False)
        self.sustain.setValue(d.sustain_s)
        self.recovery.setValue(d.recovery_s)
        self.hysteresis.setValue(d.hysteresis_bpm)
        self.pause_min.setValue(defaults.pause_min)
        self.inhale.setValue(defaults.inhale_s)
        self.exhale.setValue(defaults.exhale_s)
        self.sighing.setChecked(False)
        self.snooze.setValue(defaults.snooze_min)
        self.partners_box.reset_thresholds()  # names and colours are people, not settings: kept
