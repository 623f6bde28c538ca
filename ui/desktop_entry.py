"""Put Flooding Monitor in the Linux application menu (freedesktop.org desktop entry + icon).

``flooding-monitor install-desktop`` writes, for the current user only:

* ``$XDG_DATA_HOME/applications/flooding-monitor.desktop`` (default
  ``~/.local/share``), with ``Exec`` pointing at this installation's launcher,
  so it works after ``pipx install .``, ``uv tool install .`` or from a venv;
* ``$XDG_DATA_HOME/icons/hicolor/scalable/apps/flooding-monitor.svg``.

``--uninstall`` removes both. Nothing outside the user's data folder is touched.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

RESOURCES = Path(__file__).parent / "resources"
APP_ID = "flooding-monitor"
ICON = RESOURCES / f"{APP_ID}.svg"
TEMPLATE = RESOURCES / f"{APP_ID}.desktop"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def targets(home: Path | None = None) -> tuple[Path, Path]:
    base = home or data_home()
    return base / "applications" / f"{APP_ID}.desktop", base / "icons" / "hicolor" / "scalable" / "apps" / ICON.name


def launcher() -> str:
    """The command that starts this installation: its own ``flooding-monitor`` script, else ``python -m ui.terminal.cli``."""
    script = Path(sys.executable).parent / APP_ID
    if script.exists():
        return shlex.quote(str(script))
    found = shutil.which(APP_ID)
    if found:
        return shlex.quote(found)
    return f"{shlex.quote(sys.executable)} -m ui.terminal.cli"


def entry_text(command: str) -> str:
    lines = []
    for line in TEMPLATE.read_text(encoding="utf-8").splitlines():
        lines.append(f"Exec={command}" if line.startswith("Exec=") else line)
    return "\n".join(lines) + "\n"


def install(home: Path | None = None, command: str | None = None) -> list[Path]:
    desktop, icon = targets(home)
    desktop.parent.mkdir(parents=True, exist_ok=True)
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICON, icon)
    desktop.write_text(entry_text(command or launcher()), encoding="utf-8")
    desktop.chmod(0o755)  # some desktops only trust executable entries
    return [desktop, icon]


def uninstall(home: Path | None = None) -> list[Path]:
    removed = []
    for path in targets(home):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def add_commands(sub) -> None:
    p = sub.add_parser("install-desktop", help="add Flooding Monitor to your application menu (Linux)")
    p.add_argument("--uninstall", action="store_true", help="remove it again")
    p.set_defaults(func=_run)


def _run(args) -> int:
    if args.uninstall:
        removed = uninstall()
        print("\n".join(f"removed {p}" for p in removed) or "nothing to remove")
        return 0
    if not sys.platform.startswith("linux"):
        print("install-desktop writes a freedesktop.org entry (Linux); on macOS and Windows start "
              "flooding-monitor from a terminal or make a shortcut to it.", file=sys.stderr)
        return 2
    for path in install():
        print(f"wrote {path}")
    return 0
