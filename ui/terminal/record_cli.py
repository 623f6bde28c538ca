"""``flooding-monitor scan`` and ``flooding-monitor record``: straps without the window.

``record`` is the terminal's front end to the same session controller the
window drives: straps in, ticks printed, history saved as it happens, and a
clean close on Ctrl-C, SIGTERM (systemd, ``timeout``, logout) or the end of a
replay.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import signal
import sys

from devices.clock import MAX_SPEED, Clock
from devices.errors import StrapError
from devices.source import HeartRateSource
from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.runner import SessionRunner
from flooding_monitor.text import printable
from flooding_monitor.storage.store import LIVE_WAIT_S

from .record_status import LiveStatus


def scan_command(args: argparse.Namespace) -> int:
    from devices.bleak_strap import scan

    print(f"Scanning for heart-rate straps for {args.timeout:.0f} s…", file=sys.stderr)
    try:
        straps = asyncio.run(scan(args.timeout))
    except StrapError as exc:
        print(f"flooding-monitor scan: {exc}{_demo_hint(exc)}", file=sys.stderr)
        return 3
    if not straps:
        print("No heart-rate strap found. Wet the electrodes and put the strap on; it sleeps "
              "when not worn.", file=sys.stderr)
        return 1
    width = max(len(s.name) for s in straps)
    for s in straps:
        rssi = "?" if s.rssi is None else f"{s.rssi} dBm"
        print(f"{printable(s.name):<{width}}  {s.address}  {rssi}")
    return 0


def _demo_hint(exc: Exception) -> str:
    from devices.errors import NoAdapter

    return " Or try the demo strap: flooding-monitor --demo." if isinstance(exc, NoAdapter) else ""


def _plan(args: argparse.Namespace):
    """The straps the command line names."""
    from devices.open import StrapPlan, address_or_name

    if args.demo:
        return StrapPlan("demo", partners=args.partners, speed=args.speed)
    if args.replay:
        return StrapPlan("replay", (args.replay, None), speed=args.speed)
    second = address_or_name(args.second_device) if args.second_device else None
    return StrapPlan("ble", address_or_name(args.device), second)


def record_command(args: argparse.Namespace) -> int:
    from flooding_monitor.formats.csv_output import CsvOutput
    from flooding_monitor.formats.recordings import RecordingError
    from flooding_monitor.storage.store import open_store

    from .cli_prefs import load_prefs

    if args.no_history and not args.out:
        print("flooding-monitor record: nothing to save to; give --out or drop --no-history", file=sys.stderr)
        return 2
    if args.second_device and not args.device:
        print("flooding-monitor record: --second-device needs --device (the first partner's strap); --demo "
              "records two simulated partners by itself", file=sys.stderr)
        return 2
    if not (math.isfinite(args.end_after_lost) and args.end_after_lost >= 0):
        print("flooding-monitor record: --end-after-lost must be 0 (never) or a number of minutes", file=sys.stderr)
        return 2
    if not (math.isfinite(args.speed) and 0 < args.speed <= MAX_SPEED):
        print(f"flooding-monitor record: --speed must be above 0 and at most {MAX_SPEED:g}", file=sys.stderr)
        return 2
    from devices.open import open_straps

    try:
        plan = _plan(args)
        sources, clock = open_straps(plan)
        outputs = [CsvOutput(args.out)] if args.out else []
    except (RecordingError, ValueError) as exc:
        print(f"flooding-monitor record: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"flooding-monitor record: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    store = None
    if not args.no_history:
        opened = open_store(args.data_dir, wait_s=LIVE_WAIT_S)
        store = opened.store
        for note in opened.notes:
            print(note, file=sys.stderr)
    controller = SessionController(load_prefs(), store)
    controller.start(clock.now, plan.kind, sources[0].name, getattr(sources[0], "address", None), outputs)
    for slot, source in enumerate(sources[1:], 1):
        controller.add_partner(slot, source.name)
    if controller.recorder is not None and controller.recorder.session_id is not None:
        print(f"Recording session {controller.recorder.session_id} to {store.path}", file=sys.stderr, flush=True)
    status = LiveStatus(controller, sys.stdout, in_place=sys.stdout.isatty())
    controller.listeners.append(status)
    try:
        lost_after_s = args.end_after_lost * 60 or None
        how = asyncio.run(_record(controller, sources, clock, args.duration, lost_after_s))
    except StrapError as exc:
        status.finish()
        controller.finish("error")
        print(f"flooding-monitor record: {exc}{_demo_hint(exc)}", file=sys.stderr)
        return 3
    status.finish()
    if how == "lost":
        print(f"Ended: no strap has sent a heart rate for {args.end_after_lost:g} minutes; the session ends at the "
              "last reading.", file=sys.stderr)
    return _report(controller, how, args.out, history_wanted=not args.no_history)


async def _record(controller: SessionController, sources: list[HeartRateSource], clock: Clock,
                  duration_s: float | None, lost_after_s: float | None = None) -> str:
    """Run the session on every strap until it ends; returns how it ended."""
    runner = SessionRunner(controller, clock, duration_s, lost_after_s=lost_after_s)
    loop = asyncio.get_running_loop()
    for signum, how in ((signal.SIGINT, "interrupted"), (signal.SIGTERM, "terminated")):
        loop.add_signal_handler(signum, lambda how=how: runner.stop(how))
    try:
        for slot, source in enumerate(sources):
            await runner.attach(slot, source)
        return await runner.run()
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        await asyncio.shield(runner.close())


def _report(controller: SessionController, how: str, csv_path: str | None, history_wanted: bool = True) -> int:
    """Close the session and say truthfully what was saved; exit 4 when part of it was not (the
    history could not even be opened counts: the user asked for it)."""
    recorder = controller.recorder
    saved = controller.finish(how)
    if how in ("interrupted", "terminated"):
        print("\nStopped.", file=sys.stderr)
    samples = recorder.saved_samples + recorder.unsaved if recorder is not None else 0
    n = sum(p.episodes for p in controller.view().people)
    episodes = "no flooding episode" if n == 0 else f"{n} flooding episode" + ("s" if n > 1 else "")
    if not history_wanted or recorder is None:
        print(f"Saved to {csv_path} ({episodes}).", file=sys.stderr)
        return 0
    if csv_path:
        print(f"Saved to {csv_path}.", file=sys.stderr)
    if saved:
        where = " and ".join(x for x in (csv_path, f"session {recorder.session_id} of the history") if x)
        print(f"Saved {samples} samples to {where} ({episodes}).", file=sys.stderr)
        return 0
    unsaved = recorder.unsaved
    if recorder.fallback_path is not None and recorder.fallback_error is None:
        print(f"NOT SAVED to the history ({recorder.error}). {unsaved} samples are kept in {recorder.fallback_path}; "
              f"add them later with: flooding-monitor import {recorder.fallback_path}", file=sys.stderr)
    else:
        print(f"NOT SAVED: the history ({recorder.error}) and the fallback file "
              f"({recorder.fallback_error or 'not written'}) both refused; {unsaved} samples are lost.", file=sys.stderr)
    return 4
