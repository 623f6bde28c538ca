"""Lab Streaming Layer: publish heart rate, RR intervals and events for research recordings.

Researchers and therapists record physiology alongside video and other
signals with LSL (LabRecorder, or any LSL inlet). Each partner gets a
``HeartRate`` stream (1 Hz, the detector's cleaned rate, NaN when the strap is
not reading) and an ``RR`` stream (one sample per beat, milliseconds); one
``Markers`` stream carries the detector's and the pause protocol's events as
JSON strings. Timestamps are on LSL's clock (``local_clock``), so inlets on
other machines line them up with everything else.

LSL announces streams on the local network: this is off unless the user
turns it on (``--lsl`` or the setting), and the status bar says so while on.
pylsl is an optional extra (``pip install .[lsl]``); its wheels carry liblsl.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from flooding_monitor.detection.detector import EpisodeEnded, EpisodeStarted, StateChanged
from flooding_monitor.detection.monitor import TickResult
from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)
APP = "Flooding Monitor"
MARKER_STREAM = "FloodingMonitor-Events"


class LslUnavailable(RuntimeError):
    """pylsl (or its liblsl) is missing; the message says how to install it."""


def _message(exc: BaseException) -> Text:
    return Text(QT_TRANSLATE_NOOP("core", "Lab Streaming Layer is not available ({error}). Install it with: "
                                          ".venv/bin/python -m pip install -e '.[lsl]'"), error=str(exc))


def _pylsl():
    try:
        import pylsl
    except (ImportError, RuntimeError, OSError) as exc:  # pylsl raises RuntimeError when liblsl is missing
        raise LslUnavailable(_message(exc)) from None
    return pylsl


@dataclass
class _PartnerOutlets:
    hr: Any
    rr: Any


class LslPublisher:
    """Turns session time into LSL time and pushes what the app sees.

    ``session_now`` is the session clock; ``speed`` its rate against real
    time (a sped-up demo), so LSL timestamps keep real-time spacing.
    """

    def __init__(self, session_now: Callable[[], float], speed: float = 1.0, session_id: str = "") -> None:
        self.lsl = _pylsl()
        self.speed = speed
        self.session_id = session_id or "session"
        self._anchor_t = session_now()
        self._anchor_lsl = self.lsl.local_clock()
        self.partners: dict[int, _PartnerOutlets] = {}
        self.markers = self.lsl.StreamOutlet(self._marker_info())
        self.pushed = {"hr": 0, "rr": 0, "events": 0}

    # -- time ----------------------------------------------------------------------------
    def lsl_time(self, t_s: float) -> float:
        """The LSL timestamp of session time ``t_s``."""
        return self._anchor_lsl + (t_s - self._anchor_t) / self.speed

    # -- stream descriptions ---------------------------------------------------------------
    def _describe(self, info: Any, channels: Iterable[tuple[str, str, str]]) -> Any:
        desc = info.desc()
        desc.append_child_value("manufacturer", APP)
        desc.append_child_value("session", self.session_id)
        chans = desc.append_child("channels")
        for label, unit, kind in channels:
            ch = chans.append_child("channel")
            ch.append_child_value("label", label)
            ch.append_child_value("unit", unit)
            ch.append_child_value("type", kind)
        return info

    def _marker_info(self) -> Any:
        info = self.lsl.StreamInfo(MARKER_STREAM, "Markers", 1, self.lsl.IRREGULAR_RATE, self.lsl.cf_string,
                                   f"flooding-monitor-{self.session_id}-events")
        return self._describe(info, [("event", "json", "Marker")])

    def add_partner(self, slot: int, name: str, device: str = "") -> None:
        """Open partner ``slot``'s HeartRate and RR streams (again, if their strap changed)."""
        source = f"flooding-monitor-{self.session_id}-p{slot}"
        hr = self.lsl.StreamInfo(f"FloodingMonitor-HR-{name}", "HeartRate", 1, 1.0, self.lsl.cf_float32,
                                 f"{source}-hr")
        self._describe(hr, [("HR", "bpm", "HeartRate")])
        rr = self.lsl.StreamInfo(f"FloodingMonitor-RR-{name}", "RR", 1, self.lsl.IRREGULAR_RATE,
                                 self.lsl.cf_float32, f"{source}-rr")
        self._describe(rr, [("RR", "ms", "RR")])
        for info in (hr, rr):
            desc = info.desc()
            desc.append_child_value("partner", name)
            desc.append_child_value("partner_slot", str(slot))
            desc.append_child_value("device", device)
        self.partners[slot] = _PartnerOutlets(self.lsl.StreamOutlet(hr), self.lsl.StreamOutlet(rr))

    # -- pushing -------------------------------------------------------------------------
    def push_sample(self, sample: HeartRateSample) -> None:
        """Every RR interval, stamped with its beat time (the last beat arrived with the notification)."""
        outlets = self.partners.get(sample.partner)
        if outlets is None or not sample.rr_us:
            return
        t = sample.t_s
        beats = []
        for rr in reversed(sample.rr_us):
            beats.append((rr / 1000.0, self.lsl_time(t)))
            t -= rr / 1e6
        for rr_ms, stamp in reversed(beats):
            outlets.rr.push_sample([rr_ms], stamp)
            self.pushed["rr"] += 1

    def push_ticks(self, slot: int, results: list[TickResult]) -> None:
        """The detector's 1 Hz rate, and its state changes and episodes as markers."""
        outlets = self.partners.get(slot)
        for r in results:
            if outlets is not None:
                hr = r.tick.hr_bpm if r.tick.valid else math.nan
                outlets.hr.push_sample([hr], self.lsl_time(r.tick.t_s))
                self.pushed["hr"] += 1
            for e in r.events:
                if isinstance(e, StateChanged):
                    self.push_event(e.t_s, "state", slot, state=e.new.value)
                elif isinstance(e, EpisodeStarted):
                    self.push_event(e.t_s, "flooding_started", slot, start_s=e.start_s, hr_bpm=round(e.hr_bpm, 1))
                elif isinstance(e, EpisodeEnded):
                    self.push_event(e.t_s, "flooding_ended", slot, start_s=e.start_s, end_s=e.end_s,
                                    peak_bpm=round(e.peak_bpm, 1))

    def push_event(self, t_s: float, kind: str, partner: int | None = None, **fields: Any) -> None:
        """One marker: ``{"event": kind, "t_s": session time, "partner": slot, ...}``."""
        payload = {"event": kind, "t_s": round(t_s, 3), **({} if partner is None else {"partner": partner}),
                   **fields}
        self.markers.push_sample([json.dumps(payload, ensure_ascii=False)], self.lsl_time(t_s))
        self.pushed["events"] += 1

    def close(self) -> None:
        """Withdraw every stream (inlets see them end)."""
        self.partners.clear()
        self.markers = None
