"""The session file: one session, everything the history holds about it, in a documented text format.

It is how a session moves to another computer or another tool without losing
anything: wall-clock times with their UTC offset on every row, who wore which
strap, every notification as received, strap status, alerts, episodes,
pauses, snoozes, notes and the detector settings in force. Export, import
and export again gives the same bytes. The format is specified in
``docs/session-format.md``; JSON Lines so that any language reads it line
by line and a text editor shows it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flooding_monitor.private_files import write_private
from flooding_monitor.file_limits import (
    MAX_DURATION_S,
    MAX_HR_BPM,
    MAX_RR_MS,
    RecordingError,
    open_regular_file,
)
from flooding_monitor.heart.samples import Contact, HeartRateSample
from flooding_monitor.detection.settings import DetectorSettings, SettingsError
from flooding_monitor.storage.store import EpisodeRow, NoteRow, PartnerInfo, PauseRow, SessionStore, SnoozeRow

FORMAT = "flooding-monitor-session"
VERSION = 1
SUFFIX = ".fmsession"
MAX_LINE_BYTES = 1 << 20
PARTNER_IDS = ("A", "B")
CONTACT_NAMES = {Contact.DETECTED: "detected", Contact.NOT_DETECTED: "not_detected",
                 Contact.UNSUPPORTED: "unsupported"}
CONTACT_BY_NAME = {v: k for k, v in CONTACT_NAMES.items()}


@dataclass
class SessionDocument:
    """A session as a file holds it; times on the session clock (seconds from ``started_at``)."""

    started_at: dt.datetime  # aware
    ended_at: dt.datetime | None
    duration_s: float | None
    source_kind: str
    device_name: str | None
    device_address: str | None
    closed_by: str | None
    settings: dict[str, Any]
    baseline_hr: float | None
    baseline_rmssd: float | None
    source_hash: str | None
    partners: list[PartnerInfo] = field(default_factory=list)
    samples: list[HeartRateSample] = field(default_factory=list)
    events: list[tuple[float, str, str, int]] = field(default_factory=list)  # strap status and alerts
    episodes: list[EpisodeRow] = field(default_factory=list)
    pauses: list[PauseRow] = field(default_factory=list)
    snoozes: list[SnoozeRow] = field(default_factory=list)
    notes: list[NoteRow] = field(default_factory=list)

    @property
    def zone(self) -> dt.tzinfo:
        assert self.started_at.tzinfo is not None
        return self.started_at.tzinfo


# -- writing --------------------------------------------------------------------------------------
def read_document(store: SessionStore, session_id: int) -> SessionDocument:
    """Everything the history holds about one session."""
    info = store.session(session_id)
    return SessionDocument(
        info.started_aware, info.ended_at, info.duration_s, info.source_kind, info.device_name,
        info.device_address, info.closed_by, info.settings, info.baseline_hr, info.baseline_rmssd, info.source_hash,
        store.stored_partners(session_id), store.samples(session_id), store.events_with_partner(session_id),
        store.episodes(session_id), store.pauses(session_id), store.snoozes(session_id), store.notes(session_id))


def document_lines(doc: SessionDocument) -> Iterator[str]:
    """The file's lines: the header, then samples, status and alerts, episodes, pauses, snoozes, notes."""
    yield header_line(doc)
    for s in doc.samples:
        yield sample_line(doc, s)
    for event in doc.events:
        yield event_line(doc, event)
    yield from protocol_lines(doc)


def _clock(doc: SessionDocument, t_s: float | None) -> str | None:
    return None if t_s is None else (doc.started_at + dt.timedelta(seconds=t_s)).isoformat(timespec="milliseconds")


def _stamp(doc: SessionDocument, text_or_time: str | dt.datetime | None) -> str | None:
    return None if text_or_time is None else _aware(text_or_time, doc.zone).isoformat()


