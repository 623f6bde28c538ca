"""The personal breathing rate (issue 25 item 3): the practice finds the pace a heart resonates at."""

from __future__ import annotations

import numpy as np
import pytest

from flooding_monitor.protocol.resonance import (
    RATES_PER_MIN,
    SETTLE_S,
    STEP_S,
    analyse_practice,
    pace,
    step_at,
)


def practice_beats(resonance_per_min: float, seed: int, width: float = 0.6, rsa_ms: float = 90.0):
    """A heart following the practice's pacer, its breathing swing largest at ``resonance_per_min``
    (a resonance curve), with beat-to-beat noise."""
    rng = np.random.default_rng(seed)
    t, times, rr = 0.0, [], []
    while t < STEP_S * len(RATES_PER_MIN):
        step, _ = step_at(t)
        rate = RATES_PER_MIN[step]
        gain = 1.0 / (1.0 + ((rate - resonance_per_min) / width) ** 2)
        interval = 900.0 + rsa_ms * gain * np.sin(2 * np.pi * rate / 60.0 * t) + rng.normal(0, 12)
        t += interval / 1000.0
        times.append(t)
        rr.append(interval)
    return np.asarray(times), np.asarray(rr)


@pytest.mark.parametrize("resonance", [6.0, 5.5, 5.0, 4.5])
def test_the_practice_chooses_the_pace_of_the_largest_swing(resonance):
    times, rr = practice_beats(resonance, seed=int(resonance * 10))
    result = analyse_practice(times + 30.0, rr, start_s=30.0)  # it began 30 s into the session
    assert [s.breaths_per_min for s in result.steps] == list(RATES_PER_MIN)
    assert result.best_rate == resonance
    assert result.most_coherent_rate is not None  # the second view, shown beside it
    swings = [s.swing_bpm for s in result.steps]
    assert max(swings) > 2 * min(swings)


def test_a_heart_without_a_breathing_rhythm_gives_small_swings_and_no_strong_coherence():
    rng = np.random.default_rng(3)
    rr = 900 + rng.normal(0, 15, 700)
    times = np.cumsum(rr) / 1000.0
    result = analyse_practice(times, rr, start_s=0.0)
    assert all(s.coherence is None or s.coherence < 2.0 for s in result.steps)


def test_each_pace_breathes_out_longer_and_keeps_its_rate():
    for rate in RATES_PER_MIN:
        pattern = pace(rate)
        assert pattern.breaths_per_minute == pytest.approx(rate, abs=0.02)
        assert pattern.exhale_s > pattern.inhale_s
    assert step_at(0.0) == (0, 0.0) and step_at(STEP_S + SETTLE_S) == (1, SETTLE_S)
    assert step_at(STEP_S * len(RATES_PER_MIN)) is None


def test_too_few_beats_give_no_rate():
    result = analyse_practice(np.arange(10.0), np.full(10, 900.0), start_s=0.0)
    assert result.best_rate is None and result.most_coherent_rate is None


def test_the_practice_in_the_app_keeps_the_pace_and_the_pause_breathes_at_it(qtbot, tmp_path):
    """Ten minutes of a strap's notifications through the dialog; the pace kept; a pause follows it."""
    from dataclasses import replace

    from PySide6.QtCore import QObject, Signal

    from flooding_monitor.heart.samples import Contact, HeartRateSample
    from flooding_monitor.live.preferences import Preferences
    from ui.practice_dialog import PRACTICE_S, BreathingPractice, PracticeDialog

    class Strap(QObject):
        sample = Signal(object)

    strap, clock = Strap(), [100.0]
    dialog = PracticeDialog(None, strap.sample, 1, "Sam", lambda: clock[0])
    qtbot.addWidget(dialog)  # not shown: the numbers are the test, the circle is the screenshots'
    dialog.start_button.click()
    times, rr = practice_beats(5.0, seed=9)
    for t, interval in zip(times, rr):  # one notification per beat, as a strap sends them
        clock[0] = 100.0 + t
        strap.sample.emit(HeartRateSample(100.0 + t, 60000 / interval, (int(interval * 1000),), Contact.DETECTED,
                                          partner=1))
        strap.sample.emit(HeartRateSample(100.0 + t, 70.0, (800_000,), Contact.DETECTED, partner=0))  # the other
    clock[0] = 100.0 + PRACTICE_S + 1
    dialog.update_step()
    assert dialog.result is not None and dialog.chosen_rate() == 5.0
    assert not dialog.keep.isHidden() and "5 a minute" in dialog.keep.text()
    assert "at 5 breaths a minute" in dialog.step.text()

    saved: list[Preferences] = []
    prefs = Preferences()
    practice = BreathingPractice(dialog, strap.sample, lambda: prefs, saved.append, lambda: clock[0], lambda: [0, 1])
    practice.keep(1, 5.0)
    (kept,) = saved
    assert kept.partners[1].breaths_per_min == 5.0 and kept.partners[0].breaths_per_min is None
    assert kept.pause_breathing(1) == kept.breathing  # partner A alone: no pace of their own yet
    assert kept.pause_breathing(2) == kept.breathing  # a couple: the usual pace until they choose
    chosen = replace(kept, shared_pace="B")
    assert chosen.pause_breathing(2).breaths_per_minute == pytest.approx(5.0, abs=0.02)


def test_the_breath_cue_sounds_in_and_out_only_when_turned_on(qtbot):
    from dataclasses import replace

    from flooding_monitor.live.preferences import Preferences
    from ui.breath_cue import BreathCue
    from ui.chime import breath_wav
    from ui.widgets.breathing_guide import BreathingGuide

    prefs = [Preferences()]
    played: list[bool] = []
    guide = BreathingGuide(pace(6.0))
    qtbot.addWidget(guide)
    cue = BreathCue(guide, lambda: prefs[0], play=lambda rising: played.append(rising))
    guide.phase_changed.connect(cue.phase)
    for t in np.arange(0.0, 20.0, 0.25):
        guide.show_time(t)
    assert played == []  # off by default: feedback and sound are the user's choice
    prefs[0] = replace(prefs[0], breath_sound=True)
    for t in np.arange(20.0, 40.0, 0.25):  # two breaths of 10 s: in at 20 and 30, out at 24 and 34
        guide.show_time(t)
    assert played == [True, False, True, False]
    problems: list[str] = []
    quiet = BreathCue(guide, lambda: prefs[0], play=lambda rising: "no sound player")
    quiet.problem.connect(problems.append)
    quiet.phase("in")
    quiet.phase("out")
    assert len(problems) == 1  # said once, then quiet
    assert breath_wav(True) != breath_wav(False) and len(breath_wav(True)) > 20_000


def test_settings_keep_a_partners_breathing_rate(qtbot):
    """The practice's pace is the partner's: saving Settings (names, colours, thresholds) keeps it."""
    from dataclasses import replace

    from flooding_monitor.live.preferences import Preferences
    from ui.settings_dialog import SettingsDialog

    prefs = Preferences()
    prefs = replace(prefs, partners=(prefs.partners[0], replace(prefs.partners[1], breaths_per_min=5.5)))
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.partner_rows[0][0].setText("Alex")
    kept = dialog.result_prefs()
    assert kept.partners[0].name == "Alex" and kept.partners[1].breaths_per_min == 5.5
    assert "5.5 a minute" in dialog.shared_pace.itemText(2)
