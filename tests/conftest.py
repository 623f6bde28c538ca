"""Qt runs offscreen in every test; preferences and history never touch the real home; no network.

Every test process, and every subprocess it starts (through PYTHONPATH), has
outbound sockets blocked except loopback and local IPC (tests/netguard): the
suite proves heart data never leaves the machine.
"""

import importlib.util
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# liblsl reads this once, on first use: stream discovery stays on loopback.
os.environ["LSLAPICFG"] = str(Path(__file__).parent / "lsl_api.cfg")
_GUARD = Path(__file__).parent / "netguard"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_GUARD), os.environ.get("PYTHONPATH", "")]))
_spec = importlib.util.spec_from_file_location("fm_netguard", _GUARD / "sitecustomize.py")
_netguard = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_netguard)  # this process too

import pytest  # noqa: E402


def pytest_configure(config):
    log = Path(config.rootpath) / ".pytest_cache" / "network-attempts.log"
    log.parent.mkdir(exist_ok=True)
    log.write_text("")
    os.environ["FLOODING_MONITOR_NET_LOG"] = str(log)


def pytest_sessionfinish(session, exitstatus):
    log = os.environ.get("FLOODING_MONITOR_NET_LOG")
    if log and Path(log).exists() and Path(log).read_text().strip():
        print("\nNETWORK ACCESS WAS ATTEMPTED:\n" + Path(log).read_text(), file=sys.stderr)
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _windows_close_without_asking(monkeypatch, request):
    """Closing a window mid-pause asks first (a modal question); tests close windows at teardown,
    where nobody would answer. A test marked ``real_questions`` asks the real question and answers it."""
    if importlib.util.find_spec("PySide6") is None:
        return
    from PySide6.QtWidgets import QDialog

    from ui import conversation_end
    from ui.pause_questions import PauseQuestions

    if request.node.get_closest_marker("real_questions") is None:
        monkeypatch.setattr(PauseQuestions, "may_leave", lambda questions: True)
    # A replay that reaches its end closes the session and shows the summary card (modal): nobody
    # answers it in a test. tests/test_conversation_end.py answers it itself.
    monkeypatch.setattr(conversation_end.SummaryCard, "exec", lambda card: QDialog.DialogCode.Rejected)


@pytest.fixture(autouse=True)
def _private_qsettings(tmp_path):
    """The window's geometry (QSettings) goes to the test's own folder, never ~/.config: no state
    carries from one test or run to the next."""
    if importlib.util.find_spec("PySide6") is None:
        yield
        return
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


@pytest.fixture(autouse=True)
def _private_config(tmp_path, monkeypatch):
    monkeypatch.setenv("FLOODING_MONITOR_CONFIG_DIR", str(tmp_path / "config"))
    # and the history: `record` in a subprocess once wrote into the real user's data folder
    monkeypatch.setenv("FLOODING_MONITOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FLOODING_MONITOR_STATE_DIR", str(tmp_path / "state"))


@pytest.fixture
def worker():
    """The app's device thread (bleak's asyncio loop), stopped after the test."""
    from ui.worker import DeviceWorker

    w = DeviceWorker()
    yield w
    w.stop()
