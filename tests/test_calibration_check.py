"""A resting rate is accepted only when it is rest: steady, calm, not climbing (and the app says why not)."""

from __future__ import annotations

import math

import pytest

from flooding_monitor.detection.baseline import MAX_RISE_BPM_PER_MIN, STEADY_RANGE_BPM, check_resting

RMSSD = [40.0] * 120


def test_steady_rest_is_accepted():
    hr = [62 + 1.5 * math.sin(k / 9) for k in range(120)]
    baseline, problem = check_resting(hr, RMSSD, 100, 5)
    assert problem == "" and baseline is not None and abs(baseline.hr_bpm - 62) < 1


def test_already_flooded_is_refused():
    """Seen: 110 bpm accepted as a resting rate while flooded."""
    baseline, problem = check_resting([110.0 + (k % 3) for k in range(120)], RMSSD, 100, 5)
    assert baseline is None and "above the calm level of 95 bpm" in problem


def test_a_climbing_rate_is_refused():
    """Seen: 85 bpm accepted while the rate climbed from 72 to 117."""
    hr = [72 + 45 * k / 119 for k in range(120)]
    baseline, problem = check_resting(hr, RMSSD, 100, 5)
    assert baseline is None and "this is not rest" in problem  # it also reached 117


@pytest.mark.parametrize("rise", [0.0, MAX_RISE_BPM_PER_MIN * 0.8, MAX_RISE_BPM_PER_MIN * 1.2])
def test_a_slow_climb_within_the_steady_range_is_judged_by_its_slope(rise):
    hr = [70 + rise * k / 60 for k in range(120)]  # at most 7.2 bpm apart: inside the steady range
    assert max(hr) - min(hr) <= STEADY_RANGE_BPM
    baseline, problem = check_resting(hr, RMSSD, 100, 5)
    assert (baseline is None) == (rise > MAX_RISE_BPM_PER_MIN)
    if baseline is None:
        assert "still climbing (3.6 bpm a minute)" in problem


def test_an_unsteady_rate_is_refused_with_its_figures():
    hr = [70 + (12 if k % 40 < 20 else 0) for k in range(120)]
    baseline, problem = check_resting(hr, RMSSD, 100, 5)
    assert baseline is None and "between 70 and 82 bpm (more than 8 apart)" in problem


def test_the_dialog_explains_and_retries(qtbot):
    from types import SimpleNamespace

    from ui.calibrate_dialog import CalibrateDialog

    dialog = CalibrateDialog(seconds=60)
    qtbot.addWidget(dialog)

    def ticks(values):
        return [SimpleNamespace(tick=SimpleNamespace(valid=True, hr_bpm=v, rmssd_ms=40.0)) for v in values]

    dialog.add_ticks(ticks([100.0 + k / 10 for k in range(30)]))
    assert dialog.live.text() == "Now 103 bpm · 30 s left"
    dialog.add_ticks(ticks([103.0] * 30))
    assert dialog.baseline is None and "not rest" in dialog.result.text() and dialog.retry_button.isVisibleTo(dialog)
    dialog.retry_button.click()
    dialog.add_ticks(ticks([64.0] * 60))
    assert dialog.baseline is not None and dialog.baseline.hr_bpm == 64.0
    assert "Resting rate 64 bpm" in dialog.result.text()
