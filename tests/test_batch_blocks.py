"""The batch path works column-wise and a block at a time: it must decide exactly what one sample,
one beat or one tick at a time decides."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from flooding_monitor.detection import heart_rate
from flooding_monitor.heart import artifacts
from flooding_monitor.heart.beats import Intake, to_arrays
from flooding_monitor.heart.sample_columns import SampleColumns
from flooding_monitor.heart.samples import Contact, HeartRateSample
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.heart.synthetic import Artifacts, Profile, recording

samples_strategy = st.lists(
    st.builds(
        HeartRateSample,
        t_s=st.floats(0, 100, allow_nan=False),
        hr_bpm=st.one_of(st.none(), st.floats(0, 400, allow_nan=False)),
        rr_us=st.lists(st.integers(0, 3_000_000), max_size=4).map(tuple),
        contact=st.sampled_from(list(Contact)),
    ),
    max_size=60,
)


def one_at_a_time(samples: list[HeartRateSample]):
    """The reference: the live path's gatekeeper, one sample after another."""
    intake = Intake()
    t, hr, contact, rr, recv = [], [], [], [], []
    for s in samples:
        ok, hr_m, beats = intake.accept(s)
        if ok:
            t.append(s.t_s)
            hr.append(hr_m)
            contact.append(int(s.contact))
            rr += beats
            recv += [s.t_s] * len(beats)
    return t, hr, contact, rr, recv, intake.counts


@settings(max_examples=300, deadline=None)
@given(samples_strategy)
def test_column_intake_equals_the_live_gatekeeper(samples):
    t, hr, contact, rr, recv, counts = one_at_a_time(samples)
    data = to_arrays(SampleColumns.from_samples(samples))
    assert data.t_s.tolist() == t
    assert data.hr_milli.tolist() == hr
    assert data.contact.tolist() == contact
    assert data.beat_rr_us.tolist() == rr
    assert data.beat_recv_t.tolist() == recv
    assert data.counts == counts


def test_columns_give_back_the_samples_they_were_made_of():
    samples = recording(Profile(((0, 70), (600, 72))), 5, Artifacts(ectopic_s=[100.0]))
    back = list(SampleColumns.from_samples(samples).samples(samples[0].source))
    assert back == samples


def _artifact_rich(seconds: float) -> np.ndarray:
    samples = recording(Profile(((0, 62), (300, 120), (600, 64), (seconds, 70))), 11,
                        Artifacts(ectopic_s=list(np.arange(20, seconds, 17.0)),
                                  missed_s=list(np.arange(33, seconds, 41.0)),
                                  extra_s=list(np.arange(51, seconds, 53.0))))
    return to_arrays(samples)


def test_classifying_in_blocks_equals_one_call(monkeypatch):
    data = _artifact_rich(1500)
    rr = data.beat_rr_us
    n = rr.size - artifacts.LOOKAHEAD
    whole = artifacts.classify(rr, np.arange(n))
    assert np.count_nonzero(whole) > 50
    monkeypatch.setattr(artifacts, "CLASSIFY_BLOCK", 97)  # blocks shorter than HISTORY, edges everywhere
    assert np.array_equal(artifacts.classify_all(rr, n), whole)


def test_ticks_in_blocks_equal_one_block(monkeypatch):
    data = _artifact_rich(1500)
    s = DetectorSettings()
    one, counts = heart_rate.compute_ticks(data, s)
    monkeypatch.setattr(heart_rate, "TICK_BLOCK", 61)
    blocks, counts_blocks = heart_rate.compute_ticks(data, s)
    assert counts == counts_blocks and sum(counts.values()) > 50
    for name in ("t_s", "hr_bpm", "rmssd_ms", "quality"):
        assert np.array_equal(getattr(one, name), getattr(blocks, name), equal_nan=True), name
