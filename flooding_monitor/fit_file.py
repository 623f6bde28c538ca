"""Garmin/ANT FIT activity files: the watch's heart rate each second and the strap's every RR.

Read with Garmin's own decoder (``garmin-fit-sdk``): it checks the file's
CRC and knows every profile Garmin has released. A FIT file keeps the rate
in timestamped ``record`` messages and the RR intervals in ``hrv`` messages
that have no time of their own; the beats are laid out from the first record
and started again after each gap in the records (a strap drop-out loses both),
so an episode after a drop-out is not moved earlier by the beats that were lost.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from .file_limits import MAX_DURATION_S, MAX_HR_BPM, MAX_RR_MS, RecordingError
from .sample_columns import ColumnBuilder, SampleColumns
from .samples import Contact, rr_ms_to_us

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.timezone.utc)
GAP_S = 3.0  # records further apart than this: the strap was not heard


def is_fit(head: bytes) -> bool:
    return len(head) >= 12 and head[8:12] == b".FIT"


def parse_fit(path: Path) -> tuple[SampleColumns, dt.datetime]:
    """The samples (one a record second, carrying the beats that ended in it) and the start, aware."""
    from garmin_fit_sdk import Decoder, Stream

    try:
        decoder = Decoder(Stream.from_file(str(path)))
        messages, errors = decoder.read(convert_datetimes_to_dates=False, expand_components=False,
                                        merge_heart_rates=False)
    except Exception as exc:  # the decoder raises bare Exceptions on broken files
        raise RecordingError(f"{path.name}: not a readable FIT file ({exc})") from None
    if errors:
        raise RecordingError(f"{path.name}: not a readable FIT file ({errors[0]})")
    records = [(int(r["timestamp"]), float(r["heart_rate"])) for r in messages.get("record_mesgs", [])
               if isinstance(r.get("timestamp"), int) and _plausible_hr(r.get("heart_rate"))]
    beats_s = [v for m in messages.get("hrv_mesgs", []) for v in _times(m.get("time"))]
    if not records and not beats_s:
        raise RecordingError(f"{path.name}: the FIT file holds no heart rate (no record or HRV messages)")
    first = records[0][0] if records else _created(messages)
    if first is None:
        raise RecordingError(f"{path.name}: the FIT file has HRV messages but no time to place them")
    span = (records[-1][0] - first) if records else sum(beats_s)
    if span > MAX_DURATION_S:
        raise RecordingError(f"{path.name}: the FIT file spans {span / 86400:.0f} days; at most a month is read")
    return _columns(records, beats_s, first), _start(first, messages)


def _plausible_hr(v: Any) -> bool:
    return isinstance(v, (int, float)) and 0 < v <= MAX_HR_BPM


def _times(value: Any) -> list[float]:
    """One hrv message's intervals in seconds; invalid slots (0xFFFF, 65.535 s) are not beats."""
    values = value if isinstance(value, list) else [value]
    return [float(v) for v in values if isinstance(v, (int, float)) and 0 < v * 1000 <= MAX_RR_MS]


def _created(messages: dict[str, list[dict[str, Any]]]) -> int | None:
    ids = messages.get("file_id_mesgs", [])
    created = ids[0].get("time_created") if ids else None
    return created if isinstance(created, int) else None


def _start(first: int, messages: dict[str, list[dict[str, Any]]]) -> dt.datetime:
    """The first record's time in the wearer's own offset (the activity's local_timestamp), else this
    computer's."""
    utc = FIT_EPOCH + dt.timedelta(seconds=first)
    for a in messages.get("activity_mesgs", []):
        local, stamp = a.get("local_timestamp"), a.get("timestamp")
        if isinstance(local, int) and isinstance(stamp, int) and abs(local - stamp) <= 14 * 3600:
            minutes = round((local - stamp) / 900) * 15  # offsets come in quarter hours
            return utc.astimezone(dt.timezone(dt.timedelta(minutes=minutes)))
    return utc.astimezone()


def _columns(records: list[tuple[int, float]], beats_s: list[float], first: int) -> SampleColumns:
    """Records become samples; each beat is placed on the clock within its stretch of records."""
    builder = ColumnBuilder()
    if not records:  # HRV only: one sample per beat, from the file's creation
        t = 0.0
        for rr in beats_s:
            t += rr
            builder.add(t, None, [rr_ms_to_us(rr * 1000)], int(Contact.UNSUPPORTED))
        return builder.build()
    stretches = _stretches([t - first for t, _ in records])
    beat_times = _place(beats_s, stretches)
    k = 0
    for t, hr in records:
        t_s = float(t - first)
        rr = []
        while k < len(beat_times) and beat_times[k][0] <= t_s:
            rr.append(rr_ms_to_us(beat_times[k][1] * 1000))
            k += 1
        builder.add(t_s, hr, rr, int(Contact.UNSUPPORTED))
    if k < len(beat_times):  # beats after the last record arrive with it
        t_s = float(records[-1][0] - first)
        builder.add(t_s + 1.0, None, [rr_ms_to_us(rr * 1000) for _, rr in beat_times[k:]], int(Contact.UNSUPPORTED))
    return builder.build()


def _stretches(times: list[int]) -> list[tuple[float, float]]:
    """Runs of records without a gap, as (first, last) seconds."""
    out = [[float(times[0]), float(times[0])]]
    for t in times[1:]:
        if t - out[-1][1] > GAP_S:
            out.append([float(t), float(t)])
        else:
            out[-1][1] = float(t)
    return [(a, b) for a, b in out]


def _place(beats_s: list[float], stretches: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """(end time, interval) of each beat: laid end to end from a stretch's first record, the next
    stretch taking over once the beats have filled this one."""
    placed = []
    k = 0
    for n, (a, b) in enumerate(stretches):
        last = n == len(stretches) - 1
        t = a
        while k < len(beats_s) and (last or t + beats_s[k] <= b + 1.0):
            t += beats_s[k]
            if not math.isfinite(t):
                break
            placed.append((t, beats_s[k]))
            k += 1
    return placed
