"""A miniature LabRecorder: real liblsl inlets pull our streams, and the chunks are written as the
XDF 1.0 specification lays them out (https://github.com/sccn/xdf/wiki/Specifications).

LabRecorder itself is a C++ application that cannot run here. What it does is
small and specified: a FileHeader with the recording's datetime, each inlet's
full stream info (``info().as_xml()``, with our desc) as a StreamHeader,
Samples chunks (timestamp and values), ClockOffset chunks and a
StreamFooter. The stream headers, timestamps and values below come from
liblsl itself; only the chunk framing is written here, and pyxdf (the format's
reference reader) reading it back checks the framing.
"""

from __future__ import annotations

import datetime as dt
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class RecordedStream:
    info_xml: str
    string_values: bool
    stamps: list[float] = field(default_factory=list)
    values: list[Any] = field(default_factory=list)


def _varlen(n: int) -> bytes:
    if n < 256:
        return struct.pack("<BB", 1, n)
    if n < 2**32:
        return struct.pack("<BI", 4, n)
    return struct.pack("<BQ", 8, n)


def _chunk(tag: int, content: bytes) -> bytes:
    body = struct.pack("<H", tag) + content
    return _varlen(len(body)) + body


def write_xdf(path: Path, streams: list[RecordedStream], started: dt.datetime) -> None:
    out = bytearray(b"XDF:")
    header = f'<?xml version="1.0"?><info><version>1.0</version><datetime>{started:%Y-%m-%dT%H:%M:%S%z}</datetime></info>'
    out += _chunk(1, header.encode())
    for sid, s in enumerate(streams, 1):
        out += _chunk(2, struct.pack("<I", sid) + s.info_xml.encode())
    for sid, s in enumerate(streams, 1):
        if s.stamps:
            payload = bytearray(struct.pack("<I", sid) + _varlen(len(s.stamps)))
            for stamp, value in zip(s.stamps, s.values):
                payload += struct.pack("<Bd", 8, stamp)
                if s.string_values:
                    raw = value[0].encode()
                    payload += _varlen(len(raw)) + raw
                else:
                    payload += struct.pack(f"<{len(value)}f", *value)
            out += _chunk(3, bytes(payload))
        collected = s.stamps[-1] if s.stamps else 0.0
        out += _chunk(4, struct.pack("<Idd", sid, collected, 0.0))  # one machine: no offset
    for sid, s in enumerate(streams, 1):
        first, last = (s.stamps[0], s.stamps[-1]) if s.stamps else (0.0, 0.0)
        footer = (f'<?xml version="1.0"?><info><first_timestamp>{first}</first_timestamp><last_timestamp>{last}'
                  f'</last_timestamp><sample_count>{len(s.stamps)}</sample_count></info>')
        out += _chunk(6, struct.pack("<I", sid) + footer.encode())
    path.write_bytes(bytes(out))
