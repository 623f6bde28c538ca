"""Detector settings with units in their names, checked once at construction.

Defaults follow ``docs/science.md``: flooding at 100 bpm (Gottman): the 30-s
mean rate sustained at or above it for 30 s before an alert, cleared after the
rate stays 5 bpm below the threshold (and halfway back to the resting rate,
when one is known) for a recovery window.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


class SettingsError(ValueError):
    """A setting is out of its allowed range; the message says which and why."""


@dataclass(frozen=True, slots=True)
class DetectorSettings:
    """Every number the cleaning and the detector use.

    Attributes:
        threshold_bpm: absolute flooding threshold.
        personal_rule_pct: if set, the threshold is also ``baseline * (1 + pct/100)``
            and the lower of the two applies (athletes flood below 100 bpm).
        sustain_s: the rate must stay at/above threshold this long before onset.
        recovery_s: the rate must stay below ``threshold - hysteresis_bpm`` this
            long before an episode ends.
        hysteresis_bpm: margin under the threshold that counts as recovered.
        dip_tolerance_s: during a rise, dips under the threshold this short (and
            not below ``threshold - hysteresis_bpm``) do not restart the sustain
            clock: a heart at 101 bpm with breathing ripple is still above 100.
        rising_margin_bpm: within this many bpm under the threshold the state
            is ``rising``.
        rate_window_s: the heart rate at time T is the mean rate over
            (T - rate_window_s, T]: of the cleaned beats, or of the strap's bpm
            field where the beats do not cover the window. 30 s, as the science
            defines the rate (an irregular but fast heart has a fast mean).
        rmssd_window_s: window for the rolling RMSSD.
        stale_s: no sample for this long means "no signal".
        max_corrected_fraction: above this fraction of corrected beats in the
            quality window the signal is not trusted.
        quality_window_s: window for the corrected-beat fraction.
        max_gap_s: a signal gap shorter than this pauses the sustain/recovery
            clocks; a longer one resets them and ends an ongoing episode.
        calibration_s: length of the quiet resting baseline (0 = no calibration).
    """

    threshold_bpm: float = 100.0
    personal_rule_pct: float | None = None
    sustain_s: float = 30.0
    recovery_s: float = 60.0
    hysteresis_bpm: float = 5.0
    dip_tolerance_s: float = 5.0
    rising_margin_bpm: float = 10.0
    rate_window_s: float = 30.0
    rmssd_window_s: float = 60.0
    stale_s: float = 5.0
    max_corrected_fraction: float = 0.05
    quality_window_s: float = 30.0
    max_gap_s: float = 120.0
    calibration_s: float = 0.0

    def __post_init__(self) -> None:
        _check(40 <= self.threshold_bpm <= 200, "threshold_bpm", "between 40 and 200 bpm")
        if self.personal_rule_pct is not None:
            _check(0 < self.personal_rule_pct <= 100, "personal_rule_pct", "between 0 and 100 %")
        _check(1 <= self.sustain_s <= 1800, "sustain_s", "between 1 s and 30 min")
        _check(1 <= self.recovery_s <= 3600, "recovery_s", "between 1 s and 60 min")
        _check(0 <= self.hysteresis_bpm <= 30, "hysteresis_bpm", "between 0 and 30 bpm")
        _check(0 <= self.dip_tolerance_s <= 60, "dip_tolerance_s", "between 0 and 60 s")
        _check(0 <= self.rising_margin_bpm <= 50, "rising_margin_bpm", "between 0 and 50 bpm")
        _check(1 <= self.rate_window_s <= 120, "rate_window_s", "between 1 and 120 s")
        _check(self.rate_window_s < self.sustain_s * 2, "rate_window_s", "shorter than twice the sustain window")
        _check(5 <= self.rmssd_window_s <= 600, "rmssd_window_s", "between 5 and 600 s")
        _check(1 <= self.stale_s <= 60, "stale_s", "between 1 and 60 s")
        _check(0 < self.max_corrected_fraction <= 1, "max_corrected_fraction", "in (0, 1]")
        _check(5 <= self.quality_window_s <= 300, "quality_window_s", "between 5 and 300 s")
        _check(self.stale_s <= self.max_gap_s <= 3600, "max_gap_s", "between stale_s and 60 min")
        _check(self.calibration_s == 0 or 30 <= self.calibration_s <= 1800, "calibration_s",
               "0 (off) or between 30 s and 30 min")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DetectorSettings":
        """Build from stored settings, ignoring keys from newer/older versions."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def _check(ok: bool, name: str, expectation: str) -> None:
    if not ok:
        raise SettingsError(f"{name} must be {expectation}")
