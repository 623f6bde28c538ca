"""Real irregular hearts: the five 10-hour MIT-BIH Atrial Fibrillation Database records (issue 23).

The reference is the 30-s mean rate of the intervals as given (in AF the true rate is the mean of
the real intervals, irregular as they are), at each of the detector's seconds. Per record:

- **alert delay**: for each stretch where the reference holds >= 100 bpm for 30 s, from its start
  to the first second the alert is on (an alert already on counts at once); the worst and the median;
- **missed**: such stretches with no alert within 75 s;
- **false alarms**: alerts that begin where the reference never held >= 100 for 30 s nearby;
- **not reading**: seconds in state ``no_signal``;
- **rate within 3 bpm**: the share of seconds whose 30-s rate is within 3 bpm of the reference.

    .venv/bin/python -m tests.afdb_evaluation             # the table
    .venv/bin/python -m tests.afdb_evaluation --markdown  # the same, for docs/evaluation.md
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from flooding_monitor.detection.analysis import analyze
from flooding_monitor.detection.detector import STATE_CODES, State
from flooding_monitor.formats.recordings import load_recording
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.heart.spans import true_spans

from .tables import format_table

AFDB = Path(__file__).parent / "data" / "afdb"  # a copy of shared/data/real/afdb (README there)
RECORDS = ("04043", "04908", "06995", "07859", "08219")
WINDOW_S = 30.0
MAX_DELAY_S = 75.0


@dataclass
class Result:
    record: str
    hours: float
    stretches: int = 0
    delays_s: list[float] = field(default_factory=list)
    missed: int = 0
    false_alarms: int = 0
    not_reading_s: int = 0
    within_3_bpm: float = 0.0


def reference_rate(ends_s: np.ndarray, rr_ms: np.ndarray, times: np.ndarray) -> np.ndarray:
    """60 000 / mean of the intervals that ended in the last 30 s, at each time."""
    csum = np.concatenate([[0.0], np.cumsum(rr_ms)])
    hi = np.searchsorted(ends_s, times, side="right")
    lo = np.searchsorted(ends_s, times - WINDOW_S, side="right")
    n = hi - lo
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, 60_000.0 * n / (csum[hi] - csum[lo]), np.nan)


def run(record: str, settings: DetectorSettings | None = None) -> Result:
    path = AFDB / f"afdb{record}_rr.txt"
    columns = load_recording(path).columns
    a = analyze(columns, settings or DetectorSettings())
    rr_ms = np.loadtxt(path)
    ends = np.cumsum(rr_ms) / 1000.0
    offset = float(columns.t_s[0]) - ends[0]  # the file's first beat ends at its first time
    T = a.ticks.t_s
    ref = reference_rate(ends + offset, rr_ms, T)
    out = Result(record, hours=float(T[-1] - T[0]) / 3600)
    threshold = a.detection.rule.threshold_bpm
    stretches = [(s, e) for s, e in true_spans(T, ref >= threshold) if e - s >= WINDOW_S]
    out.stretches = len(stretches)
    episodes = a.detection.episodes
    for s, _e in stretches:
        on = [max(ep.onset_s, s) for ep in episodes
              if ep.onset_s <= s + MAX_DELAY_S and (ep.end_s is None or ep.end_s >= s)]
        if on:
            out.delays_s.append(min(on) - s)
        else:
            out.missed += 1
    out.false_alarms = sum(not any(s - 5 <= ep.onset_s <= e + 60 for s, e in stretches) for ep in episodes)
    out.not_reading_s = int(np.count_nonzero(a.detection.states == STATE_CODES[State.NO_SIGNAL]))
    known = ~np.isnan(ref)
    rate = a.ticks.hr_bpm
    close = np.abs(np.where(np.isnan(rate), np.inf, rate) - ref) <= 3.0
    out.within_3_bpm = float(np.count_nonzero(close & known)) / max(1, int(np.count_nonzero(known)))
    return out


def table(results: list[Result], markdown: bool = False) -> str:
    head = ("record", "hours", "stretches >= 100 for 30 s", "alert delay s (median / max)", "missed",
            "false alarms", "not reading s (%)", "rate within 3 bpm")
    rows = []
    for r in results:
        delay = f"{statistics.median(r.delays_s):.0f} / {max(r.delays_s):.0f}" if r.delays_s else "-"
        rows.append((r.record, f"{r.hours:.1f}", str(r.stretches), delay, str(r.missed), str(r.false_alarms),
                     f"{r.not_reading_s} ({100 * r.not_reading_s / (r.hours * 3600):.1f} %)",
                     f"{100 * r.within_3_bpm:.1f} %"))
    return format_table(head, rows, markdown)


if __name__ == "__main__":
    print(table([run(r) for r in RECORDS], markdown="--markdown" in sys.argv))
