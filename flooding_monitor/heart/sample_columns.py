"""A recording as columns: what the readers fill and the batch analysis reads.

A week of beats is a million samples; as Python objects that was 550 MB and
most of the analysis time. As columns it is about 34 bytes a beat, filled as
the file is read, and turned into samples only where one at a time is wanted
(replay, import).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from flooding_monitor.heart.samples import Contact, HeartRateSample


@dataclass(frozen=True)
class SampleColumns:
    """One entry per notification; ``rr_us[rr_end[k-1]:rr_end[k]]`` are sample k's intervals."""

    t_s: npt.NDArray[np.float64]
    hr_bpm: npt.NDArray[np.float64]  # NaN: the sample had no rate
    contact: npt.NDArray[np.int8]
    partner: npt.NDArray[np.int8]
    rr_us: npt.NDArray[np.int64]
    rr_end: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return int(self.t_s.size)

    @property
    def rr_start(self) -> npt.NDArray[np.int64]:
        start = np.empty_like(self.rr_end)
        if start.size:
            start[0] = 0
            start[1:] = self.rr_end[:-1]
        return start

    @property
    def rr_counts(self) -> npt.NDArray[np.int64]:
        return np.diff(self.rr_end, prepend=0)

    def partners(self) -> list[int]:
        return sorted(int(p) for p in np.unique(self.partner))

    def select(self, partner: int) -> "SampleColumns":
        """One partner's samples (all of them when the file has only that partner)."""
        keep = self.partner == partner
        if keep.all():
            return self
        counts = self.rr_counts[keep]
        rr_keep = np.repeat(keep, self.rr_counts)
        return SampleColumns(self.t_s[keep], self.hr_bpm[keep], self.contact[keep], self.partner[keep],
                             self.rr_us[rr_keep], np.cumsum(counts))

    def in_time_order(self) -> "SampleColumns":
        """The same samples sorted by time (stable: equal times keep the file's order) when a partner's
        times go backwards: some files list the newest first, or were edited; the analysis reads time
        forwards. Two partners' rows interleaved as they arrived are left alone (lossless round trips)."""
        if all(bool(np.all(np.diff(self.t_s[self.partner == p]) >= 0)) for p in self.partners()):
            return self  # each partner's rows already go forwards: the file's order is kept as it is
        order = np.argsort(self.t_s, kind="stable")
        counts = self.rr_counts[order]
        rr_end = np.cumsum(counts)
        rr_index = np.arange(int(rr_end[-1])) + np.repeat(self.rr_start[order] - (rr_end - counts), counts)
        return SampleColumns(self.t_s[order], self.hr_bpm[order], self.contact[order], self.partner[order],
                             self.rr_us[rr_index], rr_end)

    def samples(self, source: str = "") -> Iterator[HeartRateSample]:
        rr = self.rr_us.tolist()
        start = 0
        for t, hr, contact, partner, end in zip(self.t_s.tolist(), self.hr_bpm.tolist(), self.contact.tolist(),
                                                self.partner.tolist(), self.rr_end.tolist()):
            yield HeartRateSample(t, None if math.isnan(hr) else hr, tuple(rr[start:end]), Contact(contact),
                                  source, partner=partner)
            start = end

    @classmethod
    def from_samples(cls, samples: Iterable[HeartRateSample]) -> "SampleColumns":
        builder = ColumnBuilder()
        for s in samples:
            builder.add(s.t_s, s.hr_bpm, s.rr_us, int(s.contact), s.partner)
        return builder.build()


class ColumnBuilder:
    """Appends samples to compact arrays as a reader meets them."""

    def __init__(self) -> None:
        self.t_s = array("d")
        self.hr_bpm = array("d")
        self.contact = array("b")
        self.partner = array("b")
        self.rr_us = array("q")
        self.rr_end = array("q")

    def __len__(self) -> int:
        return len(self.t_s)

    def add(self, t_s: float, hr_bpm: float | None, rr_us: Sequence[int], contact: int, partner: int = 0) -> None:
        self.t_s.append(t_s)
        self.hr_bpm.append(math.nan if hr_bpm is None else hr_bpm)
        self.contact.append(contact)
        self.partner.append(partner)
        self.rr_us.extend(rr_us)
        self.rr_end.append(len(self.rr_us))

    def add_beats(self, t_s: npt.NDArray[np.float64], rr_us: npt.NDArray[np.int64]) -> None:
        """Many one-beat samples at once (an RR file: each beat is received when it ends)."""
        n = int(t_s.size)
        first_end = len(self.rr_us)
        self.t_s.frombytes(np.ascontiguousarray(t_s, np.float64).tobytes())
        self.hr_bpm.frombytes(np.full(n, np.nan).tobytes())
        self.contact.frombytes(np.full(n, int(Contact.UNSUPPORTED), np.int8).tobytes())
        self.partner.frombytes(np.zeros(n, np.int8).tobytes())
        self.rr_us.frombytes(np.ascontiguousarray(rr_us, np.int64).tobytes())
        self.rr_end.frombytes(np.arange(first_end + 1, first_end + n + 1, dtype=np.int64).tobytes())

    def build(self) -> SampleColumns:
        return SampleColumns(np.frombuffer(self.t_s, np.float64), np.frombuffer(self.hr_bpm, np.float64),
                             np.frombuffer(self.contact, np.int8), np.frombuffer(self.partner, np.int8),
                             np.frombuffer(self.rr_us, np.int64), np.frombuffer(self.rr_end, np.int64))
