"""Whether each of cardguide's performance mechanisms is in effect: facts, not timings.

Each of these saves time or memory without changing anything a person sees, so the test suite
cannot notice one is lost; this script does. Run it with the Python of an environment where
cardguide is installed:

    python benchmarks/mechanisms.py

It prints one line a mechanism, `in effect`, `NOT in effect` or `not checked`, and what was
seen, and exits 1 when any is not in effect. It uses a cache directory of its own.

To tell, it looks inside cardguide (which methods run, which modules are imported, which
directories are listed), as no test should: these facts may change with a harmless refactor,
and then this script is what changes with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from unittest import mock

from generate import generate

# cardguide's console entry point, with what a mechanism leaves behind written out as JSON at
# exit: the cyclic collections run, the directories listed, the modules imported.
PROBE = """\
import atexit, gc, json, os, sys
report_to = sys.argv.pop(1)
sys.argv[0] = "cardguide"
collections = 0
listed = []

def collected(phase, info):
    global collections
    collections += phase == "start"

def audit(event, args):
    if event == "os.scandir":
        listed.append(os.path.realpath(os.fsdecode(args[0] if args[0] is not None else ".")))

def report():
    with open(report_to, "w", encoding="utf-8") as out:
        json.dump({"collections": collections, "listed": listed, "modules": sorted(sys.modules)},
                  out)

gc.callbacks.append(collected)
sys.addaudithook(audit)
atexit.register(report)
from cardguide.launch import main
collections = 0  # only those of the command itself
main()
"""


@dataclass(frozen=True)
class Seen:
    """What one probed command left behind."""

    collections: int
    listed: list[str]
    modules: set[str]


def probe(*args: str) -> Seen:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(report), *args],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
        )  # fmt: skip
        if done.returncode not in (0, 1) or not report.exists():
            sys.exit(f"failed ({done.returncode}): cardguide {' '.join(args)}\n{done.stderr!r}")
        seen = json.loads(report.read_text(encoding="utf-8"))
    return Seen(seen["collections"], seen["listed"], set(seen["modules"]))


@contextmanager
def counted(owner: object, method: str) -> Iterator[mock.MagicMock]:
    """Calls of a method, which still does its work."""
    original = getattr(owner, method)
    with mock.patch.object(owner, method, autospec=True, side_effect=original) as calls:
        yield calls


@cache
def _unchanged(scratch: Path) -> Path:
    """A local directory of 20 regions, left alone for longer than the clock tick within which
    a directory's index does not trust what it recorded."""
    from cardguide.load.dirindex import TICK_NS

    local = scratch / "unchanged"
    generate(local, 20)
    time.sleep(TICK_NS / 1e9 + 0.1)
    return local


def collector_off_for_a_command() -> tuple[bool | None, str]:
    seen = probe("apply", "--region", "ningbo", "--newborn", "--format", "json")
    return seen.collections == 0, f"{seen.collections} cyclic collections in `apply`"


def collector_on_for_a_batch(scratch: Path) -> tuple[bool | None, str]:
    rows = scratch / "rows.csv"
    rows.write_text("command,region\n" + "apply,ningbo\n" * 200, encoding="utf-8")
    seen = probe("batch", str(rows), "--format", "csv")
    return seen.collections > 0, f"{seen.collections} cyclic collections in a 200-row batch"


def no_pinyin_library_at_run_time() -> tuple[bool | None, str]:
    try:
        import pypinyin  # noqa: F401  (a development tool; tests/test_places.py runs without it)
    except ImportError:
        return None, "pypinyin is not installed here"
    imported = "pypinyin" in probe("apply", "--region", "wū lǔ mù qí", "--format", "json").modules
    said = "imports" if imported else "does not import"
    return not imported, f"a lookup by pinyin {said} pypinyin"


def no_yaml_parsed_on_a_warm_run() -> tuple[bool | None, str]:
    args = ("apply", "--region", "ningbo", "--format", "json")
    probe(*args)  # compiles whatever the package did not bring compiled
    imported = "yaml" in probe(*args).modules
    return not imported, f"a second `apply` {'imports' if imported else 'does not import'} PyYAML"


def name_lookup_loads_no_shipped_file() -> tuple[bool | None, str]:
    from cardguide.load import headers
    from cardguide.load.catalog import Catalog

    # A header made from a decoded file, wherever the catalog or a directory's index made it.
    with counted(headers, "header_of") as loads:
        for name in ("宁波市", "海曙区", "Wulumuqi"):
            Catalog().locate(name)
    return loads.call_count == 0, f"{loads.call_count} region files decoded by 3 name lookups"


def listed_once(scratch: Path) -> tuple[bool | None, str]:
    local = _unchanged(scratch)
    args = ("regions", "--data-dir", str(local), "--format", "json")
    probe(*args)  # lists the directory and writes its index
    again = probe(*args).listed.count(os.path.realpath(local))
    return again == 0, f"an unchanged directory listed {again} times by a second `regions`"


def read_once(scratch: Path) -> tuple[bool | None, str]:
    from cardguide.load.catalog import Catalog
    from cardguide.load.dirindex import DirIndex

    local = _unchanged(scratch)
    Catalog(overlays=[local]).gazetteer()  # every local region's names, kept in the index
    with counted(DirIndex, "_read") as reads:
        Catalog(overlays=[local]).gazetteer()
    return reads.call_count == 0, f"{reads.call_count} of 20 files read again for every name"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="cardguide-mechanisms-") as scratch:
        # The probes' and this process's cache: the user's is neither read nor written.
        os.environ["XDG_CACHE_HOME"] = str(Path(scratch) / "cache")
        here = Path(scratch)
        checks: dict[str, Callable[[], tuple[bool | None, str]]] = {
            "one command runs with the cyclic collector off": collector_off_for_a_command,
            "a batch runs its rows with the collector on": lambda: collector_on_for_a_batch(here),
            "a name lookup imports no pinyin library": no_pinyin_library_at_run_time,
            "a warm run parses no YAML": no_yaml_parsed_on_a_warm_run,
            "a name lookup loads no shipped region file": name_lookup_loads_no_shipped_file,
            "an unchanged local directory is listed once": lambda: listed_once(here),
            "an unchanged local file is read once": lambda: read_once(here),
        }
        lost = False
        for what, check in checks.items():
            effect, detail = check()
            verdict = {True: "in effect", False: "NOT in effect", None: "not checked"}[effect]
            lost = lost or effect is False
            print(f"{what:48} {verdict:13}  ({detail})")
    sys.exit(1 if lost else 0)


if __name__ == "__main__":
    main()
