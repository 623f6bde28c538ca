"""What every PDF report shares: Qt's own PDF writer on A4, a private file, the words on what the
numbers mean, and the HTML helpers the reports are written in.

A report is rich text (QTextDocument) with History's charts drawn in it (ui/vector_charts.py); Qt
lays it out on pages, numbers them and embeds the fonts. Made for printing
in black and white: black text on white, charts told apart without colour.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QObject, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from flooding_monitor.private_files import write_private

from .i18n import long_date

#: Layout units: pixels at 96 dots per inch, as the window's. QTextDocument.print_ keeps a 2-cm
#: margin of its own (and numbers the pages in it), so the writer's page has none.
DPI = 96
MARGIN_PX = round(2 / 2.54 * DPI)
CHART_HEIGHT_PX = 300

STYLE = """
body { color: #000; }
h1 { font-size: 16pt; }
h2 { font-size: 12.5pt; margin-top: 14px; }
table { border-collapse: collapse; }
th { text-align: left; background: #e8e8e8; }
td, th { padding: 3px 6px; border: 1px solid #999; font-size: 9.5pt; }
.small { font-size: 8.5pt; }
"""


class PdfReport(QObject):
    """A report's file; subclasses give its :meth:`title` and :meth:`document`."""

    def title(self) -> str:
        raise NotImplementedError

    def document(self, chart_size: QSize) -> QTextDocument:
        """The report as rich text, its chart(s) ``chart_size`` (the page's text width)."""
        raise NotImplementedError

    def pdf_bytes(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(DPI)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
        writer.setTitle(self.title())
        writer.setCreator("Flooding Monitor")
        width = writer.pageLayout().paintRectPixels(DPI).width() - 2 * MARGIN_PX
        self.document(QSize(width, CHART_HEIGHT_PX)).print_(writer)
        del writer  # the PDF is finished when its writer goes
        buffer.close()
        return bytes(data.data())

    def save(self, path: Path, overwrite: bool = False) -> None:
        """Write the PDF readable by its user only, atomically; an existing file is replaced only when
        ``overwrite`` (the user named it in a save dialog, or gave --force)."""
        pdf = self.pdf_bytes()
        write_private(path, lambda fh: fh.write(pdf), overwrite=overwrite, binary=True)

    def new_document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultStyleSheet(STYLE)
        return doc

    def ending(self) -> str:
        """What the numbers mean and do not, and who made the file: the end of every report."""
        return "".join([
            heading(self.tr("What these numbers mean, and what they do not")),
            "<p>" + escape(self.tr(
                "The heart rate comes from a chest strap and is the mean of the last 30 seconds, cleaned of missed "
                "and extra beats. Flooding here means that rate stayed at or above the partner's threshold (100 "
                "beats a minute unless set otherwise, after Gottman's research on diffuse physiological arousal) "
                "for 30 seconds. A near-miss is a heart that sped up towards flooding and calmed before it. "
                "Movement, caffeine, illness and medicines raise the heart rate too. Flooding Monitor is not a "
                "medical device: these numbers describe two bodies during a conversation, not who was right, and "
                "they diagnose nothing.")) + "</p>",
            "<p class='small'>" + escape(self.tr(
                "Made by Flooding Monitor on {date}. Private health data: share it only with people you "
                "choose.").format(date=long_date(dt.date.today()))) + "</p>"])


def pdf_path(path: Path) -> Path:
    """The path named, with ".pdf" added when it has another ending (or none)."""
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def heading(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def table(head: list[str], rows: list[list[str]]) -> str:
    """A table of plain-text headings and cells that are HTML already (text escaped by the caller)."""
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table width='100%' cellspacing='0'><tr>{th}</tr>{body}</table>"
