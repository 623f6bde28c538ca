"""The session runner on a clock the test moves: time passes whether or not samples come.

Each test plays real sources (the replay strap, the simulated strap) into a
real :class:`SessionController` with a real history file, and moves a
:class:`ManualClock` in small steps, as a wall clock would.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from devices.clock import ManualClock
from devices.replay import ReplayStrap
from devices.scenarios import ARGUMENT
from devices.simulated import SimulatedStrap
from devices.source import EventQueue, Status, stop_task
from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.events import ConnectionChanged, TicksAdded
from flooding_monitor.detection.monitor import LATE_GRACE_S
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.heart.samples import Contact, HeartRateSample
from flooding_monitor.live.runner import SILENT_AFTER_S, SessionRunner
from flooding_monitor.storage.store import DB_NAME, SessionStore
from flooding_monitor.live.strap_status import StatusKind

STEP_S = 0.05


def two_partner_replay(path: Path, a_until_s: float, b_until_s: float) -> Path:
    """A two-partner file (t,hr,rr_ms,contact,partner) in which each partner stops at their time."""
    rows = []
    for partner, until in ((0, a_until_s), (1, b_until_s)):
        t = 0.4 + 0.3 * partner
        while t <= until:
            rows.append((t, f"{t:.3f},75,800,1,{partner}"))
            t += 0.8
    path.write_text("\n".join(["t,hr,rr_ms,contact,partner"] + [row for _, row in sorted(rows)]) + "\n")
    return path


class FallsSilent:
    """A strap that stays connected and stops sending at ``until_s`` (the link is up, no notification)."""

    def __init__(self, clock: ManualClock, until_s: float) -> None:
        self.name, self.clock, self.until_s = "silent strap", clock, until_s
        self._queue = EventQueue()
        self._task: asyncio.Task | None = None

    async def connect(self) -> None:
        self._queue.put(Status(StatusKind.CONNECTED, self.clock.now()))
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        t = 0.3
        while t <= self.until_s:
            await self.clock.sleep_until(t)
            self._queue.put(HeartRateSample(t, 75.0, (800_000,), Contact.DETECTED))
            t += 0.8

    def events(self):
        return self._queue.__aiter__()

    async def close(self) -> None:
        await stop_task(self._task)
        self._queue.put(Status(StatusKind.DISCONNECTED, self.clock.now()))
        self._queue.close()


class Run:
    """A controller on a real history file, a runner, a manual clock, and what came out when."""

    def __init__(self, tmp_path: Path, duration_s: float | None = None) -> None:
        self.clock = ManualClock()
        self.store = SessionStore(tmp_path / DB_NAME)
        self.controller = SessionController(Preferences(), self.store)
        self.controller.start(self.clock.now, "replay", "test strap")
        self.runner = SessionRunner(self.controller, self.clock, duration_s)
        self.events: list[tuple[float, object]] = []  # (clock time when emitted, event)
        self.controller.listeners.append(lambda e: self.events.append((self.clock.now(), e)))

    async def play(self, until_s: float, task: asyncio.Task | None = None) -> None:
        while self.clock.now() < until_s and not (task is not None and task.done()):
            self.clock.advance(STEP_S)
            for _ in range(5):
                await asyncio.sleep(0)

    def ticks(self, slot: int) -> list[tuple[float, float]]:
        """(emitted at, the second it completes) of one partner's ticks."""
        return [(at, r.tick.t_s) for at, e in self.events if isinstance(e, TicksAdded) and e.slot == slot
                for r in e.results]

    def statuses(self, slot: int) -> list[tuple[float, StatusKind]]:
        return [(at, e.status.kind) for at, e in self.events if isinstance(e, ConnectionChanged) and e.slot == slot]


