"""A minimal FIT writer for tests: a header, definitions, many data messages and the file's CRC.

Garmin's SDK encodes a message at a time in Python (minutes for a 20 MB file); hostile-size files
are a definition followed by the same data bytes repeated, which this writes in a blink.
"""

from __future__ import annotations

import struct
from pathlib import Path

from garmin_fit_sdk import CrcCalculator

UINT8, UINT16, UINT32 = 0x02, 0x84, 0x86
FIT_EPOCH_S = 631065600  # 1989-12-31T00:00:00Z in Unix seconds


def definition(local: int, global_num: int, fields: list[tuple[int, int, int]]) -> bytes:
    """A definition message: little-endian, the fields as (number, size in bytes, base type)."""
    out = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields))
    return out + b"".join(struct.pack("<BBB", *f) for f in fields)


def record(local: int, timestamp: int, heart_rate: int) -> bytes:
    return struct.pack("<BIB", local, timestamp, heart_rate)


def hrv(local: int, intervals_ms: list[int]) -> bytes:
    """An hrv message of five slots (seconds × 1000); unused slots invalid (0xFFFF)."""
    slots = (intervals_ms + [0xFFFF] * 5)[:5]
    return struct.pack("<B5H", local, *slots)


RECORD_DEF = definition(0, 20, [(253, 4, UINT32), (3, 1, UINT8)])
HRV_DEF = definition(1, 78, [(0, 10, UINT16)])
FILE_ID_DEF = definition(2, 0, [(0, 1, 0x00), (4, 4, UINT32)])


def file_id(created: int) -> bytes:
    return FILE_ID_DEF + struct.pack("<BBI", 2, 4, created)


def write_fit(path: Path, body: bytes) -> None:
    """Header, body, CRC: what a watch writes around its messages."""
    header = struct.pack("<BBHI4s", 12, 0x20, 2132, len(body), b".FIT")
    data = header + body
    crc = CrcCalculator.calculate_crc(data, 0, len(data))
    path.write_bytes(data + struct.pack("<H", crc))
