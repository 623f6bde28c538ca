"""Fill a history database with realistic sessions (for benchmarks and screenshots)."""

from __future__ import annotations

import datetime as dt
import random

from flooding_monitor.detection.analysis import analyze
from flooding_monitor.protocol.pause import start_pause
from flooding_monitor.live.session import Snooze
from flooding_monitor.detection.settings import DetectorSettings
from flooding_monitor.storage.store import SessionStore
from flooding_monitor.heart.synthetic import Artifacts, Profile, recording


def conversation(minutes: float, rng: random.Random) -> tuple[Profile, list[float]]:
    """A talk with 0-2 escalations; returns the profile and when pauses were called."""
    frames = [(0.0, rng.uniform(66, 80))]
    t, pauses = 0.0, []
    for _ in range(rng.choice([0, 1, 1, 2])):
        t += rng.uniform(120, 600)
        if t > minutes * 60 - 600:
            break
        peak = rng.uniform(96, 125)
        frames += [(t, rng.uniform(70, 82)), (t + rng.uniform(20, 90), peak),
                   (t + rng.uniform(150, 400), peak - 3)]
        t = frames[-1][0]
        if peak > 103 and rng.random() < 0.7:
            pauses.append(t)
        frames.append((t + rng.uniform(200, 500), rng.uniform(72, 84)))
        t = frames[-1][0]
    frames.append((max(minutes * 60, t + 60), rng.uniform(68, 80)))
    return Profile(tuple(frames)), pauses


def add_sessions(store: SessionStore, count: int, weeks: int = 4, minutes: tuple[float, float] = (20, 60),
                 seed: int = 3, end: dt.datetime | None = None) -> list[int]:
    rng = random.Random(seed)
    end = end or dt.datetime.now().replace(microsecond=0)
    settings = DetectorSettings()
    ids = []
    for k in range(count):
        started = end - dt.timedelta(days=rng.uniform(0, weeks * 7))
        profile, pause_times = conversation(rng.uniform(*minutes), rng)
        samples = recording(profile, seed * 1000 + k, Artifacts(ectopic_s=[rng.uniform(0, profile.duration_s)]))
        sid = store.create_session(started, "demo", "Demo strap", "demo", settings.to_dict())
        store.write_batch(sid, samples)
        result = analyze(samples, settings)
        pauses = []
        for pt in pause_times:
            p = start_pause(pt, started + dt.timedelta(seconds=pt), 20 * 60, "alert")
            p.end(min(pt + 20 * 60, samples[-1].t_s), True)
            pauses.append(p)
        snoozes = [Snooze(pause_times[0] - 30, pause_times[0] + 270)] if pause_times and rng.random() < 0.3 else []
        store.save_protocol(sid, result.detection.episodes, pauses, snoozes)
        store.end_session(sid, started + dt.timedelta(seconds=samples[-1].t_s), samples[-1].t_s)
        ids.append(sid)
    return ids


def clone_sessions(store: SessionStore, templates: list[int], count: int, weeks: int = 52, seed: int = 4) -> None:
    """``count`` more sessions copied in SQL from ``templates`` (samples, episodes, pauses, snoozes and
    all), each on another day: a history of thousands of sessions in seconds, as large on disk as the
    real thing."""
    rng = random.Random(seed)
    end = dt.datetime.now().replace(microsecond=0)
    db = store.db
    columns = {t: [r[1] for r in db.execute(f"PRAGMA table_info({t})") if r[1] != "session_id"]
               for t in ("samples", "episodes", "pauses", "snoozes", "events", "partners", "notes")}
    db.execute("BEGIN")
    for k in range(count):
        template = templates[k % len(templates)]
        started = end - dt.timedelta(days=rng.uniform(0, weeks * 7))
        sid = db.execute(
            "INSERT INTO sessions (started_at, ended_at, duration_s, source_kind, device_name, device_address, "
            "settings_json, baseline_hr, baseline_rmssd, closed_by) SELECT ?, ?, duration_s, source_kind, "
            "device_name, device_address, settings_json, baseline_hr, baseline_rmssd, closed_by FROM sessions "
            "WHERE id = ?", (started.isoformat(), started.isoformat(), template)).lastrowid
        for table, cols in columns.items():
            names = ", ".join(cols)
            db.execute(f"INSERT INTO {table} (session_id, {names}) SELECT ?, {names} FROM {table} "
                       "WHERE session_id = ?", (sid, template))
    db.execute("COMMIT")
