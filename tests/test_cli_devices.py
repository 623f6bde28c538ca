"""``scan`` and ``record`` as a user runs them (real subprocesses)."""

import csv
import subprocess
import sys

import pytest

from flooding_monitor.formats.recordings import load_recording


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.terminal.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


def bluetooth_available() -> bool:
    import asyncio

    from devices.bleak_strap import scan
    from devices.errors import StrapError

    try:
        asyncio.run(scan(0.5))
        return True
    except StrapError:
        return False


@pytest.mark.skipif(bluetooth_available(), reason="this machine has Bluetooth; the no-adapter path needs none")
def test_scan_without_bluetooth_is_clear_and_nonzero():
    out = run("scan", "--timeout", "1")
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert "No Bluetooth adapter" in out.stderr or "Bluetooth" in out.stderr
    assert "--demo" in out.stderr


def test_record_demo_writes_a_csv_the_analyzer_reads(tmp_path):
    out_file = tmp_path / "session.csv"
    out = run("record", "--demo", "--speed", "100", "--duration", "150", "--out", str(out_file))
    assert out.returncode == 0, out.stderr
    assert "FLOODED: time for a pause" in out.stdout  # live state printed in the terminal, in words
    assert (out_file.stat().st_mode & 0o777) == 0o600
    rows = list(csv.DictReader(out_file.open()))
    assert rows[0].keys() >= {"t", "hr", "rr_ms", "contact"}
    recording = load_recording(out_file)
    assert recording.partner_slots == [0, 1]  # the demo is a couple, as in the app
    assert all(140 <= len(recording.of_partner(k)) <= 152 for k in (0, 1))
    analysis = run("analyze", "--json", str(out_file))
    assert '"episodes"' in analysis.stdout


def test_record_replay_of_missing_file(tmp_path):
    out = run("record", "--replay", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o.csv"))
    assert out.returncode == 2
    assert "no such file" in out.stderr and "Traceback" not in out.stderr
