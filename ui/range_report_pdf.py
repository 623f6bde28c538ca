"""A report of several weeks for the couple's therapist: each week's counts, History's weekly charts,
and a line per conversation.

:func:`flooding_monitor.review.report.range_report` decides what is in it.
No journal or review note is in it: notes are shared one session at a time,
by their writers (the session report).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QTextDocument

from flooding_monitor.review.history import WeekTrend
from flooding_monitor.review.report import RangeReport

from .durations import duration_text
from .i18n import date_time, join, long_date, short_date
from .pdf_report import PdfReport, heading, table
from .report_chart import PrintedTrends
from .vector_charts import CHART_MARK, VectorCharts

#: The four weekly charts, two by two, need more height than a session's one.
TRENDS_HEIGHT_PX = 420


class RangeReportPdf(PdfReport):
    def __init__(self, report: RangeReport) -> None:
        super().__init__()
        self.report = report

    def title(self) -> str:
        return self.tr("Report of {n} weeks: {first} to {last}").format(
            n=len(self.report.weeks), first=long_date(self.report.first_day), last=long_date(self.report.last_day))

    def document(self, chart_size: QSize) -> QTextDocument:
        doc = self.new_document()
        size = QSize(chart_size.width(), TRENDS_HEIGHT_PX)
        weeks = [WeekTrend(w.week_start, w.sessions, w.episodes, w.minutes_flooded, w.calm_after_min, w.near_misses)
                 for w in self.report.weeks]
        doc.setHtml(self.html(size))
        if self.report.sessions:
            VectorCharts(doc).place(PrintedTrends().picture(weeks, size), size)
        return doc

    def html(self, chart_size: QSize) -> str:
        r = self.report
        parts = [f"<h1>{escape(self.title())}</h1>", "<p>" + escape(self.summary()) + "</p>"]
        if r.sessions:
            parts.append(f"<p>{CHART_MARK}</p>")
        parts += [heading(self.tr("Week by week")), self._weeks_table(),
                  heading(self.tr("Each conversation")), self._sessions_table(),
                  "<p><i>" + escape(self.tr("Journal notes and the weekly reviews' notes are not in this report: "
                                            "they are shared one session at a time, by the partner who wrote "
                                            "them.")) + "</i></p>",
                  self.ending()]
        return "".join(parts)

    def summary(self) -> str:
        w = self.report.weeks
        talks, episodes = sum(x.sessions for x in w), sum(x.episodes for x in w)
        if talks == 0:
            return self.tr("No conversation was recorded in these weeks.")
        pauses, kept, checks = sum(x.pauses for x in w), sum(x.pauses_kept for x in w), sum(x.check_ins for x in w)
        parts = [self.tr("1 conversation") if talks == 1 else self.tr("{n} conversations").format(n=talks),
                 self.tr("no flooding") if episodes == 0 else (
                     self.tr("1 flooding episode ({time})") if episodes == 1 else
                     self.tr("{n} flooding episodes ({time} in all)")).format(
                     n=episodes, time=duration_text(sum(x.minutes_flooded for x in w) * 60, "0 s")),
                 self.tr("no pause") if pauses == 0 else self.tr("{n} of {pauses} pauses lasted the agreed time").format(
                     n=kept, pauses=pauses),
                 self.tr("no daily check-in") if checks == 0 else (
                     self.tr("1 daily check-in") if checks == 1 else self.tr("{n} daily check-ins").format(n=checks))]
        return join(parts) + self.tr(".")

    def _weeks_table(self) -> str:
        head = [self.tr("Week of"), self.tr("Talks"), self.tr("Flooding"), self.tr("Pauses kept"),
                self.tr("Calm after a pause began"), self.tr("Near-misses"), self.tr("Check-ins")]
        rows = []
        for w in self.report.weeks:
            rows.append([escape(c) for c in (
                short_date(w.week_start), str(w.sessions), self._flooding(w.episodes, w.minutes_flooded * 60),
                f"{w.pauses_kept} / {w.pauses}",
                "—" if w.calm_after_min is None else self.tr("{n} min").format(n=f"{w.calm_after_min:.0f}"),
                str(w.near_misses), str(w.check_ins))])
        return table(head, rows)

    def _sessions_table(self) -> str:
        if not self.report.sessions:
            return "<p>" + escape(self.tr("None.")) + "</p>"
        head = [self.tr("When"), self.tr("Length"), self.tr("Who"), self.tr("Flooding"), self.tr("Highest"),
                self.tr("Pauses")]
        rows = [[escape(c) for c in (
            date_time(s.started_at), duration_text(s.duration_s, "0 s"), join(list(s.partner_names)) or "—",
            self._flooding(s.episodes, s.flooded_s),
            "—" if s.peak_bpm is None else self.tr("{n} bpm").format(n=f"{s.peak_bpm:.0f}"), str(s.pauses))]
            for s in self.report.sessions]
        return table(head, rows)


    def _flooding(self, episodes: int, seconds: float) -> str:
        return self.tr("none") if episodes == 0 else self.tr("{n} ({time})").format(
            n=episodes, time=duration_text(seconds, "0 s"))


def write_range_report(report: RangeReport, path: Path, overwrite: bool = False) -> None:
    RangeReportPdf(report).save(Path(path), overwrite)
