"""XDF files: a lab's LabRecorder recording of our Lab Streaming Layer streams, read with pyxdf.

Each partner's ``RR`` stream gives every beat at its LSL time; where a
partner has no RR stream their ``HeartRate`` stream gives the rate; the
``Markers`` stream's JSON events (alert, snoozed, pause_started…) come back
as the session's events. Streams from other programs are left alone. The
start is LabRecorder's file-header datetime, which it writes when recording
begins; it is placed at the earliest sample of any stream in the file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from flooding_monitor.formats.lsl_output import APP, MARKER_STREAM
from flooding_monitor.file_limits import (
    MAX_DURATION_S,
    MAX_FILE_BYTES,
    MAX_HR_BPM,
    MAX_RR_MS,
    RecordingError,
)
from flooding_monitor.heart.sample_columns import ColumnBuilder, SampleColumns
from flooding_monitor.heart.samples import Contact, rr_ms_to_us
from flooding_monitor.storage.store import PauseRow, SnoozeRow
from flooding_monitor.formats.xdf_sizes import check_declared_sizes


@dataclass
class XdfSession:
    columns: SampleColumns
    started_at: dt.datetime | None
    partner_names: dict[int, str] = field(default_factory=dict)
    events: list[tuple[float, str, str, int]] = field(default_factory=list)


def is_xdf(head: bytes) -> bool:
    return head.startswith(b"XDF:")


def read_xdf(path: Path) -> XdfSession:
    import pyxdf

    if path.stat().st_size > MAX_FILE_BYTES:  # pyxdf reads a file whole
        raise RecordingError(f"{path.name}: larger than {MAX_FILE_BYTES >> 20} MB")
    check_declared_sizes(path)  # pyxdf allocates what a header declares, before reading it
    quiet = logging.getLogger("pyxdf")  # it logs a traceback for each damaged chunk it skips
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        streams, header = pyxdf.load_xdf(str(path), synchronize_clocks=True, dejitter_timestamps=False)
    except Exception as exc:  # pyxdf raises whatever its parser met on a broken file
        raise RecordingError(f"{path.name}: not a readable XDF file ({type(exc).__name__}: {exc})") from None
    finally:
        quiet.setLevel(level)
    ours = [s for s in streams if _text(s, "desc", "manufacturer") == APP or _text(s, "name").startswith("FloodingMonitor")]
    rr = {_slot(s): s for s in ours if _text(s, "type") == "RR"}
    hr = {_slot(s): s for s in ours if _text(s, "type") == "HeartRate"}
    markers = [s for s in ours if _text(s, "name") == MARKER_STREAM]
    if not rr and not hr:
        raise RecordingError(f"{path.name}: no Flooding Monitor heart-rate or RR stream in this XDF file "
                             f"(it holds {', '.join(sorted({_text(s, 'name') for s in streams})) or 'no streams'})")
    used = [*rr.values(), *(s for k, s in hr.items() if k not in rr)]
    stamps = [float(s["time_stamps"][0]) for s in [*used, *markers] if len(s["time_stamps"])]
    if not stamps:
        raise RecordingError(f"{path.name}: the Flooding Monitor streams in this XDF file are empty")
    t0 = min(stamps)
    builder = ColumnBuilder()
    for slot, s in sorted(rr.items()):
        for stamp, (value, *_rest) in zip(s["time_stamps"].tolist(), s["time_series"].tolist()):
            if math.isfinite(value) and 0 < value <= MAX_RR_MS:
                builder.add(_since(stamp, t0, path), None, [rr_ms_to_us(value)], int(Contact.UNSUPPORTED), slot)
    for slot, s in sorted(hr.items()):
        if slot not in rr:
            for stamp, (value, *_rest) in zip(s["time_stamps"].tolist(), s["time_series"].tolist()):
                ok = math.isfinite(value) and 0 < value <= MAX_HR_BPM
                builder.add(_since(stamp, t0, path), value if ok else None, [], int(Contact.UNSUPPORTED), slot)
    names = {slot: _text(s, "desc", "partner") for slot, s in {**hr, **rr}.items() if _text(s, "desc", "partner")}
    return XdfSession(builder.build(), _header_time(header), names,
                      [e for s in markers for e in _events(s, t0, path)])


def _events(stream: dict[str, Any], t0: float, path: Path) -> list[tuple[float, str, str, int]]:
    out = []
    for stamp, (text, *_rest) in zip(stream["time_stamps"].tolist(), stream["time_series"]):
        try:
            payload = json.loads(text)
        except (TypeError, ValueError):
            continue  # a marker another program wrote into our stream: not ours to read
        if not isinstance(payload, dict) or not isinstance(payload.get("event"), str):
            continue
        partners = payload.get("partners", [payload.get("partner", 0)])
        for slot in partners if isinstance(partners, list) and partners else [0]:
            slot = slot if slot in (0, 1) else 0
            out.append((_since(stamp, t0, path), payload["event"][:40], text if len(text) < 2000 else "", slot))
    return out


def _since(stamp: float, t0: float, path: Path) -> float:
    t = float(stamp) - t0
    if not 0 <= t <= MAX_DURATION_S:
        raise RecordingError(f"{path.name}: a time stamp lies {t / 86400:.0f} days from the recording's start")
    return t


def _slot(stream: dict[str, Any]) -> int:
    text = _text(stream, "desc", "partner_slot")
    return 1 if text == "1" else 0


def _text(stream: dict[str, Any], *keys: str) -> str:
    """A value of the stream's info (pyxdf gives every element as a one-item list)."""
    node: Any = stream["info"]
    for key in keys:
        if isinstance(node, list):
            node = node[0] if node else None
        if not isinstance(node, dict) or key not in node:
            return ""
        node = node[key]
    while isinstance(node, list):
        node = node[0] if node else ""
    return node if isinstance(node, str) else ""


