"""The history tells the story: marks where the alert fired and "Not now" was pressed, one colour per
partner, durations in words, and a sentence saying what changed since the week before."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtGui import QColor

from flooding_monitor.review.history import latest_change, summaries, weekly_trends
from flooding_monitor.live.session import EpisodeRecord
from flooding_monitor.storage.store import SessionStore
from tests.session_samples import lived_session
from flooding_monitor.review.stored_session import read_session
from ui.session_detail import NEUTRAL, SessionDetail
from ui.session_table import SessionTableModel
from ui.trends_view import TrendsView


def test_the_session_chart_marks_alerts_not_now_and_pauses_in_the_right_colours(qtbot, tmp_path):
    store, sid = lived_session(tmp_path)
    detail = SessionDetail()
    qtbot.addWidget(detail)
    detail.show_session(read_session(store, sid))
    items = detail._items
    alerts = [t for t, kind, _, _ in store.events_with_partner(sid) if kind == "alert"]
    triangles = [i for i in items if isinstance(i, pg.ScatterPlotItem) and i.opts["symbol"] == "t"]
    assert sum(len(i.data) for i in triangles) == len(alerts) >= 1
    partner_a = store.partners(sid)[0].colour
    assert triangles[0].opts["brush"].color().name() == partner_a
    circles = [i for i in items if isinstance(i, pg.ScatterPlotItem) and i.opts["symbol"] == "o"]
    assert sum(len(i.data) for i in circles) == len(store.snoozes(sid)) >= 1
    regions = [i for i in items if isinstance(i, pg.LinearRegionItem)]
    colours = {r.brush.color().name() for r in regions}
    assert QColor(118, 118, 118).name() in colours  # the pause: neutral
    assert partner_a in colours  # partner A's flooding: A's colour
    assert "#3b82c4" not in colours and "#d4583b" not in colours  # no colour meaning two things
    legend = detail.legend.text()
    for words in ("flooding", "alert", "“Not now”", "pause"):
        assert words in legend
    assert NEUTRAL in legend
    assert " min" in detail.stats.text() and "Length " in detail.stats.text()


def test_the_session_list_says_durations_and_notes_in_words(qtbot, tmp_path):
    store, sid = lived_session(tmp_path)
    model = SessionTableModel(lambda s: s)
    model.set_rows(summaries(store))
    (row,) = model.rows
    assert model.text(row, 1).endswith(" min")  # length, not "4300.2"
    assert model.text(row, 3).endswith((" min", " s"))  # time flooded
    assert model.text(row, 7) == "2 notes"
    row0 = type(row)(**{**row.__dict__, "notes": 0, "flooded_s": 0.0})
    row1 = type(row)(**{**row.__dict__, "notes": 1})
    assert (model.text(row0, 7), model.text(row0, 3), model.text(row1, 7)) == ("", "–", "1 note")


def _week(store: SessionStore, monday: dt.date, episodes: int, recovery_s: float) -> None:
    for k in range(episodes):
        sid = store.create_session(dt.datetime.combine(monday, dt.time(20, k)), "demo", "x", None, {})
        store.save_protocol(sid, [EpisodeRecord(100.0, 130.0, 100.0 + recovery_s + 60, 118.0)], [], [])
        store.db.execute("INSERT INTO pauses (session_id, started_s, planned_s, return_at, reason) "
                         "VALUES (?, 160, 1200, '', 'alert')", (sid,))
        store.end_session(sid, dt.datetime.combine(monday, dt.time(21, k)), 3600.0)
    store.db.commit()


def test_the_trend_sentence_compares_the_latest_week_with_the_one_before(qtbot, tmp_path):
    store = SessionStore(tmp_path / "h.sqlite3")
    today = dt.date(2026, 11, 25)
    this_monday = today - dt.timedelta(days=today.weekday())
    _week(store, this_monday - dt.timedelta(days=7), 5, recovery_s=14 * 60)
    _week(store, this_monday, 3, recovery_s=10 * 60)
    change = latest_change(weekly_trends(store, with_near_misses=False), today)
    assert (change.is_this_week, change.episodes, change.episodes_before) == (True, 3, 5)
    assert round(change.recovery_sooner_min) == 4
    view = TrendsView()
    qtbot.addWidget(view)
    assert view.sentence(change) == "3 episodes this week, 5 the week before; calm came back 4 min sooner."


def test_the_trend_sentence_when_there_was_no_week_before(qtbot, tmp_path):
    store = SessionStore(tmp_path / "h.sqlite3")
    _week(store, dt.date(2026, 10, 5), 1, recovery_s=600)
    change = latest_change(weekly_trends(store, with_near_misses=False), dt.date(2026, 11, 25))
    view = TrendsView()
    qtbot.addWidget(view)
    assert view.sentence(change).startswith("1 episode in the week of 5 October; no sessions the week before")


def test_a_note_is_shown_as_text_with_a_readable_date(tmp_path, qtbot):
    """Issue 26: notes were dated in raw ISO; a note's markup (from an imported file) was rendered."""
    import re

    from tests.session_samples import lived_session
    from ui.session_detail import SessionDetail

    home, sid = lived_session(tmp_path)
    home.add_note(sid, trigger="<b>loud</b> & <img src='x'>")
    detail = SessionDetail()
    qtbot.addWidget(detail)
    detail.show_session(read_session(home, sid))
    text = detail.notes.toPlainText()
    assert "<b>loud</b> & <img src='x'>" in text
    assert re.search(r"\d{4}-\d{2}-\d{2}T", text) is None  # "Saturday, 5 December 2026 20:14", not ISO


def test_the_trends_count_in_whole_numbers_even_with_one_session(qtbot):
    """With one session the episodes and near-misses axes read 0.1 ... 1.0 (issue 26)."""
    import datetime as dt

    from flooding_monitor.review.history import WeekTrend
    from ui.trends_view import TrendsView

    view = TrendsView()
    qtbot.addWidget(view)
    view.show_weeks([WeekTrend(dt.date(2026, 11, 23), 1, 1, 4.0, 3.0, 0)])
    for key in ("episodes", "near"):
        axis = view.plots[key].getAxis("left")
        (major, _), *_ = axis.tickSpacing(0, 1, 200)
        assert major == 1, key
