"""Real atrial fibrillation (MIT-BIH AFDB, five 10-hour records) held to issue 23's figures.

Run ``python -m tests.afdb_evaluation`` for the table in docs/evaluation.md.
"""

from pathlib import Path

import pytest

from .afdb_evaluation import MAX_DELAY_S, RECORDS, run


@pytest.fixture(scope="module")
def results():
    return {r: run(r) for r in RECORDS}


@pytest.mark.parametrize("record", RECORDS)
def test_every_stretch_at_100_for_30_s_is_alerted_within_75_s(results, record):
    r = results[record]
    assert r.stretches > 0 and r.missed == 0
    assert max(r.delays_s) <= MAX_DELAY_S


@pytest.mark.parametrize("record", RECORDS)
def test_no_false_alarm_and_no_blindness_on_a_good_contact(results, record):
    r = results[record]
    assert r.false_alarms == 0
    assert r.not_reading_s < 0.01 * r.hours * 3600


@pytest.mark.parametrize("record", RECORDS)
def test_the_30_s_rate_is_within_3_bpm_of_the_intervals_mean_95_percent_of_the_time(results, record):
    assert results[record].within_3_bpm >= 0.95


def test_live_equals_batch_on_an_hour_of_real_af_with_the_irregular_mark():
    """The live monitor gives the batch analysis's ticks, states and the irregular-rhythm mark."""
    from flooding_monitor.formats.recordings import load_recording
    from flooding_monitor.detection.settings import DetectorSettings

    from .afdb_evaluation import AFDB
    from .helpers import assert_same, live_and_batch

    samples = [s for s in load_recording(AFDB / "afdb07859_rr.txt").samples if s.t_s < 3600]
    _, live, batch = live_and_batch(samples, DetectorSettings())
    assert_same(live, batch)
    assert sum(r.tick.irregular for r in live) > 0.9 * len(live)  # an hour of AF: marked nearly throughout


def test_a_regular_heart_is_not_marked_irregular_and_frequent_premature_beats_are():
    from flooding_monitor.detection.analysis import analyze
    from flooding_monitor.formats.recordings import load_recording

    DATA = Path(__file__).parent / "data"  # noqa: N806 - the real recordings' folder

    for name in ("rest_rri.txt", "exercise_rri.hrm", "noisy_rri.hrm"):  # noisy: 42 isolated ectopic jumps
        ticks = analyze(load_recording(DATA / name).samples).ticks
        assert ticks.irregular.mean() < 0.05, name
    # a premature beat every few beats is an irregular rhythm too: the rate is the real beats' average
    ticks = analyze(load_recording(DATA / "polar_h10_premature_beats.csv").samples).ticks
    assert ticks.irregular.mean() > 0.5
