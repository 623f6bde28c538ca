"""Flooding Monitor's desktop app (PySide6 + pyqtgraph) and command line."""
