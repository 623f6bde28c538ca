"""Heart Rate Measurement (GATT 0x2A37): bytes <-> measurement <-> core sample.

Layout (Bluetooth Heart Rate Service 1.0, section 3.1):

* flags (uint8): bit 0 = heart rate is uint16; bits 1-2 = sensor contact
  (0/1 not supported, 2 supported but not detected, 3 detected);
  bit 3 = energy expended present; bit 4 = RR intervals present.
* heart rate: uint8 or uint16 bpm.
* energy expended: uint16 kJ, if flagged.
* RR intervals: any number of uint16 in 1/1024 s, oldest first, if flagged.

RR values are kept as raw 1/1024 s integers here so nothing is lost (bumble's
own encoder truncates ``int(rr * 1024)``).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from flooding_monitor.heart.samples import Contact, HeartRateSample, rr_ticks_to_us

FLAG_UINT16 = 0x01
FLAG_CONTACT_DETECTED = 0x02
FLAG_CONTACT_SUPPORTED = 0x04
FLAG_ENERGY = 0x08
FLAG_RR = 0x10
RESERVED_FLAGS = 0xE0


class MalformedMeasurement(ValueError):
    """A 0x2A37 notification that does not follow the spec; counted and skipped."""


@dataclass(frozen=True, slots=True)
class HeartRateMeasurement:
    hr_bpm: int
    contact: Contact
    energy_kj: int | None
    rr_ticks: tuple[int, ...]  # 1/1024 s
    uint16: bool = False

    def to_sample(self, t_s: float, source: str = "") -> HeartRateSample:
        """The core sample. A rate of 0 means "no reading" on many straps."""
        return HeartRateSample(
            t_s=t_s,
            hr_bpm=float(self.hr_bpm) if self.hr_bpm > 0 else None,
            rr_us=tuple(rr_ticks_to_us(r) for r in self.rr_ticks if r > 0),
            contact=self.contact,
            source=source,
            energy_kj=self.energy_kj,
        )


def parse(data: bytes | bytearray | memoryview) -> HeartRateMeasurement:
    """Decode one notification.

    Raises:
        MalformedMeasurement: empty, truncated, or with an odd RR byte count.
    """
    raw = bytes(data)
    if not raw:
        raise MalformedMeasurement("empty heart-rate packet")
    flags = raw[0]
    offset = 1
    uint16 = bool(flags & FLAG_UINT16)
    size = 2 if uint16 else 1
    if len(raw) < offset + size:
        raise MalformedMeasurement(f"packet of {len(raw)} bytes ends before the heart rate")
    hr = struct.unpack_from("<H" if uint16 else "B", raw, offset)[0]
    offset += size
    contact = Contact.from_flag_bits((flags >> 1) & 0x03)
    energy = None
    if flags & FLAG_ENERGY:
        if len(raw) < offset + 2:
            raise MalformedMeasurement("packet ends inside the energy-expended field")
        energy = struct.unpack_from("<H", raw, offset)[0]
        offset += 2
    rr: tuple[int, ...] = ()
    if flags & FLAG_RR:
        rest = len(raw) - offset
        if rest % 2:
            raise MalformedMeasurement(f"RR field has an odd length ({rest} bytes): truncated packet")
        rr = struct.unpack_from(f"<{rest // 2}H", raw, offset)
    elif len(raw) > offset:
        # Trailing bytes without the RR flag: some straps pad; the data is still fine.
        pass
    return HeartRateMeasurement(hr, contact, energy, tuple(rr), uint16)


def encode(m: HeartRateMeasurement) -> bytes:
    """Encode, as a strap would; used by the simulated strap and the tests."""
    flags = 0
    uint16 = m.uint16 or m.hr_bpm > 0xFF
    body = struct.pack("<H" if uint16 else "B", m.hr_bpm)
    if uint16:
        flags |= FLAG_UINT16
    if m.contact == Contact.DETECTED:
        flags |= FLAG_CONTACT_SUPPORTED | FLAG_CONTACT_DETECTED
    elif m.contact == Contact.NOT_DETECTED:
        flags |= FLAG_CONTACT_SUPPORTED
    if m.energy_kj is not None:
        flags |= FLAG_ENERGY
        body += struct.pack("<H", m.energy_kj)
    if m.rr_ticks:
        flags |= FLAG_RR
        body += struct.pack(f"<{len(m.rr_ticks)}H", *m.rr_ticks)
    return bytes([flags]) + body


def from_sample(sample: HeartRateSample) -> HeartRateMeasurement:
    """The measurement a strap would send for a core sample (RR rounded to 1/1024 s)."""
    ticks = tuple(min(0xFFFF, max(1, round(rr * 1024 / 1_000_000))) for rr in sample.rr_us)
    hr = 0 if sample.hr_bpm is None else max(0, min(0xFFFF, int(round(sample.hr_bpm))))
    return HeartRateMeasurement(hr, sample.contact, sample.energy_kj, ticks)
