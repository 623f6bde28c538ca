"""The session report for a therapist as a PDF: Qt's own PDF writer, History's own chart.

:func:`flooding_monitor.review.report.session_report` decides what is in it;
this module puts it in words (the user's language) and on A4 pages: the
chart, each partner's figures, what happened in order with clock times,
the journal notes ticked in (the others are only counted), and what the
numbers mean and do not. Made for black-and-white printing: the chart tells
partners apart by line and hatching, the text is black on white.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QTextDocument

from flooding_monitor.review.report import Moment, MomentKind, PartnerFigures, SessionReport, session_report
from flooding_monitor.review.stored_session import StoredSession

from .durations import duration_text
from .i18n import core, date_time, join, sentences
from .journal_dialog import PROMPTS
from .notes_view import written
from .pdf_report import PdfReport, heading, table
from .report_chart import PrintedSessionChart
from .vector_charts import CHART_MARK, VectorCharts


class SessionReportPdf(PdfReport):
    """Writes one session's report; a QObject so its words are translated like the window's."""

    def __init__(self, report: SessionReport) -> None:
        super().__init__()
        self.report = report

    def document(self, chart_size: QSize) -> QTextDocument:
        """The report as rich text, the chart at ``chart_size`` (the page's text width)."""
        doc = self.new_document()
        doc.setHtml(self.html(chart_size))
        if self.report.end_s > self.report.start_s:
            VectorCharts(doc).place(PrintedSessionChart().picture(self.report.stored, chart_size), chart_size)
        return doc

    # -- the words --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Session report: {when}").format(when=date_time(self.report.stored.info.started_at))

    def html(self, chart_size: QSize) -> str:
        r = self.report
        people = join([p.name for p in r.partners])
        parts = [f"<h1>{escape(self.title())}</h1>",
                 "<p>" + escape(self.tr("{length} of conversation · {people}").format(
                     length=duration_text(r.length_s, "0 s"), people=people)) + "</p>"]
        if r.end_s > r.start_s:
            parts += [f"<p>{CHART_MARK}</p>",
                      f"<p class='small'>{escape(self.legend())}</p>"]
        else:
            parts.append("<p>" + escape(self.tr("No heart-rate data was recorded in this session.")) + "</p>")
        parts += [heading(self.tr("Each partner")), self._figures_table(),
                  heading(self.tr("What happened")), self._timeline_table(),
                  heading(self.tr("Journal notes")), self._notes(),
                  self.ending()]
        return "".join(parts)

    def legend(self) -> str:
        lines = [self.tr("Heart rate (30-s mean), beats a minute, against minutes from the start.")]
        names = [p.name for p in self.report.partners]
        if len(names) > 1:
            lines.append(self.tr("Solid line: {a}; dashed line: {b}.").format(a=core(names[0]), b=core(names[1])))
        lines.append(self.tr("Hatched: flooding. Grey band: a pause. Grey dashed line: the threshold. "
                             "▼ an alert, ○ “Not now”."))
        return sentences(lines)

    def _figures_table(self) -> str:
        """One row per figure, one column per partner: two partners read side by side."""
        partners = self.report.partners
        labels = [self.tr("Threshold"), self.tr("Resting rate"), self.tr("Median rate"), self.tr("Highest rate"),
                  self.tr("Flooding"), self.tr("Near-misses caught in time"),
                  self.tr("Calm after a pause began (median)")]
        columns = [self._figures_of(p) for p in partners]
        rows = [[escape(label)] + [escape(col[k]) for col in columns] for k, label in enumerate(labels)]
        return table([""] + [core(p.name) for p in partners], rows)

    def _figures_of(self, p: PartnerFigures) -> list[str]:
        bpm = self.tr("{n} bpm")
        episodes = (self.tr("none") if p.episodes == 0 else
                    self.tr("1 episode, {time}") if p.episodes == 1 else self.tr("{n} episodes, {time}"))
        return [bpm.format(n=f"{p.threshold_bpm:.0f}"),
                "—" if p.baseline_bpm is None else bpm.format(n=f"{p.baseline_bpm:.0f}"),
                "—" if p.median_bpm is None else bpm.format(n=f"{p.median_bpm:.0f}"),
                "—" if p.highest_bpm is None else bpm.format(n=f"{p.highest_bpm:.0f}"),
                episodes.format(n=p.episodes, time=duration_text(p.flooded_s, "0 s")),
                str(p.near_misses),
                "—" if p.calm_after_min is None else self.tr("{n} min").format(n=f"{p.calm_after_min:.0f}")]

    def _timeline_table(self) -> str:
        rows = [[escape(self._when(m)), escape(self._who(m)),
                 self._pause(m) if m.kind is MomentKind.PAUSE else escape(self._what(m))]
                for m in self.report.moments]
        if not rows:
            return "<p>" + escape(self.tr("No flooding, alert or pause in this session.")) + "</p>"
        return table([self.tr("Time"), self.tr("Who"), self.tr("What")], rows)

    def _when(self, m: Moment) -> str:
        start = self.report.clock(m.t_s)
        if m.kind in (MomentKind.FLOODED, MomentKind.PAUSE) and m.end_s is not None:
            return f"{start:%H:%M}–{self.report.clock(m.end_s):%H:%M}"
        return f"{start:%H:%M}"

    def _who(self, m: Moment) -> str:
        if m.partner is None:
            return self.tr("Both") if len(self.report.partners) > 1 else ""
        names = {p.slot: p.name for p in self.report.partners}
        return core(names.get(m.partner, "?"))

    def _what(self, m: Moment) -> str:
        if m.kind is MomentKind.FLOODED:
            length = duration_text(None if m.end_s is None else m.end_s - m.t_s)
            return (self.tr("Flooded for {length}, peak {bpm} bpm") if m.end_s is not None else
                    self.tr("Flooded until the end, peak {bpm} bpm")).format(length=length, bpm=f"{m.peak_bpm:.0f}")
        if m.kind is MomentKind.ALERT:
            return self.tr("The alert suggested a pause")
        if m.kind is MomentKind.NOT_NOW:
            return self.tr("“Not now” pressed; the alert waited until {time}").format(
                time=f"{self.report.clock(m.end_s):%H:%M}" if m.end_s is not None else "?")
        if m.kind is MomentKind.NEAR_MISS:
            return self.tr("The heart sped up and calmed before flooding (a near-miss caught in time)")
        return self.tr("The strap stopped reading")

    def _pause(self, m: Moment) -> str:
        """A pause's lines, as HTML: the agreed return, how it ended, what it did to each partner."""
        p = m.pause
        lines = [self.tr("Pause; return agreed for {time}").format(time=_clock_of(p.return_at))]
        if p.ended_s is None:
            lines.append(self.tr("still running at the end"))
        elif p.ended_early:
            lines.append(self.tr("ended early, after {length}").format(length=duration_text(p.ended_s - p.started_s)))
        else:
            lines.append(self.tr("returned after {length}").format(length=duration_text(p.ended_s - p.started_s)))
        names = {q.slot: q.name for q in self.report.partners}
        for e in m.effects:
            lines.append(self._effect(e, names.get(e.partner, "?") if len(names) > 1 else ""))
        return "<br>".join(escape(line) for line in lines)

    def _effect(self, e, name: str) -> str:
        parts = []
        if e.hr_start_bpm is not None and e.hr_end_bpm is not None:
            parts.append(self.tr("{start} → {end} bpm").format(start=f"{e.hr_start_bpm:.0f}", end=f"{e.hr_end_bpm:.0f}"))
        parts.append(self.tr("calm after {minutes} min").format(minutes=f"{e.calm_after_min:.0f}")
                     if e.calm_after_min is not None else self.tr("not calm for a minute in it"))
        if e.swing_bpm is not None:
            parts.append(self.tr("the rate rose and fell {bpm} bpm with each breath").format(bpm=f"{e.swing_bpm:.0f}"))
        if e.coherence is not None:
            parts.append(self.tr("coherence {ratio}").format(ratio=f"{e.coherence:.1f}"))
        text = join(parts)
        return self.tr("{name}: {text}").format(name=core(name), text=text) if name else text

    def _notes(self) -> str:
        r = self.report
        out = []
        for n, note in r.shared_notes:
            fields = [f"<b>{escape(QCoreApplication.translate('JournalDialog', question))}</b> "
                      f"{escape(getattr(note, key))}" for key, question, _hint in PROMPTS if getattr(note, key)]
            names = {p.slot: p.name for p in r.partners}
            when = (self.tr("Note {n} by {name}, written {when}").format(n=n, name=core(names[note.partner]),
                                                                          when=written(note.written_at))
                    if note.partner in names else self.tr("Note {n}, written {when}").format(n=n, when=written(note.written_at)))
            out.append(f"<p><i>{escape(when)}</i><br>{'<br>'.join(fields)}</p>")
        if r.withheld_notes:
            out.append("<p><i>" + escape(
                self.tr("1 journal note was not shared.") if r.withheld_notes == 1 else
                self.tr("{n} journal notes were not shared.").format(n=r.withheld_notes)) + "</i></p>")
        if not r.stored.notes:
            out.append("<p><i>" + escape(self.tr("No journal notes for this session.")) + "</i></p>")
        return "".join(out)


def write_session_report(stored: StoredSession, path: Path, shared_notes=(), overwrite: bool = False) -> None:
    """The report of ``stored`` at ``path`` (the notes numbered in ``shared_notes`` in, the rest counted)."""
    SessionReportPdf(session_report(stored, shared_notes)).save(Path(path), overwrite)


def _clock_of(iso: str) -> str:
    """A stored return time (ISO 8601) as the clock reads it."""
    try:
        return f"{dt.datetime.fromisoformat(iso):%H:%M}"
    except ValueError:
        return iso


