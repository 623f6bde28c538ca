"""What other apps' files say beyond the beats: Polar Sensor Logger's text exports, the start
written in a Polar .hrm header, and the date in a file's name (Elite HRV, Polar Sensor Logger).

A session imported from a file belongs on the day it was recorded, not the
day it was copied: the date comes from inside the file when it has one, from
its name next, and only then from the file's modification time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from flooding_monitor.file_limits import MAX_HR_BPM, MAX_RR_MS, RecordingError, excerpt
from flooding_monitor.heart.sample_columns import ColumnBuilder, SampleColumns
from flooding_monitor.heart.samples import Contact, rr_ms_to_us

#: 2017-10-21 07-31-04 (Elite HRV), 20231115_120000 (Polar Sensor Logger), 2026-11-25T20-01-00
_NAME_DATE = re.compile(r"(?<!\d)(20\d\d)-?([01]\d)-?([0-3]\d)[ _T-]?([0-2]\d)[-:.]?([0-5]\d)[-:.]?([0-5]\d)(?!\d)")


def date_in_name(name: str) -> dt.datetime | None:
    """The recording's start written in its file name, if there is one."""
    m = _NAME_DATE.search(name)
    if m is None:
        return None
    try:
        return dt.datetime(*(int(g) for g in m.groups()))
    except ValueError:
        return None


def hrm_start(params: dict[str, str]) -> dt.datetime | None:
    """Polar .hrm ``Date=20080208`` and ``StartTime=08:50:31.0`` (the watch's local time)."""
    try:
        day = dt.datetime.strptime(params.get("Date", "").strip(), "%Y%m%d")
        hours, minutes, seconds = params.get("StartTime", "0:0:0").strip().split(":")
        h, m, sec = int(hours), int(minutes), float(seconds)
        if not (0 <= h < 24 and 0 <= m < 60 and 0 <= sec < 61):  # also refuses inf and nan
            return None  # not a time of day: the file is dated by its name or its modification time
        return day + dt.timedelta(hours=h, minutes=m, seconds=sec)
    except (ValueError, OverflowError):
        return None


def is_polar_sensor_logger(first_line: str) -> bool:
    return first_line.lower().startswith("phone timestamp;")


def parse_polar_sensor_logger(rows: Iterator[list[str]], source: str) -> tuple[SampleColumns, dt.datetime]:
    """Polar Sensor Logger's ``…_HR.txt`` (``Phone timestamp;HR [bpm];HRV [ms];…``) or ``…_RR.txt``
    (``Phone timestamp;RR-interval [ms]``): semicolons, the phone's local time on every row. Rows
    with the same time came in one notification."""
    header = [h.strip().lower() for h in next(rows, [])]
    hr_col = next((i for i, h in enumerate(header) if h.startswith("hr [bpm]")), None)
    rr_col = next((i for i, h in enumerate(header) if h.startswith("rr-interval") or h.startswith("rr [ms]")), None)
    if hr_col is None and rr_col is None:
        raise RecordingError(f"{source}: a Polar Sensor Logger file needs an 'HR [bpm]' or 'RR-interval [ms]' "
                             f"column; found {excerpt(', '.join(header))}")
    builder = ColumnBuilder()
    start: dt.datetime | None = None
    current: list | None = None  # [t, hr, rr list]
    for n, row in enumerate(rows, 2):
        if not row or not row[0].strip():
            continue
        where = f"{source} line {n}"
        when = _phone_time(row[0], where)
        start = start or when
        t = (when.replace(tzinfo=None) - start.replace(tzinfo=None)).total_seconds()
        if current is None or t != current[0]:
            if current is not None:
                builder.add(current[0], current[1], current[2], int(Contact.UNSUPPORTED))
            current = [t, None, []]
        if hr_col is not None and hr_col < len(row) and row[hr_col].strip():
            hr = _value(row[hr_col], where, MAX_HR_BPM, "heart rate")
            current[1] = hr if hr > 0 else None
        if rr_col is not None and rr_col < len(row) and row[rr_col].strip():
            rr = _value(row[rr_col], where, MAX_RR_MS, "RR interval")
            if rr > 0:
                current[2].append(rr_ms_to_us(rr))
    if current is not None:
        builder.add(current[0], current[1], current[2], int(Contact.UNSUPPORTED))
    if start is None:
        raise RecordingError(f"{source}: holds no heart-rate data")
    return builder.build(), start


def _phone_time(text: str, where: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise RecordingError(f"{where}: phone timestamp {excerpt(text)} is not a date and time") from None
    return when


def _value(text: str, where: str, high: float, what: str) -> float:
    try:
        v = float(text.strip().replace(",", "."))
    except ValueError:
        raise RecordingError(f"{where}: {what} {excerpt(text)} is not a number") from None
    if not 0 <= v <= high:
        raise RecordingError(f"{where}: {what} {excerpt(text)} is outside 0-{high:g}")
    return v
