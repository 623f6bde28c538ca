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
from dataclasses import replace

from devices.errors import StrapError
from devices.source import HeartRateSource
from flooding_monitor.controller import SessionController
from flooding_monitor.strap_status import Status, StatusKind

from .record_status import LiveStatus

#: Statuses after which a strap sends nothing more.
FINAL = (StatusKind.FINISHED, StatusKind.DISCONNECTED)


def scan_command(args: argparse.Namespace) -> int:
    from devices.bleak_strap import scan

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


def _sources(args: argparse.Namespace) -> tuple[str, list[HeartRateSource], object]:
    """The straps the command line names, all on one clock."""
    from devices.open import address_or_name, open_source

    if args.demo:
        first, clock = open_source("demo", speed=args.speed)
        rest = [open_source("demo", clock=clock, slot=1)[0]] if args.partners == 2 else []
        return "demo", [first, *rest], clock
    if args.replay:
        source, clock = open_source("replay", args.replay, speed=args.speed)
        return "replay", [source], clock
    first, clock = open_source("ble", *address_or_name(args.device))
    rest = [open_source("ble", *address_or_name(args.second_device), clock=clock, slot=1)[0]] \
        if args.second_device else []
    return "ble", [first, *rest], clock


def record_command(args: argparse.Namespace) -> int:
    from flooding_monitor.csv_output import CsvOutput
    from flooding_monitor.recordings import RecordingError
    from flooding_monitor.store import open_store

    from .cli import load_prefs

    if args.no_history and not args.out:
        print("flooding-monitor record: nothing to save to; give --out or drop --no-history", file=sys.stderr)
        return 2
    if args.second_device and not args.device:
        print("flooding-monitor record: --second-device needs --device (the first partner's strap); --demo "
              "records two simulated partners by itself", file=sys.stderr)
        return 2
    if not (math.isfinite(args.speed) and args.speed > 0):
        print("flooding-monitor record: --speed must be a positive number", file=sys.stderr)
        return 2
    try:
        kind, sources, clock = _sources(args)
        outputs = [CsvOutput(args.out)] if args.out else []
    except (RecordingError, ValueError) as exc:
        print(f"flooding-monitor record: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"flooding-monitor record: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    store = None
    if not args.no_history:
        from .app import LIVE_WAIT_S

        opened = open_store(args.data_dir, wait_s=LIVE_WAIT_S)
        store = opened.store
        for note in opened.notes:
            print(note, file=sys.stderr)
    controller = SessionController(load_prefs(), store)
    controller.start(clock.now, kind, sources[0].name, getattr(sources[0], "address", None), outputs)
    for slot, source in enumerate(sources[1:], 1):
        controller.add_partner(slot, source.name)
    if controller.recorder is not None and controller.recorder.session_id is not None:
        print(f"Recording session {controller.recorder.session_id} to {store.path}", file=sys.stderr, flush=True)
    status = LiveStatus(controller, sys.stdout, in_place=sys.stdout.isatty())
    controller.listeners.append(status)
    try:
        how = asyncio.run(_record(controller, sources, args.duration))
    except StrapError as exc:
        status.finish()
        controller.finish("error")
        print(f"flooding-monitor record: {exc}", file=sys.stderr)
        return 3
    status.finish()
    return _report(controller, how, args.out)


async def _record(controller: SessionController, sources: list[HeartRateSource], duration_s: float | None) -> str:
    """Pump every strap into the controller; returns how the recording ended."""
    loop = asyncio.get_running_loop()
    stopped: asyncio.Future[str] = loop.create_future()
    for signum, how in ((signal.SIGINT, "interrupted"), (signal.SIGTERM, "terminated")):
        loop.add_signal_handler(signum, lambda how=how: stopped.done() or stopped.set_result(how))
    events: asyncio.Queue[object] = asyncio.Queue()
    pumps: list[asyncio.Task[None]] = []
    try:
        for source in sources:
            await source.connect()
        pumps = [asyncio.create_task(_pump(source, slot, events)) for slot, source in enumerate(sources)]
        return await _consume(controller, events, stopped, len(sources), duration_s)
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        for source in sources:
            await asyncio.shield(source.close())
        for task in pumps:
            task.cancel()


async def _pump(source: HeartRateSource, slot: int, events: asyncio.Queue[object]) -> None:
    async for event in source.events():
        events.put_nowait(replace(event, partner=slot) if slot else event)


async def _consume(controller: SessionController, events: asyncio.Queue[object], stopped: asyncio.Future[str],
                   straps: int, duration_s: float | None) -> str:
    ended: set[int] = set()
    getter: asyncio.Future[object] | None = None
    try:
        while not stopped.done():
            getter = getter or asyncio.ensure_future(events.get())
            done, _ = await asyncio.wait({getter, stopped}, timeout=1.0, return_when=asyncio.FIRST_COMPLETED)
            if getter not in done:
                controller.advance()  # a quiet strap still ticks (and goes "not reading")
                continue
            event, getter = getter.result(), None
            if isinstance(event, Status):
                controller.status(event)
                ended |= {event.partner} if event.kind in FINAL else set()
                if len(ended) == straps:
                    return "finished"
                continue
            controller.feed(event)  # type: ignore[arg-type]
            if duration_s is not None and event.t_s >= duration_s:  # type: ignore[attr-defined]
                return "duration"
        return stopped.result()
    finally:
        if getter is not None:
            getter.cancel()


def _report(controller: SessionController, how: str, csv_path: str | None) -> int:
    """Close the session and say truthfully what was saved; exit 4 when part of it was not."""
    recorder = controller.recorder
    saved = controller.finish(how)
    if how in ("interrupted", "terminated"):
        print("\nStopped.", file=sys.stderr)
    samples = recorder.saved_samples + recorder.unsaved if recorder is not None else 0
    n = len(controller.session.episodes)
    episodes = "no flooding episode" if n == 0 else f"{n} flooding episode" + ("s" if n > 1 else "")
    if recorder is None or recorder.store is None:
        print(f"Saved to {csv_path} ({episodes}).", file=sys.stderr)
        return 0
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
