"""The ``scan`` and ``record`` options, apart from the code that runs them.

Building the command line must stay cheap: ``analyze`` and ``history`` should
not pay for importing the session controller, asyncio and the strap code.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable


def _run(name: str) -> Callable[[argparse.Namespace], int]:
    def command(args: argparse.Namespace) -> int:
        from . import record_cli

        return getattr(record_cli, name)(args)

    return command


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    sc = sub.add_parser("scan", help="list nearby heart-rate straps")
    sc.add_argument("--timeout", type=float, default=8.0, help="seconds to scan (default 8)")
    sc.set_defaults(func=_run("scan_command"))
    rec = sub.add_parser("record", parents=[common], help="record straps without the app, until Ctrl-C")
    who = rec.add_mutually_exclusive_group(required=True)
    who.add_argument("--device", help="strap address (or name) from 'flooding-monitor scan'")
    who.add_argument("--demo", action="store_true", help="use the simulated straps (two partners)")
    who.add_argument("--replay", metavar="FILE", help="play a recording file as the strap")
    rec.add_argument("--second-device", metavar="ADDR", help="the second partner's strap, with --device")
    rec.add_argument("--partners", type=int, choices=(1, 2), default=2, help="with --demo: one or two partners")
    rec.add_argument("--out", help="also write this CSV file (appended if it exists)")
    rec.add_argument("--no-history", action="store_true", help="do not save to the history database")
    rec.add_argument("--speed", type=float, default=1.0, help="demo/replay speed (default 1 = real time)")
    rec.add_argument("--duration", type=float, default=None, help="stop after this many seconds")
    rec.add_argument("--end-after-lost", type=float, default=30.0, metavar="MINUTES",
                     help="end the session when no strap has sent anything for this long (default 30; 0 = never)")
    rec.set_defaults(func=_run("record_command"))
