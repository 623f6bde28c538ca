"""The main window: renders the session controller's events and sends it the user's intents.

What happens to a heart beat (detection, history, streaming, the alert) is
decided by :class:`~flooding_monitor.live.controller.SessionController`; this
window lays out the screens, opens the dialogs and asks the worker for straps.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from devices.clock import Clock
from devices.open import StrapPlan, open_source, open_straps
from flooding_monitor.live.controller import (
    AlertRaised,
    ConnectionChanged,
    ControllerEvent,
    PauseChanged,
    SessionController,
    StoreChanged,
    TicksAdded,
)
from flooding_monitor.live.preferences import Preferences, PreferencesFile
from flooding_monitor.storage.store import SessionStore

from . import window_dialogs, window_geometry
from .alert_messenger import AlertMessenger
from .breath_cue import BreathCue
from .connection_bar import ConnectionBar
from .conversation_end import end_conversation
from .history_banner import HistoryBanner
from .history_reader import HistoryReader
from .i18n import core
from .keep_awake import KeepAwake
from .monitor_page import MonitorPage
from .pages import PausePage
from .return_page import ReturnPage
from .pause_questions import PauseQuestions
from .practice_dialog import BreathingPractice
from .review_reminder import ReviewReminder
from .room_view import set_room_view, toggle_room_view
from .start_card import StartCard, known_straps, start_known
from .strap_chooser import StrapChooser
from .theme import apply_theme, is_dark
from .window_fit import fit_text
from .window_keys import bind_keys
from .worker import DeviceWorker, SourceBridge

log = logging.getLogger(__name__)
SECOND_STRAP, END_CONVERSATION = 1, 2  # top-bar buttons that need a conversation running
MONITOR_REDRAW_S = 0.9  # session seconds between monitor redraws (ticks come once a second per strap)


class MainWindow(QMainWindow):
    def __init__(self, prefs: Preferences, prefs_file: PreferencesFile | None, worker: DeviceWorker,
                 speed: float = 1.0, settings_scope: str = "flooding-monitor",
                 store: SessionStore | None = None, store_message: str = "", lsl: bool = False) -> None:
        super().__init__()
        self.lsl_wanted = lsl or prefs.lsl
        self.store = store
        self.prefs_file = prefs_file
        self.worker = worker
        self.speed = speed
        self.clock: Clock | None = None
        self.strap_addresses: dict[int, str | None] = {}  # each partner slot's strap, as it was chosen
        self.settings_scope = settings_scope
        self.controller = SessionController(prefs, store, write_in_background=True)
        #: History, the end card and notes read and write the store through it, never on this thread.
        self.history_reader = HistoryReader(store, self) if store is not None else None
        self.controller.listeners.append(self._on_event)
        self.calibration = None  # the open resting-rate dialog, which listens to one partner's ticks
        self.calibration_slot = 0
        self.room_view = False
        self.closed_by = "app"  # or "terminated" / "interrupted" by a signal (ui.app)
        self.keep_awake = KeepAwake()  # the display stays on while a session runs, pause included
        self._monitor_dirty = False  # new ticks not yet drawn
        self._monitor_drawn_s = float("-inf")
        self.setWindowTitle(self.tr("Flooding Monitor"))
        self.setMinimumSize(800, 550)
        self._build(store_message)
        self.bridge = SourceBridge(worker.events, lambda: worker.generation, parent=self)
        worker.wake = self.bridge.wake
        self.bridge.sample.connect(self._on_sample)
        self.bridge.status.connect(self.controller.status)
        self.bridge.tick.connect(self.controller.tick)
        self.bridge.ended.connect(self._on_session_ended)
        # Words and numbers change once a second; the breathing guide animates itself (its own frames,
        # only its own pixels): the window never redraws at the circle's pace.
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(250)
        self.pause_page.now = self.return_page.now = self.now
        self.tray = window_dialogs.tray_icon(self)
        self.messenger = AlertMessenger(self, lambda: self.prefs, worker.submit, self.tray)
        self.pause_questions = PauseQuestions(self, self.controller, self.now, lambda: self.prefs)
        self.straps = StrapChooser(self, worker, lambda: tuple(p.name for p in self.prefs.partners),
                                   lambda: self.clock is not None, lambda: self.strap_addresses.get(0))
        self.straps.first_chosen.connect(lambda c: self.use_source(c.kind, c.address, c.name))
        self.straps.second_chosen.connect(lambda c: self.add_second_source(c.kind, c.address, c.name))
        self.breath_cue = BreathCue(self, lambda: self.prefs)
        self.breath_cue.problem.connect(self.store_banner.say)
        self.pause_page.guide.phase_changed.connect(self.breath_cue.phase)
        self.practice = BreathingPractice(self, self.bridge.sample, lambda: self.prefs, self.apply_prefs, self.now,
                                          lambda: [p.slot for p in self.session.people] if self.controller.running else [])
        bind_keys(self)
        window_geometry.restore(self, self.settings_scope)

    # -- what the rest of the app reads -----------------------------------------------------
    @property
    def prefs(self) -> Preferences:
        return self.controller.prefs

    @property
    def session(self):
        return self.controller.session

    @property
    def recorder(self):
        return self.controller.recorder

    @property
    def connection_label(self) -> QLabel:
        return self.connection_bar.label

    def now(self) -> float:
        return self.clock.now() if self.clock is not None else 0.0

    # -- layout ---------------------------------------------------------------------------
    def _build(self, store_message: str) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        d = window_dialogs
        self.connection_bar = ConnectionBar([
            (self.tr("Strap…"), self.tr("Choose a strap"), lambda: self.straps.choose()),
            (self.tr("Second strap…"), self.tr("Add the second partner's strap"),
             lambda: self.straps.choose_second()),
            (self.tr("End conversation"), self.tr("End this conversation: save it and see how it went"),
             lambda: end_conversation(self)),
            (self.tr("History"), self.tr("Session history"), lambda: d.open_history(self)),
            (self.tr("Resting rate…"), self.tr("Measure resting heart rate"), lambda: d.calibrate(self)),
            (self.tr("Breathing rate…"), self.tr("Find the breathing pace your heart follows most, for your pauses "
                                                 "(ten minutes, outside any conflict)"), lambda: self.practice.start()),
            (self.tr("Room view"), self.tr("Full screen, large numbers, to read from across the room (F11)"),
             lambda: toggle_room_view(self)),
            (self.tr("Settings"), self.tr("Settings"), lambda: d.open_settings(self)),
            (self.tr("Help"), self.tr("About and help"), lambda: d.open_help(self))])
        for k in (SECOND_STRAP, END_CONVERSATION):  # greyed from the first frame until a conversation runs
            self.connection_bar.set_enabled(k, False)
        layout.addWidget(self.connection_bar)
        self.store_banner = HistoryBanner(store_message, lambda: window_dialogs.save_elsewhere(self))
        layout.addWidget(self.store_banner)
        self.stack = QStackedWidget()
        self.monitor_page = MonitorPage(self.session, dark=is_dark())
        self.pause_page = PausePage(self.session, self.prefs.breathing)
        self.return_page = ReturnPage(self.session)
        for page in (self.monitor_page, self.pause_page, self.return_page):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.start_card = StartCard(self.monitor_page, lambda: self.straps.choose(), lambda: self.use_source("demo"),
                                    lambda: start_known(self))
        self.start_card.set_known(known_straps(self.prefs))
        self.review_reminder = ReviewReminder(self.history_reader, self.start_card, lambda: d.open_history(self, 2))
        self.review_reminder.check(self.prefs.review_day)
        self.monitor_page.pause_requested.connect(lambda: self.start_pause("manual"))
        self.monitor_page.leave_room_view.connect(lambda: set_room_view(self, False))
        self.pause_page.leave_room_view.connect(lambda: set_room_view(self, False))
        self.monitor_page.alert.start_pause.connect(lambda: self.start_pause("alert"))
        self.monitor_page.alert.not_now.connect(self.controller.snooze)
        self.monitor_page.alert.moving.connect(self.controller.mark_moving)
        self.pause_page.end_early.connect(lambda: self.pause_questions.end_early())
        for page in (self.pause_page, self.return_page):
            page.extend.connect(self.controller.extend_pause)
        self.return_page.back.connect(self.controller.end_pause)

    # -- the straps ----------------------------------------------------------------------------
    def use_source(self, kind: str, address: str | None = None, name: str | None = None) -> None:
        """Start a new session on the first partner's strap (the second one, if any, is released)."""
        self.start_conversation(StrapPlan(kind, (address, name), speed=self.speed))

    def start_conversation(self, plan: StrapPlan) -> None:
        """A new session on every strap of ``plan`` (the running one ends first, its straps released)."""
        sources, clock = open_straps(plan)
        first = sources[0]
        self.start_session(clock, plan.kind, first.name, getattr(first, "address", plan.first[0]))
        for slot, source in enumerate(sources):
            if slot:
                self.controller.add_partner(slot, source.name)
            self.strap_addresses[slot] = getattr(source, "address", None)
            self.worker.use(source, slot)
        if plan.kind == "ble":
            second = plan.second or (self.prefs.second_device_address, self.prefs.second_device_name)
            self.save_prefs(replace(self.prefs, last_device_address=plan.first[0], last_device_name=plan.first[1],
                                    second_device_address=second[0], second_device_name=second[1]))

    def start_session(self, clock: Clock, kind: str, device_name: str, address: str | None = None) -> None:
        """A new recorded session on ``clock``; the worker's session runner gives it time and straps."""
        self.clock = clock
        self.strap_addresses = {0: address}
        self.worker.begin(clock)
        outputs, problem = window_dialogs.lsl_outputs(self, clock) if self.lsl_wanted else ([], "")
        self.controller.start(clock.now, kind, device_name, address, outputs)
        self.start_card.hide()
        QTimer.singleShot(0, lambda: window_dialogs.keep_display_on(self))  # after the first paint: ~50 ms
        for page in (self.monitor_page, self.pause_page, self.return_page):
            page.session = self.session
        self.connection_label.setText(self.tr("Connecting to {name}…").format(name=core(device_name)))
        if problem:
            self.store_banner.say(problem)

    def add_second_source(self, kind: str, address: str | None = None, name: str | None = None) -> None:
        """The second partner's strap joins the running session (same clock, shared pause)."""
        if self.clock is None:
            return
        source, _ = open_source(kind, address, name, clock=self.clock, slot=1, speed=self.speed)
        self.controller.add_partner(1, source.name)
        self.strap_addresses[1] = getattr(source, "address", address)
        self.worker.use(source, 1)
        if kind == "ble":
            self.save_prefs(replace(self.prefs, second_device_address=address, second_device_name=name))

    # -- what the runner sends ----------------------------------------------------------------
    def _on_sample(self, sample) -> None:
        self.controller.feed(sample)
        self.worker.publish_grid(self.controller.tick_grid())  # a partner's first second: the clock learns it

    def _on_session_ended(self, how: str) -> None:
        """The runner ended the session by itself (a replay reached its end): the summary, as after
        "End conversation"."""
        if self.controller.running:
            end_conversation(self, how)

    def _bring_back(self) -> None:
        """The alert brings the window back (from minimised too), drawn: it matters more than the rest."""
        if self.stack.currentWidget() is not self.monitor_page:
            self.monitor_page.refresh(self.now())  # drawn for when the user comes back to it
        if self.isMinimized():
            self.showFullScreen() if self.room_view else self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- the controller's events ------------------------------------------------------------
    def _on_event(self, event: ControllerEvent) -> None:
        if isinstance(event, TicksAdded):
            if self.calibration is not None and event.slot == self.calibration_slot:
                self.calibration.add_ticks(list(event.results))
            self._monitor_dirty = True
            self._redraw_monitor()
        elif isinstance(event, AlertRaised):
            # The numbers and the alert at once; the trace with the next redraw (a second later at most):
            # redrawing the plot was a quarter of the alert's cost.
            self.monitor_page.refresh(self.now(), trace=False)
            self._monitor_dirty = True
            self._bring_back()
            self.messenger.alert(self.controller.alerted_partners, len(self.session.people) > 1)
        elif isinstance(event, StoreChanged):
            self.store_banner.show_store_error(event.error)
        elif isinstance(event, PauseChanged) and event.what == "due":
            if self.stack.currentWidget() is self.pause_page:
                self.return_page.refresh(self.now())  # drawn before it shows: no empty title for a moment
                self.stack.setCurrentWidget(self.return_page)
                self.messenger.notify(self.tr("Pause over"), self.tr("Time to check in: ready to return?"))
        elif isinstance(event, PauseChanged):  # extended (back to breathing) or ended (back to the monitor)
            self._show_page(self.pause_page if event.what == "extended" else self.monitor_page)
        elif isinstance(event, ConnectionChanged):
            self.connection_bar.show_people(self.session.people, bool(self.controller.outputs))
        else:  # alert cleared, snoozed, partners changed
            self._monitor_dirty = True
            self._redraw_monitor(force=True)

    def _show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        self._monitor_dirty = True
        self.refresh()

    # -- time -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Draw what time changed (the runner's clock moves the session; this only paints)."""
        running = self.controller.running
        if self.start_card.isVisible() != (not running):
            self.start_card.set_known(known_straps(self.prefs))
            self.start_card.setVisible(not running)
            self.review_reminder.check(self.prefs.review_day)
        for k in (SECOND_STRAP, END_CONVERSATION):
            self.connection_bar.set_enabled(k, running)
        page = self.stack.currentWidget()
        if page is self.monitor_page:  # the monitor redraws when a new second arrives
            self._redraw_monitor()
        else:
            page.refresh(self.now())
        self.connection_bar.show_people(self.session.people, bool(self.controller.outputs), running)

    def _redraw_monitor(self, force: bool = False) -> None:
        """Redraw the monitor at most about once a second of session time: two straps tick at
        different moments, and drawing both panels and traces twice a second doubled the CPU."""
        if not self._monitor_dirty:
            return
        now = self.now()
        if self.stack.currentWidget() is not self.monitor_page and not force:
            return
        if force or now - self._monitor_drawn_s >= MONITOR_REDRAW_S:
            self._monitor_drawn_s = now
            self._monitor_dirty = False
            self.monitor_page.refresh(now)

    # -- the pause protocol ----------------------------------------------------------------------
    def start_pause(self, reason: str) -> None:
        if self.clock is None:
            return
        self.controller.start_pause(reason)
        pattern = self.prefs.pause_breathing(len(self.session.people))  # a partner's own pace, if found
        self.pause_page.guide.pattern = self.return_page.guide.pattern = pattern
        self._show_page(self.pause_page)

    # -- preferences and closing ---------------------------------------------------------------
    def apply_prefs(self, prefs: Preferences) -> None:
        """New settings from the dialog: the running session is reconfigured and keeps its history."""
        self.save_prefs(prefs)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, prefs.theme, prefs.font_scale)
        fit_text(self)
        self.pause_page.guide.pattern = self.return_page.guide.pattern = prefs.pause_breathing(len(self.session.people))
        self.review_reminder.check(prefs.review_day)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        fit_text(self)

    def save_prefs(self, prefs: Preferences) -> None:
        """Remember ``prefs`` (the running session follows them) and write them to disk."""
        self.controller.apply_prefs(prefs)
        if self.prefs_file is None:
            return
        try:
            self.prefs_file.save(prefs)
        except OSError as exc:
            self.connection_label.setText(self.tr("Could not save settings: {error}").format(error=exc.strerror))

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.closed_by == "app" and not self.pause_questions.may_leave():
            event.ignore()
            return
        window_geometry.save(self, self.settings_scope)
        if not self.controller.finish(self.closed_by):
            window_dialogs.tell_unsaved(self)
        if self.recorder is not None:
            self.recorder.join()  # an earlier session's close may still be on the writer's thread
        if self.history_reader is not None:
            self.history_reader.close()
        self.keep_awake.release()
        self.timer.stop()
        self.bridge.timer.stop()
        self.worker.wake = None
        self.tray.hide()
        super().closeEvent(event)
