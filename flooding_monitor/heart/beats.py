"""From samples to accepted beats: drop what no heart can produce.

Every rejected value is counted, never silently lost: a wearer whose strap
slips should see "strap not reading", and the history should say why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from flooding_monitor.heart.sample_columns import SampleColumns
from flooding_monitor.heart.samples import Contact, HeartRateSample

#: 300 bpm. Atrial fibrillation at 150-200 bpm has real intervals under 300 ms (MIT-BIH AFDB: 97 under
#: 270 ms in one 10-hour record); dropping them read its rate 5 bpm low and missed an alert. A spurious
#: detection among regular beats is still merged by the corrector (artifacts.ArtifactKind.EXTRA).
RR_MIN_US = 200_000
RR_MAX_US = 2_000_000  # 30 bpm
HR_MIN_BPM = 30.0
HR_MAX_BPM = 300.0
NO_HR = -1  # marker in the integer milli-bpm array


def plausible_rr(rr_us: int) -> bool:
    return RR_MIN_US <= rr_us <= RR_MAX_US


def hr_milli(sample: HeartRateSample) -> int:
    """The reported rate in integer milli-bpm, or NO_HR when it cannot be used.

    Integers keep window sums exact, so live and batch agree bit for bit.
    """
    hr = sample.hr_bpm
    if hr is None or sample.contact == Contact.NOT_DETECTED:
        return NO_HR
    if not (HR_MIN_BPM <= hr <= HR_MAX_BPM):
        return NO_HR
    return int(round(hr * 1000))


@dataclass
class IntakeCounts:
    """What was dropped on the way in, by reason."""

    samples: int = 0
    out_of_order: int = 0
    rr_impossible: int = 0
    rr_no_contact: int = 0
    hr_impossible: int = 0
    no_contact_samples: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class SampleArrays:
    """A recording as columns: what the batch analysis works on."""

    t_s: npt.NDArray[np.float64]
    hr_milli: npt.NDArray[np.int64]
    contact: npt.NDArray[np.int8]
    beat_rr_us: npt.NDArray[np.int64]
    beat_recv_t: npt.NDArray[np.float64]
    counts: IntakeCounts = field(default_factory=IntakeCounts)


class Intake:
    """Per-sample gatekeeper shared by the live and the batch path."""

    def __init__(self) -> None:
        self.counts = IntakeCounts()
        self.last_t: float | None = None

    def accept(self, sample: HeartRateSample) -> tuple[bool, int, list[int]]:
        """Return (in order?, usable hr in milli-bpm, accepted RR values)."""
        self.counts.samples += 1
        if self.last_t is not None and sample.t_s < self.last_t:
            self.counts.out_of_order += 1
            return False, NO_HR, []
        self.last_t = sample.t_s
        if sample.contact == Contact.NOT_DETECTED:
            self.counts.no_contact_samples += 1
            self.counts.rr_no_contact += len(sample.rr_us)
            return True, NO_HR, []
        hr = hr_milli(sample)
        if hr == NO_HR and sample.hr_bpm is not None:
            self.counts.hr_impossible += 1
        accepted = []
        for rr in sample.rr_us:
            if plausible_rr(rr):
                accepted.append(rr)
            else:
                self.counts.rr_impossible += 1
        return True, hr, accepted


def to_arrays(samples: Iterable[HeartRateSample] | SampleColumns) -> SampleArrays:
    """The same decisions as :class:`Intake` makes one sample at a time, taken column-wise."""
    cols = samples if isinstance(samples, SampleColumns) else SampleColumns.from_samples(samples)
    counts = IntakeCounts(samples=len(cols))
    t = cols.t_s
    in_order = np.ones(t.size, dtype=bool)
    if t.size > 1:  # a sample older than any before it is dropped; the others set the pace
        in_order[1:] = t[1:] >= np.maximum.accumulate(t)[:-1]
    counts.out_of_order = int(t.size - np.count_nonzero(in_order))
    off_skin = in_order & (cols.contact == Contact.NOT_DETECTED)
    counts.no_contact_samples = int(np.count_nonzero(off_skin))
    rr_counts = cols.rr_counts
    counts.rr_no_contact = int(rr_counts[off_skin].sum())
    with np.errstate(invalid="ignore"):
        rate_ok = (cols.hr_bpm >= HR_MIN_BPM) & (cols.hr_bpm <= HR_MAX_BPM)
    reported = ~np.isnan(cols.hr_bpm)
    on_skin = in_order & ~off_skin
    counts.hr_impossible = int(np.count_nonzero(on_skin & reported & ~rate_ok))
    hr = np.where(on_skin & rate_ok, np.rint(np.where(rate_ok, cols.hr_bpm, 0.0) * 1000), NO_HR).astype(np.int64)
    beat_of = np.repeat(on_skin, rr_counts)
    plausible = (cols.rr_us >= RR_MIN_US) & (cols.rr_us <= RR_MAX_US)
    counts.rr_impossible = int(np.count_nonzero(beat_of & ~plausible))
    keep = beat_of & plausible
    recv = np.repeat(t, rr_counts)[keep]
    return SampleArrays(t[in_order].copy(), hr[in_order], cols.contact[in_order].copy(),
                        cols.rr_us[keep], recv, counts)