def _header_time(header: dict[str, Any]) -> dt.datetime | None:
    """LabRecorder's ``<datetime>2026-11-25T20:01:00+0100</datetime>``."""
    text = _text({"info": header.get("info", {})}, "datetime")
    for pattern in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S"):
        try:
            return dt.datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
    return None


def protocol_from_markers(events: list[tuple[float, str, str, int]],
                          started: dt.datetime) -> tuple[list[PauseRow], list[SnoozeRow]]:
    """The pauses and "Not now" presses our Markers stream announced, on the recording's clock
    (``started``: its wall time at t = 0, for a pause whose marker gives no readable return time)."""
    pauses: list[PauseRow] = []
    snoozes: list[SnoozeRow] = []
    seen: set[tuple[float, str]] = set()  # a marker for two partners comes twice
    for t, kind, message, _who in sorted(events, key=lambda e: e[0]):
        if (t, kind) in seen:
            continue
        seen.add((t, kind))
        try:
            payload = json.loads(message) if message else {}
        except ValueError:
            continue
        if kind == "pause_started":
            minutes = _minutes(payload.get("minutes"), 20.0)
            return_at = _iso_or(payload.get("return_at"), started + dt.timedelta(seconds=t + minutes * 60))
            pauses.append(PauseRow(t, minutes * 60, 0.0, return_at, None, None, None,
                                   str(payload.get("reason", ""))[:40]))
        elif pauses and pauses[-1].ended_s is None and kind == "pause_extended":
            last = pauses[-1]
            pauses[-1] = replace(last, extended_s=last.extended_s + _minutes(payload.get("minutes"), 0.0) * 60)
        elif pauses and pauses[-1].ended_s is None and kind == "pause_ended":
            pauses[-1] = replace(pauses[-1], ended_s=t, ended_early=_flag_or_none(payload.get("early")),
                                 recovered=_flag_or_none(payload.get("recovered")))
        elif kind == "snoozed":
            waited = _minutes(payload.get("until_s"), 0.0) - _minutes(payload.get("t_s"), 0.0)
            snoozes.append(SnoozeRow(t, t + max(0.0, min(waited, 3600.0))))
    return pauses, snoozes


def _minutes(value: Any, default: float) -> float:
    return float(value) if isinstance(value, (int, float)) and math.isfinite(value) and 0 <= value <= 1e7 else default


def _iso_or(value: Any, fallback: dt.datetime) -> str:
    """The marker's return time if it reads as one (a session file exports it), else ``fallback``."""
    try:
        return dt.datetime.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        return fallback.isoformat(timespec="minutes")


def _flag_or_none(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None
