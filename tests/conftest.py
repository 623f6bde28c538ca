"""Qt runs offscreen in every test; preferences never touch the real home."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_config(tmp_path, monkeypatch):
    monkeypatch.setenv("FLOODING_MONITOR_CONFIG_DIR", str(tmp_path / "config"))
