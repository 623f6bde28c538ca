"""Guard against Qt builds that corrupt Python's refcounts (PySide6 6.12.0 did).

That build decremented None's refcount on every QPainter call; on Python
3.11 the app then aborted with "deallocating None" after a few minutes of
the breathing animation.
"""

import sys

from PySide6.QtGui import QColor, QImage, QPainter


def test_painting_does_not_leak_or_steal_references(qapp):
    img = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(img)
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(1, 2, 3))
        painter.drawEllipse(1, 1, 5, 5)
    after = sys.getrefcount(None)
    painter.end()
    assert abs(after - before) < 100
