"""A person's resting baseline and the threshold rule that follows from it.

Gottman's 100 bpm is a population figure; athletes flood at lower rates, so an
optional personal rule (baseline + N %) can lower the threshold. The lower of
the two rules applies, and the app always shows which one is in force.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .settings import DetectorSettings


@dataclass(frozen=True, slots=True)
class Baseline:
    """Resting heart rate and RMSSD from a quiet calibration period."""

    hr_bpm: float
    rmssd_ms: float | None
    duration_s: float

    def __post_init__(self) -> None:
        if not (25 <= self.hr_bpm <= 220):
            raise ValueError(f"baseline heart rate {self.hr_bpm!r} bpm is not plausible")

    @classmethod
    def from_ticks(cls, hr_bpm: list[float], rmssd_ms: list[float]) -> "Baseline":
        """Mean of the calibration ticks; ``math.fsum`` makes the mean independent
        of summation order, so live and batch baselines are identical."""
        rmssd = [r for r in rmssd_ms if not math.isnan(r)]
        return cls(
            hr_bpm=math.fsum(hr_bpm) / len(hr_bpm),
            rmssd_ms=math.fsum(rmssd) / len(rmssd) if rmssd else None,
            duration_s=float(len(hr_bpm)),
        )


@dataclass(frozen=True, slots=True)
class ThresholdRule:
    """The threshold in force and where it comes from (shown to the user)."""

    threshold_bpm: float
    source: str  # "absolute" or "personal"


def effective_threshold(settings: DetectorSettings, baseline: Baseline | None) -> ThresholdRule:
    absolute = ThresholdRule(settings.threshold_bpm, "absolute")
    if settings.personal_rule_pct is None or baseline is None:
        return absolute
    personal = baseline.hr_bpm * (1.0 + settings.personal_rule_pct / 100.0)
    if personal < settings.threshold_bpm:
        return ThresholdRule(personal, "personal")
    return absolute
