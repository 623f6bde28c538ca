"""The ``flooding-monitor`` command: the app, and headless tools beside it.

Imports stay lazy so that ``analyze`` works on a machine without a display,
and so a missing Bluetooth stack only matters to the commands that need it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence


def load_prefs():
    """The user's saved preferences: every command follows the same settings as the app.

    Problems in the file are reported on stderr and the defaults used for them.
    """
    from flooding_monitor.preferences import PreferencesFile

    prefs, problems = PreferencesFile().load()
    for problem in problems:
        print(f"flooding-monitor: setting ignored: {problem}", file=sys.stderr)
    return prefs


def _analyze(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from flooding_monitor.analysis import analyze
    from flooding_monitor.recordings import RecordingError, load_recording
    from flooding_monitor.settings import SettingsError

    given = {"threshold_bpm": args.threshold, "sustain_s": args.sustain, "personal_rule_pct": args.personal_pct,
             "calibration_s": args.calibration}
    try:
        settings = replace(load_prefs().detector, **{k: v for k, v in given.items() if v is not None})
        recording = load_recording(args.file)
    except (RecordingError, SettingsError) as exc:
        print(f"flooding-monitor analyze: {exc}", file=sys.stderr)
        return 2
    samples = recording.of_partner(args.partner)
    if not samples:
        print(f"flooding-monitor analyze: {args.file} has no samples for partner {args.partner} "
              f"(present: {', '.join(map(str, recording.partner_slots))})", file=sys.stderr)
        return 2
    result = analyze(samples, settings)
    summary = {"file": recording.path, "format": recording.format, "partner": args.partner, **result.summary()}
    json.dump(summary, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def common_options() -> argparse.ArgumentParser:
    """Options every command takes, before or after its name.

    A subcommand's copy defaults to "not given" (SUPPRESS), so
    ``flooding-monitor --data-dir D record`` keeps D instead of overwriting
    it with the subcommand's default.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="history folder (default: your user data folder, or $FLOODING_MONITOR_DATA_DIR)")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flooding-monitor",
        description="Watch for emotional flooding (sustained heart rate above ~100 bpm) "
                    "during a hard conversation, and take a real 20-minute pause.",
    )
    from .app import add_gui_arguments

    add_gui_arguments(parser)
    sub = parser.add_subparsers(dest="command")
    common = common_options()
    an = sub.add_parser("analyze", help="analyse a recording file and print JSON")
    an.add_argument("file", help="RR text (ms per line), CSV (t, hr, rr_ms) or Polar .hrm")
    an.add_argument("--partner", type=int, default=0, choices=(0, 1),
                    help="which partner of a two-partner CSV export to analyse (default 0)")
    an.add_argument("--threshold", type=float, default=None,
                    help="flooding threshold, bpm (default: your setting, else 100)")
    an.add_argument("--sustain", type=float, default=None,
                    help="seconds above threshold before onset (default: your setting, else 30)")
    an.add_argument("--personal-pct", type=float, default=None,
                    help="also flag baseline + N %% (needs --calibration)")
    an.add_argument("--calibration", type=float, default=None,
                    help="seconds of resting baseline at the start of the file (default 0: none)")
    an.set_defaults(func=_analyze)
    from .record_cli import add_commands as add_strap_commands

    add_strap_commands(sub, common)
    from .history_cli import add_commands as add_history_commands

    add_history_commands(sub, common)
    from .desktop_entry import add_commands as add_desktop_commands

    add_desktop_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from .app import run_gui

        return run_gui(args)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
