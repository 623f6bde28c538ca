"""The session report for a therapist: its numbers (core), its PDF read back, its command (issue 27).

One two-partner evening is recorded through the real controller into a real
history: both partners flood, the alert fires, "Not now" is pressed, a pause
is taken and ended at the agreed time, and two journal notes are written.
The PDF is read back with pypdf, a reader nobody here wrote.
"""

from __future__ import annotations

import itertools
import unicodedata
import stat
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from devices.scenarios import ARGUMENT
from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.preferences import Preferences
from flooding_monitor.review.report import MomentKind, session_report
from flooding_monitor.review.stored_session import read_session
from flooding_monitor.storage.store import DB_NAME, SessionStore
from ui.terminal.cli import main

LENGTH_S = 1800.0
FIRST_NOTE = "money talk again"
SECOND_NOTE = "the secret about my sister"


@pytest.fixture(scope="module")
def evening(tmp_path_factory) -> tuple[Path, int]:
    """A history folder with one recorded two-partner evening; its session id."""
    folder = tmp_path_factory.mktemp("history")
    store = SessionStore(folder / DB_NAME)
    controller = SessionController(Preferences(sound=False, notifications=False), store)
    clock = [0.0]
    controller.start(lambda: clock[0], "demo", "Demo strap")
    controller.add_partner(1, "B")
    a = itertools.takewhile(lambda s: s.t_s < LENGTH_S, ARGUMENT.samples(seed=7, source="A"))
    b = (replace(s, partner=1) for s in itertools.takewhile(lambda s: s.t_s < LENGTH_S,
                                                             ARGUMENT.samples(seed=3, source="B")))
    snoozed = paused = ended = False
    for s in sorted([*a, *b], key=lambda s: s.t_s):
        clock[0] = s.t_s
        controller.feed(s)
        controller.tick(s.t_s)
        alerted = controller.session.alert_active
        if alerted and not snoozed:
            controller.snooze()
            snoozed, snoozed_at = True, s.t_s
        elif snoozed and not paused and s.t_s > snoozed_at + 30:
            controller.start_pause("manual")
            paused, paused_at = True, s.t_s
        elif paused and not ended and s.t_s > paused_at + 21 * 60:
            controller.end_pause()
            ended = True
    assert snoozed and paused and ended
    controller.finish("app")
    sid = controller.recorder.session_id
    store.add_note(sid, trigger=FIRST_NOTE, body="tight chest")
    store.add_note(sid, trigger=SECOND_NOTE, body="hot face", partner=1)  # B wrote it and said so
    store.close()
    return folder, sid


def test_the_report_lists_the_evening_in_order_with_each_partners_figures(evening):
    folder, sid = evening
    store = SessionStore(folder / DB_NAME)
    stored = read_session(store, sid)
    report = session_report(stored, shared_notes=[2])
    kinds = [m.kind for m in report.moments]
    assert [m.t_s for m in report.moments] == sorted(m.t_s for m in report.moments)
    floods = [m for m in report.moments if m.kind is MomentKind.FLOODED]
    assert sorted(m.partner for m in floods) == [0, 1]  # both flooded: the scenario's argument, twice
    assert [len(a.detection.episodes) for a in stored.analyses] == [p.episodes for p in report.partners]
    alert = kinds.index(MomentKind.ALERT)
    assert alert < kinds.index(MomentKind.NOT_NOW) < kinds.index(MomentKind.PAUSE)
    (pause,) = [m for m in report.moments if m.kind is MomentKind.PAUSE]
    assert pause.pause.ended_s is not None and not pause.pause.ended_early
    assert sorted(e.partner for e in pause.effects) == [0, 1]  # what it did to each heart
    assert all(p.highest_bpm > p.threshold_bpm > p.median_bpm for p in report.partners)
    assert [n for n, _ in report.shared_notes] == [2] and report.withheld_notes == 1
    assert report.clock(pause.t_s) > stored.info.started_at


def _pdf_text(path: Path) -> tuple[int, str]:
    reader = pypdf.PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    # pypdf spaces words with tabs and newlines, and gives the font's ligatures ("ﬂ") as they are
    return len(reader.pages), unicodedata.normalize("NFKC", " ".join(text.split()))


def test_the_pdf_says_what_happened_and_only_the_notes_ticked_in(evening, qapp, tmp_path):
    from ui.report_pdf import write_session_report

    folder, sid = evening
    stored = read_session(SessionStore(folder / DB_NAME), sid)
    out = tmp_path / "for-our-therapist.pdf"
    write_session_report(stored, out, shared_notes=[1])
    pages, text = _pdf_text(out)
    assert 1 <= pages <= 4
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # private health data
    for words in ("Session report", "Partner A", "Partner B", "Flooded for", "The alert suggested a pause",
                  "“Not now” pressed", "Pause; return agreed for", "returned after", "with each breath",
                  FIRST_NOTE, "1 journal note was not shared", "not a medical device"):
        assert words in text, words
    assert SECOND_NOTE not in text and "hot face" not in text  # redacted: not even its words
    with pytest.raises(FileExistsError):  # nothing the user did not name is replaced
        write_session_report(stored, out, shared_notes=[1, 2])


