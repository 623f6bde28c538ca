"""Scripted physiology for the demo strap: what a hard conversation can look like."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from flooding_monitor.heart.samples import HeartRateSample
from flooding_monitor.heart.synthetic import Artifacts, Profile, recording

TAIL_CHUNK_S = 600.0


@dataclass(frozen=True)
class Scenario:
    """A heart-rate story, then calm at ``tail_bpm`` for as long as the session runs."""

    name: str
    profile: Profile
    artifacts: Artifacts = field(default_factory=Artifacts)
    tail_bpm: float = 76.0
    battery_percent: int = 87

    def samples(self, seed: int, source: str, start_s: float = 0.0) -> Iterator[HeartRateSample]:
        """Endless samples from ``start_s``: the story, then calm chunks."""
        yield from _renamed(recording(self.profile, seed, self.artifacts), start_s, source)
        offset = start_s + self.profile.duration_s
        chunk = 0
        while True:
            chunk += 1
            calm = Profile(((0.0, self.tail_bpm), (TAIL_CHUNK_S, self.tail_bpm)))
            yield from _renamed(recording(calm, seed + chunk), offset, source)
            offset += TAIL_CHUNK_S

    def dropouts(self) -> list[tuple[float, float]]:
        return sorted(self.artifacts.dropouts)


def _renamed(samples: list[HeartRateSample], offset: float, source: str) -> Iterator[HeartRateSample]:
    for s in samples:
        yield HeartRateSample(s.t_s + offset, s.hr_bpm, s.rr_us, s.contact, source, s.energy_kj)


#: Calm, an argument that escalates into flooding, a pause with recovery,
#: a loose electrode and a radio drop-out on the way back down.
ARGUMENT = Scenario(
    "argument",
    Profile((
        (0, 72), (70, 74),          # calm talk
        (85, 92), (105, 117),       # escalation
        (180, 121), (260, 118),     # flooded
        (330, 98), (420, 86),       # pause: the body calms down
        (600, 78), (900, 76),       # back to baseline
    )),
    Artifacts(ectopic_s=[40.0, 150.0, 400.0], contact_loss=[(350.0, 362.0)], dropouts=[(470.0, 480.0)]),
)

#: The partner who withdraws while the other pursues (the seed's anxious-avoidant
#: dance): aroused but below the threshold, a near miss rather than flooding,
#: calming during the shared pause.
WITHDRAW = Scenario(
    "withdraw",
    Profile((
        (0, 64), (80, 67),          # calm talk
        (110, 80), (170, 93),       # pursued: arousal climbs
        (230, 96), (270, 90),       # near the line, goes quiet
        (340, 78), (450, 70),       # pause: calms faster
        (900, 66),
    )),
    Artifacts(ectopic_s=[95.0, 300.0]),
    tail_bpm=66.0,
    battery_percent=64,
)

CALM = Scenario("calm", Profile(((0, 68), (600, 70))))

SCENARIOS = {s.name: s for s in (ARGUMENT, WITHDRAW, CALM)}
