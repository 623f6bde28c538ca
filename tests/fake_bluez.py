"""A fake ``org.bluez`` on a private D-Bus daemon, so unmodified bleak runs its real BlueZ backend.

bleak on Linux is a D-Bus client of bluetoothd. This module plays bluetoothd
on a ``dbus-daemon`` of its own (``DBUS_SYSTEM_BUS_ADDRESS`` points bleak
there): an adapter, a chest strap that appears when discovery starts and
keeps sending RSSI updates while it runs (bleak reports devices from
``InterfacesAdded`` and ``PropertiesChanged``), GATT objects at BlueZ's
``…/dev_XX_…/serviceXXXX/charXXXX`` paths (bleak derives handles and the
device path from them), notifications by ``StartNotify`` +
``PropertiesChanged(Value)`` or by ``AcquireNotify`` (a socket), dropped links
and the errors the real daemon sends. What bleak needs was found by reading
bleak's ``backends/bluezdbus`` (manager.py, client.py, scanner.py).

The service runs in its own thread and event loop, like a daemon; tests
steer it through :class:`FakeBluez`'s thread-safe methods.

No ``from __future__ import annotations`` here: dbus-fast reads the D-Bus
signatures from the annotations, and a void method must have none.
"""

# ruff: noqa: F722 - D-Bus signatures are annotations here
import asyncio
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from pathlib import Path

from dbus_fast import BusType, Variant
from dbus_fast.aio import MessageBus
from dbus_fast.constants import PropertyAccess
from dbus_fast.errors import DBusError
from dbus_fast.service import ServiceInterface, dbus_property, method

HRS = "0000180d-0000-1000-8000-00805f9b34fb"
HRM = "00002a37-0000-1000-8000-00805f9b34fb"
BODY_LOCATION = "00002a38-0000-1000-8000-00805f9b34fb"
BATTERY_SERVICE = "0000180f-0000-1000-8000-00805f9b34fb"
BATTERY_LEVEL = "00002a19-0000-1000-8000-00805f9b34fb"
AUDIO_SINK = "0000110b-0000-1000-8000-00805f9b34fb"
ADAPTER = "/org/bluez/hci0"

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
"""


class PrivateSystemBus:
    """A ``dbus-daemon`` of the test's own, standing in for the system (or the session) bus."""

    def __init__(self, kind: str = "system") -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="fm-dbus-"))
        config = self.dir / "bus.conf"
        config.write_text(BUS_CONFIG.format(socket=self.dir / "bus").replace("<type>system</type>",
                                                                               f"<type>{kind}</type>"))
        daemon = shutil.which("dbus-daemon")
        if daemon is None:
            raise RuntimeError("dbus-daemon is not installed (.ci/run installs it)")
        self.proc = subprocess.Popen([daemon, "--config-file", str(config), "--nofork", "--print-address"],
                                     stdout=subprocess.PIPE, text=True)
        self.address = self.proc.stdout.readline().strip()
        # bleak runs `bluetoothctl --version` once and refuses BlueZ < 5.55: a stub says 5.66.
        stub = self.dir / "bin" / "bluetoothctl"
        stub.parent.mkdir()
        stub.write_text("#!/bin/sh\necho 'bluetoothctl: 5.66'\n")
        stub.chmod(0o755)
        self.bin = str(stub.parent)

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(5)
        shutil.rmtree(self.dir, ignore_errors=True)


class Adapter(ServiceInterface):
    def __init__(self, bluez: "FakeBluez") -> None:
        super().__init__("org.bluez.Adapter1")
        self.bluez = bluez
        self.powered = True
        self.discovering = False
        self.filter_uuids: list[str] = []
        self.filters_at_start: list[list[str]] = []  # the UUID filter in force at each StartDiscovery

    @dbus_property(access=PropertyAccess.READ)
    def Address(self) -> "s":  # noqa: N802, F821 - D-Bus names and signatures
        return "00:1A:7D:DA:71:13"

    @dbus_property(access=PropertyAccess.READ)
    def Name(self) -> "s":  # noqa: N802, F821
        return "fake-hci0"

    @dbus_property(access=PropertyAccess.READ)
    def Powered(self) -> "b":  # noqa: N802, F821
        return self.powered

    @dbus_property(access=PropertyAccess.READ)
    def Discovering(self) -> "b":  # noqa: N802, F821
        return self.discovering

    @dbus_property(access=PropertyAccess.READ)
    def Roles(self) -> "as":  # noqa: N802, F821
        return ["central", "peripheral"]

    @method()
    def SetDiscoveryFilter(self, properties: "a{sv}"):  # noqa: N802, F821
        uuids = properties.get("UUIDs")
        self.filter_uuids = [u.lower() for u in uuids.value] if uuids is not None else []

    @method()
    def StartDiscovery(self):  # noqa: N802
        if not self.powered:
            raise DBusError("org.bluez.Error.NotReady", "Resource Not Ready")
        self.discovering = True
        self.filters_at_start.append(list(self.filter_uuids))
        self.emit_properties_changed({"Discovering": True})
        self.bluez.discovery_started()

    @method()
    def StopDiscovery(self):  # noqa: N802
        self.discovering = False
        self.emit_properties_changed({"Discovering": False})

    @method()
    def RemoveDevice(self, device: "o"):  # noqa: N802, F821
        pass


