"""User-visible words of the core, marked for Qt's translation tools without importing Qt.

The core stays free of Qt, yet its phrases (the pause protocol, breathing
prompts, signal problems, history errors) must reach the screen in the
user's language. ``QT_TRANSLATE_NOOP("core", ...)`` marks a string so that
``pyside6-lupdate`` collects it; the UI translates it when it shows it
(``ui.i18n.core``). A :class:`Text` is an English message that also keeps its
template and arguments, so a formatted message can be translated too.
"""

from __future__ import annotations

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
