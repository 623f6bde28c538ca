"""History › This week: the seed's weekly review, to go through together.

What went well comes first (pauses kept, calm evenings, near-misses caught in
time, calm sooner, check-ins), then the comparison in words and a small
chart, then the setbacks with the seed's repair words and each one's note,
and last the seed's three questions with one shared note for the week. The
numbers come from :func:`flooding_monitor.review.weekly_review.weekly_review`
on the history's reader thread; saving goes the same way.
"""

from __future__ import annotations

import datetime as dt
import math
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from flooding_monitor.review.weekly_review import WeeklyReview, Win, WinKind

from .durations import duration_text
from .i18n import core, sentences, short_date
from .screen_fit import scrolling
from .session_detail import NEUTRAL
from .theme import style_chart

#: The seed's repair, word for word: a setback is met with it, never with a score.
REPAIR = QT_TRANSLATE_NOOP("WeeklyReviewView", "“I fell into an old pattern. Sorry. Let me try again.”")


class WeeklyReviewView(QWidget):
    """One week's review. ``week_asked(date)``: the user moved to another week; ``save_asked(date,
    working, adjusting, near_misses)``: save the couple's note; ``check_in_asked``: start a check-in."""

    week_asked = Signal(object)
    save_asked = Signal(object, str, str, str)
    check_in_asked = Signal()
    weeks_report_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.week: dt.date | None = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.earlier = QPushButton(self.tr("◀ Earlier week"))
        self.later = QPushButton(self.tr("Later week ▶"))
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.earlier.clicked.connect(lambda: self._move(-7))
        self.later.clicked.connect(lambda: self._move(7))
        top.addWidget(self.earlier)
        top.addWidget(self.title, 1)
        top.addWidget(self.later)
        outer.addLayout(top)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        self.words = QLabel()  # the sentence, what went well, the comparison
        self.words.setWordWrap(True)
        column.addWidget(self.words)
        self.chart = pg.PlotWidget()
        style_chart(self.chart, self.tr("Flooding episodes, week by week"), labelled=False)
        self.chart.setBackground(None)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.setFixedHeight(QFontMetrics(self.font()).lineSpacing() * 9)
        self.chart.setAccessibleName(self.tr("Flooding episodes, week by week"))
        column.addWidget(self.chart)
        self.setbacks = QLabel()
        self.setbacks.setWordWrap(True)
        column.addWidget(self.setbacks)
        column.addWidget(self._questions())
        outer.addWidget(scrolling(body), 1)

    def _questions(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("<h3>{}</h3>".format(escape(self.tr("Your review, together"))))
        column.addWidget(heading)
        lines = QFontMetrics(self.font()).lineSpacing()
        self.answers: dict[str, QPlainTextEdit] = {}
        for key, question in (("working", self.tr("What's working?")),
                              ("adjusting", self.tr("What needs adjusting?")),
                              ("near_misses", self.tr("Any near-misses? Moments a pattern almost started and "
                                                      "you caught it."))):
            label = QLabel(f"<b>{escape(question)}</b>")
            label.setWordWrap(True)
            edit = QPlainTextEdit()
            edit.setAccessibleName(question)
            edit.setFixedHeight(3 * lines + 12)
            label.setBuddy(edit)
            column.addWidget(label)
            column.addWidget(edit)
            self.answers[key] = edit
        row = QHBoxLayout()
        self.save = QPushButton(self.tr("Save our review"))
        self.save.clicked.connect(self._save)
        self.saved = QLabel()
        self.check_in = QPushButton(self.tr("Daily check-in…"))
        self.check_in.setToolTip(self.tr("Two minutes to connect: not logistics or problems, but affirming each "
                                         "other and the relationship"))
        self.check_in.clicked.connect(self.check_in_asked)
        self.weeks_report = QPushButton(self.tr("Report of recent weeks…"))
        self.weeks_report.setToolTip(self.tr("A PDF of the last weeks for a therapist: each week's counts, the "
                                             "charts and a line per conversation (no notes)"))
        self.weeks_report.clicked.connect(self.weeks_report_asked)
        row.addWidget(self.save)
        row.addWidget(self.saved, 1)
        row.addWidget(self.check_in)
        row.addWidget(self.weeks_report)
        column.addLayout(row)
        return box

    # -- drawing ------------------------------------------------------------------------------
    def show_review(self, review: WeeklyReview, today: dt.date | None = None) -> None:
        """Draw a review the reader computed (the week, its wins, its setbacks, its note)."""
        today = today or dt.date.today()
        self.week = review.week.week_start
        self.later.setEnabled(self.week + dt.timedelta(days=7) <= today)
        self.title.setText(self.tr("Week of {date}").format(
            date=QLocale().toString(self.week, QLocale.FormatType.LongFormat)))
        self.words.setText(self.words_of(review))
        self._draw_chart(review)
        self.setbacks.setText(self.setbacks_of(review))
        note = review.note
        for key, edit in self.answers.items():
            edit.setPlainText(getattr(note, key) if note is not None else "")
        self.saved.setText("" if note is None else self.tr("Saved {when}.").format(
            when=QLocale().toString(note.written_at, QLocale.FormatType.ShortFormat)))

    def words_of(self, review: WeeklyReview) -> str:
        if review.is_empty:
            return "<p>" + escape(self.tr("Nothing recorded this week yet. The review fills in as you talk with "
                                          "the monitor on.")) + "</p>"
        parts = ["<p><b>" + escape(self.sentence(review)) + "</b></p>"]
        if review.wins:
            parts.append("<h3>" + escape(self.tr("What went well")) + "</h3><ul>")
            parts += [f"<li>{escape(self.win_text(win))}</li>" for win in review.wins]
            parts.append("</ul>")
        parts.append("<h3>" + escape(self.tr("Compared")) + "</h3><p>" + escape(self.comparison(review)) + "</p>")
        return "".join(parts)

    def sentence(self, review: WeeklyReview) -> str:
        """The week in one sentence: how many conversations, how much flooding."""
        w = review.week
        if w.sessions == 0:
            return self.tr("No conversation recorded this week.")
        talks = self.tr("1 conversation") if w.sessions == 1 else self.tr("{n} conversations").format(n=w.sessions)
        floods = self.tr("no flooding") if w.episodes == 0 else (
            self.tr("1 flooding episode") if w.episodes == 1 else self.tr("{n} flooding episodes").format(n=w.episodes))
        return self.tr("{talks} with the monitor on; {floods}.").format(talks=talks, floods=floods)

    def win_text(self, win: Win) -> str:
        n = win.count
        texts = {
            WinKind.PAUSES_KEPT: (self.tr("You took a pause and came back as agreed.") if n == 1 else
                                  self.tr("You took {n} pauses and came back as agreed each time.")),
            WinKind.CALM_SESSIONS: (self.tr("1 conversation without any flooding.") if n == 1 else
                                    self.tr("{n} conversations without any flooding.")),
            WinKind.NEAR_MISSES: (self.tr("1 near-miss caught in time: a heart sped up and calmed before "
                                          "flooding.") if n == 1 else
                                  self.tr("{n} near-misses caught in time: a heart sped up and calmed before "
                                          "flooding.")),
            WinKind.CALM_SOONER: self.tr("Calm came back {minutes} min sooner than the week before."),
            WinKind.FEWER_EPISODES: (self.tr("1 flooding episode fewer than the week before.") if n == 1 else
                                     self.tr("{n} flooding episodes fewer than the week before.")),
            WinKind.CHECK_INS: (self.tr("1 daily check-in.") if n == 1 else self.tr("{n} daily check-ins.")),
            WinKind.SHOWED_UP: self.tr("You kept talking with the monitor on. That is the practice."),
        }
        return texts[win.kind].format(n=n, minutes=f"{win.minutes:.0f}")

    def comparison(self, review: WeeklyReview) -> str:
        p, m = review.previous, review.month
        calm = self.tr("; calm came back after {minutes} min")
        before = (self.tr("The week before: nothing recorded.") if p.sessions == 0 else
                  self.tr("The week before: {n} flooding episodes{calm}.").format(
                      n=p.episodes, calm="" if p.calm_after_min is None else calm.format(
                          minutes=f"{p.calm_after_min:.0f}")))
        month = self.tr("The four weeks before: {n} episodes a week on average{calm}.").format(
            n=f"{m.episodes_per_week:.1f}".rstrip("0").rstrip("."),
            calm="" if m.calm_after_min is None else calm.format(minutes=f"{m.calm_after_min:.0f}"))
        return sentences([before, month])

    def setbacks_of(self, review: WeeklyReview) -> str:
        if not review.setbacks:
            return "" if review.is_empty else "<h3>{}</h3><p>{}</p>".format(
                escape(self.tr("Setbacks")), escape(self.tr("No flooding this week.")))
        items = []
        for s in review.setbacks:
            line = self.tr("{when} · {who}, {length}, up to {bpm} bpm").format(
                when=f"{QLocale().toString(s.started_at.date(), QLocale.FormatType.ShortFormat)} "
                     f"{s.started_at:%H:%M}", who=core(s.partner_name), length=duration_text(s.minutes * 60, "0 s"),
                bpm="—" if s.peak_bpm is None else f"{s.peak_bpm:.0f}")
            if s.note:
                line += " · " + self.tr("note: {text}").format(text=s.note)
            items.append(f"<li>{escape(line)}</li>")
        intro = self.tr("Old patterns come back when you are tired, stressed or triggered: that is expected, not a "
                        "failure. Meet each one with repair, not shame: {repair}").format(repair=self.tr(REPAIR))
        return "<h3>{}</h3><p>{}</p><ul>{}</ul>".format(escape(self.tr("Setbacks")), escape(intro), "".join(items))

    def _draw_chart(self, review: WeeklyReview) -> None:
        self.chart.clear()
        weeks = review.recent
        heights = np.asarray([w.episodes for w in weeks], float)
        brushes = [NEUTRAL] * (len(weeks) - 1) + [self.palette().highlight().color()]
        self.chart.addItem(pg.BarGraphItem(x=np.arange(len(weeks)), height=heights, width=0.6, brushes=brushes))
        self.chart.getAxis("bottom").setTicks([[(i, short_date(w.week_start)) for i, w in enumerate(weeks)]])
        top = max(1.0, float(heights.max()))
        self.chart.setYRange(0, top, padding=0.1)
        self.chart.getAxis("left").setTickSpacing(max(1, math.ceil(top / 4)), 1)  # whole episodes, never 0.5

    # -- asking -------------------------------------------------------------------------------
    def _move(self, days: int) -> None:
        if self.week is not None:
            self.week_asked.emit(self.week + dt.timedelta(days=days))

    def _save(self) -> None:
        if self.week is not None:
            self.save_asked.emit(self.week, *(self.answers[k].toPlainText().strip()
                                              for k in ("working", "adjusting", "near_misses")))
