"""Journal notes after a session: the seed's Stage One prompts. Optional and private."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

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


class JournalDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Journal — notice, don't judge"))
        self.resize(560, 560)
        root = QVBoxLayout(self)
        intro = QLabel(self.tr("These notes are for you: data, not judgement. They stay on this computer."))
        intro.setWordWrap(True)
        root.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, QPlainTextEdit] = {}
        for key, question, hint in PROMPTS:
            question, hint = self.tr(question), self.tr(hint) if hint else ""
            edit = QPlainTextEdit()
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(question)
            edit.setToolTip(hint or self.tr("Optional: leave it empty if nothing comes to mind."))
            edit.setFixedHeight(64)
            form.addRow(QLabel(f"<b>{question}</b>"), edit)
            self.fields[key] = edit
        root.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)

    def values(self) -> dict[str, str]:
        return {k: e.toPlainText().strip() for k, e in self.fields.items()}

    def is_empty(self) -> bool:
        return not any(self.values().values())