def test_report_command_writes_the_pdf_and_says_which_notes_it_left_out(evening, tmp_path, capsys):
    folder, sid = evening
    out = tmp_path / "session"
    assert main(["report", "--data-dir", str(folder), "--session", str(sid), "--out", str(out),
                 "--share-note", "2"]) == 0
    written = out.with_name("session.pdf")
    assert capsys.readouterr().out.strip() == str(written)
    _, text = _pdf_text(written)
    assert SECOND_NOTE in text and FIRST_NOTE not in text and "Note 2 by Partner B, written" in text
    before = written.read_bytes()
    assert main(["report", "--data-dir", str(folder), "--session", str(sid), "--out", str(written)]) == 2
    assert "already exists" in capsys.readouterr().err and written.read_bytes() == before
    assert main(["report", "--data-dir", str(folder), "--session", str(sid), "--out", str(tmp_path / "x.pdf"),
                 "--share-note", "5"]) == 2
    assert "there is no note 5" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
    assert main(["report", "--data-dir", str(folder), "--session", "999", "--out", str(tmp_path / "y.pdf")]) == 2
    assert "No session 999" in capsys.readouterr().err


def test_history_makes_the_report_with_only_the_notes_ticked(evening, qtbot, tmp_path, monkeypatch):
    """History › Report for a therapist…: every note starts unticked; the ticked one is in the PDF."""
    from PySide6.QtWidgets import QFileDialog

    from ui import report_flow

    from .helpers import history_window, settled

    folder, sid = evening
    history = history_window(qtbot, SessionStore(folder / DB_NAME))
    history.table.selectRow(0)
    settled(qtbot, history)
    seen: list[list[bool]] = []

    def tick_the_second(dialog) -> int:
        seen.append([box.isChecked() for box in dialog.boxes])
        assert "Note 2 by Partner B" in dialog.boxes[1].text() and " by " not in dialog.boxes[0].text()
        dialog.boxes[1].setChecked(True)
        return 1

    out = tmp_path / "for-our-therapist"
    monkeypatch.setattr(report_flow.ShareNotesDialog, "exec", tick_the_second)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF document (*.pdf)"))
    written: list[Path] = []
    history.report.written.disconnect()
    history.report.written.connect(written.append)
    history.make_report()
    qtbot.waitUntil(lambda: bool(written), timeout=20_000)
    assert seen == [[False, False]]  # nothing is shared unless a partner ticks it
    assert written == [out.with_name("for-our-therapist.pdf")]
    _, text = _pdf_text(written[0])
    assert SECOND_NOTE in text and FIRST_NOTE not in text and "1 journal note was not shared" in text


def test_report_of_weeks_from_the_command_and_from_history(evening, qtbot, tmp_path, capsys, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from .helpers import history_window

    folder, _ = evening
    out = tmp_path / "weeks.pdf"
    assert main(["report", "--data-dir", str(folder), "--weeks", "2", "--out", str(out)]) == 0
    _, text = _pdf_text(out)
    assert "Report of 2 weeks" in text and "1 conversation, 2 flooding episodes" in text and FIRST_NOTE not in text
    assert main(["report", "--data-dir", str(folder), "--weeks", "2", "--share-note", "1",
                 "--out", str(tmp_path / "x.pdf")]) == 2
    assert "--share-note goes with --session" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", "--data-dir", str(folder), "--weeks", "0", "--out", str(tmp_path / "y.pdf")])
    history = history_window(qtbot, SessionStore(folder / DB_NAME))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (3, True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "from-history"), ""))
    written: list[Path] = []
    history.report.written.disconnect()
    history.report.written.connect(written.append)
    history.review.weeks_report.click()
    qtbot.waitUntil(lambda: bool(written), timeout=20_000)
    assert written == [tmp_path / "from-history.pdf"] and "Report of 3 weeks" in _pdf_text(written[0])[1]


def test_with_two_partners_the_journal_asks_who_is_writing(qtbot):
    from ui.journal_dialog import JournalDialog

    alone = JournalDialog(writers=())
    qtbot.addWidget(alone)
    assert alone.who is None and alone.writer() is None
    couple = JournalDialog(writers=("Alex", "Sam"))
    qtbot.addWidget(couple)
    assert [couple.who.itemText(k) for k in range(3)] == ["Alex", "Sam", "Both of us"]
    couple.who.setCurrentIndex(1)
    assert couple.writer() == 1
    couple.who.setCurrentIndex(2)
    assert couple.writer() is None
    couple.fields["trigger"].setPlainText("money")
    assert not couple.is_empty() and "partner" not in couple.values()


def test_the_reports_charts_are_drawn_not_pasted_pictures(evening, qapp, tmp_path):
    """The charts were 300-dpi pictures (a 2-page report ~430 KB, blurred when zoomed): they are now the
    chart's own lines and words in the PDF, so its axis words are text a reader finds, and the file is small."""
    from ui.range_report_pdf import write_range_report
    from ui.report_pdf import write_session_report

    from flooding_monitor.review.report import range_report

    folder, sid = evening
    store = SessionStore(folder / DB_NAME)
    session_pdf, weeks_pdf = tmp_path / "session.pdf", tmp_path / "weeks.pdf"
    stored = read_session(store, sid)
    write_session_report(stored, session_pdf)
    write_range_report(range_report(store, 2, stored.info.started_at.date()), weeks_pdf)
    for path, words in ((session_pdf, ("minutes", "bpm")), (weeks_pdf, ("Episodes per week", "Near-misses"))):
        reader = pypdf.PdfReader(path)
        # only the chart's few-pixel marker symbols (pyqtgraph draws them from a sprite) may be pictures
        pictures = [image.name for page in reader.pages for image in page.images if len(image.data) > 20_000]
        assert pictures == [], f"{path.name} holds pictures: {pictures}"
        first_page = " ".join(reader.pages[0].extract_text().split())  # pypdf spaces words with tabs
        for word in words:
            assert word in first_page, (path.name, word)
        assert path.stat().st_size < 200_000, path.stat().st_size