class Device(ServiceInterface):
    def __init__(self, bluez: "FakeBluez", address: str, name: str, uuids: list[str]) -> None:
        super().__init__("org.bluez.Device1")
        self.bluez = bluez
        self.address = address
        self.alias = name  # not `name`: ServiceInterface.name is the interface's name
        self.uuids = uuids
        self.path = f"{ADAPTER}/dev_{address.replace(':', '_')}"
        self.connected = False
        self.resolved = False
        self.rssi = -60
        self.connect_error: tuple[str, str] | None = None
        self.next_connect_errors: list[tuple[str, str]] = []  # each Connect takes the first, once
        self.connect_calls = 0
        self.disconnect_calls = 0

    @dbus_property(access=PropertyAccess.READ)
    def Address(self) -> "s":  # noqa: N802, F821
        return self.address

    @dbus_property(access=PropertyAccess.READ)
    def AddressType(self) -> "s":  # noqa: N802, F821
        return "random"

    @dbus_property(access=PropertyAccess.READ)
    def Name(self) -> "s":  # noqa: N802, F821
        return self.alias

    @dbus_property(access=PropertyAccess.READ)
    def Alias(self) -> "s":  # noqa: N802, F821
        return self.alias

    @dbus_property(access=PropertyAccess.READ)
    def Adapter(self) -> "o":  # noqa: N802, F821
        return ADAPTER

    @dbus_property(access=PropertyAccess.READ)
    def UUIDs(self) -> "as":  # noqa: N802, F821
        return self.uuids

    @dbus_property(access=PropertyAccess.READ)
    def RSSI(self) -> "n":  # noqa: N802, F821
        return self.rssi

    @dbus_property(access=PropertyAccess.READ)
    def Connected(self) -> "b":  # noqa: N802, F821
        return self.connected

    @dbus_property(access=PropertyAccess.READ)
    def ServicesResolved(self) -> "b":  # noqa: N802, F821
        return self.resolved

    @dbus_property(access=PropertyAccess.READ)
    def Paired(self) -> "b":  # noqa: N802, F821
        return False

    @dbus_property(access=PropertyAccess.READ)
    def Trusted(self) -> "b":  # noqa: N802, F821
        return False

    @dbus_property(access=PropertyAccess.READ)
    def Blocked(self) -> "b":  # noqa: N802, F821
        return False

    @dbus_property(access=PropertyAccess.READ)
    def ManufacturerData(self) -> "a{qv}":  # noqa: N802, F821
        return {}

    @dbus_property(access=PropertyAccess.READ)
    def ServiceData(self) -> "a{sv}":  # noqa: N802, F821
        return {}

    @method()
    async def Connect(self):  # noqa: N802
        self.connect_calls += 1
        error = self.next_connect_errors.pop(0) if self.next_connect_errors else self.connect_error
        if error is not None:
            if error[1] == "le-connection-abort-by-local":
                # BlueZ had the link for a moment (the strap then refused it): Connected goes true and
                # false again before the error, as bluetoothd's device.c reports it
                self.emit_properties_changed({"Connected": True})
                await asyncio.sleep(0.01)
                self.emit_properties_changed({"Connected": False})
            raise DBusError(*error)
        await asyncio.sleep(0.01)
        self.bluez.export_gatt(self)
        self.connected = True
        self.emit_properties_changed({"Connected": True})
        await asyncio.sleep(0.01)
        self.resolved = True
        self.emit_properties_changed({"ServicesResolved": True})

    @method()
    def Disconnect(self):  # noqa: N802
        self.disconnect_calls += 1
        self.bluez.link_down(self)


