"""Charts in a report as vector drawings: sharp on paper at any zoom, and the PDF a tenth of the size.

A chart is recorded once into a :class:`QPicture` (the painter's commands, not
pixels) and put in the rich-text report as an object of its own; when Qt
prints the document to the PDF writer it asks this handler to draw the object,
and the commands are played straight into the PDF as lines, areas and text.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPainter, QPicture, QPyTextObject, QTextCharFormat, QTextDocument, QTextFormat

#: The object type and property our charts carry in the document.
CHART_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 1
CHART_KEY = int(QTextFormat.Property.UserProperty) + 1
#: Where the report's HTML wants a chart: a private-use character nobody types, one per chart.
CHART_MARK = "\ue000"


class VectorCharts(QPyTextObject):
    """The charts of one document, each drawn where its mark stood."""

    def __init__(self, doc: QTextDocument) -> None:
        super().__init__(doc)
        self.pictures: dict[int, tuple[QPicture, QSizeF]] = {}
        doc.documentLayout().registerHandler(CHART_OBJECT, self)
        self.doc = doc

    def place(self, picture: QPicture, size: QSizeF) -> bool:
        """``picture`` (recorded at ``size``) in place of the document's next chart mark; False without one."""
        found = self.doc.find(CHART_MARK)
        if found.isNull():
            return False
        key = len(self.pictures)
        self.pictures[key] = (picture, QSizeF(size))
        fmt = QTextCharFormat()
        fmt.setObjectType(CHART_OBJECT)
        fmt.setProperty(CHART_KEY, key)
        found.insertText("\ufffc", fmt)  # the object replacement character, drawn by this handler
        return True

    def intrinsicSize(self, doc, pos_in_document, fmt) -> QSizeF:  # noqa: N802 - Qt's name
        return self.pictures[int(fmt.property(CHART_KEY))][1]

    def drawObject(self, painter: QPainter, rect: QRectF, doc, pos_in_document, fmt) -> None:  # noqa: N802
        picture, size = self.pictures[int(fmt.property(CHART_KEY))]
        painter.save()
        painter.translate(rect.topLeft())
        painter.scale(rect.width() / max(1.0, size.width()), rect.height() / max(1.0, size.height()))
        painter.drawPicture(0, 0, picture)
        painter.restore()
