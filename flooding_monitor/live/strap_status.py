"""What a strap reports besides heart beats: connection, battery, body location, problems.

Domain data, not Bluetooth: the session controller records these and the
screens put them in words, so they live in the core where both can read them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class StatusKind(enum.Enum):
    SCANNING = "scanning"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    SIGNAL_LOST = "signal_lost"  # the link dropped; a reconnect follows
    RECONNECTING = "reconnecting"
    SILENT = "silent"  # connected, yet nothing comes (the session runner's clock noticed)
    DISCONNECTED = "disconnected"  # closed for good
    BATTERY = "battery"  # value: percent
    BODY_LOCATION = "body_location"  # value: e.g. "chest"
    MALFORMED = "malformed"  # value: running count of skipped packets
    ERROR = "error"  # message: advice for the user
    FINISHED = "finished"  # a replay or scenario reached its end


@dataclass(frozen=True, slots=True)
class Status:
    kind: StatusKind
    t_s: float
    message: str = ""
    value: int | str | None = None
    partner: int = 0  # whose strap reported it