class Characteristic(ServiceInterface):
    def __init__(self, path: str, service: str, uuid: str, flags: list[str], value: bytes,
                 acquirable: bool = False) -> None:
        super().__init__("org.bluez.GattCharacteristic1")
        self.path = path
        self.service = service
        self.uuid = uuid
        self.flags = flags
        self.value = value
        self.notifying = False
        self.acquirable = acquirable
        self.acquired: socket.socket | None = None
        #: The strap stopped notifying while the link stays up; a fresh subscription wakes it when
        #: ``wakes_on_subscribe`` (the strap's firmware answers the new CCCD write).
        self.muted = False
        self.wakes_on_subscribe = True
        self.subscriptions = 0

    @dbus_property(access=PropertyAccess.READ)
    def UUID(self) -> "s":  # noqa: N802, F821
        return self.uuid

    @dbus_property(access=PropertyAccess.READ)
    def Service(self) -> "o":  # noqa: N802, F821
        return self.service

    @dbus_property(access=PropertyAccess.READ)
    def Flags(self) -> "as":  # noqa: N802, F821
        return self.flags

    @dbus_property(access=PropertyAccess.READ)
    def Value(self) -> "ay":  # noqa: N802, F821
        return self.value

    @dbus_property(access=PropertyAccess.READ)
    def Notifying(self) -> "b":  # noqa: N802, F821
        return self.notifying

    @dbus_property(access=PropertyAccess.READ, disabled=False)
    def NotifyAcquired(self) -> "b":  # noqa: N802, F821
        return self.acquired is not None

    @dbus_property(access=PropertyAccess.READ)
    def MTU(self) -> "q":  # noqa: N802, F821
        return 185

    @method()
    def ReadValue(self, options: "a{sv}") -> "ay":  # noqa: N802, F821
        return self.value

    def _subscribed_afresh(self) -> None:
        self.subscriptions += 1
        if self.wakes_on_subscribe:
            self.muted = False

    @method()
    def StartNotify(self):  # noqa: N802
        self.notifying = True
        self._subscribed_afresh()
        self.emit_properties_changed({"Notifying": True})

    @method()
    def StopNotify(self):  # noqa: N802
        self.notifying = False

    @method()
    def AcquireNotify(self, options: "a{sv}") -> "hq":  # noqa: N802, F821
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.acquired = ours
        self.notifying = True
        self._subscribed_afresh()
        return [theirs.detach(), 185]

    def notify(self, data: bytes) -> bool:
        """Send one notification the way BlueZ would; False if nobody subscribed or the strap is mute."""
        if self.muted:
            return False
        if self.acquired is not None:
            self.acquired.send(data)
            return True
        if self.notifying:
            self.value = data
            self.emit_properties_changed({"Value": data})
            return True
        return False

    def hang_up(self) -> None:
        self.notifying = False
        if self.acquired is not None:
            self.acquired.close()
            self.acquired = None


class Service(ServiceInterface):
    def __init__(self, device: str, uuid: str) -> None:
        super().__init__("org.bluez.GattService1")
        self.device = device
        self.uuid = uuid

    @dbus_property(access=PropertyAccess.READ)
    def UUID(self) -> "s":  # noqa: N802, F821
        return self.uuid

    @dbus_property(access=PropertyAccess.READ)
    def Device(self) -> "o":  # noqa: N802, F821
        return self.device

    @dbus_property(access=PropertyAccess.READ)
    def Primary(self) -> "b":  # noqa: N802, F821
        return True


