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
from array import array
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from flooding_monitor.file_limits import MAX_DURATION_S, MAX_HR_BPM, MAX_RR_MS, RecordingError
from flooding_monitor.heart.sample_columns import ColumnBuilder, SampleColumns
from flooding_monitor.heart.samples import Contact

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.timezone.utc)
GAP_S = 3.0  # records further apart than this: the strap was not heard


def is_fit(head: bytes) -> bool:
    return len(head) >= 12 and head[8:12] == b".FIT"


def parse_fit(path: Path) -> tuple[SampleColumns, dt.datetime]:
    """The samples (one a record second, carrying the beats that ended in it) and the start, aware."""
    from garmin_fit_sdk import Decoder, Stream

    kept = _Kept()
    try:
        decoder = Decoder(Stream.from_file(str(path)))
        _, errors = decoder.read(convert_datetimes_to_dates=False, expand_components=False,
                                 merge_heart_rates=False, mesg_listener=kept)
    except Exception as exc:  # the decoder raises bare Exceptions on broken files
        raise RecordingError(f"{path.name}: not a readable FIT file ({exc})") from None
    if errors:
        raise RecordingError(f"{path.name}: not a readable FIT file ({errors[0]})")
    records_t = np.frombuffer(kept.record_t, np.int64)
    beats_s = np.frombuffer(kept.beats_s, np.float64)
    if not records_t.size and not beats_s.size:
        raise RecordingError(f"{path.name}: the FIT file holds no heart rate (no record or HRV messages)")
    first = int(records_t[0]) if records_t.size else kept.created
    if first is None:
        raise RecordingError(f"{path.name}: the FIT file has HRV messages but no time to place them")
    span = float(records_t[-1] - first) if records_t.size else float(beats_s.sum())
    if span > MAX_DURATION_S:
        raise RecordingError(f"{path.name}: the FIT file spans {span / 86400:.0f} days; at most a month is read")
    hr = np.frombuffer(kept.record_hr, np.float64)
    return _columns(records_t - first, hr, beats_s), _start(first, kept.offset_s)


class _Kept:
    """What the samples need, kept as compact arrays while the decoder reads; each decoded message is
    emptied once read, so a large file costs a few bytes a beat instead of a dictionary per message
    (a 20 MB file of HRV messages took 2.3 GB kept whole)."""

    FILE_ID, RECORD, ACTIVITY, HRV = 0, 20, 34, 78
    DECODER_NEEDS = {206, 207}  # field descriptions, developer ids: the decoder looks them up later

    def __init__(self) -> None:
        self.record_t = array("q")
        self.record_hr = array("d")
        self.beats_s = array("d")
        self.created: int | None = None
        self.offset_s: int | None = None

    def __call__(self, mesg_num: int, message: dict[str, Any]) -> None:
        if mesg_num == self.RECORD:
            t, hr = message.get("timestamp"), message.get("heart_rate")
            if isinstance(t, int) and _plausible_hr(hr):
                self.record_t.append(t)
                self.record_hr.append(float(hr))
        elif mesg_num == self.HRV:
            self.beats_s.extend(_times(message.get("time")))
        elif mesg_num == self.FILE_ID and self.created is None:
            created = message.get("time_created")
            self.created = created if isinstance(created, int) else None
        elif mesg_num == self.ACTIVITY and self.offset_s is None:
            local, stamp = message.get("local_timestamp"), message.get("timestamp")
            if isinstance(local, int) and isinstance(stamp, int) and abs(local - stamp) <= 14 * 3600:
                self.offset_s = local - stamp
        if mesg_num not in self.DECODER_NEEDS:
            message.clear()


def _plausible_hr(v: Any) -> bool:
    return isinstance(v, (int, float)) and 0 < v <= MAX_HR_BPM


def _times(value: Any) -> list[float]:
    """One hrv message's intervals in seconds; invalid slots (0xFFFF, 65.535 s) are not beats."""
    values = value if isinstance(value, list) else [value]
    return [float(v) for v in values if isinstance(v, (int, float)) and 0 < v * 1000 <= MAX_RR_MS]


def _start(first: int, offset_s: int | None) -> dt.datetime:
    """The first record's time in the wearer's own offset (the activity's local_timestamp), else this
    computer's."""
    utc = FIT_EPOCH + dt.timedelta(seconds=first)
    if offset_s is None:
        return utc.astimezone()
    minutes = round(offset_s / 900) * 15  # offsets come in quarter hours
    return utc.astimezone(dt.timezone(dt.timedelta(minutes=minutes)))


def _columns(records_t: npt.NDArray[np.int64], hr: npt.NDArray[np.float64],
             beats_s: npt.NDArray[np.float64]) -> SampleColumns:
    """Records become samples; each beat is placed on the clock within its stretch of records."""
    rr_us = np.round(beats_s * 1e6).astype(np.int64)
    if not records_t.size:  # HRV only: one sample per beat, from the file's creation
        builder = ColumnBuilder()
        builder.add_beats(np.cumsum(beats_s), rr_us)
        return builder.build()
    t_s = records_t.astype(np.float64)
    beat_times = _place(beats_s, _stretches(t_s))
    placed = beat_times.size
    rr_end = np.searchsorted(beat_times, t_s, side="right").astype(np.int64)
    hr_bpm = hr
    if placed > rr_end[-1]:  # beats after the last record arrive with it, a second later
        t_s = np.append(t_s, t_s[-1] + 1.0)
        hr_bpm = np.append(hr, math.nan)
        rr_end = np.append(rr_end, placed)
    n = t_s.size
    return SampleColumns(t_s, hr_bpm, np.full(n, int(Contact.UNSUPPORTED), np.int8), np.zeros(n, np.int8),
                         rr_us[:placed], rr_end)


def _stretches(times: npt.NDArray[np.float64]) -> list[tuple[float, float]]:
    """Runs of records without a gap, as (first, last) seconds."""
    breaks = np.flatnonzero(np.diff(times) > GAP_S)
    firsts = np.concatenate(([0], breaks + 1))
    lasts = np.concatenate((breaks, [times.size - 1]))
    return list(zip(times[firsts].tolist(), times[lasts].tolist()))


def _place(beats_s: npt.NDArray[np.float64], stretches: list[tuple[float, float]]) -> npt.NDArray[np.float64]:
    """Each beat's end time: laid end to end from a stretch's first record, the next stretch taking
    over once the beats have filled this one (up to a second past its last record)."""
    ends = np.cumsum(beats_s)  # ends[j] - before: beat j's end, counted from where its stretch began
    placed = np.empty(beats_s.size)
    k = 0
    for n, (a, b) in enumerate(stretches):
        before = ends[k - 1] if k else 0.0
        stop = beats_s.size if n == len(stretches) - 1 else int(np.searchsorted(ends, b + 1.0 - a + before, "right"))
        placed[k:stop] = a + (ends[k:stop] - before)
        k = max(k, stop)
    return placed[:k]