def test_a_partner_whose_strap_falls_silent_is_reported_and_keeps_ticking(tmp_path):
    """Issue 21 (1): B's rows stop at 60 s while A's go on; B was never said to be not reading."""
    run = Run(tmp_path)
    source = ReplayStrap(two_partner_replay(tmp_path / "two.csv", 200, 60), run.clock)

    async def main():
        await run.runner.attach(0, source)
        task = asyncio.create_task(run.runner.run())
        await run.play(120)
        run.runner.stop("app")
        assert await task == "app"

    asyncio.run(main())
    last_b = max(t for t in (s for s in (0.7 + 0.8 * k for k in range(200)) if s <= 60))
    silent = [at for at, kind in run.statuses(1) if kind == StatusKind.SILENT]
    assert silent and silent[0] - last_b <= 6.0, silent
    b_ticks = run.ticks(1)
    assert max(t for _, t in b_ticks) >= 119  # B's line keeps coming ...
    not_reading = [t for _, t in b_ticks if t > last_b + 6.5]
    results = [r for _, e in run.events if isinstance(e, TicksAdded) and e.slot == 1 for r in e.results]
    assert all(not r.tick.valid for r in results if r.tick.t_s in not_reading)  # ... saying "no reading"
    assert not [at for at, kind in run.statuses(0) if kind == StatusKind.SILENT]  # A never went silent


def test_every_tick_is_emitted_within_six_tenths_of_a_second_after_its_second(tmp_path):
    """Issue 21 (3): a second reached the screen only with the next notification or a window timer."""
    run = Run(tmp_path)
    source = ReplayStrap(two_partner_replay(tmp_path / "two.csv", 90, 90), run.clock)

    async def main():
        await run.runner.attach(0, source)
        task = asyncio.create_task(run.runner.run())
        await run.play(120)
        await task

    asyncio.run(main())
    for slot in (0, 1):
        lags = [at - t for at, t in run.ticks(slot)]
        assert len(lags) >= 85
        assert 0 < min(lags) and max(lags) <= LATE_GRACE_S + 0.1, max(lags)  # the next sample, or the clock


def test_a_pause_started_while_every_strap_is_silent_is_on_disk_within_two_seconds(tmp_path):
    """Issue 21 (2): the recorder flushed only when a sample's time passed the last flush."""
    run = Run(tmp_path)
    source = FallsSilent(run.clock, 30)
    reader = sqlite3.connect(tmp_path / DB_NAME)

    async def main():
        await run.runner.attach(0, source)
        task = asyncio.create_task(run.runner.run())
        await run.play(45)  # nothing came since 30 s
        run.controller.start_pause("manual")
        started = run.clock.now()
        await run.play(started + 2.0)
        assert reader.execute("SELECT count(*) FROM pauses").fetchone()[0] == 1
        run.runner.stop("app")
        await task

    asyncio.run(main())


def test_a_finished_replay_ends_the_session_and_a_duration_ends_it_too(tmp_path):
    run = Run(tmp_path)
    source = ReplayStrap(two_partner_replay(tmp_path / "two.csv", 20, 20), run.clock)

    async def replay_ends():
        await run.runner.attach(0, source)
        task = asyncio.create_task(run.runner.run())
        await run.play(60, task)
        return await task

    assert asyncio.run(replay_ends()) == "finished"
    assert run.clock.now() < 22  # at the end of the file, not later

    (tmp_path / "second").mkdir()
    run = Run(tmp_path / "second", duration_s=30)

    async def duration_ends():
        await run.runner.attach(0, SimulatedStrap(ARGUMENT, clock=run.clock))
        task = asyncio.create_task(run.runner.run())
        await run.play(60, task)
        return await task

    assert asyncio.run(duration_ends()) == "duration"
    assert 30 <= run.clock.now() < 30.2
    assert run.runner.sources == {}  # the strap was released


def test_two_straps_are_two_slots_and_a_stop_releases_both(tmp_path):
    run = Run(tmp_path)
    run.controller.add_partner(1, "B")
    a = SimulatedStrap(ARGUMENT, clock=run.clock)
    b = SimulatedStrap(ARGUMENT, clock=run.clock, seed=3, name="B")

    async def main():
        await run.runner.attach(0, a)
        await run.runner.attach(1, b)
        task = asyncio.create_task(run.runner.run())
        await run.play(20)
        run.runner.stop("interrupted")
        run.runner.stop("app")  # the first reason wins
        return await task

    assert asyncio.run(main()) == "interrupted"
    assert len(run.ticks(0)) >= 15 and len(run.ticks(1)) >= 15
    assert (StatusKind.DISCONNECTED in [k for _, k in run.statuses(1)])  # released: B's strap said so
    assert run.controller.session.people[1].connection.device_name == "B"


