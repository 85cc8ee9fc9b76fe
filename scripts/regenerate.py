"""Rebuild every generated file the repository keeps: run after editing data/regions or the model.

    python scripts/regenerate.py           # rewrite what is stale
    python scripts/regenerate.py --check   # list what is stale; exit 1 if anything is

It writes the JSON Schema of region files (schema/region.schema.json, what `cardguide schema`
prints), the JSON Schema of each kind of `--format json` output under the schema_version it
belongs to (schema/output/v2/checklist.schema.json, what `cardguide schema --output checklist`
prints), the header index of the shipped regions (src/cardguide/load/region_headers.json) and the
message catalog as cardguide reads it (src/cardguide/wording/messages.json, from messages.toml).
One test (tests/test_generated.py) fails while any of them is stale.

A version's output schemas are written once. Scripts rely on the JSON of a schema_version not
changing, so when the structs make a different schema for a version already written, the script
refuses and asks for SCHEMA_VERSION to be raised (src/cardguide/render/json_shape.py). While a
new version is not yet released, delete its folder to write it again. Not here: the division
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
from cardguide.render.json_schema import SHAPES, output_schema  # noqa: E402
from cardguide.render.json_shape import SCHEMA_VERSION  # noqa: E402
from cardguide.wording import CATALOG  # noqa: E402

SCHEMA = ROOT / "schema" / "region.schema.json"
# The output schemas of the schema_version cardguide prints now.
OUTPUT = ROOT / "schema" / "output" / f"v{SCHEMA_VERSION}"


def generated() -> dict[Path, str]:
    """Each generated file and the text it should hold, made from the code and data as they are."""
    layers = Catalog([shipped_dir()]).layers()  # every shipped file read and checked
    return {
        SCHEMA: schema_text(region_schema()),
        **{OUTPUT / f"{kind}.schema.json": schema_text(output_schema(kind)) for kind in SHAPES},
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


def published(path: Path) -> bool:
    """Whether a stale file is an output schema of a version already written, which stays."""
    return path.parent == OUTPUT and path.exists()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list what is stale")
    check = parser.parse_args().check
    files = generated()
    outdated = stale(files)
    changed = [path for path in outdated if published(path)]
    for path in outdated:
        if not check and path not in changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[path], encoding="utf-8")
        print(f"{'stale' if check or path in changed else 'rewrote'}: {path.relative_to(ROOT)}")
    if changed:
        print(
            f"The JSON of schema_version {SCHEMA_VERSION} changed. Raise SCHEMA_VERSION in "
            "src/cardguide/render/json_shape.py and run this again; or, if version "
            f"{SCHEMA_VERSION} is not yet released, delete {OUTPUT.relative_to(ROOT)}.",
            file=sys.stderr,
        )
    return 1 if (check and outdated) or changed else 0


if __name__ == "__main__":
    sys.exit(main())
