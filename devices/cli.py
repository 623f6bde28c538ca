"""``flooding-monitor scan`` and ``flooding-monitor record``: Bluetooth without the GUI."""

from __future__ import annotations

import argparse
import asyncio
import sys

from flooding_monitor.settings import DetectorSettings

from .errors import StrapError


def add_commands(sub: argparse._SubParsersAction) -> None:
    sc = sub.add_parser("scan", help="list nearby heart-rate straps")
    sc.add_argument("--timeout", type=float, default=8.0, help="seconds to scan (default 8)")
    sc.set_defaults(func=scan_command)
    rec = sub.add_parser("record", help="record a strap to CSV without the app, until Ctrl-C")
    who = rec.add_mutually_exclusive_group(required=True)
    who.add_argument("--device", help="strap address (or name) from 'flooding-monitor scan'")
    who.add_argument("--demo", action="store_true", help="use the simulated strap")
    who.add_argument("--replay", metavar="FILE", help="play a recording file as the strap")
    rec.add_argument("--out", help="also write this CSV file (appended if it exists)")
    rec.add_argument("--data-dir", help="history folder (default: your user data folder, "
                                        "or $FLOODING_MONITOR_DATA_DIR)")
    rec.add_argument("--no-history", action="store_true", help="do not save to the history database")
    rec.add_argument("--speed", type=float, default=1.0, help="demo/replay speed (default 1 = real time)")
    rec.add_argument("--duration", type=float, default=None, help="stop after this many seconds")
    rec.set_defaults(func=record_command)


def scan_command(args: argparse.Namespace) -> int:
    from .bleak_strap import scan

    print(f"Scanning for heart-rate straps for {args.timeout:.0f} s…", file=sys.stderr)
    try:
        straps = asyncio.run(scan(args.timeout))
    except StrapError as exc:
        print(f"flooding-monitor scan: {exc}", file=sys.stderr)
        return 3
    if not straps:
        print("No heart-rate strap found. Wet the electrodes and put the strap on; it sleeps "
              "when not worn.", file=sys.stderr)
        return 1
    width = max(len(s.name) for s in straps)
    for s in straps:
        rssi = "?" if s.rssi is None else f"{s.rssi} dBm"
        print(f"{s.name:<{width}}  {s.address}  {rssi}")
    return 0


def make_source(args: argparse.Namespace):
    from .clock import ScaledClock

    clock = ScaledClock(args.speed)
    if args.demo:
        from .simulated import SimulatedStrap

        return SimulatedStrap(clock=clock)
    if args.replay:
        from .replay import ReplayStrap

        return ReplayStrap(args.replay, clock)
    from .bleak_strap import BleakStrap

    looks_like_address = ":" in args.device or len(args.device) == 36
    return BleakStrap(address=args.device if looks_like_address else None,
                      name=None if looks_like_address else args.device)


def record_command(args: argparse.Namespace) -> int:
    import datetime as dt

    from flooding_monitor.recordings import RecordingError
    from flooding_monitor.session_recorder import SessionRecorder
    from flooding_monitor.store import DB_NAME, SessionStore, StoreError, data_dir

    from .recorder import record

    if args.no_history and not args.out:
        print("flooding-monitor record: nothing to save to; give --out or drop --no-history", file=sys.stderr)
        return 2

    try:
        source = make_source(args)
    except (RecordingError, ValueError) as exc:
        print(f"flooding-monitor record: {exc}", file=sys.stderr)
        return 2

    def say(line: str) -> None:
        print(line, flush=True)

    recorder = None
    if not args.no_history:
        store = None
        try:
            store = SessionStore(data_dir(args.data_dir) / DB_NAME)
            for sid in store.close_unfinished():
                print(f"Closed session {sid}, left open by an earlier crash.", file=sys.stderr)
            if store.moved_aside:
                print(f"The history database was damaged; it was moved to {store.moved_aside} "
                      "and a new one started.", file=sys.stderr)
        except StoreError as exc:
            print(f"flooding-monitor record: {exc}", file=sys.stderr)
        settings = DetectorSettings()
        kind = "demo" if args.demo else "replay" if args.replay else "ble"
        recorder = SessionRecorder(store, dt.datetime.now(), kind, source.name,
                                   getattr(source, "address", None), settings.to_dict())
        if recorder.session_id is not None:
            print(f"Recording session {recorder.session_id} to {store.path}", file=sys.stderr, flush=True)
    try:
        result = asyncio.run(record(source, DetectorSettings(), say, recorder, args.out, args.duration))
    except KeyboardInterrupt:
        print("\nStopped. The recording is saved.", file=sys.stderr)
        return 0
    except StrapError as exc:
        print(f"flooding-monitor record: {exc}", file=sys.stderr)
        return 3
    except OSError as exc:
        print(f"flooding-monitor record: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    where = " and ".join(x for x in (args.out, "the history" if recorder and recorder.session_id else None) if x)
    print(f"Saved {result.samples} samples to {where or 'nowhere'} ({result.episodes} flooding episodes).",
          file=sys.stderr)
    if recorder is not None and recorder.error:
        saved = recorder.save_pending_csv("flooding-monitor-unsaved.csv")
        print(f"The history could not be saved ({recorder.error}); {saved} unsaved samples were written "
              "to flooding-monitor-unsaved.csv", file=sys.stderr)
        return 4
    return 0
