"""Dependencies point one way, ui -> devices -> flooding_monitor: import each layer alone and look."""

import pkgutil
import subprocess
import sys

import pytest

import devices
import flooding_monitor


def imported_by(package, forbidden: tuple[str, ...]) -> str:
    """Import every module of ``package`` in a fresh interpreter; the forbidden ones that came along."""
    modules = [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    assert len(modules) >= 8
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {forbidden!r}]\n"
        "print(','.join(bad))\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_core_imports_no_qt_or_bluetooth():
    assert imported_by(flooding_monitor, ("PySide6", "pyqtgraph", "bleak", "bumble", "devices", "ui")) == ""


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_devices_import_no_qt_and_nothing_of_the_ui():
    """bleak is imported lazily by the strap that needs it; Qt and the ui never."""
    assert imported_by(devices, ("PySide6", "pyqtgraph", "ui")) == ""
