"""The weekly review (issue 27): a generated month, its numbers, the wins before the setbacks.

Sessions are generated beat by beat (tests' own synthetic straps), analysed
by the batch detector and stored as the app stores them; the review must
count what was stored.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from flooding_monitor.detection.analysis import analyze
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.heart.synthetic import Profile, recording
from flooding_monitor.protocol.pause import start_pause
from flooding_monitor.review.weekly_review import WinKind, weekly_review
from flooding_monitor.storage.rituals import Rituals
from flooding_monitor.storage.store import DB_NAME, SessionStore

MONDAY = dt.date(2026, 11, 23)
CALM = Profile(((0.0, 72.0), (20 * 60.0, 74.0)))
#: Calm, a four-minute flood at 115 bpm from the fifth minute, calm again for the rest of 40 minutes.
FLOOD = Profile(((0.0, 72.0), (300.0, 74.0), (330.0, 115.0), (570.0, 115.0), (690.0, 76.0), (2400.0, 74.0)))


def add_session(store: SessionStore, day: dt.date, profile: Profile, pause: str | None = None,
                seed: int = 1, note: str = "") -> int:
    """One evening at 20:00: ``pause`` "kept" (the agreed 20 min) or "early" (ended after 5)."""
    started = dt.datetime.combine(day, dt.time(20, 0))
    settings = DetectorSettings()
    samples = recording(profile, seed)
    sid = store.create_session(started, "demo", "Demo strap", None, settings.to_dict())
    store.write_batch(sid, samples)
    episodes = analyze(samples, settings).detection.episodes
    pauses = []
    if pause is not None:
        at = episodes[0].start_s + 60
        p = start_pause(at, started + dt.timedelta(seconds=at), 20 * 60, "alert")
        p.end(at + (20 * 60 if pause == "kept" else 5 * 60), pause == "kept")
        pauses.append(p)
    store.save_protocol(sid, episodes, pauses, [])
    store.end_session(sid, started + dt.timedelta(seconds=samples[-1].t_s), samples[-1].t_s)
    if note:
        store.add_note(sid, trigger=note)
    return sid


@pytest.fixture(scope="module")
def month(tmp_path_factory) -> SessionStore:
    store = SessionStore(tmp_path_factory.mktemp("month") / DB_NAME)
    for weeks_before in (4, 3, 2):  # one flooded evening a week
        add_session(store, MONDAY - dt.timedelta(weeks=weeks_before) + dt.timedelta(days=2), FLOOD, "kept",
                    seed=weeks_before)
    for k, day in enumerate((0, 2, 4)):  # the week before: three floods, one pause ended early
        add_session(store, MONDAY - dt.timedelta(days=7 - day), FLOOD, "early" if k == 0 else None, seed=10 + k)
    add_session(store, MONDAY, CALM, seed=20)  # the reviewed week: a calm evening ...
    add_session(store, MONDAY + dt.timedelta(days=2), FLOOD, "kept", seed=21, note="money, again")
    add_session(store, MONDAY + dt.timedelta(days=5), FLOOD, "kept", seed=22)
    rituals = Rituals(store)
    for day in (1, 3):
        rituals.add_check_in(120, dt.datetime.combine(MONDAY + dt.timedelta(days=day), dt.time(8, 30)))
    rituals.add_check_in(120, dt.datetime.combine(MONDAY + dt.timedelta(days=7), dt.time(8, 30)))  # next week
    return store


def test_the_week_is_counted_as_the_history_stored_it(month):
    review = weekly_review(month, MONDAY + dt.timedelta(days=3))
    w = review.week
    assert (w.week_start, w.sessions, w.calm_sessions, w.episodes) == (MONDAY, 3, 1, 2)
    assert (w.pauses, w.pauses_kept, w.check_ins) == (2, 2, 2)
    assert 3 <= w.minutes_flooded <= 12
    p = review.previous
    assert (p.sessions, p.episodes, p.pauses, p.pauses_kept) == (3, 3, 1, 0)
    assert review.month.episodes_per_week == pytest.approx((1 + 1 + 1 + 3) / 4)
    assert [w.week_start for w in review.recent] == [MONDAY - dt.timedelta(weeks=k) for k in (4, 3, 2, 1, 0)]


def test_what_went_well_comes_first_and_setbacks_carry_their_note(month):
    review = weekly_review(month, MONDAY)
    kinds = [win.kind for win in review.wins]
    assert kinds[:2] == [WinKind.PAUSES_KEPT, WinKind.CALM_SESSIONS]
    assert (WinKind.FEWER_EPISODES in kinds) and (WinKind.CHECK_INS in kinds)
    assert next(w.count for w in review.wins if w.kind is WinKind.FEWER_EPISODES) == 1
    assert [s.note for s in review.setbacks] == ["money, again", ""]
    assert all(3 <= s.minutes <= 8 and s.peak_bpm > 100 for s in review.setbacks)


def test_the_couples_note_is_one_per_week_and_saving_again_edits_it(month):
    rituals = Rituals(month)
    assert weekly_review(month, MONDAY).note is None
    rituals.save_review(MONDAY + dt.timedelta(days=6), working="the pause", adjusting="", near_misses="Tuesday")
    rituals.save_review(MONDAY, working="the pause, and coming back", adjusting="start earlier", near_misses="")
    note = weekly_review(month, MONDAY).note
    assert (note.working, note.adjusting, note.near_misses) == ("the pause, and coming back", "start earlier", "")
    assert weekly_review(month, MONDAY - dt.timedelta(days=1)).note is None  # the week before has its own


def test_an_empty_week_says_so_and_a_first_week_has_nothing_to_compare(tmp_path):
    store = SessionStore(tmp_path / DB_NAME)
    review = weekly_review(store, MONDAY)
    assert review.is_empty and review.wins == [] and review.setbacks == []
    add_session(store, MONDAY, FLOOD, None, seed=5)
    review = weekly_review(store, MONDAY)
    assert [w.kind for w in review.wins] == [WinKind.SHOWED_UP]  # no pause, no calm evening: they came back


def test_history_this_week_reads_well_first_then_setbacks_and_saves_our_note(month, qtbot):
    """History › This week, as a couple goes through it: words first, setbacks met with repair, the note."""
    from tests.helpers import history_window, settled

    history = history_window(qtbot, month)
    history.tabs.setCurrentIndex(2)
    history.show_review(MONDAY + dt.timedelta(days=1))
    settled(qtbot, history)
    view = history.review
    words, setbacks = view.words.text(), view.setbacks.text()
    assert "3 conversations with the monitor on; 2 flooding episodes." in words
    assert words.index("You took 2 pauses and came back as agreed each time.") < words.index("Compared")
    assert "1 flooding episode fewer than the week before." in words and "2 daily check-ins." in words
    assert "The week before: 3 flooding episodes" in words
    assert "I fell into an old pattern. Sorry. Let me try again." in setbacks and "note: money, again" in setbacks
    for edit, text in zip(view.answers.values(), ("the pause", "start earlier", "")):
        edit.setPlainText(text)
    view.save.click()
    settled(qtbot, history)
    note = Rituals(SessionStore(month.path)).review(MONDAY)
    assert (note.working, note.adjusting) == ("the pause", "start earlier")
    assert view.saved.text().startswith("Saved")
    view.earlier.click()
    settled(qtbot, history)
    assert view.week == MONDAY - dt.timedelta(days=7) and view.answers["working"].toPlainText() == ""


def test_a_check_in_of_two_minutes_is_counted_and_a_false_start_is_not(qtbot):
    from ui.check_in_dialog import CheckInDialog

    clock = [100.0]
    dialog = CheckInDialog(now=lambda: clock[0])
    qtbot.addWidget(dialog)
    counted: list[float] = []
    dialog.done.connect(counted.append)
    dialog.go.click()
    clock[0] += 61
    dialog.update_clock()
    assert dialog.clock.text() == "0:59"
    clock[0] += 60
    dialog.update_clock()  # two minutes: it ends by itself
    assert counted == [120.0] and dialog.result() == 1
    again = CheckInDialog(now=lambda: clock[0])
    qtbot.addWidget(again)
    again.done.connect(counted.append)
    again.go.click()
    clock[0] += 10
    again.go.click()  # "We're done" after ten seconds: closed, not counted
    assert counted == [120.0]


def test_the_reminder_is_off_by_default_and_on_the_chosen_day_links_to_the_review(qtbot, worker, tmp_path):
    from flooding_monitor.live.preferences import Preferences, PreferencesFile
    from ui.main_window import MainWindow

    assert Preferences().review_day == -1  # off unless the couple turns it on
    today = dt.date.today()
    store = SessionStore(tmp_path / DB_NAME)
    window = MainWindow(Preferences(sound=False, notifications=False, review_day=today.weekday()),
                        PreferencesFile(tmp_path / "p.json"), worker, settings_scope="fm-tests", store=store)
    qtbot.addWidget(window)
    window.show()
    card = window.start_card
    qtbot.waitUntil(lambda: card.review.isVisible(), timeout=10_000)
    assert "Today is your weekly review" in card.review.text()
    card.review.linkActivated.emit("review")
    assert window.history_door.window.isVisible() and window.history_door.window.tabs.currentIndex() == 2
    qtbot.waitUntil(lambda: not window.history_door.window.busy, timeout=10_000)
    window.history_door.window.close()
    Rituals(store).save_review(today, working="we came back")
    window.review_reminder.check(window.prefs.review_day)
    qtbot.waitUntil(lambda: not card.review.isVisible(), timeout=10_000)  # done for this week
    window.review_reminder.check((today.weekday() + 1) % 7)
    assert not card.review.isVisible()


def test_a_report_of_weeks_counts_each_week_and_lists_its_sessions(month):
    from flooding_monitor.review.report import range_report

    report = range_report(month, weeks=3, last_day=MONDAY + dt.timedelta(days=6))
    assert (report.first_day, report.last_day) == (MONDAY - dt.timedelta(weeks=2), MONDAY + dt.timedelta(days=6))
    assert [w.episodes for w in report.weeks] == [1, 3, 2] and report.episodes == 6
    assert [w.pauses_kept for w in report.weeks] == [1, 0, 2] and [w.check_ins for w in report.weeks] == [0, 0, 2]
    assert len(report.sessions) == 7 and report.sessions == sorted(report.sessions, key=lambda s: s.started_at)
    with pytest.raises(ValueError):
        range_report(month, weeks=0, last_day=MONDAY)


def test_the_pdf_of_weeks_reads_back_with_each_week_and_no_note(month, qapp, tmp_path):
    import pypdf

    from flooding_monitor.review.report import range_report
    from ui.range_report_pdf import write_range_report

    out = tmp_path / "weeks.pdf"
    write_range_report(range_report(month, weeks=3, last_day=MONDAY + dt.timedelta(days=6)), out)
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(out).pages).split())
    text = unicodedata.normalize("NFKC", text)  # the font's ligatures ("ﬂ") as letters
    assert "Report of 3 weeks" in text and "7 conversations, 6 flooding episodes" in text
    assert "3 of 4 pauses lasted the agreed time" in text and "2 daily check" in text  # "check- ins" at a line end
    for day in ("9 Nov", "16 Nov", "23 Nov"):
        assert day in text
    assert "money, again" not in text and "are not in this report" in text
