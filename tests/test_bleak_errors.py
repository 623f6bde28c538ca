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
    (BleakDBusError("org.bluez.Error.InProgress", []), errors.StrapBusy, "phone"),
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