def header_line(doc: SessionDocument) -> str:
    return _dumps({
        "format": FORMAT, "version": VERSION, "started_at": doc.started_at.isoformat(),
        "ended_at": _stamp(doc, doc.ended_at), "duration_s": doc.duration_s, "source": doc.source_kind,
        "device": doc.device_name, "device_address": doc.device_address, "closed_by": doc.closed_by,
        "baseline_hr_bpm": doc.baseline_hr, "baseline_rmssd_ms": doc.baseline_rmssd,
        "source_hash": doc.source_hash, "settings": dict(sorted(doc.settings.items())),
        "partners": [{"partner": _pid(p.slot), "name": p.name, "colour": p.colour, "device": p.device_name,
                      "device_address": p.device_address, "threshold_bpm": p.threshold_bpm,
                      "baseline_hr_bpm": p.baseline_hr, "baseline_rmssd_ms": p.baseline_rmssd}
                     for p in doc.partners]})


def sample_line(doc: SessionDocument, s: HeartRateSample) -> str:
    return _dumps({"type": "sample", "time": _clock(doc, s.t_s), "t_s": s.t_s, "partner": _pid(s.partner),
                   "hr_bpm": s.hr_bpm, "rr_us": list(s.rr_us), "contact": CONTACT_NAMES[s.contact]})


def event_line(doc: SessionDocument, event: tuple[float, str, str, int]) -> str:
    t, kind, message, partner = event
    if kind == "alert":
        return _dumps({"type": "alert", "time": _clock(doc, t), "t_s": t, "partner": _pid(partner)})
    return _dumps({"type": "status", "time": _clock(doc, t), "t_s": t, "partner": _pid(partner), "kind": kind,
                   "message": message})


def protocol_lines(doc: SessionDocument) -> Iterator[str]:
    """Episodes, pauses, snoozes and notes."""
    clock = _clock
    for e in doc.episodes:
        yield _dumps({"type": "episode", "time": clock(doc, e.start_s), "partner": _pid(e.partner),
                      "start_s": e.start_s, "onset_s": e.onset_s, "onset_time": clock(doc, e.onset_s),
                      "end_s": e.end_s, "end_time": clock(doc, e.end_s), "peak_bpm": e.peak_bpm,
                      "alerted": e.alerted, "moving": e.moving})
    for p in doc.pauses:
        yield _dumps({"type": "pause", "time": clock(doc, p.started_s), "started_s": p.started_s,
                      "planned_s": p.planned_s, "extended_s": p.extended_s, "return_at": _stamp(doc, p.return_at),
                      "ended_s": p.ended_s, "end_time": clock(doc, p.ended_s), "recovered": p.recovered,
                      "ended_early": p.ended_early, "reason": p.reason})
    for z in doc.snoozes:
        yield _dumps({"type": "snooze", "time": clock(doc, z.t_s), "t_s": z.t_s, "until_s": z.until_s,
                      "until_time": clock(doc, z.until_s)})
    for n in doc.notes:
        writer = {} if n.partner is None else {"partner": _pid(n.partner)}  # absent: not said (older files too)
        yield _dumps({"type": "note", "time": _stamp(doc, n.written_at), **writer, "trigger": n.trigger,
                      "body": n.body, "response": n.response, "familiar": n.familiar, "other": n.other})


def session_file_name(doc: SessionDocument, session_id: int) -> str:
    return f"session-{session_id}-{doc.started_at:%Y%m%d-%H%M}{SUFFIX}"


def export_session_file(store: SessionStore, session_id: int, out: str | os.PathLike[str],
                        overwrite: bool = False) -> Path:
    """Write one session into folder ``out`` (or to ``out`` itself when it ends in the suffix)."""
    doc = read_document(store, session_id)
    out = Path(out)
    path = out if out.suffix == SUFFIX else out / session_file_name(doc, session_id)
    write_private(path, lambda fh: fh.writelines(line + "\n" for line in document_lines(doc)), overwrite=overwrite)
    return path


# -- reading --------------------------------------------------------------------------------------
def looks_like_session_file(head: str) -> bool:
    return head.lstrip().startswith("{") and f'"{FORMAT}"' in head.split("\n", 1)[0]


