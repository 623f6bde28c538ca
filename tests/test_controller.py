"""The session controller: what happens to a beat, decided once for the window and for ``record``."""

from __future__ import annotations

import heapq
from dataclasses import replace

from devices.scenarios import ARGUMENT, WITHDRAW
from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.events import AlertRaised, PauseChanged, PauseStarted, StoreChanged, TicksAdded
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.live.session import EpisodeRecord
from flooding_monitor.storage.store import SessionStore
from tests.session_samples import Clock, feed_until


def started(tmp_path, prefs: Preferences | None = None) -> tuple[SessionController, Clock, list]:
    store = SessionStore(tmp_path / "history.sqlite3")
    controller = SessionController(prefs or Preferences(), store)
    clock = Clock()
    events: list = []
    controller.listeners.append(events.append)
    controller.start(clock.now, "demo", "Strap A", "demo")
    return controller, clock, events


def test_changing_a_setting_mid_session_keeps_the_saved_episodes(tmp_path):
    """Bug: applying settings built a new session without its episodes and deleted them from the store."""
    controller, clock, _ = started(tmp_path)
    samples = ARGUMENT.samples(seed=7, source="Strap A")
    feed_until(controller, clock, samples, lambda: bool(controller.session.episodes))
    episode = controller.session.episodes[0]
    controller.recorder.flush()
    sid = controller.recorder.session_id
    assert len(controller.store.episodes(sid)) == 1
    trace_before = len(controller.session.first.trace)

    new_rules = replace(controller.prefs.detector, sustain_s=45.0)
    controller.apply_prefs(replace(controller.prefs, detector=new_rules))
    assert controller.session.first.monitor.settings.sustain_s == 45.0  # the new rule is in force
    feed_until(controller, clock, samples, lambda: clock.t > episode.onset_s + 60)
    controller.finish()

    assert controller.session.episodes[0].start_s == episode.start_s  # kept in memory...
    assert len(controller.session.first.trace) > trace_before  # ...with the trace
    saved = controller.store.episodes(sid)
    assert saved and saved[0].start_s == episode.start_s  # ...and in the history
    assert saved[0].end_s is not None  # closed when the rules changed


def test_saving_the_protocol_never_deletes_rows(tmp_path):
    store = SessionStore(tmp_path / "h.sqlite3")
    sid = store.create_session(__import__("datetime").datetime.now(), "demo", "x", None, {})
    store.save_protocol(sid, [EpisodeRecord(10.0, 40.0, None, 120.0)], [], [])
    store.save_protocol(sid, [EpisodeRecord(10.0, 40.0, 90.0, 125.0, True)], [], [])  # the same episode, updated
    store.save_protocol(sid, [], [], [])  # a caller that forgot it
    (row,) = store.episodes(sid)
    assert (row.start_s, row.end_s, row.peak_bpm, row.alerted) == (10.0, 90.0, 125.0, True)


def test_events_come_out_in_the_order_a_front_end_draws_them(tmp_path):
    controller, clock, events = started(tmp_path)
    controller.add_partner(1, "Strap B")
    a = ARGUMENT.samples(seed=7, source="A")
    b = (replace(s, partner=1) for s in WITHDRAW.samples(seed=11, source="B", start_s=0.4))
    feed_until(controller, clock, heapq.merge(a, b, key=lambda s: s.t_s), lambda: controller.session.alert_active)
    alerts = [k for k, e in enumerate(events) if isinstance(e, AlertRaised)]
    assert len(alerts) == 1 and events[alerts[0]].slots == (0,)
    assert isinstance(events[alerts[0] + 1], TicksAdded)  # the alert first, then the number
    assert {e.slot for e in events if isinstance(e, TicksAdded)} == {0, 1}

    controller.start_pause("alert")
    assert isinstance(events[-1], PauseStarted) and not controller.session.alert_active
    clock.t += 20 * 60
    controller.advance()
    assert [e.what for e in events if isinstance(e, PauseChanged)] == ["due"]
    controller.advance()  # said once
    assert [e.what for e in events if isinstance(e, PauseChanged)] == ["due"]
    controller.end_pause()
    assert controller.finish()
    sid = controller.recorder.session_id
    info = controller.store.session(sid)
    assert info.closed_by == "app" and info.ended_at is not None
    assert [p.slot for p in controller.store.partners(sid)] == [0, 1]
    assert len(controller.store.pauses(sid)) == 1 and controller.store.pauses(sid)[0].ended_s is not None


def test_a_store_that_refuses_is_reported_and_finish_says_so(tmp_path):
    controller = SessionController(Preferences(), None)
    events: list = []
    controller.listeners.append(events.append)
    controller.start(lambda: 0.0, "demo", "Strap A")
    assert isinstance(events[0], StoreChanged) and events[0].error
    assert controller.finish() is False  # nothing was saved: never claim it was


def test_we_were_moving_marks_the_episode_and_keeps_it_out_of_trends(tmp_path):
    from flooding_monitor.review.history import summaries, weekly_trends

    controller, clock, events = started(tmp_path)
    feed_until(controller, clock, ARGUMENT.samples(seed=7, source="A"), lambda: controller.session.alert_active)
    controller.mark_moving()
    assert not controller.session.alert_active and controller.session.snoozes  # waits, like "Not now"
    assert controller.session.episodes[-1].moving
    controller.finish()
    sid = controller.recorder.session_id
    assert [e.moving for e in controller.store.episodes(sid)] == [True]  # the history keeps it, marked
    (summary,) = summaries(controller.store)
    assert summary.episodes == 0 and summary.flooded_s == 0
    assert weekly_trends(controller.store, with_near_misses=False)[0].episodes == 0


def test_the_alert_says_movement_raises_the_rate_too(qtbot):
    from ui.alert_banner import AlertBanner

    banner = AlertBanner()
    qtbot.addWidget(banner)
    banner.set_message(100, 30, 20)
    assert "Walking or exercise raise the heart rate too." in banner.text.text()
    assert banner.moving_button.text() == "We were moving"
