"""Typed strap errors that carry advice a user can act on."""

from __future__ import annotations


class StrapError(Exception):
    """Base: ``str(exc)`` is the message to show; ``retry`` says if waiting can help."""

    retry = True


class NoAdapter(StrapError):
    retry = False

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "No Bluetooth adapter found. Plug in a Bluetooth dongle or use a computer with "
            "Bluetooth, or try the demo strap (flooding-monitor --demo)." + (f" ({detail})" if detail else ""))


class BluetoothOff(StrapError):
    def __init__(self, detail: str = "") -> None:
        super().__init__("Bluetooth is turned off. Turn it on in your system settings."
                         + (f" ({detail})" if detail else ""))


class PermissionMissing(StrapError):
    retry = False

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "This app is not allowed to use Bluetooth. On macOS allow it under System Settings › "
            "Privacy & Security › Bluetooth for your terminal or the app; on Linux add your user "
            "to the 'bluetooth' group and make sure the bluetooth service runs."
            + (f" ({detail})" if detail else ""))


class StrapNotFound(StrapError):
    def __init__(self, who: str) -> None:
        super().__init__(
            f"Strap {who} not found. Wet the electrodes and put the strap on (it sleeps when "
            "not worn), keep it within a few metres, and try again.")


class StrapBusy(StrapError):
    def __init__(self, who: str, detail: str = "") -> None:
        super().__init__(
            f"Strap {who} would not connect: it may be connected to a phone or watch app. "
            "Close that app or turn its Bluetooth off, then try again."
            + (f" ({detail})" if detail else ""))


class NotAHeartRateStrap(StrapError):
    retry = False

    def __init__(self, who: str) -> None:
        super().__init__(f"{who} does not offer the Bluetooth Heart Rate Service (0x180D).")
