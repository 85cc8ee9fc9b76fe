"""Human output at a fixed width against reviewed golden files.

After a deliberate change, regenerate with `CARDGUIDE_UPDATE_GOLDEN=1 pytest tests/test_golden.py`
and review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rich.cells import cell_len

from .conftest import Invoke

GOLDEN_DIR = Path(__file__).parent / "golden"
WIDTH = 80
CASES = {
    "apply-henan-newborn": ["apply", "--region", "henan", "--newborn"],
    "apply-shanghai": ["apply", "--region", "shanghai"],
    "apply-cixi-left-job": ["apply", "--region", "cixi", "--left-job"],
    "activate-ningbo": ["activate", "--region", "ningbo"],
    "regions": ["regions"],
    "replace-ningbo-lost": ["replace", "--region", "ningbo", "--lost"],
    "collect-shanghai-proxy": ["collect", "--region", "shanghai", "--by-proxy"],
    "faq-ningbo-change-bank": ["faq", "--region", "ningbo", "change bank"],
    "check-born-why": [
        "check", "--region", "ningbo", "--born", "2026-10-01", "--today", "2026-12-15", "--why",
    ],
    "apply-henan-employer-why": ["apply", "--region", "henan", "--employer", "--why"],
    # The same tool in Chinese, and bilingual for printouts.
    "apply-ningbo-newborn-zh": ["apply", "--region", "宁波", "--newborn", "--lang", "zh"],
    "apply-ningbo-newborn-both": ["apply", "--region", "宁波市", "--newborn", "--lang", "both"],
    "activate-ningbo-zh": ["activate", "--region", "ningbo", "--lang", "zh"],
    "replace-shanghai-lost-zh": ["replace", "--region", "上海市", "--lost", "--lang", "zh"],
    "collect-shanghai-proxy-both": ["collect", "-r", "shanghai", "--by-proxy", "--lang", "both"],
    "faq-ningbo-change-bank-zh": ["faq", "--region", "宁波", "换银行", "--lang", "zh"],
    "regions-zh": ["regions", "--lang", "zh"],
    "check-born-why-zh": [
        "check", "--region", "宁波", "--born", "2026-10-01", "--today", "2026-12-15", "--why",
        "--lang", "zh",
    ],
}  # fmt: skip
# Printable formats: the file name's suffix is the format.
PRINTED = {
    "apply-ningbo-newborn.md": ["apply", "--region", "ningbo", "--newborn"],
    "apply-ningbo-newborn-zh.md": ["apply", "--region", "宁波", "--newborn", "--lang", "zh"],
    "check-born-zh.md": [
        "check", "--region", "宁波", "--born", "2026-10-01", "--today", "2026-12-15",
        "--lang", "zh",
    ],
    "apply-ningbo-newborn-both.html": ["apply", "--region", "宁波", "--newborn", "--lang", "both"],
    "activate-shanghai.html": ["activate", "--region", "shanghai"],
}  # fmt: skip
FORMATS = {".md": "markdown", ".html": "html"}


def _compare(golden: Path, output: str) -> None:
    if os.environ.get("CARDGUIDE_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "args"), PRINTED.items(), ids=list(PRINTED))
def test_printable_output_matches_its_golden_file(
    name: str, args: list[str], invoke: Invoke
) -> None:
    fmt = FORMATS[Path(name).suffix]
    run = invoke([*args, "--format", fmt], env={"COLUMNS": str(WIDTH)})
    assert (run.exit_code, run.stderr) == (0, "")
    _compare(GOLDEN_DIR / name, run.stdout)
    assert "\x1b" not in run.stdout  # printable formats never carry terminal styles


@pytest.mark.parametrize(("name", "args"), CASES.items(), ids=list(CASES))
def test_text_output_matches_its_golden_file(name: str, args: list[str], invoke: Invoke) -> None:
    run = invoke(args, env={"COLUMNS": str(WIDTH), "NO_COLOR": "1"})
    assert (run.exit_code, run.stderr) == (0, "")
    _compare(GOLDEN_DIR / f"{name}.txt", run.stdout)
    for line in run.stdout.splitlines():
        assert cell_len(line) <= WIDTH, line  # CJK characters take two cells
        assert line == line.rstrip(), "trailing blanks"
