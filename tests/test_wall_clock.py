"""The agreed return time as the wall clock will read it, across daylight-saving changes."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from flooding_monitor.protocol.pause import start_pause


@pytest.fixture
def new_york(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(("start", "expect"), [
    (dt.datetime(2026, 3, 8, 1, 50), "03:10"),   # clocks spring forward at 02:00
    (dt.datetime(2026, 11, 1, 0, 50), "01:10"),  # first 01:00 of the night (still daylight time)
    (dt.datetime(2026, 7, 1, 22, 50), "23:10"),  # an ordinary summer evening
])
def test_the_return_time_follows_the_zones_rules(new_york, start, expect):
    pause = start_pause(0.0, start, 20 * 60)
    assert pause.return_wall.strftime("%H:%M") == expect


def test_falling_back_the_clock_reads_the_hour_again(new_york):
    """01:50 daylight time + 20 min = 01:10 standard time (the clock went back at 02:00)."""
    start = dt.datetime(2026, 11, 1, 1, 50, fold=0)  # the first 01:50, daylight time
    back = start_pause(0.0, start, 20 * 60).return_wall
    assert back.strftime("%H:%M %Z") == "01:10 EST"

