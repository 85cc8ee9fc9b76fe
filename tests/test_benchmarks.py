"""The benchmark scripts run end to end on tiny inputs and report in shape; timings are never
asserted here, only by the scripts themselves."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    # Without PYTHONDONTWRITEBYTECODE, run.py has no reason to warn that every run compiles.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True, text=True, check=False, timeout=600, env=env,
    )  # fmt: skip


NUMBER = r"(\d+\.\d\d)"
RATIO_ROW = re.compile(
    rf"^\| (?P<what>[^|]+) \| (?P<floor>[^|]+) \| {NUMBER}× \| {NUMBER}–{NUMBER} "
    rf"\| ≤ {NUMBER}× \| (?P<verdict>pass|short) \|$"
)
MEMORY_ROW = re.compile(
    r"^\| peak RSS of the goal-1 command \| — \| (\d+) MiB \| — \| ≤ (\d+) MiB "
    r"\| (?P<verdict>pass|short) \|$"
)


def _verdicts(figure: float, goal: float) -> set[str]:
    """The verdicts a rounded figure allows: the script judged it before rounding."""
    return {"pass"} if figure < goal else {"short"} if figure > goal else {"pass", "short"}


def test_the_benchmark_table_has_every_row_and_each_verdict_follows_its_figures() -> None:
    done = _run("run.py", "--tiny")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0] == f"runs: 3 alternating pairs; Python {platform.python_version()}"
    rows = [line for line in lines if line.startswith("| ")]
    assert rows[0] == "| command | floor | median ratio | min–max | goal | result |"
    *ratios, memory = rows[1:]
    shaped = [RATIO_ROW.match(row) for row in ratios]
    assert all(shaped), ratios
    # --tiny means 20 synthetic regions and 50 batch rows.
    assert [match["what"] for match in shaped if match] == [
        "apply --format json",
        "apply --format text",
        "goal-1 command with 20 regions on CARDGUIDE_PATH",
        "regions --format json with 20 regions",
        "apply --region 宁波 with 20 regions",
        "cold validate of 20 files (empty cache)",
        "validate of 20 files, cache warm",
        "batch of 50 mixed rows",
    ]
    for match in filter(None, shaped):
        ratio, low, high, goal = (float(match[group]) for group in range(3, 7))
        # The ratio of the medians lies between the lowest and highest paired ratio.
        assert low <= ratio <= high, match[0]
        assert match["verdict"] in _verdicts(ratio, goal), match[0]
    peak = MEMORY_ROW.match(memory)
    assert peak, memory
    assert int(peak[1]) > 0
    assert peak["verdict"] in _verdicts(int(peak[1]), int(peak[2])), memory


def test_the_startup_script_reports_each_call_against_bare_python() -> None:
    done = _run("startup.py", "--runs", "1")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    line = re.compile(r"^(.{32}) +(\d+\.\d) ms  \(\+ *(-?\d+\.\d) over bare Python\)$")
    shaped = [line.match(text) for text in done.stdout.splitlines()]
    assert all(shaped), done.stdout
    matches = [match for match in shaped if match]
    assert [match[1].rstrip() for match in matches] == [
        "python -c pass",
        "import typer",
        "cardguide --version",
        "apply --format json",
        "apply (text)",
        "apply by Chinese name (json)",
        "regions --format json",
    ]
    bare = float(matches[0][2])
    for match in matches:
        # Each figure was rounded on its own, so the difference may be off by a rounding step.
        assert abs(float(match[3]) - (float(match[2]) - bare)) <= 0.1001, match[0]


def test_the_synthetic_regions_are_valid_and_four_levels_deep(tmp_path: Path) -> None:
    made = _run("generate.py", str(tmp_path), "--count", "120")
    assert (made.returncode, made.stdout, made.stderr) == (0, "", "")
    assert len(list(tmp_path.glob("*.yaml"))) == 120
    done = subprocess.run(
        [sys.executable, "-m", "cardguide", "validate", "--strict", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    deepest = (tmp_path / "synthetic00119.yaml").read_text(encoding="utf-8")
    assert "level: county" in deepest  # county → city → province → national


def test_the_mechanisms_script_says_of_each_mechanism_whether_it_is_in_effect() -> None:
    done = _run("mechanisms.py")
    assert done.stderr == ""
    states = re.findall(r"^(.{48}) (in effect|NOT in effect|not checked) ", done.stdout, re.M)
    assert len(states) == len(done.stdout.splitlines()) == 7, done.stdout
    # The exit code follows the lines: 1 exactly when one says NOT.
    assert done.returncode == int(any(state == "NOT in effect" for _name, state in states))
