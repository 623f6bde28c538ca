"""Where a session is published besides the history: the Lab Streaming Layer, when the user turned it on."""

from __future__ import annotations

from devices.clock import Clock
from flooding_monitor.live.controller import Output

from .i18n import core


def lsl_outputs(clock: Clock, session_id: str) -> tuple[list[Output], str]:
    """The Lab Streaming Layer output for a new session, or none and the reason in the user's words."""
    from flooding_monitor.formats.lsl_output import LslPublisher, LslUnavailable

    try:
        publisher = LslPublisher(clock.now, getattr(clock, "speed", 1.0), session_id=session_id)
    except LslUnavailable as exc:
        return [], core(exc.args[0])
    return [publisher], ""
