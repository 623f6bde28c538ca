"""The main window: renders the session controller's events and sends it the user's intents.

What happens to a heart beat (detection, history, streaming, the alert) is
decided by :class:`~flooding_monitor.live.controller.SessionController`; this
window lays out the screens, opens the dialogs and asks the worker for straps.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from devices.clock import Clock
from flooding_monitor.live.controller import SessionController
from flooding_monitor.live.events import (
    AlertRaised,
    ConnectionChanged,
    ControllerEvent,
    PauseChanged,
    PauseStarted,
    StoreChanged,
    TicksAdded,
)
from flooding_monitor.live.preferences import Preferences, PreferencesFile
from flooding_monitor.live.snapshot import SessionView
from flooding_monitor.storage.store import SessionStore

from . import window_geometry
from .alert_messenger import AlertMessenger
from .breath_cue import BreathCue
from .connection_bar import ConnectionBar
from .conversation_end import ConversationEnd
from .conversation_start import ConversationStart
from .history_door import HistoryDoor
from .history_banner import HistoryBanner
from .history_reader import HistoryReader
from .i18n import core
from .keep_awake import KeepAwake
from .pause_questions import PauseQuestions
from .practice_dialog import BreathingPractice
from .review_reminder import ReviewReminder
from .resting_rate import RestingRateMeasure
from .room_view import RoomView
from .session_screens import SessionScreens
from .start_card import StartCard, known_plan, known_straps
from .strap_chooser import StrapChooser
from .theme import apply_theme
from .window_fit import fit_text
from .unsaved_data import UnsavedData
from .window_keys import KeyActions, bind_keys
from .worker import DeviceWorker, SourceBridge

log = logging.getLogger(__name__)
SECOND_STRAP, END_CONVERSATION = 1, 2  # top-bar buttons that need a conversation running


class MainWindow(QMainWindow):
    def __init__(self, prefs: Preferences, prefs_file: PreferencesFile | None, worker: DeviceWorker,
                 speed: float = 1.0, settings_scope: str = "flooding-monitor",
                 store: SessionStore | None = None, store_message: str = "", lsl: bool = False) -> None:
        super().__init__()
        self.store = store
        self.prefs_file = prefs_file
        self.worker = worker
        self.settings_scope = settings_scope
        self.controller = SessionController(prefs, store, write_in_background=True)
        #: History, the end card and notes read and write the store through it, never on this thread.
        self.history_reader = HistoryReader(store, self) if store is not None else None
        self.controller.listeners.append(self._on_event)
        self.view: SessionView = self.controller.view()  # the session's latest picture: what is drawn
        self.closed_by = "app"  # or "terminated" / "interrupted" by a signal (ui.app)
        self.keep_awake = KeepAwake()  # the display stays on while a session runs, pause included
        self.setWindowTitle(self.tr("Flooding Monitor"))
        self.setMinimumSize(800, 550)
        self.conversation = ConversationStart(self, worker, self.controller, speed, lsl or prefs.lsl,
                                              lambda: self.prefs, self.save_prefs)
        self._make_helpers()
        self._build(store_message)
        self._listen_to_runner()
        self._connect_helpers()
        bind_keys(self, KeyActions(
            pause=lambda: self.start_pause("manual") if self.stack.currentIndex() == 0 else None,
            escape=lambda: self.controller.snooze() if self.view.alert_active else self.room.leave(),
            settings=self.open_settings, strap=self.straps.choose, resting_rate=self.resting_rate.start,
            help=self.open_help, room_view=self.room.toggle))
        window_geometry.restore(self, self.settings_scope)

    def _make_helpers(self) -> None:
        """The objects with a job of their own, each given what it needs and answering with signals."""
        self.messenger = AlertMessenger(self, lambda: self.prefs, self.worker.submit)
        self.pause_questions = PauseQuestions(self, lambda: self.view, self.now, lambda: self.controller.running)
        self.straps = StrapChooser(self, self.worker, lambda: tuple(p.name for p in self.prefs.partners),
                                   lambda: self.clock is not None, lambda: self.conversation.addresses.get(0))
        self.breath_cue = BreathCue(self, lambda: self.prefs)
        self.resting_rate = RestingRateMeasure(self, lambda: self.view)
        self.unsaved = UnsavedData(self, lambda: self.recorder)
        self.history_door = HistoryDoor(self, self.history_reader, lambda: self.prefs, lambda: self.store_banner.text(),
                                        lambda: getattr(self.recorder, "flush_then", None)
                                        if self.controller.running else None)
        self.conversation_end = ConversationEnd(self, self.controller, self.history_reader, self.worker.end,
                                                self.pause_questions.may_leave, lambda: self.room.on)

    def _listen_to_runner(self) -> None:
        """Samples, statuses and the runner's clock arrive from the devices thread through the bridge."""
        self.bridge = SourceBridge(self.worker.events, lambda: self.worker.generation, parent=self)
        self.worker.wake = self.bridge.wake
        self.bridge.sample.connect(self._on_sample)
        self.bridge.status.connect(self.controller.status)
        self.bridge.tick.connect(self.controller.tick)
        self.bridge.ended.connect(self._on_session_ended)
        # Words and numbers change once a second; the breathing guide animates itself (its own frames,
        # only its own pixels): the window never redraws at the circle's pace.
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(250)

    def _connect_helpers(self) -> None:
        self.messenger.problem.connect(self.store_banner.say)
        self.pause_questions.end_agreed.connect(self.controller.end_pause)
        self.conversation.started.connect(self._on_started)
        self.straps.first_chosen.connect(lambda c: self.conversation.use_source(c.kind, c.address, c.name))
        self.straps.second_chosen.connect(lambda c: self.conversation.add_second_source(c.kind, c.address, c.name))
        self.breath_cue.problem.connect(self.store_banner.say)
        self.pause_page.guide.phase_changed.connect(self.breath_cue.phase)
        self.resting_rate.measured.connect(self.controller.set_baseline)
        self.conversation_end.ended.connect(self.store_banner.clear_note)
        self.conversation_end.ended.connect(self.refresh)
        self.stack.pause_over.connect(lambda: self.messenger.notify(self.tr("Pause over"),
                                                                    self.tr("Time to check in: ready to return?")))
        self.practice = BreathingPractice(self, self.bridge.sample, lambda: self.prefs, self.apply_prefs, self.now,
                                          lambda: [p.slot for p in self.view.people] if self.controller.running else [])

    # -- what the rest of the app reads -----------------------------------------------------
    @property
    def prefs(self) -> Preferences:
        return self.controller.prefs

    @property
    def recorder(self):
        return self.controller.recorder

    @property
    def connection_label(self) -> QLabel:
        return self.connection_bar.label

    @property
    def clock(self) -> Clock | None:
        return self.conversation.clock

    def now(self) -> float:
        return self.clock.now() if self.clock is not None else 0.0

    # -- layout ---------------------------------------------------------------------------
    def _build(self, store_message: str) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.connection_bar = ConnectionBar([
            (self.tr("Strap…"), self.tr("Choose a strap"), lambda: self.straps.choose()),
            (self.tr("Second strap…"), self.tr("Add the second partner's strap"),
             lambda: self.straps.choose_second()),
            (self.tr("End conversation"), self.tr("End this conversation: save it and see how it went"),
             lambda: self.conversation_end.end()),
            (self.tr("History"), self.tr("Session history"), lambda: self.history_door.open()),
            (self.tr("Resting rate…"), self.tr("Measure resting heart rate"), lambda: self.resting_rate.start()),
            (self.tr("Breathing rate…"), self.tr("Find the breathing pace your heart follows most, for your pauses "
                                                 "(ten minutes, outside any conflict)"), lambda: self.practice.start()),
            (self.tr("Room view"), self.tr("Full screen, large numbers, to read from across the room (F11)"),
             lambda: self.room.toggle()),
            (self.tr("Settings"), self.tr("Settings"), lambda: self.open_settings()),
            (self.tr("Help"), self.tr("About and help"), lambda: self.open_help())])
        for k in (SECOND_STRAP, END_CONVERSATION):  # greyed from the first frame until a conversation runs
            self.connection_bar.set_enabled(k, False)
        layout.addWidget(self.connection_bar)
        self.store_banner = HistoryBanner(store_message, lambda: self.unsaved.save_elsewhere())
        layout.addWidget(self.store_banner)
        self.stack = SessionScreens(self.view, self.now)
        self.monitor_page, self.pause_page, self.return_page = self.stack.pages
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.room = RoomView(self, (self.connection_bar, self.store_banner), self.stack.pages)
        self.start_card = StartCard(self.monitor_page, lambda: self.straps.choose(),
                                    lambda: self.conversation.use_source("demo"),
                                    lambda: self.conversation.start(known_plan(self.prefs)))
        self.start_card.set_known(known_straps(self.prefs))
        self.review_reminder = ReviewReminder(self.history_reader, self.start_card, lambda: self.history_door.open(2))
        self.review_reminder.check(self.prefs.review_day)
        self._connect_pages()

    def _connect_pages(self) -> None:
        """The pages' buttons: intents for the controller, or the room view left."""
        self.monitor_page.pause_requested.connect(lambda: self.start_pause("manual"))
        self.monitor_page.leave_room_view.connect(lambda: self.room.set(False))
        self.pause_page.leave_room_view.connect(lambda: self.room.set(False))
        self.monitor_page.alert.start_pause.connect(lambda: self.start_pause("alert"))
        self.monitor_page.alert.not_now.connect(self.controller.snooze)
        self.monitor_page.alert.moving.connect(self.controller.mark_moving)
        self.pause_page.end_early.connect(lambda: self.pause_questions.end_early())
        for page in (self.pause_page, self.return_page):
            page.extend.connect(self.controller.extend_pause)
        self.return_page.back.connect(self.controller.end_pause)

    def _on_started(self, device_name: str, problem: str) -> None:
        """A conversation runs: the start card goes, the display stays on, the strap is being reached."""
        self.start_card.hide()
        # after the first paint (~50 ms); the display stays on while the session runs
        QTimer.singleShot(0, lambda: self.keep_awake.hold_or_tell(self.store_banner.say)
                          if self.controller.running else None)
        self.connection_label.setText(self.tr("Connecting to {name}…").format(name=core(device_name)))
        if problem:
            self.store_banner.say(problem)

    # -- what the runner sends ----------------------------------------------------------------
    def _on_sample(self, sample) -> None:
        self.controller.feed(sample)
        self.worker.publish_grid(self.controller.tick_grid())  # a partner's first second: the clock learns it

    def _on_session_ended(self, how: str) -> None:
        """The runner ended the session by itself (a replay reached its end): the summary, as after
        "End conversation"."""
        if self.controller.running:
            self.conversation_end.end(how)

    def _bring_back(self) -> None:
        """The alert brings the window back (from minimised too): it matters more than the rest."""
        if self.isMinimized():
            self.showFullScreen() if self.room.on else self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- the controller's events ------------------------------------------------------------
    def _on_event(self, event: ControllerEvent) -> None:
        """The screens draw the event's picture; the window brings itself back, rings, tells."""
        if not isinstance(event, StoreChanged):
            self.view = event.view
        self.stack.on_event(event)
        if isinstance(event, (PauseStarted, PauseChanged)):  # straps off for the pause: not a lost session
            self.worker.present_until(max(event.pause.due_s, event.view.t_s))
        if isinstance(event, TicksAdded):
            self.resting_rate.add_ticks(event.slot, event.results)
        elif isinstance(event, AlertRaised):
            self._bring_back()
            self.messenger.alert(event.view.alerted(), event.view.couple)
        elif isinstance(event, StoreChanged):
            self.store_banner.show_store_error(event.error)
        elif isinstance(event, ConnectionChanged):
            self.connection_bar.show_people(event.view.people, bool(self.controller.outputs))

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
        self.stack.draw()
        self.connection_bar.show_people(self.view.people, bool(self.controller.outputs), running)

    def start_pause(self, reason: str) -> None:
        if self.clock is None:
            return
        self.controller.start_pause(reason)
        self.stack.show_pause(self.prefs.pause_breathing(len(self.view.people)))  # a partner's own pace, if found

    # -- preferences and closing ---------------------------------------------------------------
    def apply_prefs(self, prefs: Preferences) -> None:
        """New settings from the dialog: the running session is reconfigured and keeps its history."""
        self.save_prefs(prefs)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, prefs.theme, prefs.font_scale)
        self._fit_text()
        self.stack.set_breathing(prefs.pause_breathing(len(self.view.people)))
        self.review_reminder.check(prefs.review_day)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_text()

    def _fit_text(self) -> None:
        """The text size the settings ask, as far as the window's size allows; the numbers sized again."""
        if fit_text(self, self.prefs.font_scale):
            self.monitor_page.refit()
            self.pause_page.set_room(self.room.on)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog  # made when asked: the first frame comes sooner

        dialog = SettingsDialog(self.prefs, self)
        if dialog.exec():
            self.apply_prefs(dialog.result_prefs())

    def open_help(self) -> None:
        from .help_dialog import HelpDialog

        HelpDialog(self).exec()

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
            self.unsaved.tell()
        if self.recorder is not None:
            self.recorder.join()  # an earlier session's close may still be on the writer's thread
        if self.history_reader is not None:
            self.history_reader.close()
        self.keep_awake.release()
        self.timer.stop()
        self.bridge.timer.stop()
        self.worker.wake = None
        self.messenger.tray.hide()
        super().closeEvent(event)