class FakeBluez:
    """bluetoothd's part of the conversation, in a thread of its own."""

    def __init__(self, bus_address: str, strap_address: str = "C0:FF:EE:00:00:01", strap_name: str = "Polar H10 FAKE",
                 battery: int = 77, acquire_notify: bool = False) -> None:
        self.bus_address = bus_address
        self.battery = battery
        self.acquire_notify = acquire_notify
        self.in_range = True
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="fake-bluez", daemon=True)
        self.thread.start()
        self.adapter = Adapter(self)
        self.strap = Device(self, strap_address, strap_name, [HRS, BATTERY_SERVICE])
        self.speaker = Device(self, "C0:FF:EE:00:00:99", "Kitchen speaker", [AUDIO_SINK])
        self.gatt: dict[str, ServiceInterface] = {}
        self.handle_shift = 0  # a firmware update or a new BlueZ cache: services at new object paths
        self.hrm_paths: list[str] = []  # where the heart-rate characteristic was published, each link
        self.bus: MessageBus | None = None
        self._rssi_task: asyncio.Task | None = None
        self._run(self._start())

    def _run(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(10)

    async def _start(self) -> None:
        self.bus = await MessageBus(bus_address=self.bus_address, bus_type=BusType.SYSTEM,
                                    negotiate_unix_fd=True).connect()
        self.bus.export(ADAPTER, self.adapter)
        await self.bus.request_name("org.bluez")

    # -- what the daemon does on its own -----------------------------------------------------
    def discovery_started(self) -> None:
        for device in (self.strap, self.speaker):
            wanted = not self.adapter.filter_uuids or set(device.uuids) & set(self.adapter.filter_uuids)
            if wanted and self.in_range and device.path not in self.bus._path_exports:
                self.bus.export(device.path, device)
        if self._rssi_task is None:
            self._rssi_task = asyncio.ensure_future(self._advertise())

    async def _advertise(self) -> None:
        """Advertisements arrive as RSSI changes while discovery runs."""
        while True:
            await asyncio.sleep(0.1)
            for device in (self.strap, self.speaker):
                if self.adapter.discovering and device.path in self.bus._path_exports and not device.connected:
                    device.rssi = -60 - (device.rssi + 61) % 5
                    device.emit_properties_changed({"RSSI": device.rssi})

    def export_gatt(self, device: Device) -> None:
        """BlueZ publishes the peer's services when it connects (handles in the path names)."""
        def at(handle: int) -> str:
            return f"{handle + self.handle_shift:04x}"

        hrs, bas = f"{device.path}/service{at(0x0c)}", f"{device.path}/service{at(0x13)}"
        self.gatt = {
            hrs: Service(device.path, HRS),
            f"{hrs}/char{at(0x0d)}": Characteristic(f"{hrs}/char{at(0x0d)}", hrs, HRM, ["notify"], b""),
            f"{hrs}/char{at(0x10)}": Characteristic(f"{hrs}/char{at(0x10)}", hrs, BODY_LOCATION, ["read"], bytes([1])),
            bas: Service(device.path, BATTERY_SERVICE),
            f"{bas}/char{at(0x14)}": Characteristic(f"{bas}/char{at(0x14)}", bas, BATTERY_LEVEL, ["read", "notify"],
                                                    bytes([self.battery])),
        }
        for path, interface in self.gatt.items():
            self.bus.export(path, interface)
        self.hrm_paths.append(f"{hrs}/char{at(0x0d)}")

    def link_down(self, device: Device) -> None:
        for path, interface in list(self.gatt.items())[::-1]:
            if isinstance(interface, Characteristic):
                interface.hang_up()
            self.bus.unexport(path)
        self.gatt = {}
        device.resolved = False
        device.connected = False
        device.emit_properties_changed({"ServicesResolved": False, "Connected": False})

    # -- what tests steer (thread-safe) --------------------------------------------------------
    @property
    def hrm(self) -> Characteristic | None:
        return next((c for c in self.gatt.values() if isinstance(c, Characteristic) and c.uuid == HRM), None)

    def subscribed(self) -> bool:
        hrm = self.hrm
        return hrm is not None and (hrm.notifying or hrm.acquired is not None)

    def notify(self, data: bytes) -> bool:
        async def send() -> bool:
            hrm = self.hrm
            return hrm is not None and hrm.notify(data)

        return self._run(send())

    def drop_link(self) -> None:
        """The strap walks out of range mid-session."""
        async def drop() -> None:
            self.link_down(self.strap)

        self._run(drop())

    def go_silent(self, wakes_on_subscribe: bool = True) -> None:
        """The strap stops notifying and the link stays up (Connected stays true): what a strap does
        after a BlueZ hiccup, or a Polar H10 whose app took the stream."""
        async def mute() -> None:
            hrm = self.hrm
            hrm.muted, hrm.wakes_on_subscribe = True, wakes_on_subscribe

        self._run(mute())

    def power_off_and_forget(self) -> None:
        """Suspend: the adapter powers off, the link goes down and BlueZ removes the device's objects
        (InterfacesRemoved); they come back only when a scan hears the strap again."""
        async def off() -> None:
            if self.strap.connected:
                self.link_down(self.strap)
            self.adapter.powered = False
            self.adapter.discovering = False
            self.adapter.emit_properties_changed({"Powered": False, "Discovering": False})
            for device in (self.strap, self.speaker):
                if device.path in self.bus._path_exports:
                    self.bus.unexport(device.path)

        self._run(off())

    def set_powered(self, on: bool) -> None:
        async def power() -> None:
            self.adapter.powered = on
            self.adapter.emit_properties_changed({"Powered": on})

        self._run(power())

    def close(self) -> None:
        async def stop() -> None:
            if self._rssi_task is not None:
                self._rssi_task.cancel()
            self.bus.disconnect()

        self._run(stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def use_private_bus(monkeypatch, bus: PrivateSystemBus) -> None:
    """Point bleak (dbus-fast's system bus) at ``bus`` and put the bluetoothctl stub first on PATH."""
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", bus.address)
    monkeypatch.setenv("PATH", bus.bin + os.pathsep + os.environ.get("PATH", ""))
    from bleak.backends.bluezdbus.version import BlueZFeatures

    monkeypatch.setattr(BlueZFeatures, "checked_bluez_version", False)
    monkeypatch.setattr(BlueZFeatures, "_check_bluez_event", None)


__all__ = ["FakeBluez", "PrivateSystemBus", "use_private_bus", "Variant"]
