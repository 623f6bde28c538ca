"""The saved preferences as the terminal commands read them (one place, imported by every command)."""

from __future__ import annotations

import sys


def load_prefs():
    """The user's saved preferences: every command follows the same settings as the app.

    Problems in the file are reported on stderr and the defaults used for them.
    """
    from flooding_monitor.live.preferences import PreferencesFile

    prefs, problems = PreferencesFile().load()
    for problem in problems:
        print(f"flooding-monitor: setting ignored: {problem}", file=sys.stderr)
    return prefs
