"""What a pause did: the breathing's swing per breath and the coherence ratio on known series, the
rate at the pause's start and end and the minutes to calm (issue 25, items 2 and 4)."""

from __future__ import annotations

import numpy as np
from scipy.signal import lombscargle

from flooding_monitor.protocol.pause_effect import coherence_ratio, local_swing_bpm, pause_effect


def _beats(breaths_per_min: float | None, seconds: float = 300.0, seed: int = 1, mean_hr: float = 70.0,
           swing_bpm: float = 10.0) -> tuple[np.ndarray, np.ndarray]:
    """Beats of a heart at ``mean_hr`` whose rate rises and falls ``swing_bpm`` with each breath (None:
    random beat-to-beat variability of the same size instead)."""
    rng = np.random.default_rng(seed)
    t, times, rr = 0.0, [], []
    while t < seconds:
        if breaths_per_min is None:
            hr = mean_hr + rng.normal(0, swing_bpm / 2.8)
        else:
            hr = mean_hr + swing_bpm / 2 * np.sin(2 * np.pi * breaths_per_min / 60 * t) + rng.normal(0, 0.5)
        step = 60.0 / hr
        t += step
        times.append(t)
        rr.append(step * 1000)
    return np.array(times), np.array(rr)


def test_breathing_at_six_a_minute_is_coherent_and_random_variability_is_not():
    for seed in range(1, 6):
        calm = coherence_ratio(*_beats(6.0, seed=seed))
        noisy = coherence_ratio(*_beats(None, seed=seed))
        assert calm is not None and noisy is not None
        assert calm > 5.0 > 1.5 > noisy  # one tall peak against a spread of small ones


def test_the_coherence_peak_is_where_a_second_method_finds_the_breathing():
    """A second implementation on the same beats: Lomb–Scargle on the unevenly spaced intervals
    (no resampling) finds the same dominant rhythm the coherence ratio is built around."""
    for bpm in (4.5, 6.0, 7.5, 10.0):
        t, rr = _beats(bpm, seed=int(bpm * 10))
        window = t >= t[-1] - 64
        freqs = np.linspace(0.04, 0.26, 500)
        power = lombscargle(t[window], rr[window] - rr[window].mean(), 2 * np.pi * freqs)
        assert abs(freqs[int(np.argmax(power))] - bpm / 60) < 0.015
        assert coherence_ratio(t, rr) > 2.0


def test_the_swing_per_breath_follows_the_breathing_depth():
    small = local_swing_bpm(_beats(6.0, swing_bpm=4.0)[1])
    large = local_swing_bpm(_beats(6.0, swing_bpm=16.0)[1])
    assert small is not None and large is not None and large > 2 * small
    assert local_swing_bpm([800.0] * 4) is None  # too few beats: nothing invented


def test_a_pause_reports_its_start_end_and_minutes_to_calm():
    ticks = np.arange(0.0, 1500.0)
    hr = np.interp(ticks, [0, 100, 400, 1500], [110, 110, 80, 76])  # calms from 100 s on
    valid = np.ones_like(ticks, bool)
    bt, rr = _beats(6.0, seconds=1500.0)
    effect = pause_effect(0, (100.0, 1300.0), ticks, hr, valid, 90.0, bt, rr)
    assert effect.hr_start_bpm == 110.0 and round(effect.hr_end_bpm, 1) == 76.7
    # under 90 bpm from 300 s (200 s into the pause), held a minute
    assert abs(effect.calm_after_min - (300 - 100) / 60) < 0.05
    assert effect.swing_bpm is not None and effect.coherence is not None and effect.coherence > 2
    assert effect.to_json()["partner"] == "A"
    quiet = pause_effect(1, (100.0, 1300.0), ticks, hr, ~valid, 90.0, bt[:0], rr[:0])
    assert quiet.hr_start_bpm is None and quiet.calm_after_min is None and quiet.coherence is None


def test_analyze_reports_what_each_pause_of_a_session_file_did(tmp_path, capsys):
    """`analyze --json` of a session file: per pause the rate at its start and end, minutes to calm and
    (RR allowing) the breathing's swing and coherence; the words say the same."""
    import json

    from flooding_monitor.formats.session_file import export_session_file
    from tests.session_samples import paused_session
    from ui.terminal.cli import main

    home, sid = paused_session(tmp_path)
    path = export_session_file(home, sid, tmp_path / "out")
    assert main(["analyze", str(path), "--json"]) == 0
    (pause,) = json.loads(capsys.readouterr().out)["pauses"]
    (stored,) = home.pauses(sid)
    assert pause["started_s"] == stored.started_s and pause["partner"] == "A"
    assert pause["hr_start_bpm"] > pause["hr_end_bpm"]  # the pause was taken flooded and ended calmer
    assert pause["swing_bpm"] is not None and pause["coherence"] is not None
    assert main(["analyze", str(path)]) == 0
    assert f"{pause['hr_start_bpm']:.0f} → {pause['hr_end_bpm']:.0f} bpm" in capsys.readouterr().out


def test_the_history_says_what_each_pause_did(tmp_path, qtbot):
    from tests.session_samples import paused_session
    from flooding_monitor.review.stored_session import read_session
    from ui.session_detail import SessionDetail

    home, sid = paused_session(tmp_path)
    detail = SessionDetail()
    qtbot.addWidget(detail)
    detail.show_session(read_session(home, sid))
    text = detail.stats.text()
    assert "Pause (10 min)" in text and "bpm with each breath" in text and "(coherence)" in text
    assert "→" in text and ("calm after" in text or "not yet calm" in text)



def test_the_pause_feedback_is_opt_in_and_says_the_heart_is_calming(qtbot):
    """Issue 25, item 2: off by default (the pacer alone comes first); turned on, each partner's line
    says where the rate is heading and what the breathing does to it, from the live beats."""
    from dataclasses import replace

    from devices.scenarios import ARGUMENT
    from flooding_monitor.live.controller import SessionController
    from flooding_monitor.live.preferences import Preferences
    from ui.pages import PausePage

    assert Preferences().pause_feedback is False
    clock = [0.0]
    controller = SessionController(replace(Preferences(), pause_feedback=True), None)
    controller.start(lambda: clock[0], "demo", "Strap A", "demo")
    samples = ARGUMENT.samples(seed=7, source="A")
    page = PausePage(controller.view(), controller.prefs.breathing)
    qtbot.addWidget(page)
    paused_at = None
    for s in samples:
        clock[0] = s.t_s
        controller.feed(s)
        controller.advance()
        if paused_at is None and controller.session.alert_active:
            controller.start_pause("alert")
            paused_at = s.t_s
        if paused_at is not None and s.t_s >= paused_at + 240:
            break
    line = page._person_line(controller.view().first, clock[0], named=False)
    assert "slowing down" in line and "with each breath" in line  # no resting rate measured
    from flooding_monitor.detection.baseline import Baseline

    controller.set_baseline(0, Baseline(70.0, 40.0, 120.0))
    assert "slowing toward your usual (70 bpm)" in page._person_line(controller.view().first, clock[0], named=False)
    controller.apply_prefs(replace(controller.prefs, pause_feedback=False))
    assert "with each breath" not in page._person_line(controller.view().first, clock[0], named=False)
