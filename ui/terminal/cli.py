"""The ``flooding-monitor`` command: the app, and headless tools beside it.

Imports stay lazy so that ``analyze`` works on a machine without a display,
and so a missing Bluetooth stack only matters to the commands that need it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence

from .cli_prefs import load_prefs  # noqa: F401 - where the commands (and tests) have found it


#: Detector settings as the command line names them.
OPTION_OF = {"threshold_bpm": "--threshold", "sustain_s": "--sustain", "personal_rule_pct": "--personal-pct",
             "calibration_s": "--calibration"}


def _analyze(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from flooding_monitor.detection.analysis import analyze
    from flooding_monitor.formats.recordings import RecordingError, load_recording
    from flooding_monitor.detection.settings import SettingsError

    if args.personal_pct is not None and not args.calibration:
        print("flooding-monitor analyze: --personal-pct needs --calibration SECONDS (the resting stretch at the "
              "start of the file the margin is added to)", file=sys.stderr)
        return 2
    given = {"threshold_bpm": args.threshold, "sustain_s": args.sustain, "personal_rule_pct": args.personal_pct,
             "calibration_s": args.calibration}
    try:
        settings = replace(load_prefs().detector, **{k: v for k, v in given.items() if v is not None})
        recording = load_recording(args.file)
    except (RecordingError, SettingsError) as exc:
        text = str(exc)
        for field, option in OPTION_OF.items():  # the option the user typed, not the setting's inner name
            text = text.replace(field, option)
        print(f"flooding-monitor analyze: {text}", file=sys.stderr)
        return 2
    slot = PARTNER_LETTERS.index(args.partner)
    samples = recording.columns.select(slot)
    if not len(samples):
        print(f"flooding-monitor analyze: {args.file} has no samples for partner {args.partner} "
              f"(present: {', '.join(PARTNER_LETTERS[k] for k in recording.partner_slots)})", file=sys.stderr)
        return 2
    result = analyze(samples, settings)
    started = recording.started_at
    if started is not None:  # the file's time zero; the analysis counts from its first sample
        started += dt.timedelta(seconds=float(samples.t_s.min()))
    summary = {"file": recording.path, "format": recording.format, "partner": args.partner,
               "started_at": None if started is None else started.isoformat(timespec="seconds"),
               **result.summary()}
    if recording.pauses:  # a session file: what each pause did to this heart
        from flooding_monitor.protocol.pause_effect import pause_effects

        summary["pauses"] = [e.to_json() for e in pause_effects(result, recording.pauses, slot)]
    if args.json:
        json.dump(summary, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(describe_analysis(summary))
    return 0


PARTNER_LETTERS = ("A", "B")


def _partner_letter(text: str) -> str:
    """A or B (0 and 1, as older versions took, still work)."""
    return {"0": "A", "1": "B"}.get(text, text.upper())


def _clock(seconds: float, started: dt.datetime | None = None) -> str:
    """A moment as people read it: the clock time when the file says when it began (21:20:17),
    else the time into the recording (1:05:13, 5:13)."""
    if started is not None:
        return f"{started + dt.timedelta(seconds=seconds):%H:%M:%S}"
    s = int(round(seconds))
    h, m, sec = s // 3600, s % 3600 // 60, s % 60
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds >= 90 else f"{seconds:.0f} s"


def describe_analysis(s: dict) -> str:
    """The analysis in words: what a person wants to read first (``--json`` has everything)."""
    rule = s["threshold"]
    started = dt.datetime.fromisoformat(s["started_at"]) if s.get("started_at") else None
    when = f", recorded {started:%Y-%m-%d} from {started:%H:%M}" if started else ""
    lines = [f"{s['file']} ({s['format']}{when}): {_minutes(s['duration_s'])}, {s['beats']} beats."]
    if s["baseline"]:
        lines.append(f"Resting rate {s['baseline']['hr_bpm']:.0f} bpm.")
    if s.get("baseline_rejected"):
        lines.append(f"No resting rate: {s['baseline_rejected']}")
    source = "your resting rate + margin" if rule["source"] == "personal" else "absolute"
    lines.append(f"Flooding threshold {rule['bpm']:.0f} bpm ({source}); calm again under {rule['recovery_bpm']:.0f}.")
    if s["heart_rate"]:
        lines.append(f"Heart rate: median {s['heart_rate']['median_bpm']:.0f} bpm, highest "
                     f"{s['heart_rate']['max_bpm']:.0f} bpm.")
    if s["signal_lost_s"]:
        lines.append(f"The strap was not reading for {_minutes(s['signal_lost_s'])}.")
    episodes = s["episodes"]
    count = {0: "No flooding episode", 1: "1 flooding episode"}.get(len(episodes), f"{len(episodes)} flooding episodes")
    lines.append(count + (":" if episodes else "."))
    for e in episodes:
        end = "still going at the end" if e["ongoing"] else f"to {_clock(e['end_s'], started)}"
        lines.append(f"  from {_clock(e['start_s'], started)} {end} ({_minutes(e['end_s'] - e['start_s'])}), "
                     f"alert at {_clock(e['onset_s'], started)}, peak {e['peak_bpm']:.0f} bpm")
    for p in s.get("pauses", []):
        lines.append(_describe_pause(p, started))
    corrected = sum(v for k, v in s["artifacts"].items() if k in ("ectopic", "missed", "extra", "long_short"))
    if corrected:
        lines.append(f"{corrected} beat{'s' if corrected > 1 else ''} corrected (missed, extra or premature).")
    return "\n".join(lines)


def _describe_pause(p: dict, started: dt.datetime | None) -> str:
    """One pause in words: the rate before and after, minutes to calm, the breathing's effect."""
    words = [f"Pause from {_clock(p['started_s'], started)} ({_minutes(p['ended_s'] - p['started_s'])})"]
    if p["hr_start_bpm"] is not None and p["hr_end_bpm"] is not None:
        words.append(f"{p['hr_start_bpm']:.0f} → {p['hr_end_bpm']:.0f} bpm")
    words.append(f"calm after {p['calm_after_min']:.0f} min" if p["calm_after_min"] is not None
                 else "not a minute of calm in it")
    if p["swing_bpm"] is not None:
        words.append(f"the rate swung {p['swing_bpm']:.0f} bpm per breath")
    if p["coherence"] is not None:
        words.append(f"coherence {p['coherence']:.1f}")
    return words[0] + ": " + ", ".join(words[1:]) + "."


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
    from ui.app import add_gui_arguments

    add_gui_arguments(parser)
    sub = parser.add_subparsers(dest="command")
    common = common_options()
    an = sub.add_parser("analyze", help="analyse a recording file: a summary in words, or JSON with --json")
    an.add_argument("--json", action="store_true", help="print everything as JSON, for programs")
    an.add_argument("file", help="RR text (ms per line), CSV (t, hr, rr_ms) or Polar .hrm")
    an.add_argument("--partner", type=_partner_letter, default="A", choices=PARTNER_LETTERS,
                    help="which partner of a two-partner recording to analyse (default A)")
    an.add_argument("--threshold", type=float, default=None,
                    help="flooding threshold, bpm (default: your setting, else 100)")
    an.add_argument("--sustain", type=float, default=None,
                    help="seconds above threshold before onset (default: your setting, else 30)")
    an.add_argument("--personal-pct", type=float, default=None,
                    help="also flag baseline + N %% (needs --calibration)")
    an.add_argument("--calibration", type=float, default=None,
                    help="seconds of resting baseline at the start of the file (default 0: none)")
    an.set_defaults(func=_analyze)
    from .strap_commands import add_commands as add_strap_commands

    add_strap_commands(sub, common)
    from .history_cli import add_commands as add_history_commands

    add_history_commands(sub, common)
    from .report_cli import add_commands as add_report_commands

    add_report_commands(sub, common)
    from ui.desktop_entry import add_commands as add_desktop_commands

    add_desktop_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ui.app import run_gui

        return run_gui(args)
    try:
        code = int(args.func(args))
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # `analyze … | head -1`: the reader has gone; that is not an error to show
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
