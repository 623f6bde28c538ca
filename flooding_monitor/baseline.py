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
    """The threshold in force, where it comes from (shown to the user), and the calm level under it.

    ``recovery_bpm``: an episode ends when the rate stays below it. It is the
    threshold less the hysteresis margin, but never below the resting rate
    plus half the distance to the threshold: an athlete resting at 45 with a
    personal threshold of 49.5 recovers at 47.3, not at 44.5 (under their own
    resting rate, where an episode could never end).
    """

    threshold_bpm: float
    source: str  # "absolute" or "personal"
    recovery_bpm: float


def effective_threshold(settings: DetectorSettings, baseline: Baseline | None) -> ThresholdRule:
    threshold, source = settings.threshold_bpm, "absolute"
    if settings.personal_rule_pct is not None and baseline is not None:
        personal = baseline.hr_bpm * (1.0 + settings.personal_rule_pct / 100.0)
        if personal < settings.threshold_bpm:
            threshold, source = personal, "personal"
    recovery = threshold - settings.hysteresis_bpm
    if baseline is not None and baseline.hr_bpm < threshold:
        recovery = max(recovery, baseline.hr_bpm + (threshold - baseline.hr_bpm) / 2)
    return ThresholdRule(threshold, source, recovery)


def ready_to_return_bpm(rule: ThresholdRule, baseline: Baseline | None) -> float:
    """Under this rate a partner may come back from a pause: calm, and within ~10 % of their
    resting rate when it is known (people feel calm while still ~10 % above it; docs/science.md)."""
    if baseline is None:
        return rule.recovery_bpm
    return min(rule.recovery_bpm, baseline.hr_bpm * 1.10)
