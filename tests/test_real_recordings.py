"""Real chest-strap recordings must behave as tests/data/README.md says."""

from pathlib import Path

import numpy as np
import pytest

from flooding_monitor.detection.analysis import analyze
from flooding_monitor.formats.recordings import load_recording
from flooding_monitor.detection.settings import DetectorSettings

from .helpers import assert_same, run_live

DATA = Path(__file__).parent / "data"


def analysed(name: str):
    return analyze(load_recording(DATA / name).samples)


def test_rest_has_no_episode():
    a = analysed("rest_rri.txt")
    assert a.detection.episodes == []
    assert 50 < np.nanmedian(a.ticks.hr_bpm) < 62


def test_exercise_is_one_long_episode_during_the_cycling():
    a = analysed("exercise_rri.hrm")
    episodes = a.detection.episodes
    assert len(episodes) == 1
    e = episodes[0]
    t0 = a.data.t_s[0]
    # 5 min rest, 30 min cycling, 5 min recovery
    assert 240 <= e.start_s - t0 <= 600
    assert e.end_s is not None and e.end_s - e.start_s >= 20 * 60
    assert e.end_s - t0 <= 2300


def test_noisy_ectopics_do_not_create_or_split_episodes():
    clean = analysed("exercise_rri.hrm").detection.episodes
    noisy = analysed("noisy_rri.hrm")
    assert len(noisy.detection.episodes) <= len(clean)
    assert noisy.counts["ectopic"] + noisy.counts["long_short"] + noisy.counts["missed"] >= 20


def test_high_rate_recording_shows_sustained_arousal():
    a = analysed("08012805.txt")
    assert len(a.detection.episodes) >= 1
    assert max(e.duration_s(a.ticks.t_s[-1]) for e in a.detection.episodes) >= 300


def test_premature_beats_never_alarm():
    a = analysed("polar_h10_premature_beats.csv")
    assert a.detection.episodes == []
    # The naive estimator would: a third of single beats read above 100 bpm.
    rr = a.data.beat_rr_us
    assert np.mean(60e6 / rr > 100) > 0.25


@pytest.mark.parametrize("name", ["rest_rri.txt", "polar_h10_premature_beats.csv", "08012805.txt"])
def test_live_equals_batch_on_real_recordings(name):
    samples = load_recording(DATA / name).samples
    settings = DetectorSettings()
    _, live = run_live(samples, settings)
    assert_same(live, analyze(samples, settings))
