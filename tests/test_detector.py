"""The detector: live equals batch, artifacts never alarm, states mean what they say."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flooding_monitor.detection.baseline import Baseline
from flooding_monitor.detection.detector import EpisodeEnded, EpisodeStarted, State
from flooding_monitor.heart.samples import Contact, HeartRateSample
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.heart.synthetic import Artifacts, Profile, recording

from .helpers import assert_same, live_and_batch, run_live

FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def profiles(draw) -> Profile:
    t, frames = 0.0, []
    for _ in range(draw(st.integers(2, 7))):
        frames.append((t, draw(st.floats(45, 150))))
        t += draw(st.floats(5, 150))
    frames.append((t, draw(st.floats(45, 150))))
    return Profile(tuple(frames))


@st.composite
def artifact_sets(draw, duration: float) -> Artifacts:
    times = st.floats(0, duration)
    spans = st.tuples(times, st.floats(1, 90)).map(lambda p: (p[0], p[0] + p[1]))
    return Artifacts(
        ectopic_s=draw(st.lists(times, max_size=6)),
        missed_s=draw(st.lists(times, max_size=4)),
        extra_s=draw(st.lists(times, max_size=4)),
        contact_loss=draw(st.lists(spans, max_size=2)),
        dropouts=draw(st.lists(spans, max_size=2)),
    )


@st.composite
def detector_settings(draw) -> DetectorSettings:
    sustain = draw(st.sampled_from([10.0, 20.0, 30.0, 45.0]))
    return DetectorSettings(
        threshold_bpm=draw(st.sampled_from([90.0, 100.0, 110.0])),
        sustain_s=sustain,
        recovery_s=draw(st.sampled_from([10.0, 30.0, 60.0])),
        rate_window_s=draw(st.sampled_from([3.0, 4.0, 8.0])),
        dip_tolerance_s=draw(st.sampled_from([0.0, 5.0, 7.5])),
        max_gap_s=draw(st.sampled_from([10.0, 120.0])),
        calibration_s=draw(st.sampled_from([0.0, 30.0, 60.0])),
        personal_rule_pct=draw(st.sampled_from([None, 10.0, 30.0])),
    )


@FAST
@given(data=st.data())
def test_live_equals_batch_on_random_physiology(data):
    profile = data.draw(profiles())
    arts = data.draw(artifact_sets(profile.duration_s))
    cfg = data.draw(detector_settings())
    samples = recording(profile, data.draw(st.integers(0, 10_000)), arts)
    _, live, batch = live_and_batch(samples, cfg)
    assert_same(live, batch)


raw_samples = st.lists(
    st.builds(
        lambda dt, hr, rr, contact: (dt, hr, tuple(rr), contact),
        st.floats(-0.5, 8.0),
        st.one_of(st.none(), st.floats(0, 260)),
        st.lists(st.integers(100_000, 2_600_000), max_size=4),
        st.sampled_from(list(Contact)),
    ),
    max_size=150,
)


@FAST
@given(raw_samples, detector_settings())
def test_live_equals_batch_on_arbitrary_input(raw, cfg):
    t, samples = 0.0, []
    for dt, hr, rr, contact in raw:
        t += dt
        samples.append(HeartRateSample(t, hr, rr, contact))
    _, live, batch = live_and_batch(samples, cfg)
    assert_same(live, batch)


def _episodes(samples, cfg=None):
    _, live, batch = live_and_batch(samples, cfg or DetectorSettings())
    assert_same(live, batch)
    return batch.detection.episodes


@settings(max_examples=30, deadline=None)
@given(kind=st.sampled_from(["ectopic", "missed", "extra"]), at=st.floats(30, 560),
       rest=st.floats(50, 92), seed=st.integers(0, 1000))
def test_no_isolated_artifact_creates_an_episode(kind, at, rest, seed):
    arts = Artifacts(**{f"{kind}_s": [at]})
    samples = recording(Profile(((0, rest), (600, rest))), seed, arts)
    assert _episodes(samples) == []


@settings(max_examples=20, deadline=None)
@given(at=st.floats(30, 500), length=st.floats(1, 60), rest=st.floats(55, 90), seed=st.integers(0, 1000))
def test_contact_loss_garbage_never_alarms(at, length, rest, seed):
    arts = Artifacts(contact_loss=[(at, at + length)])
    samples = recording(Profile(((0, rest), (600, rest))), seed, arts)
    assert _episodes(samples) == []


def steady(hr: float, start: float, stop: float, contact=Contact.DETECTED) -> list[HeartRateSample]:
    rr = int(round(60e6 / hr))
    out, t = [], start
    while t < stop:
        t += 1.0
        out.append(HeartRateSample(t, hr, (rr,), contact))
    return out


def states_of(samples, cfg=None):
    _, live, batch = live_and_batch(samples, cfg or DetectorSettings())
    assert_same(live, batch)
    return live


def test_contact_loss_is_no_signal_never_calm_nor_flooded():
    samples = steady(80, 0, 60) + steady(80, 60, 90, Contact.NOT_DETECTED) + steady(80, 90, 150)
    live = states_of(samples)
    during = [r.state for r in live if 65 < r.tick.t_s < 90]
    assert during and set(during) == {State.NO_SIGNAL}
    assert live[-1].state == State.CALM


def test_stale_strap_becomes_no_signal_and_ends_after_long_gap():
    cfg = DetectorSettings(max_gap_s=60)
    samples = steady(120, 0, 120)
    monitor, _ = run_live(samples, cfg)
    later = monitor.advance(samples[-1].t_s + 200)
    states = [r.state for r in later]
    assert State.NO_SIGNAL in states and State.CALM not in states
    ended = [e for r in later for e in r.events if isinstance(e, EpisodeEnded)]
    assert len(ended) == 1 and ended[0].reason == "signal_lost"
    # the episode ends at the last good tick, not when the gap was noticed
    assert ended[0].end_s <= samples[-1].t_s + cfg.stale_s
    assert ended[0].start_s >= 0


def test_sustained_rise_triggers_once_with_hysteresis():
    samples = steady(80, 0, 60) + steady(120, 60, 180) + steady(97, 180, 300) + steady(80, 300, 420)
    live = states_of(samples)
    starts = [e for r in live for e in r.events if isinstance(e, EpisodeStarted)]
    ends = [e for r in live for e in r.events if isinstance(e, EpisodeEnded)]
    assert len(starts) == 1 and len(ends) == 1
    # 97 bpm is under 100 but not under 100 - 5: still flooded, not recovered
    at_97 = [r.state for r in live if 200 < r.tick.t_s < 300]
    assert set(at_97) == {State.FLOODED}
    assert ends[0].reason == "recovered" and ends[0].t_s > 300
    assert math.isclose(ends[0].peak_bpm, 120, abs_tol=1)


def test_rising_state_within_ten_bpm():
    live = states_of(steady(93, 0, 60))
    assert live[-1].state == State.RISING
    live = states_of(steady(85, 0, 60))
    assert live[-1].state == State.CALM


def test_spike_shorter_than_sustain_does_not_alarm():
    samples = steady(80, 0, 60) + steady(130, 60, 80) + steady(80, 80, 200)
    assert _episodes(samples) == []


def test_calibration_and_personal_rule_lower_threshold_for_athletes():
    cfg = DetectorSettings(calibration_s=60, personal_rule_pct=20)
    samples = steady(50, 0, 120) + steady(72, 120, 240)
    _, live, batch = live_and_batch(samples, cfg)
    assert_same(live, batch)
    assert batch.detection.baseline is not None
    assert math.isclose(batch.detection.baseline.hr_bpm, 50, abs_tol=0.5)
    assert batch.detection.rule.source == "personal"
    assert math.isclose(batch.detection.rule.threshold_bpm, 60, abs_tol=0.6)
    assert [r.state for r in live[:30]].count(State.CALIBRATING) >= 25
    assert len(batch.detection.episodes) == 1
    # Without the personal rule 72 bpm is calm.
    assert _episodes(samples, DetectorSettings(calibration_s=60)) == []


def test_stored_baseline_applies_from_the_start():
    cfg = DetectorSettings(personal_rule_pct=20)
    samples = steady(72, 0, 120)
    _, live, batch = live_and_batch(samples, cfg, Baseline(50, 40, 120))
    assert_same(live, batch)
    assert len(batch.detection.episodes) == 1
    assert State.CALIBRATING not in [r.state for r in live]


def test_hr_only_strap_falls_back_to_reported_rate():
    samples = [HeartRateSample(float(t), 120.0, (), Contact.DETECTED) for t in range(1, 200)]
    episodes = _episodes(samples)
    assert len(episodes) == 1


def test_a_strap_that_stops_sending_rr_goes_on_with_its_own_rate():
    """Its bpm field is a reading: never "not reading" while it sends valid values."""
    samples = steady(120, 0, 20) + [HeartRateSample(20 + t, 120.0, (), Contact.DETECTED) for t in range(1, 60)]
    live = states_of(samples)
    assert all(r.tick.valid and abs(r.tick.hr_bpm - 120) < 2 for r in live if r.tick.t_s > 5)


def test_a_strap_that_goes_silent_is_not_reading():
    samples = steady(120, 0, 20) + [HeartRateSample(40.0, 120.0, (), Contact.DETECTED)]
    live = states_of(samples)
    assert {r.state for r in live if 26 < r.tick.t_s < 40} == {State.NO_SIGNAL}
