"""The one shape every heart-rate source produces and every consumer reads."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field

#: RR intervals travel as integer microseconds inside the core so that window
#: sums are exact integers and the streaming and batch paths agree bit for bit.
US_PER_S = 1_000_000


class Contact(enum.IntEnum):
    """Sensor-contact state from the 0x2A37 flags (bits 1-2).

    Values 0 and 1 both mean "the strap cannot tell", not "poor contact"; only
    NOT_DETECTED (2) means the electrodes are off the skin.
    """

    UNSUPPORTED = 0
    NOT_DETECTED = 2
    DETECTED = 3

    @classmethod
    def from_flag_bits(cls, bits: int) -> "Contact":
        if bits == 2:
            return cls.NOT_DETECTED
        if bits == 3:
            return cls.DETECTED
        return cls.UNSUPPORTED


@dataclass(frozen=True, slots=True)
class HeartRateSample:
    """One notification from a strap, as received.

    Attributes:
        t_s: receive time in seconds on the session clock (monotonic).
        hr_bpm: the strap's reported rate, or None when it sent none.
        rr_us: RR intervals carried by this notification, oldest first, in
            integer microseconds (BLE sends 1/1024 s; the conversion loses
            under half a microsecond).
        contact: sensor-contact state.
        source: which strap or file produced it (for logs and the store).
        energy_kj: cumulative energy expended when the strap sent it.
        partner: which partner wears the strap (0 or 1; see partners.py).
    """

    t_s: float
    hr_bpm: float | None = None
    rr_us: tuple[int, ...] = ()
    contact: Contact = Contact.UNSUPPORTED
    source: str = ""
    energy_kj: int | None = field(default=None, compare=False)
    partner: int = 0

    def __post_init__(self) -> None:
        if not math.isfinite(self.t_s):
            raise ValueError(f"sample time must be finite, got {self.t_s!r}")


def rr_ticks_to_us(ticks: int) -> int:
    """Convert a BLE RR value (1/1024 s) to integer microseconds."""
    return (ticks * US_PER_S + 512) // 1024


def rr_ms_to_us(rr_ms: float) -> int:
    return int(round(rr_ms * 1000.0))
