"""Write tests/data/argument_hrm_pro.fit with fit-tool, an independent FIT encoder (not ours).

No public FIT file of a couple's argument exists, so the sample is made the
way a Garmin watch paired with an HRM strap writes one: file_id, device_info,
a record message with the heart rate every second, hrv messages carrying the
RR intervals (up to five per message, unused slots invalid), and the activity
message whose local_timestamp gives the wearer's UTC offset. The physiology
comes from our own model, unkind: a 22-minute talk that floods for about
five minutes, ectopic and missed beats, and a 45-second radio drop-out in the
middle of the episode (no records, no RR).

Run once, outside the project's venv (fit-tool is not a dependency)::

    python3 -m venv /tmp/fitvenv && /tmp/fitvenv/bin/pip install fit-tool numpy
    PYTHONPATH=. /tmp/fitvenv/bin/python tools/make_fit_sample.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fit_tool import FitFileBuilder
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.device_info_message import DeviceInfoMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.hrv_message import HrvMessage
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.profile_type import FileType, Manufacturer

from flooding_monitor.heart.synthetic import Artifacts, Profile, recording

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "argument_hrm_pro.fit"
START = dt.datetime(2026, 10, 17, 19, 14, 3, tzinfo=dt.timezone.utc)  # 21:14:03 in Berlin (CEST)
LOCAL_OFFSET_S = 2 * 3600
PROFILE = Profile(((0, 74), (240, 78), (330, 96), (420, 112), (520, 116), (640, 108), (720, 94),
                   (900, 84), (1320, 80)))
ARTIFACTS = Artifacts(ectopic_s=[95.0, 505.0, 880.0], missed_s=[610.0], dropouts=[(560.0, 605.0)])


def _ms(t_s: float) -> int:
    return round((START.timestamp() + t_s) * 1000)


def main() -> None:
    samples = recording(PROFILE, 42, ARTIFACTS)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 3113
    file_id.serial_number = 3391225301
    file_id.time_created = _ms(0)
    builder.add(file_id)
    strap = DeviceInfoMessage()
    strap.timestamp = _ms(0)
    strap.manufacturer = Manufacturer.GARMIN.value
    strap.product = 3299  # HRM-Pro
    builder.add(strap)

    next_record = 0
    pending: list[float] = []
    for s in samples:
        while next_record <= s.t_s:  # one record a second, with the rate the strap last sent
            if s.hr_bpm is not None and s.t_s - next_record < 2:  # none across a drop-out
                rec = RecordMessage()
                rec.timestamp = _ms(next_record)
                rec.heart_rate = int(round(s.hr_bpm))
                builder.add(rec)
            next_record += 1
        pending += [rr / 1e6 for rr in s.rr_us]
        while len(pending) >= 5:
            hrv = HrvMessage()
            hrv.time = pending[:5]
            builder.add(hrv)
            pending = pending[5:]
    if pending:
        hrv = HrvMessage()
        hrv.time = pending  # fewer than five: the rest of the array is left invalid
        builder.add(hrv)
    activity = ActivityMessage()
    activity.timestamp = _ms(samples[-1].t_s)
    activity.local_timestamp = round(START.timestamp() + samples[-1].t_s + LOCAL_OFFSET_S - 631065600)
    activity.num_sessions = 1
    builder.add(activity)
    OUT.write_bytes(builder.build_bytes())
    print(f"{OUT}: {OUT.stat().st_size} bytes, {len(samples)} notifications")


if __name__ == "__main__":
    main()
