"""Rebuild what the package ships beside its region files: the name index
(src/cardguide/region_headers.json) and the compiled form of every shipped file
(src/cardguide/compiled/, each named by the digest of the file it was compiled from).

Run after editing any file in data/regions (a test fails while either is stale):

    python scripts/build_index.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "src"))

from cardguide import compiled
from cardguide.catalog import Catalog, shipped_dir
from cardguide.headers import FILE, build
from cardguide.loader import decode_layer, read_file


def main() -> None:
    catalog = Catalog([shipped_dir()])
    layers = catalog.layers()  # every file read from its YAML and checked, or this stops here
    FILE.write_text(build(layers), encoding="utf-8")
    compiled.SHIPPED.mkdir(exist_ok=True)
    wanted = set()
    for layer in layers:
        raw = read_file(layer.file)
        fresh = decode_layer(layer.file)  # from the YAML itself, never from an older compiled form
        compiled.store(raw, fresh.region, compiled.SHIPPED)
        wanted.add(f"{compiled.digest(raw)}.msgpack")
    for old in compiled.SHIPPED.glob("*.msgpack"):
        if old.name not in wanted:
            old.unlink()
    print(f"{FILE}: {len(layers)} regions; {compiled.SHIPPED}: {len(wanted)} compiled files")


if __name__ == "__main__":
    main()
