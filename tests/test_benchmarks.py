"""The benchmark script runs end to end on a tiny input; its timings are never asserted here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


def test_the_benchmark_script_prints_every_row_of_its_table() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--tiny"],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    assert rows[0] == "| command | floor | median ratio | min–max | goal | result |"
    measured = rows[1:]
    assert len(measured) == 8, done.stdout  # seven ratios and the peak memory
    for row in measured:
        assert row.rstrip(" |").rsplit("| ", 1)[-1] in ("pass", "short"), row


def test_the_synthetic_regions_are_valid_and_four_levels_deep(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    ids = generate(tmp_path, 120)
    done = subprocess.run(
        [sys.executable, "-m", "cardguide", "validate", "--strict", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    deepest = (tmp_path / f"{ids[-1]}.yaml").read_text(encoding="utf-8")
    assert "level: county" in deepest  # county → city → province → national
