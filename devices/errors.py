"""Typed strap errors that carry advice a user can act on.

Each message is a :class:`~flooding_monitor.text.Text`: English in logs and
on the command line, translated by the UI from its marked template.
"""

from __future__ import annotations

import sys

from flooding_monitor.text import QT_TRANSLATE_NOOP, Text


def _with_detail(template: str, detail: str, **args: str) -> Text:
    if detail:
        return Text(template + " ({detail})", detail=detail, **args)
    return Text(template, **args)


class StrapError(Exception):
    """Base: ``str(exc)`` is the message to show; ``retry`` says if waiting can help; ``quiet`` that
    it usually passes by itself and is not worth a word the first few times."""

    retry = True
    quiet = False

    @property
    def message(self) -> str:
        """The message as a :class:`Text` when made from a template (the UI translates it)."""
        return self.args[0] if self.args else ""


class NoAdapter(StrapError):
    retry = False

    def __init__(self, detail: str = "") -> None:
        super().__init__(_with_detail(QT_TRANSLATE_NOOP(
            "core", "No Bluetooth adapter found. Plug in a Bluetooth dongle or use a computer with Bluetooth."),
            detail))


class BluetoothOff(StrapError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(_with_detail(QT_TRANSLATE_NOOP(
            "core", "Bluetooth is turned off. Turn it on in your system settings."), detail))


class PermissionMissing(StrapError):
    retry = False

    def __init__(self, detail: str = "", platform: str = sys.platform) -> None:
        if platform == "darwin":
            words = QT_TRANSLATE_NOOP(
                "core", "This app is not allowed to use Bluetooth: allow it in System Settings › Privacy & Security › "
                        "Bluetooth, then start it again.")
        elif platform == "win32":
            words = QT_TRANSLATE_NOOP(
                "core", "This app is not allowed to use Bluetooth: turn on “Let apps access Bluetooth” in Settings › "
                        "Privacy & security › Radios, then start it again.")
        else:
            words = QT_TRANSLATE_NOOP(
                "core", "This app is not allowed to use Bluetooth: add your user to the 'bluetooth' group and make "
                        "sure the bluetooth service runs, then log in again.")
        super().__init__(_with_detail(words, detail))


class StrapNotFound(StrapError):
    def __init__(self, who: str) -> None:
        super().__init__(Text(QT_TRANSLATE_NOOP(
            "core", "Strap {who} not found. Wet the electrodes and put the strap on (it sleeps when not worn), "
                    "keep it within a few metres, and try again."), who=who))


class StrapBusy(StrapError):
    def __init__(self, who: str, detail: str = "") -> None:
        super().__init__(_with_detail(QT_TRANSLATE_NOOP(
            "core", "Strap {who} would not connect: it may be connected to a phone or watch app. Close that app "
                    "or turn its Bluetooth off, then try again."), detail, who=who))


class NotAHeartRateStrap(StrapError):
    retry = False

    def __init__(self, who: str) -> None:
        super().__init__(Text(QT_TRANSLATE_NOOP(
            "core", "{who} does not offer the Bluetooth Heart Rate Service (0x180D)."), who=who))


class AdapterBusy(StrapError):
    """BlueZ or the adapter is in the middle of another operation (``InProgress``): a moment later
    it works. Retried quietly; said only when it lasts."""

    quiet = True

    def __init__(self, detail: str = "") -> None:
        super().__init__(_with_detail(QT_TRANSLATE_NOOP(
            "core", "Bluetooth is busy with another connection; trying again."), detail))


class HeldElsewhere(StrapBusy):
    """The strap is connected to another device: BlueZ says so in its own words
    (``le-connection-abort-by-local`` after the strap refused, ``br-connection-profile-unavailable``)."""

    def __init__(self, who: str, detail: str = "") -> None:
        StrapError.__init__(self, _with_detail(QT_TRANSLATE_NOOP(
            "core", "Strap {who} is connected to another device. Close the phone app that uses it (Polar Beat, "
                    "Polar Flow, Strava, Zwift…) or remove it from the watch's sensors; a Polar H10 accepts a second "
                    "connection only when that is turned on in Polar Flow. Still trying."), detail, who=who))
