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
import io
import math
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .samples import Contact, HeartRateSample, rr_ms_to_us

MAX_FILE_BYTES = 512 * 1024 * 1024
#: Bounds every number is checked against as it is read: a file with one
#: absurd value gets a one-line error naming the line, never a crash or a
#: history that later commands cannot open.
MAX_DURATION_S = 31 * 24 * 3600.0  # a recording spans at most a month
MAX_RR_MS = 60_000.0  # an "interval" longer than a minute is not a heartbeat
MAX_HR_BPM = 300.0
MAX_LINE_CHARS = 4096


class RecordingError(ValueError):
    """The file cannot be read as a recording; the message says why and where."""


@dataclass(frozen=True)
class Recording:
    samples: list[HeartRateSample]
    format: str
    path: str

    @property
    def partner_slots(self) -> list[int]:
        """Partners present (a two-partner session's export has 0 and 1)."""
        return sorted({s.partner for s in self.samples})

    def of_partner(self, slot: int) -> list[HeartRateSample]:
        return [s for s in self.samples if s.partner == slot]


def load_recording(path: str | os.PathLike[str]) -> Recording:
    p = Path(path)
    raw = _read_regular_file(p)
    if b"\x00" in raw[:4096]:
        raise RecordingError(f"{p}: looks like a binary file, not a text recording")
    text = raw.decode("utf-8-sig", errors="replace")
    source = p.name
    stripped = text.lstrip()
    if stripped.startswith("[") and "[HRData]" in text:
        samples, fmt = _parse_hrm(text, source), "polar-hrm"
    elif _looks_like_csv(stripped):
        samples, fmt = _parse_csv(text, source), "csv"
    else:
        samples, fmt = _parse_rr_lines(text, source), "rr-ms"
    if not samples:
        raise RecordingError(f"{p}: holds no heart-rate data")
    span = max(s.t_s for s in samples) - min(s.t_s for s in samples)
    if span > MAX_DURATION_S:
        raise RecordingError(f"{p}: its times span {span / 86400:.0f} days; a recording spans at most "
                             f"{MAX_DURATION_S / 86400:.0f}")
    return Recording(samples, fmt, str(p))


