"""A soft chime for the alert, played by the system's own sound player.

``QApplication.beep()`` is silent on most Linux desktops. Qt's sound module
(QtMultimedia) comes only with the 200-MB PySide6-Addons, and the small
Python audio libraries are unmaintained or need PortAudio installed; every
desktop already has a player: ``winsound`` (Python's standard library) on
Windows, ``afplay`` on macOS, PipeWire's ``pw-play``, PulseAudio's ``paplay``
or ALSA's ``aplay`` on Linux. The chime is synthesised once (two soft bells,
a fifth apart, 1.2 s, a third of full scale) into a private cache file.
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("context", "text") calls

RATE = 22_050
DURATION_S = 1.2
PEAK = 0.33  # of full scale: heard across a room, not a fright
LINUX_PLAYERS = (("pw-play",), ("paplay",), ("aplay", "-q"))


def chime_wav() -> bytes:
    """Two bell tones (E5 then B5, 0.25 s apart) with a soft attack and a long decay, 16-bit mono."""
    t = np.arange(int(RATE * DURATION_S)) / RATE
    sound = np.zeros_like(t)
    for start, freq in ((0.0, 659.25), (0.25, 987.77)):
        local = np.clip(t - start, 0, None)
        envelope = np.where(t >= start, (1 - np.exp(-local / 0.01)) * np.exp(-local / 0.35), 0.0)
        sound += envelope * (np.sin(2 * np.pi * freq * local) + 0.3 * np.sin(4 * np.pi * freq * local))
    sound *= PEAK / np.max(np.abs(sound))
    return _wav(sound)


def breath_wav(rising: bool) -> bytes:
    """A soft glide for the breathing pacer (eyes closed): up a fifth for "in", down for "out"; 0.7 s,
    a sixth of full scale: a cue, quieter than the alert."""
    t = np.arange(int(RATE * 0.7)) / RATE
    low, high = 220.0, 330.0
    freq = low + (high - low) * (t / t[-1] if rising else 1 - t / t[-1])
    phase = 2 * np.pi * np.cumsum(freq) / RATE
    envelope = np.sin(np.pi * t / t[-1]) ** 2  # swells and fades: no click
    return _wav(0.16 * envelope * np.sin(phase))


def _wav(sound: np.ndarray) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((sound * 32767).astype("<i2").tobytes())
    return out.getvalue()


def chime_file(folder: Path, name: str = "chime.wav", make=chime_wav) -> Path:
    path = folder / name
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make())
    return path


def player_command(path: Path) -> list[str] | None:
    """How this system plays a WAV file without a window, or None."""
    if sys.platform == "darwin":
        return ["afplay", str(path)] if shutil.which("afplay") else None
    for name, *options in LINUX_PLAYERS:
        if shutil.which(name):
            return [name, *options, str(path)]
    return None


def play_chime(folder: Path) -> str | None:
    """Start the chime and return at once; a reason when it cannot sound (said on screen, not hidden)."""
    return play_sound(folder, "chime.wav", chime_wav)


def play_breath(folder: Path, rising: bool) -> str | None:
    """The pacer's soft cue for a breath in (``rising``) or out."""
    return play_sound(folder, "breath-in.wav" if rising else "breath-out.wav", lambda: breath_wav(rising))


def play_sound(folder: Path, name: str, make) -> str | None:
    """Play the WAV ``make()`` gives (kept in ``folder`` as ``name``) and return at once; a reason when it
    cannot sound."""
    try:
        path = chime_file(folder, name, make)
    except OSError as exc:
        return translate("Chime", "cannot write the sound file ({error})").format(error=exc.strerror)
    if sys.platform == "win32":
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
        return None
    command = player_command(path)
    if command is None:
        return translate("Chime", "this computer has no sound player the app knows")
    try:
        subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    except OSError as exc:
        log.warning("chime: %s", exc)
        return translate("Chime", "{player} failed ({error})").format(player=command[0], error=exc.strerror)
    return None
