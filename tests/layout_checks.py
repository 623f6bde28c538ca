"""What "laid out well" means, shared by the layout tests of the main window and of the dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

SLACK = 2  # px: rounding between a size hint and a layout's share


def shown(w: QWidget) -> bool:
    return w.isVisible() and w.width() > 0 and w.height() > 0


def clipped(w: QWidget) -> str | None:
    """Why ``w`` does not show all of its text, or None."""
    if isinstance(w, QLabel) and w.text():
        if w.wordWrap():
            need = w.heightForWidth(w.width())
            if need > w.height() + SLACK:
                return f"needs {need} px of height, has {w.height()}"
        else:
            hint = w.minimumSizeHint()
            if hint.width() > w.width() + SLACK or hint.height() > w.height() + SLACK:
                return f"needs {hint.width()}x{hint.height()}, has {w.width()}x{w.height()}"
    if isinstance(w, QAbstractButton) and w.text():
        need = w.fontMetrics().horizontalAdvance(w.text().replace("&", ""))
        if need > w.width() - 8:
            return f"text {need} px wide in a {w.width()} px button"
    return None
