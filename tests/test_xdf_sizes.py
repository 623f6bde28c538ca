"""XDF headers that declare more than the file holds are refused before pyxdf allocates it (issue 24,
item 1: a 412-byte file took 12.7 GB). Memory is measured in a child process: its peak must stay small."""

from __future__ import annotations

import os
import struct
import subprocess
import sys

import pytest

from tests.xdf_recorder import _chunk, _varlen

STREAM = ('<?xml version="1.0"?><info><name>FloodingMonitor RR A</name><type>RR</type>'
          '<channel_count>{channels}</channel_count><channel_format>{fmt}</channel_format>'
          '<desc><manufacturer>Flooding Monitor</manufacturer></desc></info>')


def _hostile(path, channels: int, fmt: str, declared: int) -> None:
    out = bytearray(b"XDF:") + _chunk(1, b'<?xml version="1.0"?><info><version>1.0</version></info>')
    out += _chunk(2, struct.pack("<I", 1) + STREAM.format(channels=channels, fmt=fmt).encode())
    payload = struct.pack("<I", 1) + _varlen(declared) + struct.pack("<Bd", 8, 1.0) + b"\x00" * 8
    out += _chunk(3, payload)
    path.write_bytes(bytes(out))


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="the peak is read from Linux's /proc")
@pytest.mark.parametrize(("channels", "fmt", "declared", "words"), [
    (250_000_000, "float32", 1, "declares 250000000 channels"),
    (1, "string", 30_000_000, "declares 30000000 samples"),
    (1, "float32", 2**40, "samples"),
])
def test_a_header_declaring_more_than_the_file_holds_is_refused_in_little_memory(tmp_path, channels, fmt,
                                                                                 declared, words):
    path = tmp_path / "hostile.xdf"
    _hostile(path, channels, fmt, declared)
    assert path.stat().st_size < 600
    # VmHWM: this process's own peak (ru_maxrss survives exec and would report the forking test run's)
    probe = ("import sys\n"
             "from flooding_monitor.formats.recordings import load_recording, RecordingError\n"
             "try:\n    load_recording(sys.argv[1])\nexcept RecordingError as exc:\n    print(exc)\n"
             "hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
             "print(int(hwm.split()[1]) // 1024)\n")
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=120)
    message, peak_mb = done.stdout.strip().splitlines()
    assert words in message and "hostile.xdf" in message, done.stderr
    assert int(peak_mb) < 400, f"peak {peak_mb} MB for a {path.stat().st_size}-byte file"


def test_a_samples_chunk_claiming_more_bytes_than_the_file_is_measured_by_the_file(tmp_path):
    from flooding_monitor.formats.recordings import RecordingError
    from flooding_monitor.formats.xdf_sizes import check_declared_sizes

    path = tmp_path / "long.xdf"
    out = bytearray(b"XDF:") + _chunk(2, struct.pack("<I", 1) + STREAM.format(channels=1, fmt="double64").encode())
    out += struct.pack("<BQ", 8, 2**40) + struct.pack("<H", 3) + struct.pack("<I", 1) + _varlen(2**30)
    path.write_bytes(bytes(out))
    with pytest.raises(RecordingError, match="declares 1073741824 samples"):
        check_declared_sizes(path)
