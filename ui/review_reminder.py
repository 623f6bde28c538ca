"""The weekly review's gentle reminder: on the day the couple chose, a line on the start card.

Off by default (Settings › Weekly review reminder). On that day, until the
week's review is saved, the start card says so and links to History › This
week; nothing pops up, nothing sounds. Whether the review is saved is read
on the history's reader thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject

from flooding_monitor.storage.rituals import Rituals

from .history_reader import HistoryReader
from .start_card import StartCard


class ReviewReminder(QObject):
    def __init__(self, reader: HistoryReader | None, card: StartCard, open_review: Callable[[], None],
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(card)
        self.reader = reader
        self.card = card
        self.today = today
        card.review.linkActivated.connect(lambda _link: open_review())

    def check(self, review_day: int) -> None:
        """Show the line if today is ``review_day`` (0 Monday ... 6 Sunday; -1 off) and the week's
        review is not saved yet; hide it otherwise."""
        today = self.today()
        if self.reader is None or review_day != today.weekday():
            self.card.remind_review(False)
            return
        self.reader.ask(lambda store: Rituals(store).review(today) is None, self.card.remind_review,
                        owner=self.card)
