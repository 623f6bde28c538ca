"""The end of a conversation: the session closes, a summary card says how it went, a note can follow.

"End conversation" in the top bar ends the session the strap started (the
straps are released); the card gives its length, the episodes and time
flooded (per partner for a couple), the pauses and how long calm took to
come back, and offers the journal with the seed's prompts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from flooding_monitor.review.history import SessionSummary, summarize
from flooding_monitor.review.stored_session import StoredSession, read_session

from .durations import duration_text
from .worker import LOST_AFTER_S
from .i18n import core, join
from .journal_dialog import JournalDialog
from .pages_common import _font
from . import screen_fit
from .screen_fit import FittingDialog, scrolling

if TYPE_CHECKING:
    from flooding_monitor.live.controller import SessionController

    from .history_reader import HistoryReader


#: The end card's words in the room view: a share of the screen's height (3 % is 65 px on a 4K screen).
ROOM_TEXT_SHARE = 0.03

class SummaryCard(FittingDialog):
    """How the conversation went, in a few lines; "Add a note" opens the journal."""

    def __init__(self, summary: SessionSummary, parent: QWidget | None = None, how: str = "app",
                 stored: StoredSession | None = None, large: bool = False) -> None:
        """``large``: ended from the room view, so read from the sofa like its other screens."""
        super().__init__(parent)
        self.zoom = 1.0  # how much larger than the window's text the card is drawn (the room view's)
        if large:  # everything below is sized from this font: words, chart, width
            font = QFont(self.font())
            wanted_pt = ROOM_TEXT_SHARE * screen_fit.screen_room(parent).height() * 72 / self.logicalDpiY()
            font.setPointSizeF(max(font.pointSizeF(), wanted_pt))  # in points: the card's sizes scale from them
            self.zoom = font.pointSizeF() / self.font().pointSizeF()
            self.setFont(font)
        self.how = how
        self.stored = stored
        self.setWindowTitle(self.tr("Conversation ended"))
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 20, 24, 16)
        root.setSpacing(16)
        self.text = QLabel(self.describe(summary))
        self.text.setWordWrap(True)
        self.text.setFont(_font(self, 1.15))
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        root.addWidget(scrolling(self.text), 1)  # on a small screen at large text it scrolls, never cuts
        self.chart = self._evening_chart(stored)
        if self.chart is not None:
            root.addWidget(self.chart)
        self.buttons = QDialogButtonBox()
        self.note_button = self.buttons.addButton(self.tr("Add a note…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.note_button.setToolTip(self.tr("Write what set it off, what you felt, what helped"))
        self.note_button.setDefault(True)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setToolTip(self.tr("Close the summary; the session stays in the history"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        beside = [w for w in (self.chart, self.buttons) if w is not None]
        self.fit_body(self.text, beside, width=max(480, 46 * QFontMetrics(self.text.font()).averageCharWidth()))

    def _evening_chart(self, stored: StoredSession | None) -> QLabel | None:
        """The evening at a glance: History's chart of it, small, in the window's colours."""
        if stored is None or not any(a.ticks.valid.any() for a in stored.analyses):
            return None
        label = QLabel()
        label.setPixmap(self._chart_pixmap(stored))
        label.setAccessibleName(self.tr("The evening's heart rates"))
        return label

    def _chart_pixmap(self, stored: StoredSession) -> QPixmap:
        from .report_chart import chart_image
        from .session_detail import SessionDetail

        width = max(360, 40 * QFontMetrics(self.font()).averageCharWidth())
        height = max(120, 7 * QFontMetrics(self.font()).height())
        ratio = self.devicePixelRatioF()
        # drawn at the window's text size and enlarged as a whole: ticks and lines grow with the words
        size = QSize(round(width / self.zoom), round(height / self.zoom))
        image = chart_image(SessionDetail(), stored, size, ratio * self.zoom, self.palette().window().color())
        image.setDevicePixelRatio(ratio)
        return QPixmap.fromImage(image)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """The system switched between light and dark while the card is open: the chart follows."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "chart", None) is not None:
            self.chart.setPixmap(self._chart_pixmap(self.stored))

    def describe(self, s: SessionSummary) -> str:
        lines = [self.tr("<b>{length} together.</b>").format(length=duration_text(s.duration_s))]
        flooded = duration_text(s.flooded_s)
        if s.episodes == 0:
            lines.append(self.tr("No flooding: the heart rates stayed under the threshold."))
        elif s.partner_names:
            per = join([f"{core(name)} {k}" for name, k in zip(s.partner_names, s.episodes_by_partner)])
            text = (self.tr("1 flooding episode ({per}), {time} flooded in all.") if s.episodes == 1 else
                    self.tr("{n} flooding episodes ({per}), {time} flooded in all."))
            lines.append(text.format(n=s.episodes, per=per, time=flooded))
        else:
            text = (self.tr("1 flooding episode, {time} flooded in all.") if s.episodes == 1 else
                    self.tr("{n} flooding episodes, {time} flooded in all."))
            lines.append(text.format(n=s.episodes, time=flooded))
        peak = _peak_of(self.stored) or s.peak_bpm  # the evening's highest rate, else the episodes' peak
        if peak is not None:
            lines.append(self.tr("The highest heart rate: {bpm} bpm.").format(bpm=f"{peak:.0f}"))
        if s.pauses:
            calm = ("" if s.median_recovery_s is None else self.tr(" Calm came back after {time}.").format(
                time=duration_text(s.median_recovery_s)))
            taken = self.tr("1 pause taken.") if s.pauses == 1 else self.tr("{n} pauses taken.").format(n=s.pauses)
            lines.append(taken + calm)
        if self.how == "lost":
            lines.insert(1, self.tr("No strap had sent a heart rate for {minutes} minutes, so the app ended the "
                                    "conversation at the last reading.").format(minutes=round(LOST_AFTER_S / 60)))
        lines.append(self.tr("A note now, while it is fresh, helps you see patterns later."))
        return "<br><br>".join(lines)


