"""A person's resting baseline and the threshold rule that follows from it.

Gottman's 100 bpm is a population figure; athletes flood at lower rates, so an
optional personal rule (baseline + N %) can lower the threshold. The lower of
the two rules applies, and the app always shows which one is in force.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

#: A resting rate is accepted only when its 30-s means stay within this range...
STEADY_RANGE_BPM = 8.0
#: ...do not climb faster than this (least-squares slope)...
MAX_RISE_BPM_PER_MIN = 3.0


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


def check_resting(hr_bpm: list[float], rmssd_ms: list[float], threshold_bpm: float,
                  hysteresis_bpm: float) -> tuple[Baseline | None, str]:
    """A resting rate from calibration ticks (30-s means, one a second), or why it is not one.

    Accepted only when every mean stays under the calm level (threshold less the
    hysteresis), the means stay within ``STEADY_RANGE_BPM`` of each other, and they do
    not climb faster than ``MAX_RISE_BPM_PER_MIN``. Sums use ``math.fsum``: the live
    and the batch detector decide alike.
    """
    if len(hr_bpm) < 2:
        return None, Text(QT_TRANSLATE_NOOP("core", "The strap gave no trustworthy reading. Check it and try again."))
    low, high = min(hr_bpm), max(hr_bpm)
    calm = threshold_bpm - hysteresis_bpm
    if high >= calm:
        return None, Text(QT_TRANSLATE_NOOP(
            "core", "Your rate reached {high} bpm, above the calm level of {calm} bpm: this is not rest. Take a "
                    "few minutes to calm down, then try again."), high=f"{high:.0f}", calm=f"{calm:.0f}")
    if high - low > STEADY_RANGE_BPM:
        return None, Text(QT_TRANSLATE_NOOP(
            "core", "Your rate moved between {low} and {high} bpm (more than {range} apart), so it is not a "
                    "resting rate yet. Sit still and try again."), low=f"{low:.0f}", high=f"{high:.0f}",
            range=f"{STEADY_RANGE_BPM:.0f}")
    slope = _slope_per_min(hr_bpm)
    if slope > MAX_RISE_BPM_PER_MIN:
        return None, Text(QT_TRANSLATE_NOOP(
            "core", "Your rate was still climbing ({slope} bpm a minute). Wait until it settles, then try "
                    "again."), slope=f"{slope:.1f}")
    return Baseline.from_ticks(hr_bpm, rmssd_ms), ""


def _slope_per_min(values: list[float]) -> float:
    """Least-squares slope of one-a-second values, in units per minute."""
    n = len(values)
    mean_x = (n - 1) / 2
    mean_y = math.fsum(values) / n
    sxy = math.fsum((k - mean_x) * (v - mean_y) for k, v in enumerate(values))
    sxx = math.fsum((k - mean_x) ** 2 for k in range(n))
    return 60.0 * sxy / sxx


def ready_to_return_bpm(rule: ThresholdRule, baseline: Baseline | None) -> float:
    """Under this rate a partner may come back from a pause: calm, and within ~10 % of their
    resting rate when it is known (people feel calm while still ~10 % above it; docs/science.md)."""
    if baseline is None:
        return rule.recovery_bpm
    return min(rule.recovery_bpm, baseline.hr_bpm * 1.10)
