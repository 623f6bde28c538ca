"""Starting a conversation: the chosen straps opened, the recorded session started on their clock.

Straps are opened in one place (:mod:`devices.open`); the worker's session
runner then owns them and the clock. A Bluetooth strap is remembered for
"Start conversation" next time; the demo and replays are not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from devices.clock import Clock
from devices.open import StrapPlan, open_source, open_straps
from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.preferences import Preferences

from .session_outputs import lsl_outputs
from .worker import DeviceWorker


class ConversationStart(QObject):
    """Opens straps for ``controller``'s sessions and hands them to ``worker``'s runner.

    :attr:`started` (strap name, a problem to tell or "") once a session runs;
    ``remember(prefs)`` saves the Bluetooth straps chosen.
    """

    started = Signal(str, str)

    def __init__(self, parent: QWidget, worker: DeviceWorker, controller: SessionController, speed: float,
                 lsl_wanted: bool, prefs: Callable[[], Preferences], remember: Callable[[Preferences], None]) -> None:
        super().__init__(parent)
        self.worker = worker
        self.controller = controller
        self.speed = speed
        self.lsl_wanted = lsl_wanted
        self.prefs = prefs
        self.remember = remember
        self.clock: Clock | None = None  # the running session's clock
        self.addresses: dict[int, str | None] = {}  # each partner slot's strap, as it was chosen

    def use_source(self, kind: str, address: str | None = None, name: str | None = None) -> None:
        """Start a new session on the first partner's strap (the second one, if any, is released)."""
        self.start(StrapPlan(kind, (address, name), speed=self.speed))

    def start(self, plan: StrapPlan | None) -> None:
        """A new session on every strap of ``plan`` (the running one ends first, its straps released)."""
        if plan is None:
            return
        sources, clock = open_straps(plan)
        first = sources[0]
        self.start_session(clock, plan.kind, first.name, getattr(first, "address", plan.first[0]))
        for slot, source in enumerate(sources):
            if slot:
                self.controller.add_partner(slot, source.name)
            self.addresses[slot] = getattr(source, "address", None)
            self.worker.use(source, slot)
        if plan.kind == "ble":
            prefs = self.prefs()
            second = plan.second or (prefs.second_device_address, prefs.second_device_name)
            self.remember(replace(prefs, last_device_address=plan.first[0], last_device_name=plan.first[1],
                                  second_device_address=second[0], second_device_name=second[1]))

    def start_session(self, clock: Clock, kind: str, device_name: str, address: str | None = None) -> None:
        """A new recorded session on ``clock``; the worker's session runner gives it time and straps."""
        self.clock = clock
        self.addresses = {0: address}
        self.worker.begin(clock)
        session_id = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        outputs, problem = lsl_outputs(clock, session_id) if self.lsl_wanted else ([], "")
        self.controller.start(clock.now, kind, device_name, address, outputs)
        self.started.emit(device_name, problem)

    def add_second_source(self, kind: str, address: str | None = None, name: str | None = None) -> None:
        """The second partner's strap joins the running session (same clock, shared pause)."""
        if self.clock is None:
            return
        source, _ = open_source(kind, address, name, clock=self.clock, slot=1, speed=self.speed)
        self.controller.add_partner(1, source.name)
        self.addresses[1] = getattr(source, "address", address)
        self.worker.use(source, 1)
        if kind == "ble":
            self.remember(replace(self.prefs(), second_device_address=address, second_device_name=name))
