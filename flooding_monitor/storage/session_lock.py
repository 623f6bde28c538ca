"""Who is recording a session: an advisory lock file the operating system releases with its process."""

from __future__ import annotations

import os
from pathlib import Path


class SessionLock:
    """An advisory lock file (``flock``) held while a session is recorded.

    The operating system releases it when the process dies, however it dies, so
    a session whose lock can be taken was left open by a crash. Where ``flock``
    does not exist (Windows) every open session counts as crashed, as before.
    """

    def __init__(self, path: Path, wait: bool = False) -> None:
        self.path = path
        self.held = False
        #: The lock file could not even be opened (a folder in its place, another user's file): whether
        #: someone holds the session is unknown, and unknown is not "its owner is gone".
        self.unknown = False
        self._fh = None
        try:
            import fcntl
        except ImportError:
            self.held = True
            return
        try:
            fd = os.open(path, os.O_CREAT | os.O_RDWR | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except OSError:
            self.unknown = True
            return
        self._fh = os.fdopen(fd, "r+")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            self.held = True
        except OSError:
            self._fh.close()
            self._fh = None

    def release(self, remove: bool = True) -> None:
        if self._fh is not None:
            if remove:
                try:
                    os.unlink(self.path)
                except OSError:
                    pass
            self._fh.close()
            self._fh = None
        self.held = False


def lock_path(db_path: str, session_id: int) -> Path:
    """The lock file of session ``session_id``, beside the history at ``db_path``."""
    return Path(db_path).with_name(f"{Path(db_path).name}.session-{session_id}.lock")


def owned_elsewhere(path: Path) -> bool:
    """True when a live process holds the lock at ``path`` (it cannot be taken); a lock whose owner is
    gone is removed."""
    probe = SessionLock(path, wait=False)
    if probe.unknown or not probe.held:  # a lock that cannot be opened may still be someone's
        return True
    probe.release(remove=True)  # its owner is gone
    return False
