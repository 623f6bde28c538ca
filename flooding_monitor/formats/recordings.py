"""Read and write recording files: the analyzer's, the recorder's and replay's formats.

Supported:
* RR text: one RR interval in ms per line (Polar Sensor Logger, Elite HRV).
* CSV with a header holding ``t`` (seconds) and ``hr`` and/or ``rr_ms``; rows
  sharing a ``t`` are one notification (several RR per packet), empty cells
  and extra columns are fine, a ``contact`` column is honoured.
* Polar HRM (``[Params]`` ... ``[HRData]``): RR mode (Interval=238) or HR
  samples at a fixed interval.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from flooding_monitor.file_limits import (  # noqa: F401 - re-exported: the readers' limits and error
    MAX_DURATION_S,
    MAX_FILE_BYTES,
    MAX_HR_BPM,
    MAX_LINE_CHARS,
    MAX_RR_MS,
    RecordingError,
    excerpt,
    open_regular_file,
)
from flooding_monitor.heart.sample_columns import ColumnBuilder, SampleColumns
from flooding_monitor.heart.samples import Contact, HeartRateSample, rr_ms_to_us

@dataclass(frozen=True)
class Recording:
    columns: SampleColumns
    format: str
    path: str
    started_at: dt.datetime | None = None  # when t = 0 was, as the file says (aware if it gives an offset)
    events: tuple[tuple[float, str, str, int], ...] = ()  # (t_s, kind, message, partner): an XDF's markers
    partner_names: tuple[tuple[int, str], ...] = ()  # (slot, name) when the file names its wearers
    pauses: tuple[tuple[float, float], ...] = ()  # (start, end) s: a session file's pauses

    @property
    def samples(self) -> list[HeartRateSample]:
        """One object per sample (replay, import); the analysis reads :attr:`columns`."""
        return list(self.columns.samples(Path(self.path).name))

    @property
    def partner_slots(self) -> list[int]:
        """Partners present (a two-partner session's export has 0 and 1)."""
        return self.columns.partners()

    def of_partner(self, slot: int) -> list[HeartRateSample]:
        return list(self.columns.select(slot).samples(Path(self.path).name))


def load_recording(path: str | os.PathLike[str]) -> Recording:
    """Read a recording as it streams from the disk: memory grows with the beats (about 34 bytes
    each), never with the text, and a file is refused at its first impossible line."""
    from flooding_monitor.formats.fit_file import (  # here, not at the top: they read this module's limits
        is_fit,
        parse_fit,
    )
    from flooding_monitor.formats.session_file import load_session_file, looks_like_session_file
    from flooding_monitor.formats.vendor_files import (
        date_in_name,
        is_polar_sensor_logger,
        parse_polar_sensor_logger,
    )
    from flooding_monitor.formats.xdf_file import XdfSession, is_xdf, read_xdf

    p = Path(path)
    started: dt.datetime | None = None
    xdf: XdfSession | None = None
    names: tuple[tuple[int, str], ...] = ()
    pauses: tuple[tuple[float, float], ...] = ()
    with open_regular_file(p) as raw:
        head = raw.peek(4096)[:4096]
        first = head.decode("utf-8-sig", errors="replace").lstrip()
        fh = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
        source = p.name
        if is_fit(head):
            fh.detach()
            (columns, started), fmt = parse_fit(p), "fit"
        elif is_xdf(head):
            fh.detach()
            xdf, fmt = read_xdf(p), "xdf"
            columns, started = xdf.columns, xdf.started_at
        elif b"\x00" in head:
            raise RecordingError(f"{p}: looks like a binary file, not a text recording")
        elif first.startswith("["):
            (columns, started), fmt = _parse_hrm(_lines(fh, source), source), "polar-hrm"
        elif looks_like_session_file(first):
            fh.detach()
            doc = load_session_file(p)
            columns, started, fmt = SampleColumns.from_samples(doc.samples), doc.started_at, "session-file"
            names = tuple((x.slot, x.name) for x in doc.partners)
            pauses = tuple((x.started_s, x.stop_s) for x in doc.pauses)
        elif is_polar_sensor_logger(first):
            (columns, started), fmt = parse_polar_sensor_logger(_rows(csv.reader(fh, delimiter=";"), source),
                                                                source), "polar-sensor-logger"
        elif _looks_like_csv(first):
            (columns, started), fmt = _parse_csv(fh, first, source), "csv"
        else:
            columns, fmt = _parse_rr_lines(fh, source), "rr-ms"
    if not len(columns):
        raise RecordingError(f"{p}: holds no heart-rate data")
    columns = columns.in_time_order()  # a file's row order does not change what it says
    span = float(columns.t_s.max() - columns.t_s.min())
    if span > MAX_DURATION_S:
        raise RecordingError(f"{p}: its times span {span / 86400:.0f} days; a recording spans at most "
                             f"{MAX_DURATION_S / 86400:.0f}")
    return Recording(columns, fmt, str(p), started or date_in_name(p.name),
                     tuple(xdf.events) if xdf else (), tuple(sorted(xdf.partner_names.items())) if xdf else names,
                     pauses)


def _lines(fh: io.TextIOBase, source: str) -> Iterator[tuple[int, str]]:
    """Numbered, stripped, non-empty lines, none longer than MAX_LINE_CHARS (read no further)."""
    n = 0
    while True:
        line = fh.readline(MAX_LINE_CHARS + 2)
        if not line:
            return
        n += 1
        if len(line) > MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            raise RecordingError(f"{source} line {n}: longer than {MAX_LINE_CHARS} characters")
        line = line.strip()
        if line:
            yield n, line


def _looks_like_csv(text: str) -> bool:
    first = text.splitlines()[0] if text else ""
    return "," in first or ";" in first or "\t" in first


def _number(value: str, where: str, low: float = -math.inf, high: float = math.inf, what: str = "value") -> float:
    try:
        x = float(value)
    except ValueError:
        raise RecordingError(f"{where}: {excerpt(value)} is not a number") from None
    if not math.isfinite(x):
        raise RecordingError(f"{where}: {excerpt(value)} is not a finite number")
    if not low <= x <= high:
        raise RecordingError(f"{where}: {what} {excerpt(value)} is outside {low:,.0f} to {high:,.0f}")
    return x


def _rr(value: str, where: str) -> float:
    return _number(value, where, -MAX_RR_MS, MAX_RR_MS, "RR interval (ms)")


def _hr(value: str, where: str) -> float:
    return _number(value, where, 0.0, MAX_HR_BPM, "heart rate (bpm)")


def _time(value: str, where: str) -> float:
    return _number(value, where, -MAX_DURATION_S, MAX_DURATION_S, "time (s)")


def _parse_rr_lines(fh: io.TextIOBase, source: str) -> SampleColumns:
    """One sample per beat, received when the beat ends (time integrated from RR).

    Read a megabyte at a time; a block of plain numbers is converted by NumPy at once. A block
    with anything else (a header, a comment, a blank or a bad line) is read line by line, which
    also finds the line to blame for an error.
    """
    builder = ColumnBuilder()
    t_end, largest, seen_number = 0.0, 0.0, False
    for first_n, lines in _line_blocks(fh, source):
        values = _block_values(lines, seen_number)
        if values is None:  # a bad line: read one at a time to name it
            values = _checked_values(lines, first_n, source, header_allowed=not seen_number)
        if values.size:
            seen_number = True
            times = np.cumsum(np.concatenate([[t_end], values / 1000.0]))[1:]
            builder.add_beats(times, np.rint(values * 1000.0).astype(np.int64))
            t_end, largest = float(times[-1]), max(largest, float(values.max()))
    if len(builder) and largest < 10:
        raise RecordingError(f"{source}: values look like seconds; RR files hold milliseconds")
    return builder.build()


def _line_blocks(fh: io.TextIOBase, source: str, size: int = 1 << 20) -> Iterator[tuple[int, list[str]]]:
    """(number of the first line, whole lines) a block at a time; no line longer than MAX_LINE_CHARS."""
    n, rest = 1, ""
    while chunk := fh.read(size):
        text = rest + chunk
        cut = text.rfind("\n")
        cut = cut if cut >= 0 else text.rfind("\r")  # old Mac files end lines with CR alone
        text, rest = (text[:cut + 1], text[cut + 1:]) if cut >= 0 else ("", text)
        if len(rest) > MAX_LINE_CHARS:
            raise RecordingError(f"{source} line {n + text.count(chr(10))}: longer than {MAX_LINE_CHARS} characters")
        if text:
            lines = text.splitlines()
            yield n, lines
            n += len(lines)
    if rest:
        yield n, [rest]


def _block_values(lines: list[str], seen_number: bool) -> npt.NDArray[np.float64] | None:
    """The block's RR values by NumPy, past a header at the top of the file and any blank or comment
    lines; None when a line is not a plausible interval."""
    values = _plain_numbers(lines)
    if values is None and not seen_number:  # the first block: skip what comes before the first number
        start = next((k for k, line in enumerate(lines) if _is_number(line)), len(lines))
        values = _plain_numbers(lines[start:]) if start < len(lines) else np.zeros(0)
    if values is None:
        body = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
        values = _plain_numbers(body) if body else np.zeros(0)
    return values


def _plain_numbers(lines: list[str]) -> npt.NDArray[np.float64] | None:
    """The block as RR values when every line is one plausible interval, else None."""
    if not lines or max(map(len, lines)) > MAX_LINE_CHARS:
        return None
    try:
        values = np.array(lines, dtype=np.float64)
    except ValueError:
        return None
    return values if bool(np.all((values > 0) & (values <= MAX_RR_MS))) else None


def _checked_values(lines: list[str], first_n: int, source: str, header_allowed: bool) -> npt.NDArray[np.float64]:
    values: list[float] = []
    for n, raw in enumerate(lines, first_n):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{source} line {n}"
        if len(line) > MAX_LINE_CHARS:
            raise RecordingError(f"{where}: longer than {MAX_LINE_CHARS} characters")
        if header_allowed and not values and not _is_number(line):
            continue  # a header such as "RR" or "rr_ms"
        x = _rr(line, where)
        if x <= 0:
            raise RecordingError(f"{where}: RR interval {line} ms is not positive")
        values.append(x)
    return np.array(values, dtype=np.float64)


def _is_number(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False


def _parse_hrm(lines: Iterator[tuple[int, str]], source: str) -> tuple[SampleColumns, dt.datetime | None]:
    """Polar HRM: ``[Params]`` (Interval=238 means RR data, Date and StartTime when it began) then
    ``[HRData]``, one value per line."""
    params: dict[str, str] = {}
    section = ""
    builder = ColumnBuilder()
    rr_mode: bool | None = None
    step = 0.0
    t = 0.0
    for n, line in lines:
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        if section == "Params" and "=" in line:
            key, _, value = line.partition("=")
            params[key.strip()] = value.strip()
        elif section == "HRData":
            if rr_mode is None:
                rr_mode, step = _hrm_mode(params, source)
            first = line.split()[0]
            where = f"{source} line {n}"
            if rr_mode:
                x = _rr(first, where)
                if x > 0:
                    t += x / 1000.0
                    builder.add(t, None, (rr_ms_to_us(x),), Contact.UNSUPPORTED)
            else:
                hr = _hr(first, where)
                builder.add((len(builder) + 1) * step, hr if hr > 0 else None, (), Contact.UNSUPPORTED)
    from flooding_monitor.formats.vendor_files import hrm_start

    return builder.build(), hrm_start(params)


def _hrm_mode(params: dict[str, str], source: str) -> tuple[bool, float]:
    """(RR mode?, seconds between rate samples) from the [Params] section."""
    interval = params.get("Interval", "238")
    if interval.strip() == "238":
        return True, 0.0
    step = _number(interval, f"{source} [Params] Interval", 0.0, 3600.0, "sampling interval (s)")
    if step <= 0:
        raise RecordingError(f"{source}: [Params] Interval must be positive")
    return False, step


def _parse_csv(fh: io.TextIOBase, first_line: str, source: str) -> tuple[SampleColumns, dt.datetime | None]:
    """Rows sharing ``t`` (and ``partner``) one after the other are one notification. A ``time``
    column (our export's clock time with its offset) dates the recording."""
    first = first_line.splitlines()[0] if first_line else ""
    delimiter = max((",", ";", "\t"), key=first.count)
    rows_in = _rows(csv.reader(fh, delimiter=delimiter), source)
    header = [h.strip().lower() for h in next(rows_in, [])]
    if "t" not in header:
        raise RecordingError(f"{source}: CSV header needs a 't' column (seconds); found {excerpt(', '.join(header))}")
    if "hr" not in header and "rr_ms" not in header:
        raise RecordingError(f"{source}: CSV header needs an 'hr' and/or 'rr_ms' column")
    col = {name: header.index(name) for name in ("t", "hr", "rr_ms", "contact", "partner", "time") if name in header}
    builder = ColumnBuilder()
    started: dt.datetime | None = None
    current: list | None = None  # [partner, t, hr, rr list, contact] of the sample being read
    for n, row in enumerate(rows_in, 2):
        if not row or all(not c.strip() for c in row):
            continue
        cells = {name: row[i].strip() if i < len(row) else "" for name, i in col.items()}
        where = f"{source} line {n}"
        if not cells["t"]:
            raise RecordingError(f"{where}: empty 't'")
        t = _time(cells["t"], where)
        if started is None and cells.get("time"):
            started = _zero_of(cells["time"], t)
        partner = _partner(cells.get("partner", ""), where)
        if current is None or current[0] != partner or current[1] != t:
            if current is not None:
                builder.add(current[1], current[2], current[3], current[4], current[0])
            current = [partner, t, None, [], Contact.UNSUPPORTED]
        if cells.get("hr"):
            current[2] = _hr(cells["hr"], where)
        for part in cells.get("rr_ms", "").replace(";", " ").split():
            rr = _rr(part, where)
            if rr > 0:
                current[3].append(rr_ms_to_us(rr))
        if cells.get("contact"):
            current[4] = _contact(cells["contact"], where)
    if current is not None:
        builder.add(current[1], current[2], current[3], current[4], current[0])
    return builder.build(), started


def _zero_of(clock: str, t: float) -> dt.datetime | None:
    """When ``t`` = 0 was, from a row's clock time; None when the cell is not a date."""
    try:
        return dt.datetime.fromisoformat(clock.strip()) - dt.timedelta(seconds=t)
    except (ValueError, OverflowError):
        return None


def _rows(reader, source: str) -> Iterator[list[str]]:
    """CSV rows with every cell and line length checked (a 131-kB cell once crashed the reader)."""
    n = 0
    try:
        for n, row in enumerate(reader, 1):
            if sum(len(c) for c in row) > MAX_LINE_CHARS:
                raise RecordingError(f"{source} line {n}: longer than {MAX_LINE_CHARS} characters")
            yield row
    except csv.Error as exc:
        raise RecordingError(f"{source} line {n + 1}: not CSV ({str(exc)[:60]})") from None


def _partner(value: str, where: str) -> int:
    """The optional ``partner`` column: A or B (0 or 1 in files from before)."""
    if value in ("", "0", "A", "a"):
        return 0
    if value in ("1", "B", "b"):
        return 1
    raise RecordingError(f"{where}: partner {excerpt(value)} must be A or B")


def _contact(value: str, where: str) -> Contact:
    v = value.lower()
    if v in ("1", "true", "yes", "3", "detected"):
        return Contact.DETECTED
    if v in ("0", "false", "no", "2", "not_detected", "lost"):
        return Contact.NOT_DETECTED
    if v in ("", "unsupported", "unknown", "-1"):
        return Contact.UNSUPPORTED
    raise RecordingError(f"{where}: contact value {excerpt(value)} not understood (use 1/0)")


CSV_HEADER = ("t", "hr", "rr_ms", "contact", "partner")


def csv_rows(sample: HeartRateSample) -> Iterator[tuple[str, str, str, str, str]]:
    """The recorder's CSV rows for one sample: one row per RR (sharing t and partner)."""
    t = f"{sample.t_s:.3f}"
    hr = "" if sample.hr_bpm is None else f"{sample.hr_bpm:g}"
    contact = {Contact.DETECTED: "1", Contact.NOT_DETECTED: "0"}.get(sample.contact, "")
    partner = "AB"[sample.partner] if sample.partner in (0, 1) else str(sample.partner)
    if not sample.rr_us:
        yield (t, hr, "", contact, partner)
        return
    for k, rr in enumerate(sample.rr_us):
        yield (t, hr if k == 0 else "", f"{rr / 1000:.3f}", contact, partner)
