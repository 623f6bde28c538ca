"""Whatever bleak or the OS raises becomes advice a user can act on."""

import pytest
from bleak.exc import (
    BleakBluetoothNotAvailableError,
    BleakBluetoothNotAvailableReason,
    BleakDBusError,
    BleakDeviceNotFoundError,
)

from devices import errors
from devices.bleak_strap import translate_error

R = BleakBluetoothNotAvailableReason


@pytest.mark.parametrize("exc,kind,words", [
    (BleakBluetoothNotAvailableError("x", R.NO_BLUETOOTH), errors.NoAdapter, "No Bluetooth adapter"),
    (BleakBluetoothNotAvailableError("x", R.POWERED_OFF), errors.BluetoothOff, "turned off"),
    (BleakBluetoothNotAvailableError("x", R.DENIED_BY_USER), errors.PermissionMissing, "not allowed"),
    (BleakDeviceNotFoundError("AA:BB"), errors.StrapNotFound, "Wet the electrodes"),
    (BleakDBusError("org.bluez.Error.NotReady", []), errors.BluetoothOff, "turned off"),
    (BleakDBusError("org.freedesktop.DBus.Error.ServiceUnknown", []), errors.NoAdapter, "bluetoothd"),
    (BleakDBusError("org.bluez.Error.InProgress", ["Operation already in progress"]), errors.AdapterBusy,
     "trying again"),
    (BleakDBusError("org.bluez.Error.Failed", ["le-connection-abort-by-local"]), errors.HeldElsewhere, "phone app"),
    (BleakDBusError("org.bluez.Error.Failed", ["br-connection-profile-unavailable"]), errors.HeldElsewhere,
     "Polar Flow"),
    (BleakDBusError("org.bluez.Error.Failed", ["le-connection-abort-by-remote"]), errors.StrapBusy, "phone"),
    (OSError("Operation already in progress"), errors.AdapterBusy, "busy"),
    (FileNotFoundError(2, "No such file"), errors.NoAdapter, "No Bluetooth adapter"),
    (TimeoutError(), errors.StrapBusy, "phone"),
])
def test_translation(exc, kind, words):
    got = translate_error(exc, "Polar H10")
    assert isinstance(got, kind)
    assert words in str(got)


def test_only_hopeless_errors_stop_retrying():
    assert not errors.NoAdapter().retry
    assert not errors.PermissionMissing().retry
    assert errors.BluetoothOff().retry and errors.StrapNotFound("x").retry and errors.StrapBusy("x").retry


@pytest.mark.parametrize("platform,words", [
    ("darwin", "allow it in System Settings › Privacy & Security › Bluetooth"),
    ("win32", "Let apps access Bluetooth"),
    ("linux", "'bluetooth' group"),
])
def test_a_denied_permission_says_where_to_allow_it_on_each_system(platform, words):
    """macOS: BleakBluetoothNotAvailableError after a denied permission; each system has its own place."""
    got = translate_error(BleakBluetoothNotAvailableError("denied", R.DENIED_BY_USER), "Polar H10", platform)
    assert isinstance(got, errors.PermissionMissing) and words in str(got) and not got.retry


def test_the_busy_adapter_is_quiet_and_the_held_strap_is_not():
    assert errors.AdapterBusy().quiet and errors.AdapterBusy().retry
    assert not errors.HeldElsewhere("x").quiet and errors.HeldElsewhere("x").retry
