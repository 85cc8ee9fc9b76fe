"""Translations that stay true: revisions, stale and unrecorded translations, and stamping them."""

from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path
from types import ModuleType

import yaml

from cardguide.wording.text import revision

from .conftest import Invoke
from .test_validate import summary

SCRIPT = Path(__file__).parents[1] / "scripts" / "stamp_translations.py"

NATIONAL = """\
id: national
level: national
names: {en: Testland, zh: 测试国}
languages: [en, zh]
last_reviewed: 2026-11-01
sources:
  - id: "test:sure"
    title:
      en: >-
        A government
        page
      zh: 政府网页
    status: official
    kind: government
procedures:
  apply:
    steps:
      - id: go
        text: {en: "Go: now.", zh: 现在就去办理。}
        sources: ["test:sure"]
        status: official
"""


def stamper() -> ModuleType:
    spec = importlib.util.spec_from_file_location("stamp_translations", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_revision_is_always_text_and_ignores_how_lines_are_wrapped() -> None:
    assert revision("A government\n  page") == revision("A government page")
    assert revision("A government page") != revision("A government page.")
    samples = [revision(f"text {n}") for n in range(2000)]
    # Letters only: YAML would read a revision such as 12345678 as a number.
    assert all(len(r) == 8 and r.isalpha() and r.islower() for r in samples)
    assert all(isinstance(yaml.safe_load(f"k: {r}")["k"], str) for r in samples)


def write(directory: Path, body: str) -> Path:
    path = directory / "national.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def codes(invoke: Invoke, path: Path) -> list[str]:
    run = invoke(["validate", str(path.parent), "--strict", "--format", "json"])
    diagnostics = run.json()["diagnostics"]
    errors = sum(d["severity"] == "error" for d in diagnostics)
    assert run.exit_code == (1 if diagnostics else 0)  # --strict: a warning fails too
    assert run.stderr == summary(errors, len(diagnostics) - errors, 1)
    return sorted(d["code"] for d in diagnostics)


def test_stamping_records_every_translation_and_nothing_else(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = write(tmp_path, NATIONAL)
    assert codes(invoke, path) == ["CG027", "CG027"]
    assert stamper().stamp(path, accept_stale=False) == 2
    stamped = path.read_text(encoding="utf-8")
    assert codes(invoke, path) == []
    # Only the records were added: without them the file is what it was, comments and all.
    block = f"      zh_of: {revision('A government page')}\n"
    inline = f"zh_of: {revision('Go: now.')}, "
    assert block in stamped
    assert inline in stamped
    assert stamped.replace(block, "").replace(inline, "") == NATIONAL
    assert stamper().stamp(path, accept_stale=False) == 0  # a second run changes nothing


def test_editing_the_english_makes_the_chinese_stale_until_it_is_checked(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = write(tmp_path, NATIONAL)
    stamper().stamp(path, accept_stale=False)
    edited = path.read_text(encoding="utf-8").replace("Go: now.", "Go: today.")
    path.write_text(edited, encoding="utf-8")
    run = invoke(["validate", str(tmp_path), "--strict"])
    assert run.exit_code == 1
    assert "CG026" in run.stdout
    assert f"set zh_of: {revision('Go: today.')}" in run.stdout
    assert run.stderr == "cardguide: 0 errors, 1 warning in 1 file\n"
    relaxed = invoke(["validate", str(tmp_path)])
    assert relaxed.exit_code == 0  # a warning without --strict
    assert (relaxed.stdout, relaxed.stderr) == (run.stdout, run.stderr)
    assert stamper().stamp(path, accept_stale=False) == 0  # a stale record is not moved ...
    assert stamper().stamp(path, accept_stale=True) == 1  # ... unless asked
    assert codes(invoke, path) == []


def test_a_text_missing_its_chinese_fails_strict_validation(invoke: Invoke, tmp_path: Path) -> None:
    write(tmp_path, NATIONAL.replace(", zh: 现在就去办理。", ""))
    run = invoke(["validate", str(tmp_path), "--strict", "--format", "json"])
    assert run.exit_code == 1
    assert run.stderr == "cardguide: 1 error, 1 warning in 1 file\n"  # and CG027 for the title
    lacking = [d for d in run.json()["diagnostics"] if d["code"] == "CG014"]
    assert [(d["line"], d["keypath"]) for d in lacking] == [(19, "procedures.apply.steps[0].text")]
    assert lacking[0]["message"]["zh"] == "文本缺少中文（文件声明的语言：英文、中文）"
