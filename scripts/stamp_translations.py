"""Record in region files which English revision each checked Chinese translation follows.

A translator runs this after writing or checking translations:

    python scripts/stamp_translations.py data/regions/ningbo.yaml            # add missing records
    python scripts/stamp_translations.py --accept-stale data/regions/ningbo.yaml

Without options it adds `zh_of: <revision>` to every text that has both languages and no record
(CG027). With --accept-stale it also moves stale records (CG026) to the current revision; use it
only after checking those translations against the new English, which `cardguide validate`
lists. Nothing else in the file changes: comments, layout and order stay as they are.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cardguide.errors import DataError
from cardguide.load.loader import decode_layer, iter_texts, read_file
from cardguide.load.sourcemap import Document, KeyPath
from cardguide.load.yamlread import read_yaml
from cardguide.wording.text import revision


def edits(
    doc: Document, texts: list[tuple[KeyPath, object]], accept_stale: bool
) -> list[tuple[int, int, int, str]]:
    """(line, column, length to replace, new text) for each record to add or move."""
    found: list[tuple[int, int, int, str]] = []
    for path, text in texts:
        en, zh = getattr(text, "en", None), getattr(text, "zh", None)
        if not (en and zh) or getattr(text, "en_of", None) is not None:
            continue
        current = revision(en)
        record = getattr(text, "zh_of", None)
        if record is None and path[:1] not in (("names",), ("full_names",)):
            line, column = doc.keys[(*path, "zh")]
            found.append((line, column, 0, f"zh_of: {current}{_separator(doc, path)}"))
        elif record is not None and record != current and accept_stale:
            line, column = doc.values[(*path, "zh_of")]
            found.append((line, column, len(record), current))
    return found


def _separator(doc: Document, path: KeyPath) -> str:
    """After the new key: a comma in a flow mapping, a new line at the key's indent in a block."""
    line, column = doc.keys[(*path, "zh")]
    text_line = doc.file.read_text(encoding="utf-8").splitlines()[line - 1]
    before = text_line[: column - 1]
    return "\n" + before if not before.strip() else ", "


def stamp(file: Path, accept_stale: bool) -> int:
    layer = decode_layer(file)
    # Positions come from the YAML itself: a layer read from its compiled form has none.
    doc = read_yaml(file, read_file(file))
    changes = edits(doc, list(iter_texts(layer.region)), accept_stale)
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    # Later positions first, so earlier ones stay where the parser saw them.
    for line, column, length, new in sorted(changes, reverse=True):
        row = lines[line - 1]
        lines[line - 1] = row[: column - 1] + new + row[column - 1 + length :]
    if changes:
        file.write_text("".join(lines), encoding="utf-8")
    return len(changes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--accept-stale", action="store_true", help="also move stale records")
    args = parser.parse_args()
    for file in args.files:
        try:
            count = stamp(file, args.accept_stale)
        except DataError as error:
            print(f"{file}: not stamped: {error}", file=sys.stderr)
            return 1
        print(f"{file}: {count} record(s) written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
