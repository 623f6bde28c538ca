"""Installing as an application: the wheel carries everything, the desktop entry is valid and runnable."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ui import desktop_entry

ROOT = Path(__file__).resolve().parent.parent


def test_the_desktop_entry_and_icon_go_to_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    desktop, icon = desktop_entry.install()
    assert desktop == tmp_path / "applications" / "flooding-monitor.desktop"
    assert icon.read_bytes() == desktop_entry.ICON.read_bytes()
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Icon"] == "flooding-monitor"
    assert section["Name[zh_CN]"] == "情绪淹没监测"
    assert section["Categories"].endswith(";")
    command = section["Exec"].split()[0]
    assert os.access(command, os.X_OK), f"Exec points at {command}, which cannot be run"
    assert desktop_entry.uninstall() == [desktop, icon] and not desktop.exists()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None and not os.environ.get("CI"),
                    reason="desktop-file-utils not installed (.ci/run installs it, so CI always runs this)")
def test_the_desktop_entry_passes_the_freedesktop_validator(tmp_path):
    desktop, _ = desktop_entry.install(tmp_path, command="flooding-monitor")
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_wheel_carries_translations_icon_and_desktop_entry(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("flooding_monitor-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("ui/translations/flooding_monitor_zh_CN.qm", "ui/translations/flooding_monitor_zh_CN.ts",
                   "ui/resources/flooding-monitor.svg", "ui/resources/flooding-monitor.desktop",
                   "flooding_monitor/live/session.py", "flooding_monitor/formats/lsl_output.py"):
        assert needed in names, f"{needed} missing from the wheel"
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "flooding-monitor = ui.terminal.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
