"""A seeded synthetic heart for the demo strap and the evaluation corpus.

Beats follow a heart-rate profile (piecewise linear keyframes) with
respiratory sinus arrhythmia that shrinks as the rate rises (vagal
withdrawal), a slow drift and beat-to-beat noise. Artifacts real straps
produce can be injected: premature beats with a compensatory pause, missed and
extra detections, bursts of garbage while the electrodes lose the skin, and
radio drop-outs. Beats are packed into ~1 Hz notifications like a real strap's.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from flooding_monitor.heart.samples import Contact, HeartRateSample
from flooding_monitor.heart.spans import true_spans


@dataclass(frozen=True)
class Profile:
    """Heart-rate keyframes ``(t_s, bpm)``; linear in between, flat outside."""

    keyframes: tuple[tuple[float, float], ...]

    def __call__(self, t: float) -> float:
        ts = [k[0] for k in self.keyframes]
        hs = [k[1] for k in self.keyframes]
        return float(np.interp(t, ts, hs))

    @property
    def duration_s(self) -> float:
        return self.keyframes[-1][0]


@dataclass
class Artifacts:
    """Times at which to inject each kind of artifact."""

    ectopic_s: list[float] = field(default_factory=list)
    missed_s: list[float] = field(default_factory=list)
    extra_s: list[float] = field(default_factory=list)
    contact_loss: list[tuple[float, float]] = field(default_factory=list)  # garbage + no-contact flag
    dropouts: list[tuple[float, float]] = field(default_factory=list)  # no notifications at all


@dataclass(frozen=True)
class Beat:
    t_s: float  # when the beat ended
    rr_us: int


def true_rate(profile: Profile, seed: int) -> Callable[[float], float]:
    """The heart's mean rate over time: the profile with a slow drift.

    This is the truth labels are taken from; breathing and beat noise ride on it.
    """
    drift_phase = np.random.default_rng(seed).uniform(0, 2 * math.pi)

    def rate(t: float) -> float:
        return profile(t) * (1 + 0.015 * math.sin(2 * math.pi * t / 90.0 + drift_phase))

    return rate


def labelled_episodes(profile: Profile, seed: int, threshold_bpm: float,
                      min_s: float) -> list[tuple[float, float]]:
    """Spans where the true rate is at/above threshold for at least ``min_s``."""
    rate = true_rate(profile, seed)
    t = np.arange(0.0, profile.duration_s, 0.1)
    above = np.array([rate(x) >= threshold_bpm for x in t])
    return [(a, b) for a, b in true_spans(t, above) if b - a >= min_s]


def heart_beats(profile: Profile, seed: int, rsa_fraction: float = 0.05,
                breath_hz: float = 0.25, noise_ms: float = 6.0) -> list[Beat]:
    """Beats of a healthy heart following ``profile``."""
    rate = true_rate(profile, seed)
    rng = np.random.default_rng(seed + 10)
    breath_phase = rng.uniform(0, 2 * math.pi)
    t = 0.0
    beats: list[Beat] = []
    ar = 0.0
    while t < profile.duration_s:
        hr = rate(t)
        vagal = min(1.0, max(0.15, (115.0 - hr) / 45.0))
        rr = 60.0 / hr * (1 + rsa_fraction * vagal * math.sin(2 * math.pi * breath_hz * t + breath_phase))
        ar = 0.6 * ar + rng.normal(0, noise_ms / 1000.0)
        rr = min(1.95, max(0.3, rr + ar))
        t += rr
        beats.append(Beat(t, int(round(rr * 1e6))))
    return beats


def irregular_beats(profile: Profile, seed: int, cv: float = 0.2) -> list[Beat]:
    """An irregularly irregular heart (atrial-fibrillation-like): independent intervals with
    coefficient of variation ``cv`` around the profile's rate, no breathing rhythm."""
    rate = true_rate(profile, seed)
    rng = np.random.default_rng(seed + 20)
    shape = 1.0 / cv ** 2  # gamma: mean 1, CV = 1 / sqrt(shape)
    t = 0.0
    beats: list[Beat] = []
    while t < profile.duration_s:
        rr = min(1.95, max(0.3, 60.0 / rate(t) * float(rng.gamma(shape, 1.0 / shape))))
        t += rr
        beats.append(Beat(t, int(round(rr * 1e6))))
    return beats


