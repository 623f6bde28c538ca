"""Two hearts together (issue 27 item 4): linkage is found where it was made, and chance is not linkage.

Two partners' beats are generated from heart-rate profiles (each with its own
breathing and beat-to-beat noise), run through the batch analysis, and their
30-s means compared as the session chart does.
"""

from __future__ import annotations

import numpy as np
import pytest

from flooding_monitor.detection.analysis import analyze
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.heart.synthetic import Profile, recording
from flooding_monitor.review.linkage import WINDOWS_S, Direction, linkage, rolling_r

CALM_A = ((0.0, 72.0),)
RISE = ((600.0, 74.0), (660.0, 112.0), (840.0, 112.0), (960.0, 78.0))


def ticks(keyframes, seed: int):
    frames = tuple(sorted(keyframes + ((1800.0, keyframes[-1][1]),)))
    ticks = analyze(recording(Profile(frames), seed), DetectorSettings()).ticks
    return ticks.t_s, ticks.hr_bpm, ticks.valid


def linked_s(result) -> float:
    return sum(s.end_s - s.start_s for s in result.spans)


@pytest.mark.parametrize("window_s", WINDOWS_S)
def test_rates_that_rise_and_calm_together_are_linked_at_every_window(window_s):
    a = ticks(((0.0, 72.0),) + RISE, seed=1)
    b = ticks(((0.0, 76.0),) + tuple((t + 8, bpm + 4) for t, bpm in RISE), seed=2)  # 8 s behind
    result = linkage(*a, *b, window_s=window_s)
    assert 0.5 < result.chance_r < 1.0
    rose = [s for s in result.spans if s.direction is Direction.TOGETHER and s.trend == 1]
    calmed = [s for s in result.spans if s.direction is Direction.TOGETHER and s.trend == -1]
    assert any(560 <= s.start_s <= 700 for s in rose), result.spans  # the rise, seen where it was
    assert any(800 <= s.start_s <= 980 for s in calmed), result.spans


def test_one_rising_while_the_other_calms_is_anti_phase():
    a = ticks(((0.0, 72.0),) + RISE, seed=3)
    b = ticks(((0.0, 100.0), (600.0, 100.0), (660.0, 70.0), (840.0, 70.0), (960.0, 96.0)), seed=4)
    result = linkage(*a, *b)
    assert any(s.direction is Direction.OPPOSITE and 580 <= s.start_s <= 700 for s in result.spans), result.spans
    assert result.count(Direction.TOGETHER, 1) == 0


def test_independent_hearts_are_rarely_called_linked():
    """Each partner's own rise at a different time, calm talk otherwise: what links is chance."""
    fractions = []
    for seed in range(6):
        a = ticks(((0.0, 72.0),) + RISE, seed=10 + seed)
        b = ticks(((0.0, 75.0), (1200.0, 75.0), (1260.0, 108.0), (1400.0, 108.0), (1500.0, 77.0)), seed=30 + seed)
        result = linkage(*a, *b, seed=seed)
        fractions.append(linked_s(result) / 1800)
        assert result.count(Direction.TOGETHER, 1) == 0  # never "rose together": they rose apart
    assert float(np.median(fractions)) < 0.08, fractions


def test_rolling_r_matches_numpy_and_skips_gaps():
    rng = np.random.default_rng(5)
    a, b = rng.normal(size=200), rng.normal(size=200)
    b[50] = np.nan
    r = rolling_r(a, b, 30)
    assert r[10] == pytest.approx(np.corrcoef(a[10:40], b[10:40])[0, 1])
    assert np.isnan(r[21:51]).all() and np.isfinite(r[51])


def test_too_little_shared_time_gives_no_answer():
    a = ticks(((0.0, 72.0),), seed=1)
    short = tuple(x[:100] for x in ticks(((0.0, 72.0),), seed=2))
    assert linkage(*a, *short) is None


def test_the_session_chart_shows_linkage_only_when_asked_and_says_it_in_counts(qtbot, tmp_path):
    """History's chart of a couple's session: the box, the bands, the sentence; none for one partner."""
    from dataclasses import replace

    from flooding_monitor.review.stored_session import read_session
    from flooding_monitor.storage.store import DB_NAME, SessionStore
    from ui.session_detail import SessionDetail

    store = SessionStore(tmp_path / DB_NAME)
    frames = {0: ((0.0, 72.0),) + RISE, 1: ((0.0, 76.0),) + tuple((t + 8, bpm + 4) for t, bpm in RISE)}
    import datetime as dt

    sid = store.create_session(dt.datetime(2026, 11, 24, 20, 0), "demo", "Demo strap", None, {})
    for slot, keyframes in frames.items():
        samples = recording(Profile(tuple(sorted(keyframes + ((1800.0, keyframes[-1][1]),)))), 40 + slot)
        store.write_batch(sid, [replace(s, partner=slot) for s in samples])
    from flooding_monitor.storage.store import PartnerInfo

    store.set_partners(sid, [PartnerInfo(0, "Alex", "#1f77b4"), PartnerInfo(1, "Sam", "#b45f06")])
    stored = read_session(store, sid)
    assert stored.linkage is not None and stored.linkage.count(Direction.TOGETHER, 1) >= 1
    detail = SessionDetail()
    qtbot.addWidget(detail)
    detail.show()
    detail.show_session(stored)
    assert detail.together.isVisible() and not detail.linkage.items  # off until asked
    detail.together.setChecked(True)
    assert len(detail.linkage.items) == len(stored.linkage.spans)
    assert "Your rates rose together once" in detail.legend.text()
    detail.together.setChecked(False)
    assert not detail.linkage.items and "Your rates" not in detail.legend.text()
