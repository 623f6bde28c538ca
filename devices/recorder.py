"""Headless recording: a source's samples to the analyzer's CSV, live state on screen."""

from __future__ import annotations

import asyncio
import csv
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from flooding_monitor.detector import EpisodeEnded, EpisodeStarted
from flooding_monitor.monitor import LiveMonitor, TickResult
from flooding_monitor.recordings import CSV_HEADER, csv_rows
from flooding_monitor.samples import HeartRateSample
from flooding_monitor.settings import DetectorSettings

from .source import HeartRateSource, Status, StatusKind

FSYNC_EVERY_S = 2.0


@dataclass
class RecordResult:
    samples: int = 0
    episodes: int = 0
    malformed: int = 0


def describe_tick(r: TickResult) -> str:
    hr = "  --" if math.isnan(r.tick.hr_bpm) or not r.tick.valid else f"{r.tick.hr_bpm:4.0f}"
    text = f"{r.tick.t_s:8.0f} s  {hr} bpm  {r.state.value}"
    if not r.tick.valid:
        text += f" ({r.tick.quality.describe()})"
    for e in r.events:
        if isinstance(e, EpisodeStarted):
            text += f"  << flooding: above {e.threshold_bpm:.0f} bpm since {e.start_s:.0f} s"
        elif isinstance(e, EpisodeEnded):
            text += f"  >> episode over (peak {e.peak_bpm:.0f} bpm, {e.reason})"
    return text


async def record(source: HeartRateSource, out: str | os.PathLike[str], settings: DetectorSettings,
                 say: Callable[[str], None], duration_s: float | None = None) -> RecordResult:
    """Record until the source ends, ``duration_s`` of session time passes, or cancellation.

    Each sample is written and flushed as it arrives (fsync every 2 s), so a
    killed process loses at most the last couple of seconds.
    """
    path = Path(out)
    new_file = not path.exists() or path.stat().st_size == 0
    result = RecordResult()
    monitor = LiveMonitor(settings)
    with path.open("a", newline="", encoding="utf-8") as fh:
        os.chmod(path, 0o600)  # heart data is private
        writer = csv.writer(fh)
        if new_file:
            writer.writerow(CSV_HEADER)
        last_sync = -math.inf
        await source.connect()
        try:
            async for event in source.events():
                if isinstance(event, Status):
                    if event.kind == StatusKind.MALFORMED:
                        result.malformed += 1
                    elif event.kind not in (StatusKind.BATTERY, StatusKind.BODY_LOCATION):
                        say(f"[{event.kind.value}] {event.message}".rstrip())
                    else:
                        say(f"[{event.kind.value}] {event.value}")
                    if event.kind in (StatusKind.FINISHED, StatusKind.DISCONNECTED):
                        break
                    if event.kind == StatusKind.ERROR and "not allowed" in event.message:
                        break
                    continue
                sample: HeartRateSample = event
                for row in csv_rows(sample):
                    writer.writerow(row)
                fh.flush()
                if sample.t_s - last_sync >= FSYNC_EVERY_S:
                    os.fsync(fh.fileno())
                    last_sync = sample.t_s
                result.samples += 1
                for tick in monitor.feed(sample):
                    result.episodes += sum(isinstance(e, EpisodeStarted) for e in tick.events)
                    say(describe_tick(tick))
                if duration_s is not None and sample.t_s >= duration_s:
                    break
        finally:
            fh.flush()
            os.fsync(fh.fileno())
            await asyncio.shield(source.close())
    return result
