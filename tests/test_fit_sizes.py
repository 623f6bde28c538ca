"""A large FIT file costs memory in proportion to its beats, not a dictionary per message (issue 24,
item 14: a 20 MB file of HRV messages peaked at 2.3 GB). The peak is the child process's own."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from flooding_monitor.formats.recordings import load_recording
from tests.fit_writer import HRV_DEF, RECORD_DEF, file_id, hrv, record, write_fit

T0 = 1_000_000_000  # seconds since the FIT epoch: 2021


def _hrv_file(path, megabytes: float) -> int:
    n = int(megabytes * 1e6 / 11)
    write_fit(path, file_id(T0) + RECORD_DEF + record(0, T0, 70) + HRV_DEF + hrv(1, [800, 810, 790, 805, 795]) * n)
    return 5 * n


def _records_file(path, megabytes: float) -> int:
    n = int(megabytes * 1e6 / 6)
    write_fit(path, file_id(T0) + RECORD_DEF + b"".join(record(0, T0 + i, 60 + i % 60) for i in range(n)))
    return n


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="the peak is read from Linux's /proc")
@pytest.mark.parametrize("make", [_hrv_file, _records_file])
def test_a_large_fit_file_is_read_within_twenty_times_its_size(tmp_path, make):
    path = tmp_path / "large.fit"
    make(path, 3.0)
    size_mb = path.stat().st_size / 1e6
    probe = ("import sys\n"
             "from flooding_monitor.formats.recordings import load_recording\n"
             "rec = load_recording(sys.argv[1])\n"
             "print(len(rec.columns), rec.columns.rr_us.size)\n"
             "hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
             "print(int(hwm.split()[1]) // 1024)\n")
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    _, peak_mb = done.stdout.strip().splitlines()
    assert int(peak_mb) < 20 * size_mb + 200, f"peak {peak_mb} MB for a {size_mb:.1f} MB file"


def test_every_beat_and_every_record_of_a_fit_file_is_kept(tmp_path):
    """The compact reading keeps what the whole one did: each record a sample, each beat once, in order."""
    path = tmp_path / "small.fit"
    records = b"".join(record(0, T0 + i, 70) for i in range(10))
    beats = [800, 810, 790, 805, 797] * 3  # 12 s of beats beside 10 s of records
    body = file_id(T0) + RECORD_DEF + records + HRV_DEF + b"".join(hrv(1, beats[i:i + 5]) for i in range(0, 15, 5))
    write_fit(path, body)
    cols = load_recording(path).columns
    assert cols.t_s[:10].tolist() == [float(i) for i in range(10)]
    assert cols.rr_us.tolist() == [b * 1000 for b in beats]
    ends = np.cumsum(beats) / 1000
    # each record carries the beats that ended by its second; the rest arrive a second after the last
    assert cols.rr_end[:10].tolist() == np.searchsorted(ends, np.arange(10.0), side="right").tolist()
    assert cols.rr_end[-1] == len(beats) and cols.t_s[-1] == 10.0
