"""The core must stay free of Qt and Bluetooth: import it all and look."""

import pkgutil
import subprocess
import sys

import flooding_monitor


def test_core_imports_no_qt_or_bluetooth():
    modules = [m.name for m in pkgutil.iter_modules(flooding_monitor.__path__, "flooding_monitor.")]
    assert len(modules) >= 8
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'pyqtgraph', 'bleak', 'bumble', 'qasync', 'devices', 'ui')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
