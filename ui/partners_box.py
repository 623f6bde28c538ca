"""Settings' box of the two people who may wear straps: a name, a colour and an own threshold each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from flooding_monitor.live.partners import Partner

from .i18n import core


class PartnersBox(QGroupBox):
    """``rows``: (name, colour button, own threshold) per partner; :meth:`partners` reads them back."""

    def __init__(self, partners: tuple[Partner, Partner], spin: Callable[..., QDoubleSpinBox]) -> None:
        super().__init__()
        self.setTitle(self.tr("Partners (two straps)"))
        self.kept = partners  # what the box does not edit (a breathing rate the practice found) is kept
        form = QFormLayout(self)
        self.rows: list[tuple[QLineEdit, QPushButton, QDoubleSpinBox]] = []
        for k, partner in enumerate(partners):
            letter = "AB"[k]
            row = QHBoxLayout()
            name = QLineEdit(core(partner.name))
            name.setMaxLength(40)
            name.setAccessibleName(self.tr("Name of partner {letter}").format(letter=letter))
            name.setToolTip(self.tr("Shown beside this partner's number, trace and history."))
            colour = QPushButton("■")
            colour.setFixedWidth(44)
            colour.setAccessibleName(self.tr("Colour of partner {letter}").format(letter=letter))
            colour.setToolTip(self.tr("This partner's colour everywhere: number, trace and history."))
            self._show_colour(colour, partner.colour)
            colour.clicked.connect(lambda _=False, b=colour: self._pick_colour(b))
            threshold = spin(59, 180, partner.threshold_bpm or 59, self.tr(" bpm"),
                             name=self.tr("Own threshold of partner {letter}").format(letter=letter))
            threshold.setSpecialValueText(self.tr("shared"))
            threshold.setToolTip(self.tr("This partner's own flooding threshold; “shared” uses the one above."))
            row.addWidget(name, 1)
            row.addWidget(colour)
            row.addWidget(threshold)
            form.addRow(self.tr("Partner {letter}").format(letter=letter), row)
            self.rows.append((name, colour, threshold))
        note = QLabel(self.tr("Own threshold: “shared” uses the one above."))
        note.setWordWrap(True)
        form.addRow(note)

    def partners(self) -> tuple[Partner, Partner]:
        """The partners as edited (raises SettingsError with a readable message)."""
        a, b = (Partner(name.text().strip(), colour.property("colour"),
                        None if threshold.value() < 60 else threshold.value(), kept.breaths_per_min)
                for (name, colour, threshold), kept in zip(self.rows, self.kept))
        return a, b

    def reset_thresholds(self) -> None:
        for _, _, threshold in self.rows:
            threshold.setValue(threshold.minimum())

    def _pick_colour(self, button: QPushButton) -> None:
        chosen = QColorDialog.getColor(QColor(button.property("colour")), self, self.tr("Partner colour"))
        if chosen.isValid():
            self._show_colour(button, chosen.name())

    @staticmethod
    def _show_colour(button: QPushButton, colour: str) -> None:
        button.setProperty("colour", colour)
        button.setStyleSheet(f"color: {colour}; font-size: 18px;")
