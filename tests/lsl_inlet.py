"""An LSL inlet on a stream the app publishes, found by LSL itself (shared by the LSL and XDF tests)."""

from __future__ import annotations

import pylsl  # the test extra installs it: a missing pylsl fails here, it is never skipped


def resolve(prop: str, value: str):
    streams = pylsl.resolve_byprop(prop, value, 1, 10.0)
    assert streams, f"no LSL stream with {prop}={value}"
    inlet = pylsl.StreamInlet(streams[0], max_buflen=3600)
    inlet.open_stream(10.0)
    return inlet, streams[0]
