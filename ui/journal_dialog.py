"""Journal notes after a session: the seed's Stage One prompts. Optional and private."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from .i18n import core
from .screen_fit import FittingDialog, scrolling

PROMPTS = (
    ("trigger", QT_TRANSLATE_NOOP("JournalDialog", "What happened just before?"),
     QT_TRANSLATE_NOOP("JournalDialog", "Be precise: “after I shared something vulnerable, he replied with one word”.")),
    ("body", QT_TRANSLATE_NOOP("JournalDialog", "Where did you feel it in your body?"),
     QT_TRANSLATE_NOOP("JournalDialog", "Chest tight, throat, stomach sinking, jaw, hot or cold…")),
    ("response", QT_TRANSLATE_NOOP("JournalDialog", "What did you do?"),
     QT_TRANSLATE_NOOP("JournalDialog", "Pursue, withdraw, attack, or freeze?")),
    ("familiar", QT_TRANSLATE_NOOP("JournalDialog", "Does it feel familiar?"),
     QT_TRANSLATE_NOOP("JournalDialog", "Does it echo earlier relationships or childhood?")),
    ("other", QT_TRANSLATE_NOOP("JournalDialog", "Anything else"), ""),
)


class JournalDialog(FittingDialog):
    """The Stage One prompts; with two partners, who is writing (a note is shared in a therapist report
    only when its writer ticks it in)."""

    def __init__(self, parent: QWidget | None = None, writers: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Journal — notice, don't judge"))
        root = QVBoxLayout(self)
        self.body = QWidget()
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("These notes are for you: data, not judgement. They stay on this computer."))
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.who: QComboBox | None = None
        if len(writers) == 2:
            who = QLabel("<b>{}</b>".format(self.tr("Who is writing?")))
            self.who = QComboBox()
            for slot, name in enumerate(writers):
                self.who.addItem(core(name), slot)
            self.who.addItem(self.tr("Both of us"), None)
            self.who.setAccessibleName(self.tr("Who is writing?"))
            self.who.setToolTip(self.tr("Only the writer can share this note in a report for a therapist"))
            who.setBuddy(self.who)
            column.addWidget(who)
            column.addWidget(self.who)
        self.fields: dict[str, QPlainTextEdit] = {}
        lines = QFontMetrics(self.font()).lineSpacing()
        for key, question, hint in PROMPTS:  # each question above its box: the box keeps the full width
            question, hint = self.tr(question), self.tr(hint) if hint else ""
            label = QLabel(f"<b>{question}</b>")
            label.setWordWrap(True)
            edit = QPlainTextEdit()
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(question)
            edit.setToolTip(hint or self.tr("Optional: leave it empty if nothing comes to mind."))
            edit.setFixedHeight(3 * lines + 12)  # three lines of the text in force
            label.setBuddy(edit)
            column.addWidget(label)
            column.addWidget(edit)
            self.fields[key] = edit
        root.addWidget(scrolling(self.body), 1)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                                  | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)
        self.fit_body(self.body, [buttons], width=max(560, 50 * QFontMetrics(self.font()).averageCharWidth()))

    def values(self) -> dict[str, str]:
        return {k: e.toPlainText().strip() for k, e in self.fields.items()}

    def writer(self) -> int | None:
        """The writer's slot; None when not asked (one partner) or written by both."""
        return None if self.who is None else self.who.currentData()

    def is_empty(self) -> bool:
        return not any(self.values().values())
