"""What an XDF file's own bytes can hold, checked before pyxdf reads it.

pyxdf allocates what a stream header and each samples chunk *declare*: a
412-byte file declaring 250 million float32 channels took 12.7 GB before
it was refused. Here the chunks are walked once, reading only their
headers, and a declaration the chunk's bytes cannot hold is refused with
one line. The layout is XDF 1.0's (github.com/sccn/xdf/wiki/Specifications).
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import BinaryIO

from flooding_monitor.file_limits import RecordingError

STREAM_HEADER, SAMPLES = 2, 3
#: Bytes one value takes at least, by channel format; a string is a length (at least 2 bytes).
VALUE_BYTES = {"float32": 4, "double64": 8, "int8": 1, "int16": 2, "int32": 4, "int64": 8, "string": 2}
#: A stream header's XML is read to find its channels; a longer one is no header we write or read.
MAX_HEADER_BYTES = 1 << 20


def check_declared_sizes(path: Path) -> None:
    """Raise RecordingError when a stream or chunk declares more than the file's bytes can hold."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        if fh.read(4) != b"XDF:":
            raise RecordingError(f"{path.name}: not an XDF file")
        streams: dict[int, int] = {}  # stream id -> the fewest bytes one sample takes
        while True:
            start = fh.tell()
            try:
                length = _varlen(fh)
                tag = _unpack(fh, "<H")
            except EOFError:
                return  # the end, or a cut-off last chunk: pyxdf says what it makes of that
            content = min(length, size - start) - 2  # what it can hold is what the file has left
            if tag == STREAM_HEADER:
                stream_id = _unpack(fh, "<I")
                streams[stream_id] = _sample_bytes(fh.read(max(0, min(content - 4, MAX_HEADER_BYTES))), path)
            elif tag == SAMPLES:
                stream_id = _unpack(fh, "<I")
                declared = _varlen(fh)
                per_sample = streams.get(stream_id, 1)
                if declared * per_sample > content:
                    raise RecordingError(f"{path.name}: a chunk of {content} bytes declares {declared} samples "
                                         f"of stream {stream_id}; not a readable XDF file")
            if start + length >= size:
                return  # the last chunk, or one longer than the file (pyxdf says what it makes of it)
            fh.seek(start + _varlen_size(fh, start) + length)


def _sample_bytes(xml: bytes, path: Path) -> int:
    """The fewest bytes one sample of this stream takes (time-stamp flag + every channel's value)."""
    text = xml.decode("utf-8", errors="replace")
    count = re.search(r"<channel_count>\s*(\d{1,19})\s*</channel_count>", text)
    fmt = re.search(r"<channel_format>\s*(\w+)\s*</channel_format>", text)
    channels = int(count.group(1)) if count else 1
    size = 1 + channels * VALUE_BYTES.get(fmt.group(1) if fmt else "", 1)
    if channels > path.stat().st_size:  # each channel takes at least a byte of every sample
        raise RecordingError(f"{path.name}: a stream declares {channels} channels, more than the file's bytes "
                             f"could hold; not a readable XDF file")
    return size


def _varlen(fh: BinaryIO) -> int:
    width = fh.read(1)
    if not width:
        raise EOFError
    fmt = {1: "<B", 4: "<I", 8: "<Q"}.get(width[0])
    if fmt is None:
        raise EOFError  # not a length: pyxdf refuses the file itself
    return _unpack(fh, fmt)


def _varlen_size(fh: BinaryIO, start: int) -> int:
    """How many bytes the chunk's length field at ``start`` took (its width byte included)."""
    here = fh.tell()
    fh.seek(start)
    width = fh.read(1)[0]
    fh.seek(here)
    return 1 + width


def _unpack(fh: BinaryIO, fmt: str) -> int:
    size = struct.calcsize(fmt)
    raw = fh.read(size)
    if len(raw) < size:
        raise EOFError
    return struct.unpack(fmt, raw)[0]
