"""About and help: what the app does, what it is not, and when to get help.

Each paragraph is its own message, so translators work one idea at a time.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About and help"))
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setHtml(self.help_html())
        self.text.setAccessibleName(self.tr("Help text"))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def help_html(self) -> str:
        sections = [
            ("h2", self.tr("Flooding Monitor")),
            ("p", self.tr("<b>This is not a medical device.</b> It does not diagnose or treat anything. If you "
                          "feel chest pain, faintness or your heart races without reason, seek medical care.")),
            ("h3", self.tr("What it does")),
            ("p", self.tr("When a partner's heart rate stays above about 100 beats per minute during a conflict "
                          "(Gottman's <i>flooding</i>), listening and reasoning stop working. The remedy is a real "
                          "pause of at least 20 minutes spent calming the body — not rehearsing the argument — and "
                          "a return at an agreed time. The app watches a chest strap (one for each partner, if you "
                          "like), tells you calmly when flooding has set in, and guides the pause.")),
            ("p", self.tr("An alert needs the rate to stay above the threshold for the whole sustain window (30 s "
                          "by default): one fast beat, a missed beat or a loose strap never raises it. When the "
                          "strap is not reading, the app says so; it never shows that as calm.")),
            ("p", self.tr("Walking, climbing stairs or exercise raise the heart rate too, and the strap cannot tell "
                          "that from flooding. If an alert comes while you were moving, press <b>We were moving</b>: "
                          "the alert waits, and that episode stays out of your trends.")),
            ("h3", self.tr("Two hearts together")),
            ("p", self.tr("For a couple's session, History can show when your two rates moved together (both rising "
                          "or both calming at once) or in opposite directions, more than chance would make them. "
                          "Researchers call this physiological linkage (Levenson and Gottman, 1983). It is "
                          "meaningful but not simply good or bad: rising together can be shared distress, calming "
                          "together can be repair. Use it to talk about what was happening, not to judge.")),
            ("h3", self.tr("Keyboard")),
            ("p", self.tr("<b>Space</b> pause now · <b>Ctrl+,</b> settings · <b>Ctrl+D</b> choose a strap · "
                          "<b>Ctrl+B</b> measure resting rate · <b>F11</b> room view (full screen, large print) · "
                          "<b>Esc</b> “not now” on an alert, else leaves the room view · <b>F1</b> this help · "
                          "<b>Ctrl+Q</b> quit")),
            ("h3", self.tr("When professional help is needed")),
            ("p", self.tr("Self-help practices can be effective, but some situations need professional support: "
                          "when patterns have persisted for years despite sincere efforts; when activation leads "
                          "to feeling out of control — rage, dissociation, self-harm; when a relationship is in "
                          "crisis — infidelity discovered, divorce threatened, abuse present; or when one partner "
                          "has a significant trauma history. Effective approaches include Emotionally Focused "
                          "Therapy (EFT), attachment-based couple therapy, and individual therapy for attachment "
                          "trauma such as EMDR or sensorimotor psychotherapy.")),
            ("p", self.tr("If anyone is in danger, contact your local emergency number.")),
            ("h3", self.tr("Your data")),
            ("p", self.tr("Heart data stays on this computer. Nothing is sent anywhere, unless you turn on "
                          "Lab Streaming Layer for a research recording, which streams on your local network.")),
        ]
        return "".join(f"<{tag}>{text}</{tag}>" for tag, text in sections)
