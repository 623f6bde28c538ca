"""The seeded evaluation corpus: realistic RR series with labelled episodes.

Each case is a heart-rate profile plus injected artifacts; the labels come
from the profile (the truth), never from the detector. ``evaluate`` reports
recall, false alarms per hour and onset delay. The delay is counted from the
moment the heart's own 30-s mean rate reaches the threshold (the rate the
science defines flooding by), not from the first fast beat.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from flooding_monitor.detection.analysis import analyze
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.heart.synthetic import (
    Artifacts,
    Profile,
    heart_beats,
    inject,
    labelled_episodes,
    notifications,
)

from .evening_corpus import true_mean_rate

P = Profile


@dataclass(frozen=True)
class Case:
    name: str
    profile: Profile
    artifacts: Artifacts = field(default_factory=Artifacts)
    artifact_case: bool = False  # no episode may come from the artifacts
    rsa_fraction: float = 0.05
    settings: DetectorSettings = field(default_factory=DetectorSettings)

    def labels(self, seed: int) -> list[tuple[float, float]]:
        return labelled_episodes(self.profile, seed, self.settings.threshold_bpm,
                                 min_s=self.settings.sustain_s + 15)


def _every(start: float, stop: float, step: float) -> list[float]:
    out, t = [], start
    while t < stop:
        out.append(t)
        t += step
    return out


CASES: list[Case] = [
    Case("gradual rise", P(((0, 74), (240, 76), (300, 116), (500, 118), (560, 82), (800, 78)))),
    Case("abrupt rise", P(((0, 80), (200, 80), (206, 126), (360, 124), (380, 84), (600, 80)))),
    Case("two episodes", P(((0, 76), (120, 76), (150, 112), (300, 110), (330, 80), (600, 78),
                            (630, 120), (760, 118), (790, 82), (1000, 80)))),
    Case("slow climb", P(((0, 85), (180, 92), (420, 108), (600, 110), (700, 86), (900, 84)))),
    Case("brief spikes", P(((0, 78), (100, 78), (103, 128), (108, 128), (111, 80), (250, 78),
                            (253, 132), (263, 132), (266, 80), (400, 80), (403, 125),
                            (418, 125), (421, 80), (560, 78), (563, 130), (581, 130),
                            (584, 80), (800, 78))), artifact_case=True),
    Case("isolated ectopic, missed, extra", P(((0, 76), (900, 78))),
         Artifacts(ectopic_s=_every(17, 880, 23), missed_s=_every(40, 880, 61),
                   extra_s=_every(55, 880, 71)), artifact_case=True),
    Case("premature beats near threshold", P(((0, 88), (600, 90))),
         Artifacts(ectopic_s=_every(5, 590, 9)), artifact_case=True),
    Case("contact loss garbage", P(((0, 80), (900, 82))),
         Artifacts(contact_loss=[(120, 135), (400, 420), (700, 712)]), artifact_case=True),
    Case("radio drop-outs", P(((0, 80), (600, 82))),
         Artifacts(dropouts=[(100, 108), (300, 330)]), artifact_case=True),
    Case("athlete at rest", P(((0, 50), (1200, 52))), rsa_fraction=0.09, artifact_case=True),
    Case("athlete episode", P(((0, 52), (200, 54), (260, 108), (420, 110), (480, 60), (700, 55))),
         rsa_fraction=0.09),
    Case("anxious at rest", P(((0, 90), (300, 92), (600, 89), (1200, 91))), rsa_fraction=0.04,
         artifact_case=True),
    Case("anxious episode", P(((0, 90), (180, 91), (220, 112), (400, 111), (440, 92), (700, 90)))),
    Case("episode with artifacts and a drop-out", P(((0, 78), (150, 78), (190, 118), (500, 120),
                                                     (540, 80), (800, 78))),
         Artifacts(ectopic_s=_every(200, 480, 31), contact_loss=[(320, 328)],
                   dropouts=[(400, 406)])),
]

SEEDS = (1, 2, 3, 4, 5)


@dataclass
class Scores:
    labelled: int = 0
    detected: int = 0
    false_alarms: int = 0
    artifact_alarms: int = 0
    hours: float = 0.0
    onset_delays_s: list[float] = field(default_factory=list)
    split_episodes: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.detected / self.labelled if self.labelled else 1.0

    @property
    def false_alarms_per_hour(self) -> float:
        return self.false_alarms / self.hours if self.hours else 0.0


def evaluate(cases: list[Case] = CASES, seeds: tuple[int, ...] = SEEDS) -> Scores:
    scores = Scores()
    for case in cases:
        for seed in seeds:
            labels = case.labels(seed)
            beats = heart_beats(case.profile, seed, rsa_fraction=case.rsa_fraction)
            samples = notifications(inject(beats, case.artifacts, seed), case.artifacts, seed)
            result = analyze(samples, case.settings)
            grid = np.arange(0.0, case.profile.duration_s, 0.1)
            mean_above = grid[true_mean_rate(beats, grid) >= case.settings.threshold_bpm]
            t0 = result.data.t_s[0]
            found = [(e.start_s, e.end_s if e.end_s is not None else float(result.ticks.t_s[-1]), e.onset_s)
                     for e in result.detection.episodes]
            scores.hours += case.profile.duration_s / 3600
            scores.labelled += len(labels)
            for a, b in labels:
                hits = [f for f in found if f[0] <= b and f[1] >= a]
                if hits:
                    scores.detected += 1
                    crossed = mean_above[mean_above >= a]  # the true 30-s mean reaches the threshold
                    scores.onset_delays_s.append(min(h[2] for h in hits) - float(crossed[0]))
                    scores.split_episodes += len(hits) - 1
                else:
                    scores.failures.append(f"{case.name} seed {seed}: missed episode at {a:.0f} s")
            for f in found:
                if not any(f[0] <= b and f[1] >= a for a, b in labels):
                    scores.false_alarms += 1
                    scores.artifact_alarms += case.artifact_case
                    scores.failures.append(f"{case.name} seed {seed}: false alarm at {f[0] - t0:.0f} s")
    return scores


if __name__ == "__main__":
    import statistics

    s = evaluate()
    print(f"episodes labelled {s.labelled}, detected {s.detected}: recall {s.recall:.1%}")
    print(f"false alarms {s.false_alarms} in {s.hours:.1f} h: {s.false_alarms_per_hour:.2f}/h "
          f"(on artifact cases: {s.artifact_alarms})")
    d = s.onset_delays_s
    if d:
        print(f"onset delay s: median {statistics.median(d):.1f}, max {max(d):.1f} "
              f"(sustain {DetectorSettings().sustain_s:.0f} s)")
    print(f"split episodes: {s.split_episodes}")
    for line in s.failures:
        print(" ", line)
