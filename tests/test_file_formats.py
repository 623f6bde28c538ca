"""The files users already have: each comes into the history on its own date, with its beats.

Samples: ``exercise_rri.hrm`` is a real Polar file; ``argument_hrm_pro.fit``
was written by fit-tool, an independent FIT encoder (``tools/make_fit_sample.py``);
the Polar Sensor Logger and Elite HRV files are written below in those apps'
documented layouts from our physiology model, with the apps' own batching and
gaps; the XDF file is recorded from our real LSL streams by liblsl inlets.
"""

from __future__ import annotations

import datetime as dt
import heapq
import statistics
import time
from dataclasses import replace
from pathlib import Path

import pylsl
import pytest

from devices.scenarios import ARGUMENT, WITHDRAW
from flooding_monitor.live.controller import SessionController
from flooding_monitor.review.history import DuplicateImport, import_file, summaries
from flooding_monitor.formats.lsl_output import LslPublisher
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.formats.recordings import RecordingError, load_recording
from flooding_monitor.storage.store import SessionStore
from flooding_monitor.heart.synthetic import Artifacts, Profile, recording
from tests.lsl_inlet import resolve
from tests.xdf_recorder import RecordedStream, write_xdf

DATA = Path(__file__).parent / "data"
FIT = DATA / "argument_hrm_pro.fit"


def store(tmp_path) -> SessionStore:
    return SessionStore(tmp_path / "history.sqlite3")


def test_a_polar_hrm_file_is_dated_by_its_header_not_by_the_copy(tmp_path):
    s = store(tmp_path)
    sid = import_file(s, DATA / "exercise_rri.hrm")
    header = dt.datetime(2008, 2, 8, 8, 50, 31)  # Date=20080208, StartTime=08:50:31.0
    first_beat = load_recording(DATA / "exercise_rri.hrm").samples[0].t_s  # the session starts at it
    assert s.session(sid).started_at == header + dt.timedelta(seconds=first_beat)


