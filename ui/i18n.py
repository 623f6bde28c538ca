"""Languages: English (the source) and Simplified Chinese, with Qt's translation tools.

Widgets mark their words with ``self.tr(...)``; the core marks its own with
``QT_TRANSLATE_NOOP("core", ...)`` and :func:`core` translates them here.
The catalogue is ``ui/translations/flooding_monitor_zh_CN.ts`` (edit it with
Qt Linguist, ``pyside6-linguist``); ``tools/translations.py`` refreshes it
from the sources with ``pyside6-lupdate`` and compiles the ``.qm`` the app
loads with ``pyside6-lrelease``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
TRANSLATIONS = Path(__file__).parent / "translations"
CATALOGUE = "flooding_monitor"
SHIPPED = ("zh_CN",)  # besides English, the source language


def resolve(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting, or the system's when it is one we ship (else English)."""
    if setting != "system":
        return setting
    name = (system or QLocale.system()).name()  # e.g. "zh_CN", "zh_SG", "en_GB"
    if name.startswith("zh") and not name.startswith(("zh_TW", "zh_HK", "zh_MO")):
        return "zh_CN"  # Simplified Chinese; traditional-script regions are not shipped yet
    return "en"


def install(app: QCoreApplication, setting: str = "system") -> str:
    """Load our catalogue and Qt's own (standard buttons, dialogs) for the chosen language."""
    language = resolve(setting)
    for old in getattr(app, "_fm_translators", []):
        app.removeTranslator(old)
    app._fm_translators = []  # keep references: a collected QTranslator stops translating
    if language == "en":
        # Dates in English words too: the system's own English (en_GB, en_IN...) or else US English.
        system = QLocale.system()
        QLocale.setDefault(system if system.language() == QLocale.Language.English else QLocale("en_US"))
        return language
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if not ours.load(f"{CATALOGUE}_{language}", str(TRANSLATIONS)):
        log.warning("no %s translation in %s; showing English", language, TRANSLATIONS)
        return "en"
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) or \
            qt.load(f"qt_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        app._fm_translators.append(qt)
    app.installTranslator(ours)
    app._fm_translators.append(ours)
    return language


def core(text: str) -> str:
    """A core message in the user's language (a :class:`~flooding_monitor.text.Text` keeps its arguments)."""
    template = getattr(text, "template", None)
    if template is None:
        return QCoreApplication.translate("core", text)
    base, detail, _ = template.partition(" ({detail})")  # advice with a technical detail appended
    args = {k: core(v) if hasattr(v, "template") else v for k, v in text.args.items()}  # nested messages too
    if "detail" in args:  # a known detail is translated; a system's own error text stays as it came
        args["detail"] = QCoreApplication.translate("core", args["detail"])
    return (QCoreApplication.translate("core", base) + detail).format(**args)


def join(parts: list[str]) -> str:
    """A list in words: ", " in English, "，" in Chinese."""
    return QCoreApplication.translate("core", ", ").join(core(p) for p in parts)


def sentences(parts: list[str]) -> str:
    """Sentences in a row: a space after English ones, none after Chinese full stops."""
    out = ""
    for part in parts:
        if out and not out.endswith(("。", "！", "？", "：", "…")):
            out += " "
        out += part
    return out


def long_date(day) -> str:
    """A date as the user's language writes it in full ("Sunday, 6 December 2026")."""
    return QLocale().toString(day, QLocale.FormatType.LongFormat)


def date_time(when) -> str:
    """A date and time in the user's language ("Wednesday, 25 November 2026 20:14")."""
    return f"{long_date(when.date())} {when:%H:%M}"


def short_date(day, month: str = "MMM") -> str:
    """"23 Nov" in English ("23 November" with ``month="MMMM"``), "11月23日" in Chinese (Qt's "d MMM" gave
    "23 11月")."""
    if QLocale().language() == QLocale.Language.Chinese:
        return f"{day.month}月{day.day}日"
    return QLocale().toString(day, f"d {month}")
