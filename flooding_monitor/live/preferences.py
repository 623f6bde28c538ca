"""Per-user preferences, stored as JSON readable by the user only.

Unknown or invalid values in the file never stop the app: each bad field
falls back to its default and the problem is reported for the UI to show.
"""

from __future__ import annotations

import json
import logging
import math
import os
import stat
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from flooding_monitor.protocol.breathing import BreathingPattern
from flooding_monitor.live.partners import DEFAULT_PARTNERS, Partner, with_current_default_colours
from flooding_monitor.protocol.pause import MAX_PAUSE_S, MIN_PAUSE_S
from flooding_monitor.protocol.resonance import pace
from flooding_monitor.private_files import write_private
from flooding_monitor.detection.settings import DetectorSettings, SettingsError
from flooding_monitor.text import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)
APP_NAME = "flooding-monitor"
LANGUAGES = ("system", "en", "zh_CN")
MAX_PREFS_BYTES = 256 * 1024


@dataclass(frozen=True)
class Preferences:
    detector: DetectorSettings = field(default_factory=DetectorSettings)
    pause_min: float = 20.0
    inhale_s: float = 4.0
    exhale_s: float = 6.0
    cyclic_sighing: bool = False
    snooze_min: float = 5.0
    sound: bool = True
    notifications: bool = True
    theme: str = "system"  # "system", "light", "dark"
    clock: str = "system"  # "system", "24-hour", "12-hour": how clock times are shown
    font_scale: float = 1.0
    last_device_address: str | None = None
    last_device_name: str | None = None
    partners: tuple[Partner, Partner] = DEFAULT_PARTNERS
    second_device_address: str | None = None  # partner B's strap, reconnected on start
    second_device_name: str | None = None
    language: str = "system"  # "system", "en", "zh_CN"
    lsl: bool = False  # publish to Lab Streaming Layer (visible on the local network): opt-in
    pause_feedback: bool = False  # rate trend, swing and coherence in the pause: opt-in (van Dijk 2015)
    early_cue: bool = True  # a quiet "speeding up" line before flooding (see early_cue.py); no sound
    review_day: int = -1  # the weekly review's reminder: 0 Monday ... 6 Sunday; -1 off (the default)
    breath_sound: bool = False  # a soft sound at each breath in and out in the pause (eyes closed): opt-in
    shared_pace: str = "usual"  # a couple's pause: "usual" (breathe in/out above), "A" or "B" (that partner's rate)

    def __post_init__(self) -> None:
        if not MIN_PAUSE_S / 60 <= self.pause_min <= MAX_PAUSE_S / 60:
            raise SettingsError("pause_min must be at least 20 minutes (Gottman) and at most 24 hours")
        self.breathing  # validates the pacer
        if not 1 <= self.snooze_min <= 60:
            raise SettingsError("snooze_min must be between 1 and 60 minutes")
        if self.theme not in ("system", "light", "dark"):
            raise SettingsError("theme must be system, light or dark")
        if self.clock not in ("system", "24-hour", "12-hour"):
            raise SettingsError("clock must be system, 24-hour or 12-hour")
        if not 0.75 <= self.font_scale <= 2.5:
            raise SettingsError("font_scale must be between 0.75 and 2.5")
        if len(self.partners) != 2 or not all(isinstance(p, Partner) for p in self.partners):
            raise SettingsError("partners must list two partners")
        if self.partners[0].name.strip() == self.partners[1].name.strip():
            raise SettingsError(Text(QT_TRANSLATE_NOOP("core", "The two partners need different names.")))
        if self.language not in LANGUAGES:
            raise SettingsError(f"language must be one of {', '.join(LANGUAGES)}")
        if self.shared_pace not in ("usual", "A", "B"):
            raise SettingsError("shared_pace must be usual, A or B")
        if self.review_day not in range(-1, 7):
            raise SettingsError("review_day must be -1 (off) or 0 (Monday) to 6 (Sunday)")

    def pause_breathing(self, partners: int) -> BreathingPattern:
        """The pacer of a pause: the partner's own rate when the practice found one (a couple: the rate
        of the partner they chose, ``shared_pace``), else the usual pattern."""
        who = 0 if partners < 2 else {"A": 0, "B": 1}.get(self.shared_pace)
        rate = None if who is None else self.partners[who].breaths_per_min
        return self.breathing if rate is None else pace(rate)

    @property
    def breathing(self) -> BreathingPattern:
        try:
            if self.cyclic_sighing:
                return BreathingPattern(max(2.0, self.inhale_s - 1.0), self.exhale_s, top_up_s=1.0)
            return BreathingPattern(self.inhale_s, self.exhale_s)
        except ValueError as exc:
            raise SettingsError(str(exc)) from None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["detector"] = self.detector.to_dict()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> tuple["Preferences", list[str]]:
        """Build from stored JSON; returns the preferences and a list of problems.

        Every value is checked by type before use: the string "false" is not a
        boolean (it once turned Lab Streaming Layer, and its network sockets, on).
        """
        problems: list[str] = []
        prefs = cls()
        det = data.get("detector", {})
        if isinstance(det, dict):
            for key, value in det.items():
                try:
                    _check_number(key, value, none_ok=key == "personal_rule_pct")
                    prefs = replace(prefs, detector=DetectorSettings.from_dict({**prefs.detector.to_dict(), key: value}))
                except (SettingsError, TypeError) as exc:
                    problems.append(f"{key}: {exc}")
        types = {f.name: f.type for f in fields(cls)}
        for key, value in data.items():
            if key not in types or key == "detector":
                continue
            try:
                if key == "partners":
                    if not isinstance(value, list):
                        raise SettingsError("partners must be a list")
                    value = with_current_default_colours(tuple(Partner.from_json(v) for v in value))
                else:
                    _check_type(key, value, str(types[key]))
                prefs = replace(prefs, **{key: value})
            except (SettingsError, TypeError, ValueError) as exc:
                problems.append(f"{key}: {exc}")
        return prefs, problems


