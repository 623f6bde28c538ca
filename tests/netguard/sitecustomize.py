"""Loaded by every Python process the tests start (PYTHONPATH): no network but loopback.

Heart data must never leave the machine. Any attempt to reach a non-local
address raises, and is written to $FLOODING_MONITOR_NET_LOG for the test
session to check.
"""

import ipaddress
import os
import socket

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_sendto = socket.socket.sendto


class NetworkBlocked(OSError):
    pass


def _local(sock, address) -> bool:
    if sock.family == getattr(socket, "AF_UNIX", None):
        return True  # D-Bus and other local IPC
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _refuse(address) -> None:
    log = os.environ.get("FLOODING_MONITOR_NET_LOG")
    if log:
        with open(log, "a") as fh:
            fh.write(f"{os.getpid()} tried {address!r}\n")
    raise NetworkBlocked(f"network access to {address!r} blocked by the test suite")


def connect(self, address):
    if not _local(self, address):
        _refuse(address)
    return _real_connect(self, address)


def connect_ex(self, address):
    if not _local(self, address):
        _refuse(address)
    return _real_connect_ex(self, address)


def sendto(self, data, *args):
    address = args[-1]
    if not _local(self, address):
        _refuse(address)
    return _real_sendto(self, data, *args)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.socket.sendto = sendto
