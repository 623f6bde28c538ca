"""Refresh the translation catalogue from the sources, then compile it for the app.

    .venv/bin/python tools/translations.py          # lupdate + lrelease
    .venv/bin/python tools/translations.py --check  # exit 1 if the catalogue is stale or unfinished

Qt's own tools do the work: ``pyside6-lupdate`` collects every ``tr()``,
``translate()`` and ``QT_TRANSLATE_NOOP`` string from the Python sources into
``ui/translations/flooding_monitor_zh_CN.ts`` (keeping existing translations);
translators edit that file in Qt Linguist (``pyside6-linguist``);
``pyside6-lrelease`` compiles it into the ``.qm`` the app loads.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "ui" / "translations"
LANGUAGES = ("zh_CN",)
SOURCE_DIRS = ("ui", "flooding_monitor", "devices")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the same environment as this Python."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for d in SOURCE_DIRS for p in (ROOT / d).rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def problems(ts: Path) -> list[str]:
    """Messages with no finished translation, and translations that lost a {placeholder}."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
                out.append(f"[{name}] untranslated: {source!r}")
                continue
            for hole in _placeholders(source):
                if hole not in text:
                    out.append(f"[{name}] translation of {source!r} lost {hole}")
    return out


def _placeholders(text: str) -> set[str]:
    import re

    return set(re.findall(r"\{[a-z_]*(?::[^}]*)?\}", text))


def check() -> list[str]:
    """Run lupdate on a copy: anything new or unfinished, or a stale .qm, is a problem."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            ts = TS_DIR / f"flooding_monitor_{lang}.ts"
            copy = Path(tmp) / ts.name
            shutil.copy(ts, copy)
            lupdate(copy)
            found += problems(copy)
            if copy.read_text(encoding="utf-8") != ts.read_text(encoding="utf-8"):
                found.append(f"{ts.name} is out of date with the sources: run tools/translations.py")
            qm = Path(tmp) / "check.qm"
            lrelease(ts, qm)
            if qm.read_bytes() != (TS_DIR / f"flooding_monitor_{lang}.qm").read_bytes():
                found.append(f"flooding_monitor_{lang}.qm is stale: run tools/translations.py")
    return found


def main() -> int:
    if "--check" in sys.argv:
        found = check()
        print("\n".join(found) or "translations complete")
        return 1 if found else 0
    for lang in LANGUAGES:
        ts = TS_DIR / f"flooding_monitor_{lang}.ts"
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        left = problems(ts)
        print(f"{ts.name}: {len(left)} to translate")
        for p in left[:20]:
            print("  " + p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
