"""The pause's coherence ratio against a second implementation of the spectrum: NeuroKit2 (issue 25).

The same RR series, the same 64-s window resampled at 2 Hz and detrended,
the same peak ±0.015 Hz over the rest of 0.04-0.26 Hz: ours zero-pads the
periodogram to a 0.002-Hz grid, NeuroKit2's ``signal_psd`` does not (bins
of 1/64 Hz), so the two agree on where the peak is (within one of its bins)
and on which series breathe more coherently (rank correlation), not on the
last digit.
"""

from __future__ import annotations

import warnings

import neurokit2 as nk  # the test extras' second implementation
import numpy as np
import pytest
from scipy.signal import detrend
from scipy.stats import spearmanr

from flooding_monitor.protocol.pause_effect import (
    BAND_HZ,
    COHERENCE_WINDOW_S,
    PEAK_HALF_WIDTH_HZ,
    RESAMPLE_HZ,
    coherence_ratio,
)


def breathing_beats(per_min: float, rsa_ms: float, seed: int, n: int = 200):
    """RR with a breathing swing of ``rsa_ms`` at ``per_min`` breaths a minute, and noise."""
    rng = np.random.default_rng(seed)
    t, times, rr = 0.0, [], []
    while len(times) < n:
        interval = 900.0 + rsa_ms * np.sin(2 * np.pi * per_min / 60.0 * t) + rng.normal(0, 25)
        t += interval / 1000.0
        times.append(t)
        rr.append(interval)
    return np.asarray(times), np.asarray(rr)


def neurokit_peak_and_ratio(times, rr) -> tuple[float, float]:
    grid = np.arange(times[-1] - COHERENCE_WINDOW_S, times[-1], 1.0 / RESAMPLE_HZ)
    series = detrend(np.interp(grid, times, rr))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        psd = nk.signal_psd(series, sampling_rate=RESAMPLE_HZ, method="fft", min_frequency=BAND_HZ[0],
                            max_frequency=BAND_HZ[1], normalize=False)
    freqs, power = psd["Frequency"].to_numpy(), psd["Power"].to_numpy()
    peak = freqs[int(np.argmax(power))]
    near = np.abs(freqs - peak) <= PEAK_HALF_WIDTH_HZ
    return float(peak), float(power[near].sum() / power[~near].sum())


def our_peak_hz(times, rr) -> float:
    from scipy.signal import periodogram

    from flooding_monitor.protocol.pause_effect import NFFT

    grid = np.arange(times[-1] - COHERENCE_WINDOW_S, times[-1], 1.0 / RESAMPLE_HZ)
    freqs, power = periodogram(detrend(np.interp(grid, times, rr)), fs=RESAMPLE_HZ, window="boxcar", nfft=NFFT)
    band = (freqs >= BAND_HZ[0]) & (freqs <= BAND_HZ[1])
    return float(freqs[band][int(np.argmax(power[band]))])


@pytest.mark.parametrize("per_min", [5.0, 6.0, 7.0])
def test_both_find_the_breath_at_the_same_frequency(per_min):
    times, rr = breathing_beats(per_min, 50.0, seed=int(per_min))
    theirs, _ = neurokit_peak_and_ratio(times, rr)
    assert abs(our_peak_hz(times, rr) - per_min / 60) <= 0.005
    assert abs(theirs - per_min / 60) <= 1 / COHERENCE_WINDOW_S  # within one of NeuroKit2's bins


def test_both_rank_the_series_alike_from_random_to_paced_breathing():
    ours, theirs = [], []
    for rsa in (0.0, 15.0, 30.0, 45.0, 60.0):
        for seed in range(4):
            times, rr = breathing_beats(6.0, rsa, seed=100 + seed)
            ours.append(coherence_ratio(times, rr))
            theirs.append(neurokit_peak_and_ratio(times, rr)[1])
    rho = spearmanr(ours, theirs).statistic
    assert rho >= 0.8, rho
    paced, random = np.median(ours[-4:]), np.median(ours[:4])
    assert paced > 3.0 > 1.0 > random  # 6/min breathing is coherent; random variability is not
