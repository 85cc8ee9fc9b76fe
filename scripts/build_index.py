"""Rebuild src/cardguide/region_headers.json from the shipped region files.

Run after editing any file in data/regions (a test fails while the index is stale):

    python scripts/build_index.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "src"))

from cardguide.catalog import Catalog, shipped_dir
from cardguide.headers import FILE, build


def main() -> None:
    catalog = Catalog([shipped_dir()])
    FILE.write_text(build(catalog.layers()), encoding="utf-8")
    print(f"{FILE}: {len(catalog.ids())} regions")


if __name__ == "__main__":
    main()
