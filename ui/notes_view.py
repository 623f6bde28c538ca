"""A session's journal notes as History shows them: each with when it was written, and by whom if said."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtWidgets import QTextBrowser

from flooding_monitor.storage.store import NoteRow

from .i18n import core, date_time


class NotesView(QTextBrowser):
    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Journal notes"))

    def show_notes(self, notes: list[NoteRow], names: dict[int, str] | None = None) -> None:
        """``names``: the partners by slot (a couple's session), to say who wrote a note."""
        if not notes:
            self.setHtml("<i>{}</i>".format(escape(self.tr("No journal notes for this session."))))
            return
        names = names or {}
        html = []
        for n in notes:
            # a note is text, whatever it holds (an imported file's note could hold markup)
            parts = [f"<b>{escape(label)}</b> {escape(getattr(n, key))}" for key, label in
                     (("trigger", self.tr("Trigger:")), ("body", self.tr("Body:")), ("response", self.tr("I did:")),
                      ("familiar", self.tr("Familiar:")), ("other", self.tr("Also:"))) if getattr(n, key)]
            when = written(n.written_at)
            if n.partner in names:
                when = self.tr("{name}, {when}").format(name=core(names[n.partner]), when=when)
            html.append(f"<p><i>{escape(when)}</i><br>{'<br>'.join(parts)}</p>")
        self.setHtml("".join(html))


def written(written_at: str) -> str:
    """When a note was written, as people read dates (it is stored as ISO 8601)."""
    try:
        return date_time(dt.datetime.fromisoformat(written_at))
    except ValueError:
        return written_at
