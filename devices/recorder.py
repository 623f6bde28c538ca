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
from flooding_monitor.monitor import TickResult
from flooding_monitor.preferences import Preferences
from flooding_monitor.recordings import CSV_HEADER, csv_rows
from flooding_monitor.samples import HeartRateSample
from flooding_monitor.session import Session
from flooding_monitor.session_recorder import SessionRecorder
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


async def record(source: HeartRateSource, settings: DetectorSettings, say: Callable[[str], None],
                 recorder: SessionRecorder | None = None, csv_out: str | os.PathLike[str] | None = None,
                 duration_s: float | None = None) -> RecordResult:
    """Record until the source ends, ``duration_s`` of session time passes, or cancellation.

    Samples go to the history database through ``recorder`` (committed about
    once a second) and, if asked, to a CSV flushed on every sample (fsync
    every 2 s): a killed process loses at most the last couple of seconds.
    """
    result = RecordResult()
    session = Session(Preferences(detector=settings))
    fh = writer = None
    if csv_out is not None:
        path = Path(csv_out)
        new_file = not path.exists() or path.stat().st_size == 0
        fh = path.open("a", newline="", encoding="utf-8")
        os.chmod(path, 0o600)  # heart data is private
        writer = csv.writer(fh)
        if new_file:
            writer.writerow(CSV_HEADER)
    last_sync = -math.inf
    episodes_seen = 0
    try:
        await source.connect()
        async for event in source.events():
            if isinstance(event, Status):
                if recorder is not None:
                    recorder.add_event(event.t_s, event.kind.value, event.message or str(event.value or ""))
                if event.kind == StatusKind.MALFORMED:
                    result.malformed += 1
                elif event.kind in (StatusKind.BATTERY, StatusKind.BODY_LOCATION):
                    say(f"[{event.kind.value}] {event.value}")
                else:
                    say(f"[{event.kind.value}] {event.message}".rstrip())
                if event.kind in (StatusKind.FINISHED, StatusKind.DISCONNECTED):
                    break
                if event.kind == StatusKind.ERROR and "not allowed" in event.message:
                    break
                continue
            sample: HeartRateSample = event
            if writer is not None and fh is not None:
                writer.writerows(csv_rows(sample))
                fh.flush()
                if sample.t_s - last_sync >= FSYNC_EVERY_S:
                    os.fsync(fh.fileno())
                    last_sync = sample.t_s
            result.samples += 1
            ticks = session.feed(sample)
            if recorder is not None:
                if len(session.episodes) != episodes_seen or any(
                        isinstance(e, EpisodeEnded) for r in ticks for e in r.events):
                    episodes_seen = len(session.episodes)
                    recorder.set_protocol(session.episodes, session.pauses, session.snoozes, session.first.baseline)
                had_error = recorder.error
                recorder.add_sample(sample)
                if recorder.error and recorder.error != had_error:
                    say(f"[history] {recorder.error}")
            for tick in ticks:
                result.episodes += sum(isinstance(e, EpisodeStarted) for e in tick.events)
                say(describe_tick(tick))
            if duration_s is not None and sample.t_s >= duration_s:
                break
    finally:
        if fh is not None:
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
        if recorder is not None:
            recorder.set_protocol(session.episodes, session.pauses, session.snoozes, session.first.baseline)
            recorder.finish()
        await asyncio.shield(source.close())
    return result
