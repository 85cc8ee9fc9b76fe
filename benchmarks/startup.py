"""Start-up cost of typical calls against bare Python and `import typer` (median wall time).

Run with the interpreter of an environment where cardguide is installed:

    python benchmarks/startup.py [--runs 31]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CASES: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import typer": [sys.executable, "-c", "import typer"],
    "cardguide --version": [sys.executable, "-m", "cardguide", "--version"],
    "apply --format json": [
        sys.executable, "-m", "cardguide", "apply", "--region", "ningbo", "--newborn",
        "--format", "json",
    ],
    "apply (text)": [sys.executable, "-m", "cardguide", "apply", "--region", "ningbo", "--newborn"],
    "apply by Chinese name (json)": [
        sys.executable, "-m", "cardguide", "apply", "--region", "宁波", "--format", "json",
    ],
    "regions --format json": [sys.executable, "-m", "cardguide", "regions", "--format", "json"],
}  # fmt: skip


def median_ms(command: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()
    baseline = None
    for name, command in CASES.items():
        ms = median_ms(command, args.runs)
        baseline = ms if baseline is None else baseline
        print(f"{name:32} {ms:7.1f} ms  (+{ms - baseline:6.1f} over bare Python)")


if __name__ == "__main__":
    main()
