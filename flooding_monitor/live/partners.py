"""Who wears which strap: up to two partners, each with a name and a colour.

Flooding is a couple's event: Gottman's lab measured both partners, and the
seed's pause can be called by either. Each partner keeps a personal
threshold (an athlete may flood below 100 bpm) and a personal baseline.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from typing import Any

from flooding_monitor.detection.settings import DetectorSettings, SettingsError
from flooding_monitor.protocol.resonance import MAX_RATE, MIN_RATE
from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

MAX_PARTNERS = 2
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Partner:
    """One person in the session.

    Attributes:
        name: shown beside their number, trace and in the history.
        colour: ``#rrggbb`` for their number and trace (never red or green:
            those already mean "flooded" and "calm").
        threshold_bpm: a personal flooding threshold, or None to use the
            shared one from the detector settings.
        breaths_per_min: the personal breathing rate the practice found
            (protocol/resonance.py), or None for the usual pace.
    """

    name: str
    colour: str
    threshold_bpm: float | None = None
    breaths_per_min: float | None = None

    def __post_init__(self) -> None:
        if not self.name.strip() or len(self.name) > 40:
            raise SettingsError(Text(QT_TRANSLATE_NOOP("core", "A partner's name must be 1-40 characters.")))
        if not _COLOUR.match(self.colour):
            raise SettingsError(f"colour must look like #3b82c4, got {self.colour!r}")
        if self.threshold_bpm is not None and not 60 <= self.threshold_bpm <= 180:
            raise SettingsError("a personal threshold must be between 60 and 180 bpm")
        if self.breaths_per_min is not None and not MIN_RATE <= self.breaths_per_min <= MAX_RATE:
            raise SettingsError(f"a personal breathing rate must be between {MIN_RATE} and {MAX_RATE} a minute")

    def settings(self, shared: DetectorSettings) -> DetectorSettings:
        """The detector settings for this partner: shared ones, personal threshold applied."""
        if self.threshold_bpm is None:
            return shared
        return replace(shared, threshold_bpm=float(self.threshold_bpm))

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> "Partner":
        if not isinstance(data, dict):
            raise SettingsError("a partner must be a JSON object")
        name, colour, threshold = data.get("name", ""), data.get("colour", ""), data.get("threshold_bpm")
        if not isinstance(name, str) or not isinstance(colour, str):
            raise SettingsError("a partner's name and colour must be text")
        if threshold is not None and (isinstance(threshold, bool) or not isinstance(threshold, (int, float))):
            raise SettingsError("a partner's threshold must be a number")
        rate = data.get("breaths_per_min")
        if rate is not None and (isinstance(rate, bool) or not isinstance(rate, (int, float))):
            raise SettingsError("a partner's breathing rate must be a number")
        return cls(name, colour, None if threshold is None else float(threshold), None if rate is None else float(rate))


#: Violet and raspberry: apart from every state's colour (the blue and amber used before were the
#: colours of "Settling" and "Rising", so a partner's name read as a state), and from each other
#: for the common colour-vision deficiencies; tests/test_contrast.py measures both.
DEFAULT_PARTNERS: tuple[Partner, Partner] = (Partner(QT_TRANSLATE_NOOP("core", "Partner A"), "#993dd6"),
                                              Partner(QT_TRANSLATE_NOOP("core", "Partner B"), "#ca2b6a"))

#: The default colours until December 2026 (the "Settling" blue and the "Rising" amber). Preferences are
#: saved whole, so every user who ever saved one holds them; while both are unchanged they were never a
#: choice, and the new defaults take their place.
OLD_DEFAULT_COLOURS = ("#2f6fae", "#956200")


def with_current_default_colours(partners: tuple[Partner, ...]) -> tuple[Partner, ...]:
    """``partners`` with the old default colours, if both still hold them, replaced by today's."""
    if tuple(p.colour.lower() for p in partners) != OLD_DEFAULT_COLOURS:
        return partners
    return tuple(replace(p, colour=d.colour) for p, d in zip(partners, DEFAULT_PARTNERS))
