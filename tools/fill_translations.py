"""Merge translations from a tab-separated file into the catalogue (context, source, translation per line).

    .venv/bin/python tools/fill_translations.py zh_CN new.tsv && .venv/bin/python tools/translations.py

For batches written outside Qt Linguist; the .ts stays the one source of truth.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS_DIR = Path(__file__).resolve().parent.parent / "ui" / "translations"


def fill(language: str, tsv: Path) -> list[tuple[str, str]]:
    """Returns the (context, source) pairs of the file that the catalogue does not have."""
    rows = {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if line.strip():
            context, source, translation = line.split("\t")
            rows[context, source] = translation
    path = TS_DIR / f"flooding_monitor_{language}.ts"
    tree = ET.parse(path)
    used = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"))
            if key in rows:
                translation = message.find("translation")
                translation.text = rows[key]
                translation.attrib.pop("type", None)
                used.add(key)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return sorted(set(rows) - used)


if __name__ == "__main__":
    unknown = fill(sys.argv[1], Path(sys.argv[2]))
    for context, source in unknown:
        print(f"not in the catalogue: [{context}] {source!r}")
    sys.exit(1 if unknown else 0)