#: The JSON types each annotation accepts (bool is not a number here, nor a string a bool).
JSON_TYPES: dict[str, tuple[type, ...]] = {"bool": (bool,), "float": (int, float), "str": (str,),
                                          "str | None": (str, type(None))}


def _check_type(key: str, value: Any, annotation: str) -> None:
    allowed = JSON_TYPES.get(annotation)
    if allowed is None:
        return
    if isinstance(value, bool) and bool not in allowed:
        raise SettingsError(f"expected {annotation}, found {json.dumps(value)}")
    if not isinstance(value, allowed):
        raise SettingsError(f"expected {annotation}, found {json.dumps(value)[:40]}")
    if annotation == "float":
        _check_number(key, value)


def _check_number(key: str, value: Any, none_ok: bool = False) -> None:
    if value is None and none_ok:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise SettingsError(f"expected a number, found {json.dumps(value)[:40]}")


def config_dir() -> Path:
    env = os.environ.get("FLOODING_MONITOR_CONFIG_DIR")
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


class PreferencesFile:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "preferences.json"

    def load(self) -> tuple[Preferences, list[str]]:
        """The saved preferences, or the defaults with the reason; never stops the app."""
        try:
            raw = self._read()
        except FileNotFoundError:
            return Preferences(), []
        except OSError as exc:
            return Preferences(), [f"could not read {self.path}: {exc.strerror}"]
        except ValueError as exc:
            return Preferences(), [f"{self.path}: {exc}; using defaults"]
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            return Preferences(), [f"{self.path} is damaged ({str(exc)[:80]}); using defaults"]
        return Preferences.from_json(data)

    def _read(self) -> str:
        """The file's text, whatever its encoding; refuses FIFOs, devices and huge files without reading."""
        fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ValueError("not a regular file")
            data = fh.read(MAX_PREFS_BYTES + 1)
        if len(data) > MAX_PREFS_BYTES:
            raise ValueError(f"larger than {MAX_PREFS_BYTES // 1024} kB")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data.decode("latin-1")  # an editor's old encoding: every byte is a character

    def save(self, prefs: Preferences) -> None:
        """Atomic write (temp file + rename), mode 0600."""
        write_private(self.path, lambda fh: json.dump(prefs.to_json(), fh, indent=2))