def _peak_of(stored: StoredSession | None) -> float | None:
    values = [float(a.ticks.hr_bpm[a.ticks.valid].max()) for a in stored.analyses if a.ticks.valid.any()] \
        if stored is not None else []
    return max(values, default=None)


class ConversationEnd(QObject):
    """Ending a conversation: the session closed and saved, the straps released, the end card, the journal.

    ``release_straps(how)`` lets the strap runner go; ``may_end()`` asks first in the middle of a pause.
    :attr:`ended` fires once the session is closed (the card follows when the history has read it back).
    """

    ended = Signal()

    def __init__(self, parent: QWidget, controller: SessionController, reader: HistoryReader | None,
                 release_straps: Callable[[str], None], may_end: Callable[[], bool],
                 room: Callable[[], bool] = lambda: False) -> None:
        """``room()``: the room view is on (the end card is then read from the sofa)."""
        super().__init__(parent)
        self.room = room
        self.parent_widget = parent
        self.controller = controller
        self.reader = reader
        self.release_straps = release_straps
        self.may_end = may_end
        self.card: SummaryCard | None = None  # the last end card shown

    def end(self, how: str = "app") -> None:
        """Close the running session; ``how``: "app" when the user ended it (asked first in a pause),
        "finished" when a replay did, "lost" when no strap had sent anything for :data:`LOST_AFTER_S`."""
        if not self.controller.running or how == "app" and not self.may_end():
            return
        recorder = self.controller.recorder
        reader = self.reader
        if reader is None or recorder is None:
            self.controller.finish(how)
        else:  # the summary is read once the writer has closed the session, on the reader's thread
            def summary_rows(store) -> tuple[list, StoredSession | None]:
                sid = recorder.session_id
                if sid is None:
                    return [], None
                return store.summary_rows(session_id=sid), read_session(store, sid)  # the chart's re-analysis too

            self.controller.finish(how, then=lambda _saved: reader.ask(
                summary_rows, lambda answer: self.show_summary(*answer, how=how), owner=self))
        self.release_straps(how)
        self.ended.emit()

    def show_summary(self, rows: list, stored: StoredSession | None = None, how: str = "app") -> None:
        """The end card for the session just closed, then the journal if the couple wants it."""
        if not rows:
            return
        summary = summarize(rows[0])
        self.card = SummaryCard(summary, self.parent_widget, how, stored, large=self.room())
        if self.card.exec() == QDialog.DialogCode.Accepted:
            journal = JournalDialog(self.parent_widget, summary.partner_names)
            if journal.exec() and not journal.is_empty() and self.reader is not None:
                values, writer, sid = journal.values(), journal.writer(), rows[0].id
                self.reader.ask(lambda store: store.add_note(sid, **values, partner=writer), lambda _: None,
                                owner=self)