def load_session_file(path: str | os.PathLike[str]) -> SessionDocument:
    """Read and check a session file; a wrong value is refused with its line and field."""
    p = Path(path)
    with open_regular_file(p) as fh:  # refuses a FIFO or a device; stops reading at MAX_FILE_BYTES
        lines = _raw_lines(fh, p.name)
        try:
            _, first = next(lines)
        except StopIteration:
            raise RecordingError(f"{p.name}: the file is empty") from None
        doc = _header(_record(first, 1, p.name), p.name)
        for n, raw in lines:
            if raw.strip():
                _add_row(doc, _record(raw, n, p.name), f"{p.name} line {n}")
    return doc


def _raw_lines(fh: io.BufferedReader, source: str) -> Iterator[tuple[int, bytes]]:
    """Numbered lines, none read past MAX_LINE_BYTES (a 100-MB line is refused, not loaded)."""
    n = 0
    while line := fh.readline(MAX_LINE_BYTES + 1):
        n += 1
        if len(line) > MAX_LINE_BYTES:
            raise RecordingError(f"{source} line {n}: longer than {MAX_LINE_BYTES >> 10} kB")
        yield n, line


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a session file may hold")


def _record(raw: bytes, n: int, source: str) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        value = json.loads(text, parse_constant=_no_constant)
        if "\\u" in text:  # an escaped lone surrogate decodes, then breaks every write of it
            json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeError:
        raise RecordingError(f"{source} line {n}: text that is not valid UTF-8 (a lone surrogate?)") from None
    except RecursionError:
        raise RecordingError(f"{source} line {n}: nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, NaN/Infinity, an integer of thousands of digits
        raise RecordingError(f"{source} line {n}: not a JSON object ({str(exc)[:120]})") from None
    if not isinstance(value, dict):
        raise RecordingError(f"{source} line {n}: not a JSON object")
    return value


def _header(h: dict[str, Any], source: str) -> SessionDocument:
    where = f"{source} line 1"
    if h.get("format") != FORMAT:
        raise RecordingError(f"{where}: not a Flooding Monitor session file")
    if h.get("version") != VERSION:
        raise RecordingError(f"{where}: session file version {h.get('version')!r}; this program reads version "
                             f"{VERSION} (a newer Flooding Monitor wrote it?)")
    started = _datetime(h.get("started_at"), where, "started_at")
    if started.tzinfo is None:
        raise RecordingError(f"{where}: started_at needs its UTC offset, like 2026-11-25T20:01:00+01:00")
    settings = h.get("settings")
    if not isinstance(settings, dict):
        raise RecordingError(f"{where}: settings must be an object")
    try:
        DetectorSettings.from_dict(settings)
    except (SettingsError, TypeError, ValueError) as exc:
        raise RecordingError(f"{where}: settings: {exc}") from None
    doc = SessionDocument(
        started, _opt(h, "ended_at", _datetime, where), _opt_seconds(h, "duration_s", where),
        _text(h.get("source", "import"), where, "source"), _opt_text(h, "device", where),
        _opt_text(h, "device_address", where), _opt_text(h, "closed_by", where), settings,
        _opt_number(h, "baseline_hr_bpm", where, 20, MAX_HR_BPM), _opt_number(h, "baseline_rmssd_ms", where, 0, 1000),
        _opt_text(h, "source_hash", where))
    partners = h.get("partners", [])
    if not isinstance(partners, list) or len(partners) > len(PARTNER_IDS):
        raise RecordingError(f"{where}: partners must be a list of at most {len(PARTNER_IDS)}")
    for p in partners:
        if not isinstance(p, dict):
            raise RecordingError(f"{where}: each partner must be an object")
        doc.partners.append(PartnerInfo(
            _slot(p.get("partner"), where), _text(p.get("name", ""), where, "name"),
            _text(p.get("colour", "#2f6fae"), where, "colour"), _opt_text(p, "device", where),
            _opt_text(p, "device_address", where), _opt_number(p, "threshold_bpm", where, 60, 180),
            _opt_number(p, "baseline_hr_bpm", where, 20, MAX_HR_BPM),
            _opt_number(p, "baseline_rmssd_ms", where, 0, 1000)))
    return doc


def _add_row(doc: SessionDocument, r: dict[str, Any], where: str) -> None:
    kind = r.get("type")
    if kind == "sample":
        rr = r.get("rr_us", [])
        if not isinstance(rr, list) or len(rr) > 64 or not all(
                isinstance(v, int) and not isinstance(v, bool) and 0 < v <= MAX_RR_MS * 1000 for v in rr):
            raise RecordingError(f"{where}: rr_us must be a list of intervals in microseconds, "
                                 f"each up to {MAX_RR_MS * 1000:.0f}")
        contact = CONTACT_BY_NAME.get(r.get("contact", "unsupported"))
        if contact is None:
            raise RecordingError(f"{where}: contact must be one of {', '.join(CONTACT_BY_NAME)}")
        doc.samples.append(HeartRateSample(_t(doc, r, "t_s", where), _opt_number(r, "hr_bpm", where, 0, MAX_HR_BPM),
                                           tuple(rr), contact, "import", partner=_slot(r.get("partner", "A"), where)))
    elif kind in ("status", "alert"):
        doc.events.append((_t(doc, r, "t_s", where), "alert" if kind == "alert" else _text(r.get("kind"), where, "kind"),
                           _text(r.get("message", ""), where, "message"), _slot(r.get("partner", "A"), where)))
    elif kind == "episode":
        doc.episodes.append(EpisodeRow(
            _t(doc, r, "start_s", where), _t(doc, r, "onset_s", where, "onset_time"),
            _opt_seconds(r, "end_s", where), _opt_number(r, "peak_bpm", where, 0, MAX_HR_BPM),
            _flag(r, "alerted", where), _slot(r.get("partner", "A"), where), _flag(r, "moving", where)))
    elif kind == "pause":
        return_at = _datetime(r.get("return_at"), where, "return_at")
        doc.pauses.append(PauseRow(
            _t(doc, r, "started_s", where), _seconds(r.get("planned_s"), where, "planned_s"),
            _seconds(r.get("extended_s", 0.0), where, "extended_s"), return_at.isoformat(),
            _opt_seconds(r, "ended_s", where), _opt_flag(r, "recovered", where), _opt_flag(r, "ended_early", where),
            _text(r.get("reason", ""), where, "reason")))
    elif kind == "snooze":
        doc.snoozes.append(SnoozeRow(_t(doc, r, "t_s", where), _seconds(r.get("until_s"), where, "until_s")))
    elif kind == "note":
        written = _naive_in(_datetime(r.get("time"), where, "time"), doc.zone)
        writer = None if r.get("partner") is None else _slot(r["partner"], where)
        doc.notes.append(NoteRow(written.isoformat(), *(_text(r.get(k, ""), where, k)
                                                        for k in ("trigger", "body", "response", "familiar", "other")),
                                 partner=writer))
    else:
        raise RecordingError(f"{where}: unknown row type {kind!r}")


# -- checked values -------------------------------------------------------------------------------
def _t(doc: SessionDocument, r: dict[str, Any], key: str, where: str, clock_key: str = "time") -> float:
    """Seconds from the session's start: the exact ``*_s`` value, else from the clock time."""
    if key in r:
        return _seconds(r[key], where, key)
    when = _datetime(r.get(clock_key), where, clock_key)
    return _seconds((_aware(when, doc.zone) - doc.started_at).total_seconds(), where, clock_key)


def _seconds(v: Any, where: str, key: str) -> float:
    return _number(v, where, key, -60.0, MAX_DURATION_S)


def _number(v: Any, where: str, key: str, low: float, high: float) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or not low <= v <= high:
        raise RecordingError(f"{where}: {key} must be a number from {low:g} to {high:g}, not {v!r}")
    return float(v)


def _opt_number(r: dict[str, Any], key: str, where: str, low: float, high: float) -> float | None:
    return None if r.get(key) is None else _number(r[key], where, key, low, high)


def _opt_seconds(r: dict[str, Any], key: str, where: str) -> float | None:
    return None if r.get(key) is None else _seconds(r[key], where, key)


def _text(v: Any, where: str, key: str) -> str:
    if not isinstance(v, str) or len(v) > 20_000:
        raise RecordingError(f"{where}: {key} must be text")
    return v


def _opt_text(r: dict[str, Any], key: str, where: str) -> str | None:
    return None if r.get(key) is None else _text(r[key], where, key)


def _opt(r: dict[str, Any], key: str, parse, where: str):
    return None if r.get(key) is None else parse(r[key], where, key)


def _flag(r: dict[str, Any], key: str, where: str) -> bool:
    v = r.get(key, False)
    if not isinstance(v, bool):
        raise RecordingError(f"{where}: {key} must be true or false")
    return v


def _opt_flag(r: dict[str, Any], key: str, where: str) -> bool | None:
    return None if r.get(key) is None else _flag(r, key, where)


def _slot(v: Any, where: str) -> int:
    if v not in PARTNER_IDS:
        raise RecordingError(f"{where}: partner must be \"A\" or \"B\", not {v!r}")
    return PARTNER_IDS.index(v)


def _pid(slot: int) -> str:
    return PARTNER_IDS[slot] if 0 <= slot < len(PARTNER_IDS) else str(slot)


def _datetime(v: Any, where: str, key: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(v)
    except (TypeError, ValueError):
        raise RecordingError(f"{where}: {key} must be an ISO 8601 time like 2026-11-25T20:01:00+01:00, "
                             f"not {v!r}") from None
    if not dt.datetime(1990, 1, 1) <= when.replace(tzinfo=None) <= dt.datetime(2200, 1, 1):
        raise RecordingError(f"{where}: {key} {v!r} is not a plausible date")
    offset = when.utcoffset()
    if offset is not None and offset.total_seconds() % 60:  # the history keeps offsets in whole minutes
        raise RecordingError(f"{where}: {key} {v!r} has a UTC offset with seconds; offsets are whole minutes")
    return when


def _aware(value: str | dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """A stored time with the session's offset (the history keeps wall times without one)."""
    when = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return when.replace(tzinfo=zone) if when.tzinfo is None else when


def _naive_in(when: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """A time as the history stores it: the wall time in the session's offset."""
    return (when.astimezone(zone) if when.tzinfo is not None else when).replace(tzinfo=None)


def _dumps(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


# -- importing ------------------------------------------------------------------------------------
def import_session_file(store: SessionStore, path: str | os.PathLike[str]) -> int:
    """Bring an exported session back as it was: its own date, partners, protocol and notes.

    Refused with :class:`DuplicateImport` when the history already holds it (same samples, same start).
    """
    from flooding_monitor.storage.import_identity import DuplicateImport, content_hash

    doc = load_session_file(path)
    if not doc.samples:
        raise RecordingError(f"{Path(path).name}: the session holds no samples")
    digest = content_hash(doc.samples)
    existing = next((sid for key in (digest, doc.source_hash) if key
                     if (sid := store.session_with_hash(key)) is not None), None)
    if existing is None:  # a recorded (not imported) session has no hash: same start, same samples
        existing = next((sid for sid in store.sessions_started_near(doc.started_at)
                         if content_hash(store.samples(sid)) == digest), None)
    if existing is not None:
        raise DuplicateImport(existing)
    ended, duration, closed_by = _import_end(doc)
    with store.atomic():  # all of it or nothing
        sid = store.create_session(doc.started_at, doc.source_kind, doc.device_name, doc.device_address,
                                   doc.settings, doc.baseline_hr, doc.baseline_rmssd, doc.source_hash)
        store.write_batch(sid, doc.samples, doc.events)
        if doc.partners:
            store.set_partners(sid, doc.partners)
        store.restore_rows(sid, doc.episodes, doc.pauses, doc.snoozes, doc.notes)
        store.set_end(sid, ended, duration, closed_by)
    return sid


def _import_end(doc: SessionDocument) -> tuple[dt.datetime, float | None, str | None]:
    """When an imported session ended. A file that never closed (``ended_at: null``: written while
    recording, or cut by a crash) ends at its last sample and is marked ``import``: it is not a crash
    of this computer, and the next command must not announce it as one."""
    if doc.ended_at is not None:
        return _naive_in(doc.ended_at, doc.zone), doc.duration_s, doc.closed_by  # as written: lossless
    duration = doc.duration_s if doc.duration_s is not None else max(s.t_s for s in doc.samples)
    return _naive_in(doc.started_at + dt.timedelta(seconds=duration), doc.zone), duration, doc.closed_by or "import"