def test_a_garmin_fit_file_keeps_its_date_offset_beats_and_episode(tmp_path):
    rec = load_recording(FIT)
    assert rec.format == "fit"
    assert rec.started_at == dt.datetime(2026, 10, 17, 21, 14, 3, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    samples = rec.samples
    # every beat of the HRV messages is there, and after the 45-s drop-out each beat still sits
    # beside the watch's own rate for that second
    assert sum(len(x.rr_us) for x in samples) > 1500
    after = [abs(60e6 / x.rr_us[-1] - x.hr_bpm) for x in samples if x.t_s > 620 and x.rr_us and x.hr_bpm]
    assert statistics.median(after) < 6
    s = store(tmp_path)
    sid = import_file(s, FIT)
    info = s.session(sid)
    assert (info.started_at, info.utc_offset_min) == (dt.datetime(2026, 10, 17, 21, 14, 3), 120)
    (episode,) = s.episodes(sid)
    assert 330 < episode.start_s < 420 and 660 < episode.end_s < 780 and episode.peak_bpm > 110


@pytest.mark.parametrize("damage", ["truncated", "crc"])
def test_a_damaged_fit_file_is_refused_with_a_clear_message(tmp_path, damage):
    raw = bytearray(FIT.read_bytes())
    if damage == "truncated":
        raw = raw[: len(raw) // 2]
    else:
        raw[5000] ^= 0xFF
    path = tmp_path / "broken.fit"
    path.write_bytes(bytes(raw))
    with pytest.raises(RecordingError, match="broken.fit: not a readable FIT file"):
        load_recording(path)


def _phone_rows(start: dt.datetime, seed: int) -> tuple[list[str], list[str]]:
    """What Polar Sensor Logger writes: the HR file (a row per notification) and the RR file (a row
    per beat, stamped with the phone's arrival time, so beats of one notification share a stamp)."""
    profile = Profile(((0, 70), (200, 84), (260, 108), (500, 112), (620, 90), (900, 76)))
    samples = recording(profile, seed, Artifacts(ectopic_s=[130.0, 400.0], dropouts=[(300.0, 330.0)]))
    hr = ["Phone timestamp;HR [bpm];HRV [ms];Breathing interval [rpm];"]
    rr = ["Phone timestamp;RR-interval [ms]"]
    for x in samples:
        stamp = (start + dt.timedelta(seconds=x.t_s)).isoformat(timespec="milliseconds")
        hr.append(f"{stamp};{x.hr_bpm:.0f};;;")
        rr += [f"{stamp};{v / 1000:.0f}" for v in x.rr_us]
    return hr, rr


def test_polar_sensor_logger_hr_and_rr_exports_import_on_the_phones_date(tmp_path):
    start = dt.datetime(2026, 9, 3, 22, 41, 7, 115000)
    hr, rr = _phone_rows(start, 5)
    for name, lines in (("Polar_H10_A1B2C3D4_20260903_224107_RR.txt", rr),
                        ("Polar_H10_A1B2C3D4_20260903_224107_HR.txt", hr)):
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", "utf-8")
        s = SessionStore(tmp_path / f"{name}.sqlite3")
        sid = import_file(s, path)
        first_row = dt.datetime.fromisoformat(lines[1].split(";")[0])
        assert s.session(sid).started_at == first_row and first_row - start < dt.timedelta(seconds=2)
        (episode,) = s.episodes(sid)
        assert 230 < episode.start_s < 320, name
    beats = load_recording(tmp_path / "Polar_H10_A1B2C3D4_20260903_224107_RR.txt").samples
    assert max(len(x.rr_us) for x in beats) >= 2  # beats that arrived together stay together


def test_a_polar_sensor_logger_row_with_a_bad_stamp_names_its_line(tmp_path):
    _, rr = _phone_rows(dt.datetime(2026, 9, 3, 22, 41, 7), 5)
    rr[40] = "yesterday;812"
    path = tmp_path / "Polar_H10_X_RR.txt"
    path.write_text("\n".join(rr), "utf-8")
    with pytest.raises(RecordingError, match="line 41: phone timestamp"):
        load_recording(path)


def test_an_elite_hrv_export_is_dated_by_its_file_name(tmp_path):
    samples = recording(Profile(((0, 66), (300, 68))), 3, Artifacts(ectopic_s=[50.0], missed_s=[200.0]))
    path = tmp_path / "2026-05-04 07-12-34.txt"
    path.write_text("\n".join(f"{v / 1000:.0f}" for x in samples for v in x.rr_us) + "\n", "utf-8")
    s = store(tmp_path)
    sid = import_file(s, path)
    late = s.session(sid).started_at - dt.datetime(2026, 5, 4, 7, 12, 34)
    assert dt.timedelta(0) < late < dt.timedelta(seconds=2)  # the session starts at the first beat's end
    assert s.episodes(sid) == []


def drain(inlets: list, expected: int, timeout_s: float = 60.0) -> list[tuple[list, list]]:
    """Every inlet's samples, pulled until all ``expected`` ones the outlets pushed have arrived (a quiet
    second was not enough on a busy machine: the transport can lag further behind)."""
    got: list[tuple[list, list]] = [([], []) for _ in inlets]
    deadline = time.monotonic() + timeout_s
    while sum(len(values) for values, _ in got) < expected and time.monotonic() < deadline:
        for (values, stamps), inlet in zip(got, inlets):
            chunk, ts = inlet.pull_chunk(timeout=0.1, max_samples=100_000)
            values += chunk
            stamps += ts
    return got


def _record_lab_session(tmp_path) -> Path:
    """Two partners' session published on LSL and recorded from liblsl inlets, like LabRecorder."""
    clock = {"t": 0.0}
    lsl = LslPublisher(lambda: clock["t"], speed=1.0, session_id="xdf1")
    controller = SessionController(Preferences(), None)
    controller.start(lambda: clock["t"], "demo", "Demo strap", outputs=[lsl])
    controller.add_partner(1, "Demo strap B")
    names = ["p0-hr", "p0-rr", "p1-hr", "p1-rr", "events"]
    inlets = [resolve("source_id", f"flooding-monitor-xdf1-{n}")[0] for n in names]
    a = ARGUMENT.samples(7, "A")
    b = (replace(x, partner=1) for x in WITHDRAW.samples(11, "B", 0.4))
    for x in heapq.merge(a, b, key=lambda x: x.t_s):
        if x.t_s > 420:
            break
        clock["t"] = x.t_s
        controller.feed(x)
        if controller.session.alert_active and not controller.session.snoozes:
            controller.snooze()  # "Not now" first…
        elif x.t_s > 240 and not controller.session.pauses:
            controller.start_pause("manual")  # …then they pause after all
    streams = []  # read while the outlets live: an inlet whose outlet is gone waits to reconnect
    for inlet, (values, stamps) in zip(inlets, drain(inlets, sum(lsl.pushed.values()))):
        info = inlet.info(5.0)
        streams.append(RecordedStream(info.as_xml(), info.channel_format() == pylsl.cf_string,
                                      stamps, values))
        inlet.close_stream()
    controller.finish()
    path = tmp_path / "lab-session.xdf"
    write_xdf(path, streams, dt.datetime(2026, 11, 2, 16, 30, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))))
    return path


