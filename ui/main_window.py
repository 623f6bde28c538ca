"""The main window: wires the session to the strap and to the three screens."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from devices.clock import Clock
from devices.source import HeartRateSource, Status, StatusKind
from flooding_monitor.detector import BaselineReady
from flooding_monitor.preferences import Preferences, PreferencesFile
from flooding_monitor.samples import HeartRateSample
from flooding_monitor.session import ConnectionInfo, Session
from flooding_monitor.session_recorder import SessionRecorder
from flooding_monitor.store import PartnerInfo, SessionStore

from .calibrate_dialog import CalibrateDialog
from .help_dialog import HelpDialog
from .i18n import core, join
from .pages import MonitorPage, PausePage, ReturnPage
from .settings_dialog import SettingsDialog
from .theme import apply_theme, is_dark
from .worker import DeviceWorker, SourceBridge

log = logging.getLogger(__name__)
MONITOR_REDRAW_S = 0.9  # session seconds between monitor redraws (ticks come once a second per strap)

#: Where the strap says it sits (0x2A38), in words.
BODY_PLACES = {"chest": QT_TRANSLATE_NOOP("MainWindow", "chest"), "wrist": QT_TRANSLATE_NOOP("MainWindow", "wrist"),
               "finger": QT_TRANSLATE_NOOP("MainWindow", "finger"), "hand": QT_TRANSLATE_NOOP("MainWindow", "hand"),
               "ear lobe": QT_TRANSLATE_NOOP("MainWindow", "ear lobe"), "foot": QT_TRANSLATE_NOOP("MainWindow", "foot"),
               "other": QT_TRANSLATE_NOOP("MainWindow", "other")}

#: Makes a source for a choice ("demo" / "ble" / "replay") on a given clock.
SourceFactory = Callable[[str, str | None, str | None], tuple[HeartRateSource, Clock]]

STATUS_WORDS = {
    StatusKind.SCANNING: QT_TRANSLATE_NOOP("MainWindow", "Scanning…"),
    StatusKind.CONNECTING: QT_TRANSLATE_NOOP("MainWindow", "Connecting…"),
    StatusKind.CONNECTED: QT_TRANSLATE_NOOP("MainWindow", "Connected"),
    StatusKind.SIGNAL_LOST: QT_TRANSLATE_NOOP("MainWindow", "Connection lost"),
    StatusKind.RECONNECTING: QT_TRANSLATE_NOOP("MainWindow", "Reconnecting…"),
    StatusKind.DISCONNECTED: QT_TRANSLATE_NOOP("MainWindow", "Not connected"),
    StatusKind.FINISHED: QT_TRANSLATE_NOOP("MainWindow", "Recording finished"),
}


class MainWindow(QMainWindow):
    def __init__(self, prefs: Preferences, prefs_file: PreferencesFile | None, worker: DeviceWorker,
                 source_factory: SourceFactory, settings_scope: str = "flooding-monitor",
                 store: SessionStore | None = None, store_message: str = "", lsl: bool = False) -> None:
        super().__init__()
        self.lsl_wanted = lsl or prefs.lsl
        self.lsl = None  # LslPublisher while streaming
        self.store = store
        self.recorder: SessionRecorder | None = None
        self._protocol_key: tuple = ()
        self._alert_shown = False  # to notice the moment an alert appears
        self._monitor_dirty = False  # new ticks not yet drawn
        self._monitor_drawn_s = float("-inf")
        self.prefs = prefs
        self.prefs_file = prefs_file
        self.worker = worker
        self.source_factory = source_factory
        self.clock: Clock | None = None
        self.settings_scope = settings_scope
        self._wall_start = datetime.datetime.now()
        self.session = self._new_session(1)
        self.calibration: CalibrateDialog | None = None
        self.calibration_slot = 0
        self.setWindowTitle(self.tr("Flooding Monitor"))
        self.setMinimumSize(820, 560)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._status_bar())
        self.store_banner = QLabel(store_message)
        self.store_banner.setWordWrap(True)
        self.store_banner.setStyleSheet("background: #fff4d6; color: #5a4100; padding: 8px 16px;")
        self.store_banner.setAccessibleName(self.tr("History problem"))
        self.store_banner.setVisible(bool(store_message))
        self.save_elsewhere_button = QPushButton(self.tr("Save unsaved data elsewhere…"))
        self.save_elsewhere_button.setAccessibleName(self.tr("Save unsaved heart data to a file"))
        self.save_elsewhere_button.clicked.connect(self.save_elsewhere)
        self.save_elsewhere_button.hide()
        layout.addWidget(self.store_banner)
        layout.addWidget(self.save_elsewhere_button)
        self.stack = QStackedWidget()
        self.monitor_page = MonitorPage(self.session, dark=is_dark())
        self.pause_page = PausePage(self.session, prefs.breathing)
        self.return_page = ReturnPage(self.session)
        for page in (self.monitor_page, self.pause_page, self.return_page):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.monitor_page.pause_requested.connect(lambda: self.start_pause("manual"))
        self.monitor_page.alert.start_pause.connect(lambda: self.start_pause("alert"))
        self.monitor_page.alert.not_now.connect(self.not_now)
        self.pause_page.end_early.connect(self.end_pause_early)
        self.pause_page.extend.connect(self.extend_pause)
        self.return_page.extend.connect(self.extend_pause)
        self.return_page.back.connect(self.back_together)

        self.bridge = SourceBridge(worker.events, parent=self)
        worker.wake = self.bridge.wake
        self.bridge.sample.connect(self.on_sample)
        self.bridge.status.connect(self.on_status)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(250)
        icon = QApplication.windowIcon()
        if icon.isNull():
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.tray = QSystemTrayIcon(icon, self)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        self._shortcuts()
        self._restore_geometry()

    # -- layout ---------------------------------------------------------------------------
    def _status_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("topbar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(16, 8, 16, 8)
        self.connection_label = QLabel(self.tr("Not connected"))
        self.connection_label.setTextFormat(Qt.TextFormat.PlainText)
        self.connection_label.setAccessibleName(self.tr("Strap connection"))
        row.addWidget(self.connection_label, 1)
        for text, name, slot in ((self.tr("Strap…"), self.tr("Choose a strap"), self.choose_device),
                                 (self.tr("Second strap…"), self.tr("Add the second partner's strap"),
                                  self.choose_second_device),
                                 (self.tr("History"), self.tr("Session history"), self.open_history),
                                 (self.tr("Resting rate…"), self.tr("Measure resting heart rate"), self.calibrate),
                                 (self.tr("Settings"), self.tr("Settings"), self.open_settings),
                                 (self.tr("Help"), self.tr("About and help"), self.open_help)):
            b = QPushButton(text)
            b.setAccessibleName(name)
            b.clicked.connect(slot)
            row.addWidget(b)
        return bar

    def _shortcuts(self) -> None:
        def bind(keys: QKeySequence | str, slot: Callable[[], None]) -> None:
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.ApplicationShortcut)
            sc.activated.connect(slot)

        bind(Qt.Key.Key_Space, lambda: self.start_pause("manual") if self.stack.currentIndex() == 0 else None)
        bind(Qt.Key.Key_Escape, lambda: self.not_now() if self.session.alert_active else None)
        bind("Ctrl+,", self.open_settings)
        bind("Ctrl+D", self.choose_device)
        bind("Ctrl+B", self.calibrate)
        bind(QKeySequence.StandardKey.HelpContents, self.open_help)
        bind("F1", self.open_help)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

    # -- the straps ----------------------------------------------------------------------------
    def _new_session(self, people: int, keep: Session | None = None) -> Session:
        """A fresh session for ``people`` partners; baselines carried over from ``keep``."""
        partners = self.prefs.partners[:people]
        session = Session(self.prefs, self.wall_now, partners=partners)
        session.on_ticks = self._partner_ticks
        if keep is not None:
            for old, new in zip(keep.people, session.people):
                if old.baseline is not None:
                    session.set_baseline(new.slot, old.baseline)
                new.connection = old.connection
        return session

    def _show_session(self) -> None:
        for page in (self.monitor_page, self.pause_page, self.return_page):
            page.session = self.session

    def use_source(self, kind: str, address: str | None = None, name: str | None = None) -> None:
        """Start a new session on the first partner's strap (the second one, if any, is released)."""
        source, clock = self.source_factory(kind, address, name)
        self.clock = clock
        self._wall_start = datetime.datetime.now()
        if len(self.session.people) > 1:
            self.worker.close(1)
        self.session = self._new_session(1, keep=self.session)
        self._show_session()
        self.session.connection.device_name = source.name
        self.connection_label.setText(self.tr("Connecting to {name}…").format(name=core(source.name)))
        self._finish_recording()
        self.recorder = SessionRecorder(self.store, self._wall_start, kind, source.name,
                                        getattr(source, "address", address), self.prefs.detector.to_dict())
        self._protocol_key = ()
        self._record_partners()
        self._show_store_state()
        self._start_lsl(clock)
        self.worker.use(source, 0)
        if kind == "ble":
            self.prefs = self._replace_prefs(last_device_address=address, last_device_name=name)

    def add_second_source(self, kind: str, address: str | None = None, name: str | None = None) -> None:
        """The second partner's strap joins the running session (same clock, shared pause)."""
        if self.clock is None:
            return
        source, _ = self.source_factory(kind, address, name, self.clock, 1)
        if len(self.session.people) < 2:
            self.session.add_partner(self.prefs.partners[1])
            self.monitor_page.refresh(self.now())
        self.session.people[1].connection = ConnectionInfo(device_name=source.name)
        self._record_partners()
        if self.lsl is not None:
            self.lsl.add_partner(1, self.prefs.partners[1].name, source.name)
        self.worker.use(source, 1)
        if kind == "ble":
            self.prefs = self._replace_prefs(second_device_address=address, second_device_name=name)

    def _start_lsl(self, clock: Clock) -> None:
        """Open the LSL streams for this session (when the user turned streaming on)."""
        if self.lsl is not None:
            self.lsl.close()  # the previous session's streams end
        self.lsl = None
        if not self.lsl_wanted:
            return
        from devices.lsl_outlet import LslPublisher, LslUnavailable

        try:
            self.lsl = LslPublisher(clock.now, getattr(clock, "speed", 1.0),
                                    session_id=self._wall_start.strftime("%Y%m%d-%H%M%S"))
        except LslUnavailable as exc:
            self.store_banner.setText(core(exc.args[0]))
            self.store_banner.show()
            return
        for p in self.session.people:
            self.lsl.add_partner(p.slot, p.partner.name, p.connection.device_name)

    def _lsl_event(self, kind: str, **fields) -> None:
        if self.lsl is not None:
            self.lsl.push_event(self.now(), kind, **fields)

    def _record_partners(self) -> None:
        if self.recorder is None:
            return
        self.recorder.set_partners([
            PartnerInfo(p.slot, p.partner.name, p.partner.colour, p.connection.device_name or None, None,
                        p.partner.threshold_bpm, p.baseline.hr_bpm if p.baseline else None,
                        p.baseline.rmssd_ms if p.baseline else None)
            for p in self.session.people])

    def _partner_ticks(self, slot: int, results: list) -> None:
        """Per-partner ticks: the guided calibration listens to one partner only."""
        if self.calibration is not None and slot == self.calibration_slot:
            self.calibration.add_ticks(results)
        if self.lsl is not None:
            self.lsl.push_ticks(slot, results)
        for r in results:
            if any(isinstance(e, BaselineReady) for e in r.events):
                self._record_partners()

    def on_sample(self, sample: HeartRateSample) -> None:
        if sample.partner >= len(self.session.people) and sample.partner < len(self.prefs.partners):
            self.session.add_partner(self.prefs.partners[sample.partner])  # e.g. a two-partner replay
            self._record_partners()
            if self.lsl is not None:
                self.lsl.add_partner(sample.partner, self.prefs.partners[sample.partner].name)
        results = self.session.feed(sample)
        if self.lsl is not None:
            self.lsl.push_sample(sample)
        self._after_ticks(results)
        if self.recorder is not None:
            self._record_protocol()
            had = self.recorder.error
            self.recorder.add_sample(sample)
            if self.recorder.error != had:
                self._show_store_state()

    def _record_protocol(self) -> None:
        """Hand episodes, pauses and snoozes to the recorder when they change."""
        s = self.session
        key = (tuple((e.start_s, e.end_s, e.peak_bpm, e.alerted, e.partner) for e in s.episodes),
               tuple((p.started_s, p.extended_s, p.ended_s) for p in s.pauses), len(s.snoozes),
               s.first.baseline)
        if key != self._protocol_key and self.recorder is not None:
            self._protocol_key = key
            self.recorder.set_protocol(s.episodes, s.pauses, s.snoozes, s.first.baseline)

    def _show_store_state(self) -> None:
        error = self.recorder.error if self.recorder is not None else None
        if error:
            self.store_banner.setText(self.tr("History not saved: {error}").format(error=core(error)))
            self.store_banner.show()
            self.save_elsewhere_button.show()
        elif not self.save_elsewhere_button.isHidden():  # the problem that showed them is gone
            self.store_banner.hide()
            self.save_elsewhere_button.hide()

    def save_elsewhere(self) -> None:
        if self.recorder is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save unsaved heart data"),
                                              "flooding-monitor-unsaved.csv", self.tr("CSV (*.csv)"))
        if path:
            try:
                n = self.recorder.save_pending_csv(path)
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Not saved"),
                                    self.tr("Could not write {path}: {error}").format(path=path, error=exc.strerror))
                return
            QMessageBox.information(self, self.tr("Saved"), self.tr(
                "{n} samples saved to {path}. Import it later from the command line: "
                "flooding-monitor import FILE").format(n=n, path=path))

    def _finish_recording(self) -> None:
        if self.recorder is not None:
            self._record_protocol()
            self.recorder.finish()
            self.recorder = None

    def on_status(self, status: Status) -> None:
        if self.recorder is not None and status.kind not in (StatusKind.MALFORMED,):
            self.recorder.add_event(status.t_s, status.kind.value, status.message or str(status.value or ""),
                                    status.partner)
        if self.lsl is not None and status.kind in (StatusKind.SIGNAL_LOST, StatusKind.CONNECTED,
                                                    StatusKind.DISCONNECTED):
            self.lsl.push_event(status.t_s, f"strap_{status.kind.value}", status.partner)
        if status.partner >= len(self.session.people):
            return
        c = self.session.people[status.partner].connection
        if status.kind == StatusKind.BATTERY:
            c.battery_percent = int(status.value) if status.value is not None else None
        elif status.kind == StatusKind.BODY_LOCATION:
            c.body_location = str(status.value)
        elif status.kind in STATUS_WORDS:
            c.state = status.kind.value
            c.message = ""  # the state's words say it; only errors carry advice to show
        elif status.kind == StatusKind.ERROR:
            c.message = status.message
        self._show_connection()

    def _show_connection(self) -> None:
        two = len(self.session.people) > 1
        text = "\n".join(self._connection_text(p, two) for p in self.session.people)  # one line each
        if self.lsl is not None:
            text += "\n" + self.tr("Streaming to Lab Streaming Layer (local network)")
        if self.connection_label.text() != text:
            self.connection_label.setText(text)

    def _connection_text(self, person, named: bool) -> str:
        c = person.connection
        kind = StatusKind(c.state) if c.state in {k.value for k in StatusKind} else StatusKind.DISCONNECTED
        words = self.tr(STATUS_WORDS.get(kind, QT_TRANSLATE_NOOP("MainWindow", "Not connected")))
        parts = [self.tr("{state}: {device}").format(state=words, device=core(c.device_name)) if c.device_name
                 else words]
        if c.battery_percent is not None:
            parts.append(self.tr("battery {percent} %").format(percent=c.battery_percent))
        if c.body_location and not named:
            parts.append(self.tr("on the {place}").format(place=self.tr(BODY_PLACES.get(c.body_location,
                                                                                            c.body_location))))
        r = person.latest
        if r is not None and r.tick.quality:
            parts.append(join(r.tick.quality.problems()))
        text = " · ".join(p for p in parts if p)
        if kind != StatusKind.CONNECTED and c.message:
            text += f" — {core(c.message)}"
        return self.tr("{name}: {status}").format(name=core(person.partner.name), status=text) if named else text

    # -- time -------------------------------------------------------------------------------
    def now(self) -> float:
        return self.clock.now() if self.clock is not None else 0.0

    def wall_now(self) -> datetime.datetime:
        """Clock time on the session's time base (a sped-up demo shows sped-up clock times)."""
        return self._wall_start + datetime.timedelta(seconds=self.now())

    def refresh(self) -> None:
        now = self.now()
        self._after_ticks(self.session.advance(now))
        pause = self.session.pause
        if pause is not None and pause.is_due(now) and self.stack.currentWidget() is self.pause_page:
            self.stack.setCurrentWidget(self.return_page)
            self._notify(self.tr("Pause over"), self.tr("Time to check in: ready to return?"))
        page = self.stack.currentWidget()
        if page is not self.monitor_page:  # the monitor redraws when a new second arrives
            page.refresh(now)
        else:
            self._redraw_monitor()
        self._show_connection()
        interval = 33 if page is self.pause_page else 1000  # breathing animation needs frames
        if self.timer.interval() != interval:
            self.timer.setInterval(interval)

    def _after_ticks(self, results) -> None:
        alert_changed = self._alert_shown != self.session.alert_active
        self._alert_shown = self.session.alert_active
        if results or alert_changed:
            self._monitor_dirty = True
        self._redraw_monitor(force=alert_changed)  # the alert is drawn first, then everything else
        if alert_changed and self.session.alert_active:
            self._on_alert()
            self._lsl_event("alert", partners=list(self.session.alert_slots))

    def _redraw_monitor(self, force: bool = False) -> None:
        """Redraw the monitor at most about once a second of session time: two straps tick at
        different moments, and drawing both panels and traces twice a second doubled the CPU."""
        if not self._monitor_dirty or self.stack.currentWidget() is not self.monitor_page:
            return
        now = self.now()
        if force or now - self._monitor_drawn_s >= MONITOR_REDRAW_S:
            self._monitor_drawn_s = now
            self._monitor_dirty = False
            self.monitor_page.refresh(now)

    def _on_alert(self) -> None:
        if self.stack.currentWidget() is not self.monitor_page:
            self.monitor_page.refresh(self.now())  # drawn for when the user comes back to it
        self.raise_()
        if self.prefs.sound:
            QApplication.beep()
        s = self.session
        flooded = [p for p in s.people if p.slot in s.alert_slots] or [s.first]
        text = self.tr("heart rate above {bpm} for {s} s. A good moment for a break.").format(
            bpm=f"{flooded[0].threshold_bpm:.0f}", s=f"{self.prefs.detector.sustain_s:.0f}")
        if len(s.people) > 1:
            text = self.tr("{name}: {status}").format(name=core(flooded[0].partner.name), status=text)
        self._notify(self.tr("Flooding"), text)

    def _notify(self, title: str, text: str) -> None:
        if self.prefs.notifications and self.tray.isVisible():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)

    # -- the pause protocol ----------------------------------------------------------------------
    def start_pause(self, reason: str) -> None:
        if self.clock is None:
            return
        had = self.session.pause
        pause = self.session.start_pause(self.now(), reason)
        if pause is not had:
            self._lsl_event("pause_started", reason=reason, minutes=pause.planned_s / 60,
                            return_at=pause.return_wall.isoformat(timespec="minutes"))
        self._record_protocol()
        self.pause_page.guide.pattern = self.prefs.breathing
        self.stack.setCurrentWidget(self.pause_page)
        self.refresh()

    def not_now(self) -> None:
        snooze = self.session.snooze(self.now())
        self._lsl_event("snoozed", until_s=snooze.until_s)
        self._record_protocol()
        self.monitor_page.refresh(self.now())

    def end_pause_early(self) -> None:
        pause = self.session.pause
        if pause is None:
            return
        answer = QMessageBox.question(
            self, self.tr("End the pause early?"),
            self.tr("{min} minutes are left. Bodies take at least 20 minutes to calm down. End the pause anyway?")
            .format(min=f"{pause.remaining_s(self.now()) / 60:.0f}"))
        if answer == QMessageBox.StandardButton.Yes:
            self.session.end_pause(self.now())
            self._lsl_event("pause_ended", early=True, recovered=pause.recovered)
            self.stack.setCurrentWidget(self.monitor_page)
            self.monitor_page.refresh(self.now())
            self.refresh()

    def extend_pause(self, minutes: int) -> None:
        self.session.extend_pause(minutes)
        self._lsl_event("pause_extended", minutes=minutes)
        self.stack.setCurrentWidget(self.pause_page)
        self.refresh()

    def back_together(self) -> None:
        pause = self.session.end_pause(self.now())
        if pause is not None:
            self._lsl_event("pause_ended", early=pause.ended_early, recovered=pause.recovered)
        self._record_protocol()
        self.stack.setCurrentWidget(self.monitor_page)
        self.monitor_page.refresh(self.now())
        self.refresh()

    # -- dialogs -------------------------------------------------------------------------------
    def choose_device(self) -> None:
        from .device_dialog import DeviceDialog

        dialog = DeviceDialog(self.worker, self)
        if dialog.exec() and (choice := dialog.choice()) is not None:
            self.use_source(choice.kind, choice.address, choice.name)

    def choose_second_device(self) -> None:
        """Partner B's strap; needs the first partner's strap to be running."""
        from .device_dialog import DeviceDialog

        if self.clock is None:
            QMessageBox.information(self, self.tr("Second strap"), self.tr("Connect the first partner's strap first."))
            return
        dialog = DeviceDialog(self.worker, self)
        dialog.setWindowTitle(self.tr("Strap for {name}").format(name=core(self.prefs.partners[1].name)))
        if dialog.exec() and (choice := dialog.choice()) is not None:
            first = self.worker.source
            if choice.kind == "ble" and first is not None and choice.address and \
                    choice.address == getattr(first, "address", None):
                QMessageBox.information(self, self.tr("Second strap"), self.tr(
                    "That strap is already worn by {name}. Each partner needs a strap of their own.").format(
                    name=core(self.prefs.partners[0].name)))
                return
            self.add_second_source(choice.kind, choice.address, choice.name)

    def calibrate(self) -> None:
        slot = 0
        if len(self.session.people) > 1:
            from PySide6.QtWidgets import QInputDialog

            names = [core(p.partner.name) for p in self.session.people]
            name, ok = QInputDialog.getItem(self, self.tr("Resting rate"), self.tr("Whose resting rate?"), names, 0,
                                            False)
            if not ok:
                return
            slot = names.index(name)
        self.calibration_slot = slot
        self.calibration = CalibrateDialog(self)
        try:
            if self.calibration.exec() and self.calibration.baseline is not None:
                self.session.set_baseline(slot, self.calibration.baseline)
                self._record_partners()
        finally:
            self.calibration = None

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.prefs, self)
        if dialog.exec():
            self.apply_prefs(dialog.result_prefs())

    def apply_prefs(self, prefs: Preferences) -> None:
        detector_changed = prefs.detector != self.prefs.detector
        partners_changed = prefs.partners != self.prefs.partners
        self.prefs = prefs
        self._save_prefs()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, prefs.theme, prefs.font_scale)
        self.pause_page.guide.pattern = prefs.breathing
        self.session.prefs = prefs
        if detector_changed or partners_changed:
            # New rules start new detectors; the straps keep streaming.
            old = self.session
            self.session = self._new_session(len(old.people), keep=old)
            self.session.pauses, self.session.snoozes = old.pauses, old.snoozes  # the pause goes on
            self._show_session()
            self._record_partners()

    def open_help(self) -> None:
        HelpDialog(self).exec()

    def open_history(self) -> None:
        if self.store is None:
            QMessageBox.information(self, self.tr("History"), self.store_banner.text() or self.tr("No history database."))
            return
        from .history_window import HistoryWindow

        if self.recorder is not None:
            self._record_protocol()
            self.recorder.flush()
        self.history = HistoryWindow(self.store, self.prefs.detector, self, self.prefs.partners)
        self.history.show()

    # -- persistence ----------------------------------------------------------------------------
    def _replace_prefs(self, **changes) -> Preferences:
        from dataclasses import replace

        prefs = replace(self.prefs, **changes)
        self.prefs = prefs
        self._save_prefs()
        return prefs

    def _save_prefs(self) -> None:
        if self.prefs_file is None:
            return
        try:
            self.prefs_file.save(self.prefs)
        except OSError as exc:
            self.connection_label.setText(self.tr("Could not save settings: {error}").format(error=exc.strerror))

    def _restore_geometry(self) -> None:
        geometry = QSettings(self.settings_scope, "window").value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1040, 700)

    def closeEvent(self, event) -> None:  # noqa: N802
        QSettings(self.settings_scope, "window").setValue("geometry", self.saveGeometry())
        self._finish_recording()
        if self.lsl is not None:
            self.lsl.close()
            self.lsl = None
        self.timer.stop()
        self.bridge.timer.stop()
        self.worker.wake = None
        self.tray.hide()
        super().closeEvent(event)
