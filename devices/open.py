"""One way to get a strap: ``open_source(kind, …)`` for the app, ``record`` and the tests."""

from __future__ import annotations

from dataclasses import dataclass

from .clock import Clock, ScaledClock
from .source import HeartRateSource

SOURCE_KINDS = ("demo", "replay", "ble")


def open_source(kind: str, address: str | None = None, name: str | None = None, *, clock: Clock | None = None,
                slot: int = 0, speed: float = 1.0) -> tuple[HeartRateSource, Clock]:
    """A source of ``kind`` and the clock it runs on.

    ``demo``: the simulated strap (partner A argues, partner B withdraws);
    ``replay``: the file at ``address``; ``ble``: the strap with this address
    or name. A second partner's source passes the session's ``clock``.
    Demo and replay run ``speed`` times real time; a real strap always at 1.
    """
    if kind == "demo":
        from .scenarios import ARGUMENT, WITHDRAW
        from .simulated import DEMO_STRAP_B, SimulatedStrap

        clock = clock or ScaledClock(speed)
        if slot == 0:
            return SimulatedStrap(ARGUMENT, clock=clock), clock
        return SimulatedStrap(WITHDRAW, clock=clock, seed=11, name=DEMO_STRAP_B, start_s=clock.now()), clock
    if kind == "replay":
        from .replay import ReplayStrap

        clock = clock or ScaledClock(speed)
        return ReplayStrap(address or "", clock), clock
    if kind == "ble":
        from .bleak_strap import BleakStrap

        clock = clock or ScaledClock(1.0)
        return BleakStrap(address=address, name=name, clock=clock), clock
    raise ValueError(f"unknown source kind {kind!r} (one of {', '.join(SOURCE_KINDS)})")


@dataclass(frozen=True)
class StrapPlan:
    """The straps of one conversation, as a front end names them (command line, start card, dialog).

    ``first`` and ``second`` are (address, name) pairs; a replay's file is its
    address. A demo has one or two simulated partners (``partners``).
    """

    kind: str
    first: tuple[str | None, str | None] = (None, None)
    second: tuple[str | None, str | None] | None = None
    partners: int = 1
    speed: float = 1.0

    @property
    def slots(self) -> int:
        return self.partners if self.kind == "demo" else 1 + (self.second is not None)


def open_straps(plan: StrapPlan) -> tuple[list[HeartRateSource], Clock]:
    """Every strap of ``plan``, one per partner slot, all on one clock: the one place the app and
    ``record`` open straps (raises ``RecordingError`` for a replay file that cannot be read)."""
    first, clock = open_source(plan.kind, *plan.first, speed=plan.speed)
    rest = [open_source(plan.kind, *(plan.second or (None, None)), clock=clock, slot=slot, speed=plan.speed)[0]
            for slot in range(1, plan.slots)]
    return [first, *rest], clock


def address_or_name(text: str) -> tuple[str | None, str | None]:
    """A MAC address (Linux, Windows) or a CoreBluetooth UUID (macOS), else a strap name."""
    is_address = ":" in text or len(text) == 36
    return (text, None) if is_address else (None, text)
