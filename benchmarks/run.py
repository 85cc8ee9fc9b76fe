"""Every row of issue 20's table, measured side by side: the command and its floor alternate,
each at least 11 times, and the ratio of their medians is set against the goal.

    python benchmarks/run.py [--runs 11] [--regions 3000] [--rows 10000]
    python benchmarks/run.py --tiny      # a quick run on a tiny input (the test suite does this)
    python benchmarks/run.py --only text # the rows whose name holds "text"

Run it with the Python of an environment where cardguide is installed. It prints a Markdown
table: command, floor, median ratio, min–max of the paired ratios, goal, pass or short.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generate import generate

from cardguide.load.dirindex import TICK_NS

PY = sys.executable
CARDGUIDE = [PY, "-m", "cardguide"]
GOAL_1 = [*CARDGUIDE, "apply", "--region", "ningbo", "--newborn", "--format", "json"]
TEXT = [*CARDGUIDE, "apply", "--region", "ningbo", "--newborn", "--format", "text"]


@dataclass
class Row:
    what: str
    command: list[str]
    floor_name: str
    floor: list[str]
    goal: float
    env: dict[str, str] = field(default_factory=dict)  # for the command only
    floor_env: dict[str, str] = field(default_factory=dict)
    cold: bool = False  # every run of the command starts with an empty cache


def _time(command: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # batch exits 1 when rows failed, as designed
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr.decode()}")
    return elapsed


def measure(row: Row, runs: int, base: dict[str, str]) -> tuple[float, float, float]:
    """Median ratio, and the lowest and highest ratio of one command run to its paired floor."""
    _time(row.command, {**base, **row.env})  # warm the disk cache and cardguide's own cache
    _time(row.floor, {**base, **row.floor_env})
    ours: list[float] = []
    floors: list[float] = []
    for index in range(runs):
        pair = [(ours, row.command, row.env), (floors, row.floor, row.floor_env)]
        for samples, command, env in pair if index % 2 == 0 else reversed(pair):
            if row.cold and samples is ours:  # emptied before the clock starts
                shutil.rmtree(base["XDG_CACHE_HOME"], ignore_errors=True)
            samples.append(_time(command, {**base, **env}))
    ratios = [a / b for a, b in zip(ours, floors, strict=True)]
    return statistics.median(ours) / statistics.median(floors), min(ratios), max(ratios)


def peak_rss_mib(command: Sequence[str], env: dict[str, str]) -> float:
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run([PY, "-c", probe, *command], env=env, capture_output=True, text=True)
    return int(done.stdout.strip()) / 1024  # Linux reports KiB


def _batch_file(path: Path, rows: int) -> None:
    """A help desk's day: mostly good rows of several kinds, one in 97 bad."""
    good = [
        ("apply", "ningbo", "newborn", ""), ("apply", "海曙区", "", ""),
        ("activate", "shanghai", "", ""), ("replace", "beijing", "lost", ""),
        ("collect", "shanghai", "by_proxy", ""), ("check", "宁波", "", "2026-10-01"),
        ("faq", "hangzhou", "", ""), ("apply", "成都", "foreign_employee;employer", ""),
    ]  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["command", "region", "profile", "born"])
        for number in range(rows):
            bad = number % 97 == 0
            writer.writerow(("apply", "atlantis", "", "") if bad else good[number % len(good)])


def uncompiled() -> bool:
    """Whether every run would compile cardguide's modules from source (about 20 ms): no
    compiled copy is kept beside them and Python may not write one (PYTHONDONTWRITEBYTECODE),
    as in an editable install on a machine that sets it. A regular install compiles them once."""
    import importlib.util

    import cardguide.cli.app

    cached = Path(importlib.util.cache_from_source(cardguide.cli.app.__file__))
    return bool(sys.flags.dont_write_bytecode) and not cached.exists()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--regions", type=int, default=3000)
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--tiny", action="store_true", help="3 runs, 20 regions, 50 rows")
    parser.add_argument("--only", default="", help="measure only the rows whose name holds this")
    args = parser.parse_args(argv)
    if args.tiny:
        args.runs, args.regions, args.rows = 3, 20, 50
    if uncompiled():
        print(
            "warning: cardguide's modules have no compiled copy here and Python may not write "
            "one, so every run compiles them; measure a regular `pip install .`",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        regions = root / "regions"
        generate(regions, args.regions)
        if not args.tiny:
            # The rows measure a directory between changes, as a help desk's is. For one clock
            # tick after its files change, their indexed headers are not trusted and are read
            # again (the racy-clean rule): runs in that tick would time those reads instead.
            time.sleep(TICK_NS / 1e9 + 0.1)
        people = root / "people.csv"
        _batch_file(people, args.rows)
        parse_all = (
            "import sys, yaml\nfrom pathlib import Path\n"
            "for f in sorted(Path(sys.argv[1]).glob('*.yaml')):\n"
            "    yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)\n"
        )
        # cardguide's own cache goes in the temporary directory: no run leans on an old one.
        base = {**os.environ, "XDG_CACHE_HOME": str(root / "cache"), "NO_COLOR": "1"}
        extra = {"CARDGUIDE_PATH": str(regions)}
        rows = [
            Row("apply --format json", GOAL_1, 'python -c "import typer, yaml"',
                [PY, "-c", "import typer, yaml"], 1.10),
            Row("apply --format text", TEXT, 'python -c "import typer, yaml, rich.console"',
                [PY, "-c", "import typer, yaml, rich.console"], 1.10),
            Row(f"goal-1 command with {args.regions} regions on CARDGUIDE_PATH", GOAL_1,
                "goal-1 command", GOAL_1, 1.05, env=extra),
            Row(f"regions --format json with {args.regions} regions",
                [*CARDGUIDE, "regions", "--format", "json"], "goal-1 command", GOAL_1, 1.5,
                env=extra),
            Row(f"apply --region 宁波 with {args.regions} regions",
                [*CARDGUIDE, "apply", "--region", "宁波", "--newborn", "--format", "json"],
                "goal-1 command", GOAL_1, 1.10, env=extra),
            Row(f"cold validate of {args.regions} files (empty cache)",
                [*CARDGUIDE, "validate", str(regions)],
                "yaml.CSafeLoader parse of them, one process",
                [PY, "-c", parse_all, str(regions)], 3.0, cold=True),
            Row(f"validate of {args.regions} files, cache warm",
                [*CARDGUIDE, "validate", str(regions)],
                "yaml.CSafeLoader parse of them, one process",
                [PY, "-c", parse_all, str(regions)], 3.0),
            Row(f"batch of {args.rows} mixed rows", [*CARDGUIDE, "batch", str(people)],
                "one goal-1 call", GOAL_1, 2.0),
        ]  # fmt: skip
        print(f"runs: {args.runs} alternating pairs; Python {sys.version.split()[0]}\n")
        print("| command | floor | median ratio | min–max | goal | result |")
        print("|---|---|---|---|---|---|")
        for row in (row for row in rows if args.only in row.what):
            ratio, low, high = measure(row, args.runs, base)
            verdict = "pass" if ratio <= row.goal else "short"
            print(
                f"| {row.what} | {row.floor_name} | {ratio:.2f}× | {low:.2f}–{high:.2f} "
                f"| ≤ {row.goal:.2f}× | {verdict} |",
                flush=True,
            )
        rss = statistics.median(peak_rss_mib(GOAL_1, base) for _ in range(3))
        verdict = "pass" if rss <= 60 else "short"
        print(f"| peak RSS of the goal-1 command | — | {rss:.0f} MiB | — | ≤ 60 MiB | {verdict} |")


if __name__ == "__main__":
    main()
