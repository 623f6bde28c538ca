"""Paced-breathing timing: where in the breath the guide is at time t.

Default 4 s in / 6 s out: six breaths a minute, the longer exhale calms more
(Van Diest 2014). Cyclic sighing (a second short inhale to top up, then a long
exhale) is offered as an alternative.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from flooding_monitor.text import QT_TRANSLATE_NOOP


#: What the guide says in each phase (translated where it is drawn).
BREATHE_IN = QT_TRANSLATE_NOOP("core", "Breathe in")
HOLD = QT_TRANSLATE_NOOP("core", "Hold")
BREATHE_OUT = QT_TRANSLATE_NOOP("core", "Breathe out")
PROMPTS = (BREATHE_IN, HOLD, BREATHE_OUT)

@dataclass(frozen=True, slots=True)
class BreathPhase:
    name: str  # "in", "top-up", "hold", "out"
    prompt: str  # what the guide says
    progress: float  # 0..1 through this phase
    size: float  # 0 (empty) .. 1 (full): the shape's scale
    seconds_left: float


@dataclass(frozen=True, slots=True)
class BreathingPattern:
    inhale_s: float = 4.0
    exhale_s: float = 6.0
    hold_s: float = 0.0
    top_up_s: float = 0.0  # > 0: cyclic sighing

    def __post_init__(self) -> None:
        if not (2 <= self.inhale_s <= 8 and 2 <= self.exhale_s <= 12):
            raise ValueError("breathe in for 2-8 s and out for 2-12 s")
        if not (0 <= self.hold_s <= 10 and 0 <= self.top_up_s <= 3):
            raise ValueError("hold up to 10 s, top-up inhale up to 3 s")

    @property
    def cycle_s(self) -> float:
        return self.inhale_s + self.top_up_s + self.hold_s + self.exhale_s

    @property
    def breaths_per_minute(self) -> float:
        return 60.0 / self.cycle_s

    def at(self, t_s: float) -> BreathPhase:
        t = t_s % self.cycle_s
        first_fill = 0.8 if self.top_up_s else 1.0
        if t < self.inhale_s:
            p = t / self.inhale_s
            return BreathPhase("in", BREATHE_IN, p, first_fill * _ease(p), self.inhale_s - t)
        t -= self.inhale_s
        if t < self.top_up_s:
            p = t / self.top_up_s
            return BreathPhase("top-up", QT_TRANSLATE_NOOP("core", "A little more"), p, first_fill + (1 - first_fill) * _ease(p),
                               self.top_up_s - t)
        t -= self.top_up_s
        if t < self.hold_s:
            return BreathPhase("hold", HOLD, t / self.hold_s, 1.0, self.hold_s - t)
        t -= self.hold_s
        p = t / self.exhale_s
        return BreathPhase("out", BREATHE_OUT, p, 1.0 - _ease(p), self.exhale_s - t)


def _ease(p: float) -> float:
    """Smooth start and stop, like a lung, not a piston."""
    return 0.5 - 0.5 * math.cos(math.pi * min(1.0, max(0.0, p)))


PATTERNS = {
    "calm (4 in, 6 out)": BreathingPattern(4.0, 6.0),
    "even (5 in, 5 out)": BreathingPattern(5.0, 5.0),
    "cyclic sighing": BreathingPattern(3.0, 6.0, top_up_s=1.0),
}
