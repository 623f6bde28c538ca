"""The rows the history hands out and takes in: sessions, partners, episodes, pauses, snoozes, notes.

Plain frozen dataclasses (no SQLite here), so the layers above read a session
without knowing how it is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SessionInfo:
    id: int
    started_at: dt.datetime
    ended_at: dt.datetime | None
    duration_s: float | None
    source_kind: str
    device_name: str | None
    settings: dict[str, Any]
    baseline_hr: float | None
    baseline_rmssd: float | None
    closed_by: str | None
    device_address: str | None = None
    utc_offset_min: int | None = None  # None: recorded before offsets were kept
    source_hash: str | None = None  # an imported recording's content hash

    @property
    def started_aware(self) -> dt.datetime:
        """The start with its UTC offset (this computer's zone for sessions from before offsets were kept)."""
        if self.utc_offset_min is None:
            return self.started_at.astimezone()
        return self.started_at.replace(tzinfo=dt.timezone(dt.timedelta(minutes=self.utc_offset_min)))


@dataclass(frozen=True)
class PartnerInfo:
    """Who wore which strap in a session."""

    slot: int
    name: str
    colour: str
    device_name: str | None = None
    device_address: str | None = None
    threshold_bpm: float | None = None
    baseline_hr: float | None = None
    baseline_rmssd: float | None = None


@dataclass(frozen=True)
class EpisodeRow:
    start_s: float
    onset_s: float
    end_s: float | None
    peak_bpm: float | None
    alerted: bool
    partner: int
    moving: bool = False


@dataclass(frozen=True)
class PauseRow:
    started_s: float
    planned_s: float
    extended_s: float
    return_at: str
    ended_s: float | None
    recovered: bool | None
    ended_early: bool | None
    reason: str

    @property
    def stop_s(self) -> float:
        """When the pause ended, or was planned to end if it never did."""
        return self.ended_s if self.ended_s is not None else self.started_s + self.planned_s + self.extended_s


@dataclass(frozen=True)
class SnoozeRow:
    t_s: float
    until_s: float


def protocol_rows(episodes: Iterable[Any], pauses: Iterable[Any],
                  snoozes: Iterable[Any]) -> tuple[list[EpisodeRow], list[PauseRow], list[SnoozeRow]]:
    """The detector's and the pause protocol's live objects as the rows the history (and a session
    file) holds."""
    return ([EpisodeRow(e.start_s, e.onset_s, e.end_s, e.peak_bpm, bool(getattr(e, "alerted", False)),
                        int(getattr(e, "partner", 0)), bool(getattr(e, "moving", False))) for e in episodes],
            [PauseRow(p.started_s, p.planned_s, p.extended_s, p.return_wall.isoformat(), p.ended_s, p.recovered,
                      None if p.ended_s is None else bool(p.ended_early), p.reason) for p in pauses],
            [SnoozeRow(z.t_s, z.until_s) for z in snoozes])


@dataclass(frozen=True)
class NoteRow:
    written_at: str
    trigger: str
    body: str
    response: str
    familiar: str
    other: str
    partner: int | None = None  # who wrote it (None: not said, or both)


@dataclass(frozen=True)
class SummaryRow:
    """A session as the history list needs it, before any statistics."""

    id: int
    started_at: dt.datetime
    duration_s: float
    device_name: str | None
    episodes: tuple[EpisodeRow, ...]
    partner_names: tuple[str, ...]
    pause_starts: tuple[float, ...]
    notes: int


def utc_offset_minutes(when: dt.datetime) -> int:
    """Minutes east of UTC at ``when`` (its own offset if aware, this computer's zone if naive)."""
    offset = (when if when.tzinfo is not None else when.astimezone()).utcoffset()
    return int(offset.total_seconds() // 60) if offset is not None else 0


def flag(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def encode_rr(rr: Sequence[int]) -> str:
    return " ".join(str(int(v)) for v in rr)


def decode_rr(text: str) -> tuple[int, ...]:
    return tuple(int(v) for v in text.split()) if text else ()
