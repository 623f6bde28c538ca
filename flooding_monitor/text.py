"""User-visible words of the core, marked for Qt's translation tools without importing Qt.

The core stays free of Qt, yet its phrases (the pause protocol, breathing
prompts, signal problems, history errors) must reach the screen in the
user's language. ``QT_TRANSLATE_NOOP("core", ...)`` marks a string so that
``pyside6-lupdate`` collects it; the UI translates it when it shows it
(``ui.i18n.core``). A :class:`Text` is an English message that also keeps its
template and arguments, so a formatted message can be translated too.
"""

from __future__ import annotations

import unicodedata
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


class Text(str):
    """A formatted English message that remembers ``template`` and ``args`` for translation."""

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, **args: Any) -> "Text":
        self = super().__new__(cls, template.format(**args) if args else template)
        self.template = template
        self.args = args
        return self


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters (escape sequences that retitle or
    clear the terminal), bidirectional overrides and lone surrogates become U+FFFD. Names come from
    imported files and from what a strap advertises: neither is trusted."""
    return "".join("\ufffd" if unicodedata.category(c) in ("Cc", "Cs") or c in _BIDI else c for c in text)


_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