def test_an_xdf_recording_of_our_streams_comes_back_as_that_session(tmp_path):
    path = _record_lab_session(tmp_path)
    s = store(tmp_path)
    sid = import_file(s, path)
    info = s.session(sid)
    assert (info.started_at, info.utc_offset_min) == (dt.datetime(2026, 11, 2, 16, 30), 60)
    assert [(p.slot, p.name) for p in s.partners(sid)] == [(0, "Partner A"), (1, "Partner B")]
    assert len(s.samples(sid, 0)) > 300 and len(s.samples(sid, 1)) > 300
    episodes = s.episodes(sid)
    assert [e.partner for e in episodes] == [0]  # the pursuer floods, the withdrawer stays under the line
    kinds = [k for _, k, _ in s.events(sid)]
    assert "alert" in kinds and "pause_started" in kinds and "flooding_started" in kinds
    alert_t = next(t for t, k, _ in s.events(sid) if k == "alert")
    assert episodes[0].start_s <= alert_t <= episodes[0].start_s + 120
    (summary,) = summaries(s)
    assert summary.episodes_by_partner == (1, 0)
    (pause,) = s.pauses(sid)  # the shared pause the session took, from its markers
    assert pause.reason == "manual" and pause.planned_s == 1200 and pause.ended_s is None
    assert 238 <= pause.started_s <= 242  # on the recording's clock, which starts at its first sample
    (snooze,) = s.snoozes(sid)  # "Not now", from its marker
    assert alert_t <= snooze.t_s <= alert_t + 2 and snooze.until_s - snooze.t_s == pytest.approx(300, abs=0.01)
    with pytest.raises(DuplicateImport):
        import_file(s, path)


def test_an_xdf_file_without_our_streams_says_what_it_holds(tmp_path):
    path = tmp_path / "eeg.xdf"
    xml = ('<?xml version="1.0"?><info><name>EEG-Cap</name><type>EEG</type><channel_count>1</channel_count>'
           '<nominal_srate>0</nominal_srate><channel_format>float32</channel_format><desc /></info>')
    write_xdf(path, [RecordedStream(xml, False, [1.0, 2.0], [[0.5], [0.25]])], dt.datetime(2026, 1, 1))
    with pytest.raises(RecordingError, match="no Flooding Monitor heart-rate or RR stream.*EEG-Cap"):
        load_recording(path)
