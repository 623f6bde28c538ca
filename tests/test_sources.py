"""Simulated and replay straps through the real pipeline, on controlled clocks."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from devices.clock import InstantClock, ManualClock
from devices.replay import ReplayStrap
from devices.scenarios import ARGUMENT
from devices.simulated import SimulatedStrap
from devices.source import HeartRateSource, Status, StatusKind
from flooding_monitor.detection.detector import EpisodeEnded, EpisodeStarted, State
from flooding_monitor.detection.monitor import LiveMonitor
from flooding_monitor.formats.recordings import RecordingError
from flooding_monitor.heart.samples import Contact, HeartRateSample
from flooding_monitor.detection.settings import DetectorSettings

DATA = Path(__file__).parent / "data"


async def drain(source, until_s: float):
    samples, statuses = [], []
    await source.connect()
    async for e in source.events():
        (statuses if isinstance(e, Status) else samples).append(e)
        if source.clock.now() >= until_s or (isinstance(e, Status) and e.kind == StatusKind.FINISHED):
            break
    await source.close()
    return samples, statuses


def test_sources_implement_the_interface():
    assert isinstance(SimulatedStrap(clock=InstantClock()), HeartRateSource)
    assert isinstance(ReplayStrap(DATA / "rest_rri.txt", InstantClock()), HeartRateSource)


def test_demo_scenario_goes_calm_rising_flooded_recovering_calm():
    strap = SimulatedStrap(ARGUMENT, InstantClock())
    samples, statuses = asyncio.run(drain(strap, 700))
    monitor = LiveMonitor(DetectorSettings())
    results = [r for s in samples for r in monitor.feed(s)]
    states = [r.state for r in results]
    order = [s for i, s in enumerate(states) if i == 0 or states[i - 1] != s]
    for a, b in [(State.CALM, State.RISING), (State.RISING, State.FLOODED), (State.FLOODED, State.RECOVERING)]:
        assert order.index(a) < order.index(b)
    events = [e for r in results for e in r.events]
    starts = [e for e in events if isinstance(e, EpisodeStarted)]
    assert len(starts) == 1 and 100 < starts[0].t_s < 150
    assert any(isinstance(e, EpisodeEnded) for e in events)
    # the loose electrode and the radio drop-out are in the story
    assert any(s.contact == Contact.NOT_DETECTED for s in samples)
    kinds = [s.kind for s in statuses]
    assert StatusKind.SIGNAL_LOST in kinds and kinds.count(StatusKind.CONNECTED) >= 2
    assert State.NO_SIGNAL in states[20:]
    assert results[-1].state == State.CALM


def test_simulated_strap_follows_a_manual_clock():
    async def run():
        clock = ManualClock()
        strap = SimulatedStrap(clock=clock)
        await strap.connect()
        got: list = []

        async def consume():
            async for e in strap.events():
                if isinstance(e, HeartRateSample):
                    got.append(e)

        task = asyncio.create_task(consume())
        await asyncio.sleep(0.01)
        assert got == []  # nothing before time moves
        for _ in range(10):
            clock.advance(1.0)
            await asyncio.sleep(0.01)
        n = len(got)
        await strap.close()
        await task
        return n, got

    n, got = asyncio.run(run())
    assert 8 <= n <= 11
    assert all(s.t_s <= 10.0 for s in got)


def test_replay_keeps_the_recording_intact():
    strap = ReplayStrap(DATA / "polar_h10_premature_beats.csv", InstantClock())
    samples, statuses = asyncio.run(drain(strap, 1e9))
    original = strap.recording.samples
    assert len(samples) == len(original)
    assert [s.rr_us for s in samples] == [s.rr_us for s in original]
    shift = samples[0].t_s - original[0].t_s
    assert all(abs((a.t_s - b.t_s) - shift) < 1e-9 for a, b in zip(samples, original))
    assert statuses[-1].kind == StatusKind.FINISHED


def test_replay_of_a_bad_file_explains():
    with pytest.raises(RecordingError, match="no such file"):
        ReplayStrap(DATA / "missing.csv")