@pytest.mark.parametrize("pause_s", [SILENT_AFTER_S + 3])
def test_a_strap_that_speaks_again_is_connected_again(tmp_path, pause_s):
    """Silent, then samples again: the partner is back to connected, with no reconnect in between."""
    run = Run(tmp_path)
    path = tmp_path / "gap.csv"
    rows = ["t,hr,rr_ms,contact"] + [f"{t * 0.8:.2f},75,800,1" for t in range(40)]
    rows += [f"{32 + pause_s + t * 0.8:.2f},75,800,1" for t in range(20)]  # ends at about 56 s
    path.write_text("\n".join(rows) + "\n")

    async def main():
        await run.runner.attach(0, ReplayStrap(path, run.clock))
        task = asyncio.create_task(run.runner.run())
        await run.play(60, task)
        run.runner.stop("app")
        await task

    asyncio.run(main())
    kinds = [k for _, k in run.statuses(0) if k in (StatusKind.SILENT, StatusKind.CONNECTED)]
    assert kinds[:3] == [StatusKind.CONNECTED, StatusKind.SILENT, StatusKind.CONNECTED]


def test_record_reports_the_silent_partner_and_keeps_their_line(tmp_path, capsys):
    """Issue 21 (1) as a user runs it: ``record --replay`` of a two-partner file whose B stops at 60 s."""
    from ui.terminal.cli import main

    path = two_partner_replay(tmp_path / "two.csv", 120, 60)
    assert main(["--data-dir", str(tmp_path / "data"), "record", "--replay", str(path), "--speed", "100"]) == 0
    out = capsys.readouterr().out.splitlines()
    b_lines = [line for line in out if "Partner B" in line and "bpm" in line]
    assert any("Partner B: the strap is connected but sends nothing" in line for line in out)
    late = [line for line in b_lines if "[1:5" in line]  # 110-119 s into the session, long after B stopped
    assert late and all("-- bpm" in line for line in late)


def test_a_session_no_strap_speaks_to_ends_at_the_last_reading(tmp_path):
    """The end policy "strap lost too long": straps in the drawer, the laptop left on."""
    run = Run(tmp_path)
    run.runner.lost_after_s = 120
    reader = sqlite3.connect(tmp_path / DB_NAME)

    async def main():
        await run.runner.attach(0, FallsSilent(run.clock, 30))
        task = asyncio.create_task(run.runner.run())
        await run.play(400, task)
        return await task

    assert asyncio.run(main()) == "lost"
    assert 149.9 <= run.clock.now() < 150.2  # two minutes after the last sample (29.9 s), not later
    run.controller.finish("lost")
    duration, closed_by = reader.execute("SELECT duration_s, closed_by FROM sessions").fetchone()
    assert closed_by == "lost" and 29 < duration < 31  # the history does not count the silence


def test_a_pause_with_the_straps_off_is_not_a_lost_session(tmp_path):
    """Straps come off for a long pause: the session is not "lost" before the agreed return (and the
    lost time after it); the app tells the runner when a pause starts, is extended or ends."""
    run = Run(tmp_path)
    run.runner.lost_after_s = 120

    async def main():
        await run.runner.attach(0, FallsSilent(run.clock, 30))
        task = asyncio.create_task(run.runner.run())
        await run.play(40, task)
        run.runner.present_until(40 + 20 * 60)  # a 20-minute pause from 40 s: back together at 1240 s
        await run.play(1300, task)
        assert not task.done(), "ended as lost in the middle of the pause"
        await run.play(1500, task)
        return await task

    assert asyncio.run(main()) == "lost"
    assert 1359.9 <= run.clock.now() < 1360.2  # two minutes after the agreed return, not in the pause


def test_one_strap_still_speaking_keeps_the_session_open(tmp_path):
    run = Run(tmp_path)
    run.runner.lost_after_s = 20
    source = ReplayStrap(two_partner_replay(tmp_path / "two.csv", 90, 10), run.clock)  # B stops at 10 s

    async def main():
        await run.runner.attach(0, source)
        task = asyncio.create_task(run.runner.run())
        await run.play(80, task)
        assert not task.done()  # A goes on: B's silence is reported, the session stays
        run.runner.stop("app")
        return await task

    assert asyncio.run(main()) == "app"
