"""Rebuild every generated file the repository keeps: run after editing data/regions or the model.

    python scripts/regenerate.py           # rewrite what is stale
    python scripts/regenerate.py --check   # list what is stale; exit 1 if anything is

It writes the JSON Schema of region files (schema/region.schema.json, what `cardguide schema`
prints), the header index of the shipped regions (src/cardguide/load/region_headers.json) and the
message catalog as cardguide reads it (src/cardguide/wording/messages.json, from messages.toml).
One test (tests/test_generated.py) fails while any of them is stale. Not here: the division
list, a data set with its own script and version (scripts/build_divisions.py), and the compiled
forms of the shipped files, which only a wheel carries (hatch_build.py makes them at build time).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path
from typing import Any

import msgspec

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cardguide.load import headers  # noqa: E402
from cardguide.load.catalog import Catalog, shipped_dir  # noqa: E402
from cardguide.load.schema import region_schema, schema_text  # noqa: E402
from cardguide.wording import CATALOG  # noqa: E402

SCHEMA = ROOT / "schema" / "region.schema.json"


def generated() -> dict[Path, str]:
    """Each generated file and the text it should hold, made from the code and data as they are."""
    layers = Catalog([shipped_dir()]).layers()  # every shipped file read and checked
    return {
        SCHEMA: schema_text(region_schema()),
        headers.FILE: headers.build(layers),
        CATALOG: catalog_text(),
    }


def catalog_text() -> str:
    """messages.toml as one JSON object, a key and its texts a line (a change reads as a diff)."""
    with CATALOG.with_suffix(".toml").open("rb") as file:
        document = tomllib.load(file)
    words: dict[str, Any] = {}
    for namespace, table in document.items():
        for name, value in table.items():
            # A table's own texts are the key without a dot; each table in it is `namespace.name`.
            if isinstance(value, str):
                words.setdefault(namespace, {})[name] = value
            else:
                words[f"{namespace}.{name}"] = value
    lines = [f"{_json(key)}:{_json(entry)}" for key, entry in words.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _json(value: object) -> str:
    return msgspec.json.encode(value).decode()


def stale(files: dict[Path, str]) -> list[Path]:
    """The generated files whose text is not what the code and data make now."""
    found = []
    for path, text in files.items():
        try:
            current = path.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            found.append(path)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list what is stale")
    check = parser.parse_args().check
    files = generated()
    outdated = stale(files)
    for path in outdated:
        if not check:
            path.write_text(files[path], encoding="utf-8")
        print(f"{'stale' if check else 'rewrote'}: {path.relative_to(ROOT)}")
    return 1 if check and outdated else 0


if __name__ == "__main__":
    sys.exit(main())
