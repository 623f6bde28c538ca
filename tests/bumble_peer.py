"""A real Heart Rate Service peripheral (bumble's own) on an in-process virtual link."""

from __future__ import annotations

import asyncio
import contextlib

from bumble.profiles.battery_service import BatteryService
from bumble.profiles.heart_rate_service import HeartRateService
from bumble.testing.test_utils import TwoDevices

HRM = HeartRateService.HeartRateMeasurement


class HeartRatePeripheral:
    """devices[1] of a TwoDevices pair: advertises HRS + battery, notifies on demand."""

    def __init__(self, pair: TwoDevices, battery: int = 64) -> None:
        self.pair = pair
        self.device = pair.devices[1]
        self.hrs = HeartRateService(
            read_heart_rate_measurement=lambda _c: HRM(70),
            body_sensor_location=HeartRateService.BodySensorLocation.CHEST,
        )
        self.battery = BatteryService(lambda _c: battery)
        self.device.add_services([self.hrs, self.battery])
        self.sent: list[HRM] = []

    @property
    def address(self):
        return self.device.random_address

    @property
    def connection(self):
        conns = list(self.device.connections.values())
        return conns[0] if conns else None

    def subscribed(self) -> bool:
        if self.connection is None:
            return False
        handle = self.hrs.heart_rate_measurement_characteristic.handle
        return any(cccds.get(handle, b"\x00")[0] & 1
                   for cccds in self.device.gatt_server.subscribers.values())

    async def start(self) -> None:
        for dev in self.pair.devices:
            await dev.power_on()
        await self.device.start_advertising(auto_restart=True, advertising_interval_min=20.0,
                                            advertising_interval_max=20.0)

    async def notify(self, m: HRM) -> bool:
        """Send one measurement; returns whether a subscriber was there to get it."""
        if not self.subscribed():
            return False
        await self.device.notify_subscribers(self.hrs.heart_rate_measurement_characteristic, m)
        self.sent.append(m)
        return True

    async def drop_link(self) -> None:
        conn = self.connection
        if conn is not None:
            with contextlib.suppress(Exception):
                await conn.disconnect()

    async def wait_subscribed(self, timeout: float = 10.0) -> None:
        async def poll() -> None:
            while not self.subscribed():
                await asyncio.sleep(0.01)

        await asyncio.wait_for(poll(), timeout)
