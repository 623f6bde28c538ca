"""Batch analysis of a whole recording: the history's and the analyzer's view.

Same answers as :class:`~flooding_monitor.detection.monitor.LiveMonitor` fed the same
samples, computed column-wise with NumPy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from flooding_monitor.detection.baseline import Baseline
from flooding_monitor.heart.beats import SampleArrays, to_arrays
from flooding_monitor.detection.detector import (
    STATE_CODES,
    STATES_BY_CODE,
    BaselineRejected,
    Detection,
    State,
    detect,
)
from flooding_monitor.detection.heart_rate import TickArrays, compute_ticks
from flooding_monitor.heart.sample_columns import SampleColumns
from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.detection.settings import DetectorSettings


@dataclass
class Analysis:
    settings: DetectorSettings
    data: SampleArrays
    ticks: TickArrays
    detection: Detection
    artifacts: dict[str, int]

    @property
    def counts(self) -> dict[str, int]:
        return {**self.data.counts.as_dict(), **self.artifacts}

    def state_at(self, k: int) -> State:
        return STATES_BY_CODE[int(self.detection.states[k])]

    def seconds_in(self, state: State) -> int:
        return int(np.count_nonzero(self.detection.states == STATE_CODES[state]))

    def summary(self) -> dict[str, Any]:
        """JSON-ready: baseline, threshold, episodes, artifact counts."""
        t0 = float(self.data.t_s[0]) if self.data.t_s.size else 0.0
        end = float(self.ticks.t_s[-1]) if len(self.ticks) else t0
        d = self.detection
        valid = self.ticks.valid
        hr = self.ticks.hr_bpm[valid]
        baseline = d.baseline
        return {
            "duration_s": round(end - t0, 3),
            "beats": int(self.data.beat_rr_us.size),
            "baseline": None if baseline is None else {
                "hr_bpm": round(baseline.hr_bpm, 1),
                "rmssd_ms": None if baseline.rmssd_ms is None else round(baseline.rmssd_ms, 1),
                "duration_s": baseline.duration_s,
            },
            "baseline_rejected": next((str(e.reason) for e in d.events if isinstance(e, BaselineRejected)), None),
            "threshold": {"bpm": round(d.rule.threshold_bpm, 1), "source": d.rule.source,
                          "recovery_bpm": round(d.rule.recovery_bpm, 1)},
            "heart_rate": None if hr.size == 0 else {
                "median_bpm": round(float(np.median(hr)), 1),
                "max_bpm": round(float(np.max(hr)), 1),
            },
            "signal_lost_s": self.seconds_in(State.NO_SIGNAL),
            "episodes": [
                {
                    "start_s": round(e.start_s - t0, 1),
                    "onset_s": round(e.onset_s - t0, 1),
                    "end_s": round((e.end_s if e.end_s is not None else end) - t0, 1),
                    "ongoing": e.end_s is None,
                    "peak_bpm": round(e.peak_bpm, 1),
                    "ended_by": e.reason,
                }
                for e in d.episodes
            ],
            "artifacts": self.counts,
        }


def analyze(samples: Iterable[HeartRateSample] | SampleColumns | SampleArrays, settings: DetectorSettings | None = None,
            baseline: Baseline | None = None, end_s: float | None = None) -> Analysis:
    s = settings or DetectorSettings()
    data = samples if isinstance(samples, SampleArrays) else to_arrays(samples)
    ticks, artifacts = compute_ticks(data, s, end_s)
    detection = detect(ticks, s, baseline)
    return Analysis(s, data, ticks, detection, artifacts)

