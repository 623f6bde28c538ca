"""A personal breathing rate (resonance frequency), found in a short practice outside conflict.

Each heart has a breathing pace at which the rate swings most with each
breath: the baroreflex and the breath resonate (Lehrer; Shaffer & Meehan
2020), usually between 4.5 and 6.5 breaths a minute. The practice paces two
minutes at each of 6.5, 6.0, 5.5, 5.0 and 4.5 breaths a minute (40 % in, 60 %
out, as the pause's pacer), leaves out each step's first 20 s while the body
follows the new pace, and chooses the rate with the largest swing per breath
(OpenHRV's "local HRV", :func:`~.pause_effect.local_swing_bpm`); the
coherence ratio (the power at the slow peak over the rest of 0.04-0.26 Hz)
is a second view of the same thing. Never a score: the result is a pace.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from flooding_monitor.protocol.breathing import BreathingPattern
from flooding_monitor.protocol.pause_effect import coherence_ratio, local_swing_bpm

RATES_PER_MIN = (6.5, 6.0, 5.5, 5.0, 4.5)
STEP_S = 120.0
SETTLE_S = 20.0
INHALE_SHARE = 0.4  # 4 s in, 6 s out at six a minute, as the pause's own pacer
#: A personal rate is kept within the range the practice tries.
MIN_RATE, MAX_RATE = min(RATES_PER_MIN), max(RATES_PER_MIN)


def pace(breaths_per_min: float) -> BreathingPattern:
    """The pacer's pattern for a rate: 40 % of each breath in, 60 % out."""
    cycle = 60.0 / breaths_per_min
    return BreathingPattern(round(cycle * INHALE_SHARE, 2), round(cycle * (1 - INHALE_SHARE), 2))


def step_at(t_s: float) -> tuple[int, float] | None:
    """(the step, the seconds into it) ``t_s`` seconds into the practice; None once it is over."""
    step = int(t_s // STEP_S)
    return None if t_s < 0 or step >= len(RATES_PER_MIN) else (step, t_s - step * STEP_S)


@dataclass(frozen=True)
class StepResult:
    breaths_per_min: float
    swing_bpm: float | None  # the rate's rise and fall per breath, smoothed; None with too few beats
    coherence: float | None


@dataclass(frozen=True)
class PracticeResult:
    steps: list[StepResult]

    @property
    def best_rate(self) -> float | None:
        """The rate with the largest swing per breath (None when no step had enough beats)."""
        measured = [s for s in self.steps if s.swing_bpm is not None]
        return max(measured, key=lambda s: s.swing_bpm).breaths_per_min if measured else None

    @property
    def most_coherent_rate(self) -> float | None:
        measured = [s for s in self.steps if s.coherence is not None]
        return max(measured, key=lambda s: s.coherence).breaths_per_min if measured else None


def analyse_practice(beat_times_s: npt.ArrayLike, rr_ms: npt.ArrayLike, start_s: float) -> PracticeResult:
    """Each step's swing and coherence from the beats (times in session seconds) of a practice that
    began at ``start_s``."""
    t = np.asarray(beat_times_s, dtype=np.float64)
    rr = np.asarray(rr_ms, dtype=np.float64)
    steps = []
    for k, rate in enumerate(RATES_PER_MIN):
        a, b = start_s + k * STEP_S + SETTLE_S, start_s + (k + 1) * STEP_S
        keep = (t >= a) & (t < b)
        steps.append(StepResult(rate, local_swing_bpm(rr[keep]), coherence_ratio(t[keep], rr[keep])))
    return PracticeResult(steps)