def inject(beats: list[Beat], artifacts: Artifacts, seed: int) -> list[tuple[float, int, bool]]:
    """Return what the strap measures: (beat end time, RR us, contact ok)."""
    rng = np.random.default_rng(seed + 1)
    out: list[tuple[float, int, bool]] = []
    pending_ectopic = sorted(artifacts.ectopic_s)
    pending_missed = sorted(artifacts.missed_s)
    pending_extra = sorted(artifacts.extra_s)
    i = 0
    while i < len(beats):
        b = beats[i]
        if any(a <= b.t_s <= z for a, z in artifacts.contact_loss):
            # Electrodes off the skin: noise triggers random "beats".
            t = out[-1][0] if out else b.t_s - b.rr_us / 1e6
            end = next(z for a, z in artifacts.contact_loss if a <= b.t_s <= z)
            while t < end:
                rr = float(rng.uniform(0.2, 2.5))
                t += rr
                out.append((t, int(rr * 1e6), False))
            while i < len(beats) and beats[i].t_s <= end:
                i += 1
            if i < len(beats):
                nxt = beats[i]
                out.append((nxt.t_s, int(round((nxt.t_s - t) * 1e6)) if nxt.t_s > t else nxt.rr_us, True))
                i += 1
            continue
        if pending_ectopic and b.t_s >= pending_ectopic[0] and i + 1 < len(beats):
            pending_ectopic.pop(0)
            nxt = beats[i + 1]
            short = int(b.rr_us * 0.62)
            long = b.rr_us + nxt.rr_us - short
            out.append((b.t_s - (b.rr_us - short) / 1e6, short, True))
            out.append((nxt.t_s, long, True))
            i += 2
            continue
        if pending_missed and b.t_s >= pending_missed[0] and i + 1 < len(beats):
            pending_missed.pop(0)
            nxt = beats[i + 1]
            out.append((nxt.t_s, b.rr_us + nxt.rr_us, True))
            i += 2
            continue
        if pending_extra and b.t_s >= pending_extra[0]:
            pending_extra.pop(0)
            first = int(b.rr_us * 0.4)
            out.append((b.t_s - (b.rr_us - first) / 1e6, first, True))
            out.append((b.t_s, b.rr_us - first, True))
            i += 1
            continue
        out.append((b.t_s, b.rr_us, True))
        i += 1
    return out


def notifications(measured: list[tuple[float, int, bool]], artifacts: Artifacts, seed: int,
                  period_s: float = 1.0, source: str = "synthetic", rr_fraction: float = 1.0) -> list[HeartRateSample]:
    """Pack beats into ~1 Hz notifications, as a chest strap does.

    ``rr_fraction`` < 1 is a strap that sends its RR intervals in only that share of
    notifications (optical armbands, watches, several Garmin and Wahoo models);
    every notification still carries the strap's own rate.
    """
    rng = np.random.default_rng(seed + 2)
    keep_rr = np.random.default_rng(seed + 3)
    if not measured:
        return []
    samples: list[HeartRateSample] = []
    t = period_s + float(rng.uniform(0, 0.3))
    i = 0
    end = measured[-1][0]
    recent: list[int] = []
    while t <= end + period_s:
        rr: list[int] = []
        contact_ok = True
        while i < len(measured) and measured[i][0] <= t:
            rr.append(measured[i][1])
            contact_ok = contact_ok and measured[i][2]
            i += 1
        if any(a <= t <= z for a, z in artifacts.dropouts):
            t += period_s + float(rng.normal(0, 0.02))
            continue
        recent = (recent + rr)[-5:]
        hr = round(60e6 / (sum(recent) / len(recent))) if recent else None
        if not contact_ok:
            hr = int(rng.integers(0, 250))
        sent_rr = rr if rr_fraction >= 1.0 or keep_rr.random() < rr_fraction else []
        samples.append(HeartRateSample(
            round(t, 4), None if hr is None else float(hr), tuple(sent_rr),
            Contact.DETECTED if contact_ok else Contact.NOT_DETECTED, source))
        t += period_s + float(rng.normal(0, 0.02))
    return samples


def recording(profile: Profile, seed: int, artifacts: Artifacts | None = None, rr_fraction: float = 1.0,
              irregular_cv: float = 0.0, **heart: float) -> list[HeartRateSample]:
    """Convenience: profile -> beats -> artifacts -> notifications."""
    arts = artifacts or Artifacts()
    beats = irregular_beats(profile, seed, irregular_cv) if irregular_cv else heart_beats(profile, seed, **heart)
    return notifications(inject(beats, arts, seed), arts, seed, rr_fraction=rr_fraction)