def _read_regular_file(p: Path) -> bytes:
    """The file's bytes, read with a cap: FIFOs and devices are refused before reading (a size
    from ``stat`` is not trusted: /dev/zero has none and never ends)."""
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise RecordingError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise RecordingError(f"{p}: is a folder, not a recording file") from None
    except OSError as exc:
        raise RecordingError(f"{p}: cannot read ({exc.strerror})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise RecordingError(f"{p}: is a folder, not a recording file")
        raise RecordingError(f"{p}: is not a regular file (a pipe or a device)")
    with os.fdopen(fd, "rb") as fh:
        try:
            raw = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise RecordingError(f"{p}: cannot read ({exc.strerror})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise RecordingError(f"{p}: larger than {MAX_FILE_BYTES // 1_000_000} MB, too large for a heart-rate "
                             "recording")
    return raw


def excerpt(text: str, limit: int = 40) -> str:
    """A value for an error message: short, whatever the file held."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


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


def _rr_samples(rr_ms: Iterable[tuple[float, int]], source: str) -> list[HeartRateSample]:
    """One sample per beat, received when the beat ends (time integrated from RR)."""
    t = 0.0
    out = []
    for value, _line in rr_ms:
        t += value / 1000.0
        out.append(HeartRateSample(t, None, (rr_ms_to_us(value),), Contact.UNSUPPORTED, source))
    return out


def _parse_rr_lines(text: str, source: str) -> list[HeartRateSample]:
    values: list[tuple[float, int]] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        _check_length(line, f"{source} line {n}")
        if not values and not _is_number(line):
            continue  # a header such as "RR" or "rr_ms"
        x = _rr(line, f"{source} line {n}")
        if x <= 0:
            raise RecordingError(f"{source} line {n}: RR interval {line} ms is not positive")
        values.append((x, n))
    if values and max(v for v, _ in values) < 10:
        raise RecordingError(f"{source}: values look like seconds; RR files hold milliseconds")
    return _rr_samples(values, source)


def _is_number(s: str) -> bool:
    try:
        float(s)
        return True
    except ValueError:
        return False


def _parse_hrm(text: str, source: str) -> list[HeartRateSample]:
    params: dict[str, str] = {}
    section = ""
    data: list[tuple[str, int]] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        _check_length(line, f"{source} line {n}")
        if section == "Params" and "=" in line:
            key, _, value = line.partition("=")
            params[key.strip()] = value.strip()
        elif section == "HRData" and line:
            data.append((line, n))
    interval = params.get("Interval", "238")
    if interval.strip() == "238":
        values = []
        for line, n in data:
            x = _rr(line.split()[0], f"{source} line {n}")
            if x > 0:
                values.append((x, n))
        return _rr_samples(values, source)
    step = _number(interval, f"{source} [Params] Interval", 0.0, 3600.0, "sampling interval (s)")
    if step <= 0:
        raise RecordingError(f"{source}: [Params] Interval must be positive")
    out = []
    for k, (line, n) in enumerate(data, 1):
        hr = _hr(line.split()[0], f"{source} line {n}")
        out.append(HeartRateSample(k * step, hr if hr > 0 else None, (), Contact.UNSUPPORTED, source))
    return out


def _parse_csv(text: str, source: str) -> list[HeartRateSample]:
    sample_line = text.splitlines()[0]
    delimiter = max((",", ";", "\t"), key=sample_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows_in = _rows(reader, source)
    header = [h.strip().lower() for h in next(rows_in, [])]
    if "t" not in header:
        raise RecordingError(f"{source}: CSV header needs a 't' column (seconds); found {excerpt(', '.join(header))}")
    if "hr" not in header and "rr_ms" not in header:
        raise RecordingError(f"{source}: CSV header needs an 'hr' and/or 'rr_ms' column")
    col = {name: header.index(name) for name in ("t", "hr", "rr_ms", "contact", "partner") if name in header}
    rows: dict[tuple[int, float], list] = {}
    order: list[tuple[int, float]] = []
    for n, row in enumerate(rows_in, 2):
        if not row or all(not c.strip() for c in row):
            continue

        def cell(name: str) -> str:
            i = col.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        where = f"{source} line {n}"
        t_text = cell("t")
        if not t_text:
            raise RecordingError(f"{where}: empty 't'")
        t = _time(t_text, where)
        partner = _partner(cell("partner"), where)
        if (partner, t) not in rows:
            rows[partner, t] = [None, [], Contact.UNSUPPORTED]
            order.append((partner, t))
        entry = rows[partner, t]
        if cell("hr"):
            entry[0] = _hr(cell("hr"), where)
        for part in cell("rr_ms").replace(";", " ").split():
            rr = _rr(part, where)
            if rr > 0:
                entry[1].append(rr_ms_to_us(rr))
        if cell("contact"):
            entry[2] = _contact(cell("contact"), where)
    return [HeartRateSample(t, rows[p, t][0], tuple(rows[p, t][1]), rows[p, t][2], source, partner=p)
            for p, t in order]


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


def _check_length(line: str, where: str) -> None:
    if len(line) > MAX_LINE_CHARS:
        raise RecordingError(f"{where}: longer than {MAX_LINE_CHARS} characters")


def _partner(value: str, where: str) -> int:
    """The optional ``partner`` column: 0 or 1 (a two-partner session's export)."""
    if value in ("", "0"):
        return 0
    if value == "1":
        return 1
    raise RecordingError(f"{where}: partner {excerpt(value)} must be 0 or 1")


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
    partner = str(sample.partner)
    if not sample.rr_us:
        yield (t, hr, "", contact, partner)
        return
    for k, rr in enumerate(sample.rr_us):
        yield (t, hr if k == 0 else "", f"{rr / 1000:.3f}", contact, partner)
