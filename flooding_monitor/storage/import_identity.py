"""What makes an import the same as one already in the history.

The session file's importer and the recording importer both refuse a
second copy; they share this and nothing of each other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence


class DuplicateImport(ValueError):
    """The same recording is already in the history (its session id in ``session_id``)."""

    def __init__(self, session_id: int) -> None:
        super().__init__(f"this recording is already in the history as session {session_id}")
        self.session_id = session_id


def content_hash(samples: Sequence) -> str:
    """What a recording holds (times from its start, rates, intervals, contact, partner), hashed:
    the same recording under another name or date is recognised, and with its rows in another order
    (sorted by time and partner first; a file already in that order hashes as it always did)."""
    h = hashlib.sha256()
    for x in sorted(samples, key=lambda x: (x.t_s, x.partner)):
        h.update(f"{x.t_s:.3f},{x.hr_bpm},{x.rr_us},{int(x.contact)},{x.partner};".encode())
    return h.hexdigest()
