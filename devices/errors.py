"""Typed strap errors that carry advice a user can act on.

Each message is a :class:`~flooding_monitor.text.Text`: English in logs and
on the command line, translated by the UI from its marked template.
"""

from __future__ import annotations

from flooding_monitor.text import QT_TRANSLATE_NOOP, Text


def _with_detail(template: str, detail: str, **args: str) -> Text:
    if detail:
        return Text(template + " ({detail})", detail=detail, **args)
    return Text(template, **args)


class StrapError(Exception):
    """Base: ``str(exc)`` is the message to show; ``retry`` says if waiting can help."""

    retry = True

    @property
    def message(self) -> str:
        """The message as a :class:`Text` when made from a template (the UI translates it)."""
        return self.args[0] if self.args else ""


class NoAdapter(StrapError):
    retry = False

    def __init__(self, detail: str = "") -> None:
        super().__init__(_with_detail(QT_TRANSLATE_NOOP(
            "core", "No Bluetooth adapter found. Plug in a Bluetooth dongle or use a computer with Bluetooth, "
                    "or try the demo strap (flooding-monitor --demo)."), detail))


class BluetoothOff(StrapError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(_with_detail(QT_TRANSLATE_NOOP(
            "core", "Bluetooth is turned off. Turn it on in your system settings."), detail))


class PermissionMissing(StrapError):
    retry = False

    def __init__(self, detail: str = "") -> None:
        super().__init__(_with_detail(QT_TRANSLATE_NOOP(
            "core", "This app is not allowed to use Bluetooth. On macOS allow it under System Settings › "
                    "Privacy & Security › Bluetooth for your terminal or the app; on Linux add your user to the "
                    "'bluetooth' group and make sure the bluetooth service runs."), detail))


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
