"""About and help: what the app does, what it is not, and when to get help."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

HELP_HTML = """
<h2>Flooding Monitor</h2>
<p><b>This is not a medical device.</b> It does not diagnose or treat anything. If you feel chest
pain, faintness or your heart races without reason, seek medical care.</p>
<h3>What it does</h3>
<p>When a partner's heart rate stays above about 100 beats per minute during a conflict
(Gottman's <i>flooding</i>), listening and reasoning stop working. The remedy is a real pause of at
least 20 minutes spent calming the body — not rehearsing the argument — and a return at an agreed
time. The app watches a chest strap, tells you calmly when flooding has set in, and guides the
pause.</p>
<p>An alert needs the rate to stay above the threshold for the whole sustain window (30 s by
default): one fast beat, a missed beat or a loose strap never raises it. When the strap is not
reading, the app says so; it never shows that as calm.</p>
<h3>Keyboard</h3>
<p><b>Space</b> pause now · <b>Ctrl+,</b> settings · <b>Ctrl+D</b> choose a strap ·
<b>Ctrl+B</b> measure resting rate · <b>F1</b> this help · <b>Esc</b> “not now” on an alert ·
<b>Ctrl+Q</b> quit</p>
<h3>When professional help is needed</h3>
<p>Self-help practices can be effective, but some situations need professional support: when
patterns have persisted for years despite sincere efforts; when activation leads to feeling out of
control — rage, dissociation, self-harm; when a relationship is in crisis — infidelity discovered,
divorce threatened, abuse present; or when one partner has a significant trauma history. Effective
approaches include Emotionally Focused Therapy (EFT), attachment-based couple therapy, and
individual therapy for attachment trauma such as EMDR or sensorimotor psychotherapy.</p>
<p>If anyone is in danger, contact your local emergency number.</p>
<h3>Your data</h3>
<p>Heart data stays on this computer. Nothing is sent anywhere.</p>
"""


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About and help")
        self.resize(640, 620)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setHtml(HELP_HTML)
        self.text.setAccessibleName("Help text")
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
