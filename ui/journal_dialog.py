"""Journal notes after a session: the seed's Stage One prompts. Optional and private."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

PROMPTS = (
    ("trigger", "What happened just before?",
     "Be precise: “after I shared something vulnerable, he replied with one word”."),
    ("body", "Where did you feel it in your body?", "Chest tight, throat, stomach sinking, jaw, hot or cold…"),
    ("response", "What did you do?", "Pursue, withdraw, attack, or freeze?"),
    ("familiar", "Does it feel familiar?", "Does it echo earlier relationships or childhood?"),
    ("other", "Anything else", ""),
)


class JournalDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Journal — notice, don't judge")
        self.resize(560, 560)
        root = QVBoxLayout(self)
        intro = QLabel("These notes are for you: data, not judgement. They stay on this computer.")
        intro.setWordWrap(True)
        root.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, QPlainTextEdit] = {}
        for key, question, hint in PROMPTS:
            edit = QPlainTextEdit()
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(question)
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
