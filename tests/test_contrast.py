"""WCAG 2.1 AA contrast, computed from the theme's own colours: 4.5:1 for text, 3:1 for large text
(the rate, the state's words, partner names: bold and 14 pt or more) and for graphics."""

from __future__ import annotations

import pytest

from flooding_monitor.detection.detector import State
from flooding_monitor.live.partners import DEFAULT_PARTNERS
from ui.history_banner import BANNER_COLOURS
from ui.alert_banner import AlertBanner
from ui.theme import PRIMARY_BLUE, STATE_LOOKS, WINDOW_BACKGROUND


def luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_formula_matches_wcag_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic AA grey


@pytest.mark.parametrize("state", list(State))
def test_state_colours_are_readable_in_both_themes(state):
    light, dark = STATE_LOOKS[state][2]
    assert contrast(light, WINDOW_BACKGROUND[0]) >= 4.5  # light: even as normal text
    assert contrast(dark, WINDOW_BACKGROUND[1]) >= 3.0  # dark: large text (the rate, the state's words)


def test_white_on_the_advised_action_button():
    assert contrast("#ffffff", PRIMARY_BLUE) >= 4.5


@pytest.mark.parametrize("dark", [False, True])
def test_the_alert_and_the_history_banner_read_in_both_themes(dark):
    panel, border, text = AlertBanner.COLOURS[dark]
    assert contrast(text, panel) >= 4.5
    assert contrast(border, panel) >= 3.0  # the panel's edge is a graphic
    background, words = BANNER_COLOURS[dark]
    assert contrast(words, background) >= 4.5
    if dark:
        assert luminance(background) < 0.05


def test_the_dark_alert_is_dark():
    panel = AlertBanner.COLOURS[True][0]
    assert luminance(panel) < 0.05, "the brightest thing in a dim room should not be the alert"


@pytest.mark.parametrize("partner", DEFAULT_PARTNERS, ids=lambda p: p.name)
def test_partner_colours_stand_out_in_both_themes(partner):
    assert contrast(partner.colour, WINDOW_BACKGROUND[0]) >= 4.5  # names in the light theme, any size
    assert contrast(partner.colour, WINDOW_BACKGROUND[1]) >= 3.0  # traces and bold names in the dark one


@pytest.mark.parametrize("dark", [False, True])
def test_chart_text_and_the_neutral_marks_read_in_both_themes(dark, qtbot):
    """History axes were pyqtgraph's grey (2.71:1); the neutral marks (pause, threshold, "Not now")
    are graphics and need 3:1."""
    from ui.session_detail import NEUTRAL, SessionDetail
    from ui.theme import CHART_TEXT

    assert contrast(CHART_TEXT[dark], WINDOW_BACKGROUND[dark]) >= 4.5
    assert contrast(NEUTRAL, WINDOW_BACKGROUND[dark]) >= 3.0
    detail = SessionDetail()
    qtbot.addWidget(detail)
    axis = detail.plot.getAxis("left")
    assert axis.textPen().color().name() == CHART_TEXT[False]  # the test app runs the light theme


def test_a_button_that_stops_being_the_advised_one_looks_plain_again(qtbot, worker, tmp_path):
    """Bug: when "Start conversation" took the advised role, "Choose another strap…" kept the light-blue,
    white-text palette of its removed style sheet and looked like a second advised action."""
    from PySide6.QtGui import QPalette

    from flooding_monitor.live.preferences import Preferences, PreferencesFile
    from ui.main_window import MainWindow

    window = MainWindow(Preferences(sound=False, notifications=False, last_device_name="Polar H10"),
                        PreferencesFile(tmp_path / "p.json"), worker, settings_scope="fm-tests")
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    card = window.start_card
    for role in (QPalette.ColorRole.Button, QPalette.ColorRole.ButtonText):
        assert card.choose.palette().color(role) == card.demo.palette().color(role)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_greyed_control_looks_greyed(theme):
    """Bug: the theme set each colour for every group, so "End conversation" greyed out looked live."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from ui.theme import apply_theme

    app = QApplication.instance()
    apply_theme(app, theme)
    try:
        p = app.palette()
        for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
            live = p.color(QPalette.ColorGroup.Active, role)
            greyed = p.color(QPalette.ColorGroup.Disabled, role)
            assert contrast(live.name(), greyed.name()) > 2.0
    finally:
        apply_theme(app, "light")


def _lab(colour: str, vision: str = "normal") -> tuple[float, float, float]:
    """CIELAB of ``colour`` as seen with ``vision`` (Machado et al. 2009, full severity)."""
    import numpy as np

    simulate = {"normal": np.eye(3),
                "protan": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                           [-0.003882, -0.048116, 1.051998]],
                "deutan": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                           [-0.011820, 0.042940, 0.968881]],
                "tritan": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                           [0.004733, 0.691367, 0.303900]]}[vision]
    srgb = np.array([int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    linear = np.clip(np.asarray(simulate) @ np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4), 0, 1)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    f = np.cbrt(xyz / np.array([0.9505, 1.0, 1.089]))
    f = np.where(xyz / np.array([0.9505, 1.0, 1.089]) > 0.008856, f, 7.787 * xyz / np.array([0.9505, 1.0, 1.089]) + 16 / 116)
    return (116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2]))


def _delta_e(a: str, b: str, vision: str = "normal") -> float:
    return sum((x - y) ** 2 for x, y in zip(_lab(a, vision), _lab(b, vision))) ** 0.5


def test_partner_colours_are_not_state_colours_and_differ_for_colour_blind_eyes():
    """Issue 26: partner A was drawn in "Settling" blue and B in "Rising" amber, so a name read as a state.
    Each partner's colour is now at least 30 ΔE (CIELAB) from every state colour, and the two partners
    at least 40 apart with normal vision and with each common deficiency."""
    states = [colour for look in STATE_LOOKS.values() for colour in look[2] if look[0] != "Strap not reading"]
    for partner in DEFAULT_PARTNERS:
        nearest = min(_delta_e(partner.colour, s) for s in states)
        assert nearest >= 30, f"{partner.name} is {nearest:.0f} ΔE from a state's colour"
    a, b = (p.colour for p in DEFAULT_PARTNERS)
    for vision in ("normal", "protan", "deutan", "tritan"):
        assert _delta_e(a, b, vision) >= 40, vision
