"""Trends: week by week, how often flooding came, for how long and how soon calm came back,
with one sentence that says what changed."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from flooding_monitor.review.history import TrendChange, latest_change
from flooding_monitor.live.partners import DEFAULT_PARTNERS

from .i18n import core, short_date
from .screen_fit import FillingScrollArea
from .session_detail import NEUTRAL
from .theme import style_chart


class TrendsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        f = self.summary.font()
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.summary.setFont(f)
        layout.addWidget(self.summary)
        self.plots = {}
        self.titles: dict[str, str] = {}
        charts = QWidget()
        self.grid = QGridLayout(charts)
        self.grid.setContentsMargins(0, 0, 0, 0)
        # Two by two where their titles fit side by side, else one above the other; each chart keeps room
        # for its bars and numbers and the charts scroll (at 250 % on 800x550 they were 40 px tall, their
        # ticks overlapping, their titles cut).
        self.charts_area = FillingScrollArea(charts)
        layout.addWidget(self.charts_area, 1)
        for key, title in (("episodes", self.tr("Episodes per week")), ("minutes", self.tr("Minutes flooded per week")),
                           ("recovery", self.tr("Median minutes from pause to calm")),
                           ("near", self.tr("Near-misses per week"))):
            p = pg.PlotWidget()
            style_chart(p, title, labelled=False)
            p.setBackground(None)
            p.setMouseEnabled(x=False, y=False)
            p.setAccessibleName(title)
            p.setMinimumHeight(self.fontMetrics().height() * 8)
            self.plots[key] = p
            self.titles[key] = title
        self.columns = 0
        self._arrange()
        self.caption = QLabel(self.near_miss_text())
        self.partner_names = tuple(p.name for p in DEFAULT_PARTNERS)
        self.partner_colours = tuple(p.colour for p in DEFAULT_PARTNERS)
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)

    def _arrange(self) -> None:
        """Two columns when every title fits half the width, else one."""
        widest = max(QFontMetrics(plot.font()).horizontalAdvance(self.titles[key]) for key, plot in self.plots.items())
        columns = 2 if widest + self.fontMetrics().height() * 4 <= self.charts_area.viewport().width() // 2 else 1
        if columns == self.columns:
            return
        self.columns = columns
        for k, plot in enumerate(self.plots.values()):
            self.grid.removeWidget(plot)
            self.grid.addWidget(plot, k // columns, k % columns)
        self.charts_area.fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange()

    def show_weeks(self, weeks: list) -> None:
        """Draw the weeks :func:`weekly_trends` counted (on the history's reader thread)."""
        for plot in self.plots.values():
            plot.setVisible(bool(weeks))
        if not weeks:  # an empty chart would show axes of nothing
            self.summary.setText("")
            self.caption.setText(self.tr("No sessions yet. Week by week, this page will show how often flooding "
                                         "came, for how long, and how soon calm came back."))
            return
        x = np.arange(len(weeks))
        ticks = [[(i, short_date(w.week_start)) for i, w in enumerate(weeks)]]
        values = {
            "episodes": [w.episodes for w in weeks],
            "minutes": [w.minutes_flooded for w in weeks],
            "recovery": [w.median_recovery_min if w.median_recovery_min is not None else math.nan for w in weeks],
            "near": [w.near_misses for w in weeks],
        }
        colours = {"episodes": self.partner_colours[0], "minutes": NEUTRAL, "recovery": NEUTRAL, "near": NEUTRAL}
        couples = any(w.couple_sessions for w in weeks)
        for key, plot in self.plots.items():
            plot.clear()
            if key == "episodes" and couples:  # each partner's episodes side by side, in their colours
                for k, offset in ((0, -0.17), (1, 0.17)):
                    heights = np.asarray([w.episodes_by_partner[k] for w in weeks], float)
                    plot.addItem(pg.BarGraphItem(x=x + offset, height=heights, width=0.32,
                                                 brush=self.partner_colours[k]))
            else:
                vals = np.nan_to_num(np.asarray(values[key], float))
                plot.addItem(pg.BarGraphItem(x=x, height=vals, width=0.6, brush=colours[key]))
            plot.getAxis("bottom").setTicks(ticks)
            if key in ("episodes", "near"):  # counts: whole numbers on the axis (one session read 0.1 ... 1.0)
                top = max([1.0, *values[key], *(w.episodes_by_partner[0] for w in weeks)])
                plot.setYRange(0, top, padding=0.1)
                plot.getAxis("left").setTickSpacing(max(1, math.ceil(top / 4)), 1)
            else:  # minutes never go below nought (with no pause measured the axis read -0.4 to 0.4)
                finite = [v for v in values[key] if not math.isnan(v)]
                plot.setYRange(0, max([1.0, *finite]), padding=0.1)
        names = self.partner_names
        self.summary.setText(self.sentence(latest_change(weeks)))
        self.caption.setText(
            (self.tr("Episodes:") + f" <span style='color:{self.partner_colours[0]}'>■</span> {core(names[0])}  "
             f"<span style='color:{self.partner_colours[1]}'>■</span> {core(names[1])}<br>" if couples else "") +
            self.near_miss_text())

    def sentence(self, change: TrendChange | None) -> str:
        """"3 episodes this week, 5 the week before; calm came back 4 minutes sooner." """
        if change is None:
            return ""
        count = self.tr("1 episode") if change.episodes == 1 else self.tr("{n} episodes").format(n=change.episodes)
        when = self.tr("this week") if change.is_this_week else self.tr("in the week of {date}").format(
            date=short_date(change.week_start, "MMMM"))
        if change.episodes_before is None:
            text = self.tr("{count} {when}; no sessions the week before.").format(count=count, when=when)
        else:
            text = self.tr("{count} {when}, {before} the week before").format(
                count=count, when=when, before=change.episodes_before)
            sooner = change.recovery_sooner_min
            if sooner is None:
                text += self.tr(".")
            elif sooner >= 1:
                text += self.tr("; calm came back {n} min sooner.").format(n=f"{sooner:.0f}")
            elif sooner <= -1:
                text += self.tr("; calm took {n} min longer to come back.").format(n=f"{-sooner:.0f}")
            else:
                text += self.tr("; calm came back as soon as before.")
        return text[:1].upper() + text[1:]

    def near_miss_text(self) -> str:
        return self.tr("Near-miss: a “speeding up” cue that settled without flooding — a moment you caught in time.")
