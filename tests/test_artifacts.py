"""Artifact classification and correction, live against batch."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from flooding_monitor.artifacts import (
    ArtifactKind,
    StreamingCorrector,
    classify,
    correct,
)


def regular_rr(n: int, seed: int = 0, mean_us: int = 800_000) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    rr = mean_us * (1 + 0.04 * np.sin(2 * np.pi * t / 4.5)) + rng.normal(0, 5_000, n)
    return rr.astype(np.int64)


def kinds_of(rr: np.ndarray) -> np.ndarray:
    return classify(rr, np.arange(rr.size - 2))


def test_clean_rhythm_is_left_almost_untouched():
    # The method's published false-positive rate is not zero; a correction of a
    # normal beat replaces it by the local median, which barely moves the rate.
    rr = regular_rr(600)
    assert np.count_nonzero(kinds_of(rr)) <= 3


def test_missed_beat_is_split_in_two():
    rr = regular_rr(300)
    rr[150] = rr[150] + rr[151]
    rr = np.delete(rr, 151)
    kinds = kinds_of(rr)
    assert kinds[150] == ArtifactKind.MISSED
    assert np.count_nonzero(kinds) == 1
    clean = correct(rr, np.cumsum(rr) / 1e6)
    assert clean.counts["missed"] == 1
    # The beat count is restored and the interval is halved.
    assert clean.nn_us.size == rr.size - 2 + 1
    assert abs(int(clean.nn_us[150]) - 800_000) < 120_000


def test_extra_beat_is_merged():
    rr = regular_rr(300)
    first = int(rr[150] * 0.4)
    rr = np.insert(rr, 151, rr[150] - first)
    rr[150] = first
    kinds = kinds_of(rr)
    assert kinds[150] == ArtifactKind.EXTRA
    clean = correct(rr, np.cumsum(rr) / 1e6)
    assert clean.counts["extra"] == 1
    assert clean.nn_us.size == rr.size - 2 - 1
    assert abs(int(clean.nn_us[150]) - 800_000) < 120_000


def test_premature_beat_with_compensatory_pause_is_corrected():
    rr = regular_rr(300)
    total = int(rr[150] + rr[151])
    rr[150] = int(rr[150] * 0.6)
    rr[151] = total - rr[150]
    kinds = kinds_of(rr)
    assert kinds[150] != ArtifactKind.NORMAL
    assert np.count_nonzero(kinds) <= 2
    clean = correct(rr, np.cumsum(rr) / 1e6)
    assert sum(clean.counts.values()) == np.count_nonzero(kinds)


def test_last_two_beats_are_not_final():
    rr = regular_rr(50)
    clean = correct(rr, np.cumsum(rr) / 1e6)
    assert clean.nn_us.size == 48
    assert np.array_equal(clean.final_t, (np.cumsum(rr) / 1e6)[2:])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(270_000, 2_000_000), min_size=0, max_size=260))
def test_streaming_corrector_equals_batch(values):
    rr = np.asarray(values, dtype=np.int64)
    recv = np.arange(rr.size, dtype=np.float64)
    batch = correct(rr, recv)
    live = StreamingCorrector()
    beats = [b for v, t in zip(values, recv) for b in live.push(v, float(t))]
    assert [b.nn_us for b in beats] == batch.nn_us.tolist()
    assert [b.final_t for b in beats] == batch.final_t.tolist()
    assert [b.corrected for b in beats] == batch.corrected.tolist()
    assert live.counts == batch.counts


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(270_000, 2_000_000), min_size=1, max_size=400))
def test_order_statistic_filter_equals_sorting_each_window(rr):
    """Batch windows go through scipy's rank filter, live ones through a sorted matrix: same integers."""
    import flooding_monitor.artifacts as art

    values = np.asarray(rr, dtype=np.int64)
    pos = np.arange(values.size)
    original = art.FILTER_FROM
    try:
        art.FILTER_FROM = 0
        by_filter = (art.trailing_threshold(np.diff(values, prepend=values[0]), pos), art.trailing_median(values, pos))
        art.FILTER_FROM = 10**9
        by_sorting = (art.trailing_threshold(np.diff(values, prepend=values[0]), pos), art.trailing_median(values, pos))
    finally:
        art.FILTER_FROM = original
    assert np.array_equal(by_filter[0], by_sorting[0]) and np.array_equal(by_filter[1], by_sorting[1])
