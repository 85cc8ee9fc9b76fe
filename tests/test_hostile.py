"""Hostile input: no text from data, file names or arguments drives a terminal or breaks JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cardguide.load import catalog
from cardguide.load.catalog import shipped_dir

from .conftest import Invoke

UNSAFE = ["\x1b", "\u202e", "\u2066", "\x9b", "\x07"]


def local_cixi(directory: Path, replace: tuple[str, str] | None = None) -> Path:
    directory.mkdir(exist_ok=True)
    text = (shipped_dir() / "cixi.yaml").read_text(encoding="utf-8")
    if replace is not None:
        assert replace[0] in text
        text = text.replace(*replace, 1)
    path = directory / "cixi.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_escape_sequence_in_a_file_name_reaches_stderr_escaped(
    invoke: Invoke, tmp_path: Path
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    (local / "\x1b[31mred\u202e.yaml").write_text("id: x\n", encoding="utf-8")
    run = invoke(["regions", "--data-dir", str(local), "--lang", "en"])
    assert run.exit_code == 0
    assert run.stdout.startswith("ID ")  # the shipped regions are still listed
    assert "\nningbo " in run.stdout
    assert "skipped" in run.stderr
    assert "\\u001b[31mred\\u202e.yaml" in run.stderr
    for char in UNSAFE:
        assert char not in run.stderr + run.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_an_escape_sequence_in_an_argument_never_reaches_the_output_raw(
    fmt: str, invoke: Invoke
) -> None:
    run = invoke(["faq", "--region", "ningbo", "\x1b]0;owned\x07 \u202ecard", "--format", fmt])
    assert (run.exit_code, run.stderr) == (0, "")
    assert "0;owned" in run.stdout  # the query is shown, escaped
    for char in UNSAFE:
        assert char not in run.stdout + run.stderr
    if fmt == "json":
        assert run.json()["query"] == "\x1b]0;owned\x07 \u202ecard"  # escaped, not lost


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\x1b", "\x9b"])
def test_a_bidi_override_or_control_in_region_text_is_refused(
    char: str, invoke: Invoke, tmp_path: Path
) -> None:
    path = local_cixi(tmp_path / "local", ("names: {en: Cixi,", f"names: {{en: 'Ci{char}xi',"))
    run = invoke(["validate", str(path), "--format", "json"])
    assert (run.exit_code, run.stderr) == (1, "cardguide: 1 error, 0 warnings in 1 file\n")
    codes = {d["code"] for d in run.json()["diagnostics"]}
    assert "CG023" in codes or "CG001" in codes, codes


@pytest.mark.parametrize("amount", [".inf", "-.inf", ".nan", "1e400"])
def test_an_amount_that_is_not_a_finite_number_is_refused_with_its_place(
    amount: str, invoke: Invoke, tmp_path: Path
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    (local / "national.yaml").write_text(
        "id: national\nlevel: national\nnames: {en: Testland}\nlast_reviewed: 2026-11-01\n"
        "sources: [{id: 'test:s', title: {en: T}, status: official, kind: government}]\n"
        "procedures:\n  apply:\n    fees:\n"
        f"      - {{id: f, text: {{en: A fee.}}, amount_yuan: {amount}, sources: ['test:s'],"
        " status: official}\n",
        encoding="utf-8",
    )
    run = invoke(["validate", str(local / "national.yaml"), "--format", "json"])
    assert (run.exit_code, run.stderr) == (1, "cardguide: 1 error, 0 warnings in 1 file\n")
    diagnostics = run.json()["diagnostics"]
    assert [d["code"] for d in diagnostics] == ["CG004"]
    assert diagnostics[0]["keypath"].endswith("amount_yuan")
    json.loads(run.stdout, parse_constant=lambda name: pytest.fail(f"non-JSON {name}"))


@pytest.mark.parametrize(
    "args",
    [
        ["--born", "9999-12-30", "--today", "9999-12-31"],
        ["--lost-on", "9999-12-31"],
        ["--born", "0001-01-01"],
        ["--last-paid", "1899-12-31"],
    ],
)
def test_a_date_outside_the_years_a_person_can_mean_is_a_usage_error(
    args: list[str], invoke: Invoke
) -> None:
    run = invoke(["check", "--region", "ningbo", *args])
    assert run.exit_code == 2
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1
    assert "1900-01-01 to 2199-12-31" in run.stderr


def test_the_latest_date_still_gives_answers_without_leaving_the_calendar(invoke: Invoke) -> None:
    args = ["--born", "2199-12-31", "--lost-on", "2199-12-31", "--last-paid", "2199-12-31"]
    run = invoke(["check", "--region", "ningbo", *args, "--today", "2199-12-31"])
    assert run.exit_code == 0, run.stderr
    assert "internal error" not in run.stderr
    # --today is years after the data's review: said once, as a warning.
    assert run.stderr.startswith("cardguide: warning: data last reviewed over a year ago: ")
    assert len(run.stderr.splitlines()) == 1
    assert run.stdout.startswith("Checking your dates\n")
    flat = " ".join(run.stdout.split())
    assert "Is there still time? Yes: the last day is 2200-01-31 (31 days from today)." in flat


def test_validate_reports_a_fifo_without_waiting_on_it(invoke: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "national.yaml"
    os.mkfifo(fifo)
    run = invoke(["validate", str(fifo), "--format", "json"])
    assert (run.exit_code, run.stderr) == (1, "cardguide: 1 error, 0 warnings in 1 file\n")
    assert [d["code"] for d in run.json()["diagnostics"]] == ["CG029"]


def test_a_region_file_over_the_size_limit_is_refused_before_it_is_parsed(
    invoke: Invoke, tmp_path: Path
) -> None:
    local = tmp_path / "local"
    path = local_cixi(local)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("# padding\n" * 120_000)
    run = invoke(["validate", str(path), "--format", "json"])
    assert (run.exit_code, run.stderr) == (1, "cardguide: 1 error, 0 warnings in 1 file\n")
    assert [d["code"] for d in run.json()["diagnostics"]] == ["CG030"]
    checklist = invoke(["apply", "--region", "cixi", "--data-dir", str(local)])
    assert (checklist.exit_code, checklist.stdout) == (1, "")
    assert "CG030" in checklist.stderr
    assert len(checklist.stderr.splitlines()) == 1


def test_a_key_with_a_line_break_and_an_escape_is_one_escaped_diagnostic_line(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "national.yaml"
    path.write_text(
        "id: national\nlevel: national\nnames: {en: T}\nlast_reviewed: 2026-11-01\n"
        '"bad\\nkey\\e[31m": 1\n',
        encoding="utf-8",
    )
    run = invoke(["validate", str(path), "--lang", "en"])
    assert (run.exit_code, run.stderr) == (1, "cardguide: 1 error, 0 warnings in 1 file\n")
    lines = run.stdout.splitlines()
    assert len(lines) == 1, lines
    assert ":5:1: CG003 unknown key 'bad\\nkey\\u001b[31m'" in lines[0]
    assert "\x1b" not in run.stdout + run.stderr


def test_a_data_directory_with_too_many_files_is_refused_at_once(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalog, "MAX_FILES", 5)
    crowded = tmp_path / "crowded"
    crowded.mkdir()
    for number in range(6):
        (crowded / f"r{number}.yaml").write_text("id: x\n", encoding="utf-8")
    run = invoke(["regions", "--data-dir", str(crowded), "--lang", "en"])
    assert (run.exit_code, run.stdout) == (1, "")
    assert "CG033" in run.stderr
    assert len(run.stderr.splitlines()) == 1
    # A misconfigured directory is refused for every command, not silently half-read.
    apply = invoke(["apply", "--region", "ningbo", "--data-dir", str(crowded)])
    assert (apply.exit_code, apply.stdout) == (1, "")
    assert "CG033" in apply.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_validate_never_reads_a_device(device: str, invoke: Invoke) -> None:
    run = invoke(["validate", device, "--format", "json"])
    assert (run.exit_code, run.stderr) == (1, "cardguide: 1 error, 0 warnings in 1 file\n")
    assert [d["code"] for d in run.json()["diagnostics"]] == ["CG029"]


def test_a_region_that_is_its_own_parent_is_named_not_dropped(
    invoke: Invoke, tmp_path: Path
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    (local / "selfish.yaml").write_text(
        "id: selfish\nlevel: city\nparent: selfish\nnames: {en: S}\nlast_reviewed: 2026-11-01\n",
        encoding="utf-8",
    )
    listing = invoke(["regions", "--data-dir", str(local), "--format", "json"])
    assert listing.exit_code == 0
    assert [d["code"] for d in listing.json()["left_out"]] == ["CG008"]
    cycle = "3:9: CG008 parent regions form a cycle: selfish → selfish (at parent)"
    assert listing.stderr == (
        f"cardguide: warning: left out of the list: {local / 'selfish.yaml'}:{cycle}\n"
    )
    run = invoke(["apply", "--region", "selfish", "--data-dir", str(local), "--lang", "en"])
    assert (run.exit_code, run.stdout) == (1, "")
    assert "CG008" in run.stderr
    assert len(run.stderr.splitlines()) == 1
