"""Generated files and caches: what is committed is what the script makes, and no cache is stale."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cardguide.load import catalog
from cardguide.wording.text import revision

from .conftest import Invoke

ROOT = Path(__file__).parents[1]


def test_every_committed_generated_file_is_what_the_script_makes_from_todays_code_and_data() -> (
    None
):
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "regenerate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    # When an output schema is stale, the JSON changed: the script asks for a new schema_version.
    assert checked.stdout == "", "stale: run `python scripts/regenerate.py`"
    assert checked.stderr == ""
    assert checked.returncode == 0


def test_the_committed_header_index_describes_every_shipped_file() -> None:
    """Listings and name lookups take the shipped regions' headers from the index: one that no
    longer reads (a field renamed in the code) would quietly send every run to the files."""
    from cardguide.load import headers

    files = sorted(catalog.shipped_dir().glob("*.yaml"))
    assert files, "the shipped regions are found"
    for file in files:
        found = headers.indexed(file.stem, file)
        assert found is not None, file.name
        assert found.id == file.stem


def test_a_region_renamed_to_a_name_of_the_same_length_answers_to_its_new_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, invoke: Invoke
) -> None:
    # A source checkout's data directory, with 宁波 renamed in place: the file keeps its size,
    # and the committed name index still says 宁波.
    regions = tmp_path / "regions"
    shutil.copytree(catalog.shipped_dir(), regions)
    ningbo = regions / "ningbo.yaml"
    before = ningbo.read_bytes()
    ningbo.write_bytes(before.replace("zh: 宁波".encode(), "zh: 甬城".encode(), 1))
    assert ningbo.stat().st_size == len(before)
    monkeypatch.setattr(catalog, "shipped_dir", lambda: regions)
    run = invoke(["apply", "--region", "甬城", "--format", "json"])
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert run.json()["region"]["id"] == "ningbo"


LONG_NOTE = "The district service hall takes card applications on weekdays, mornings only."
TITLE = "Haishu service hall notice board, November 2026"
# Both languages, translations stamped: no warning at all, so validate remembers the bytes.
CLEAN_DISTRICT = f"""\
id: haishu
level: county
parent: ningbo
names: {{en: Haishu, zh: 海曙}}
languages: [en, zh]
last_reviewed: 2026-11-20
sources:
  - id: local:haishu-desk
    title: {{en: "{TITLE}", zh_of: {revision(TITLE)}, zh: 海曙服务大厅公告栏}}
    status: uncertain
    kind: unofficial
procedures:
  apply:
    notes:
      - id: hall-hours
        text: {{en: "{LONG_NOTE}", zh_of: {revision(LONG_NOTE)}, zh: 区服务大厅工作日上午受理。}}
        sources: [local:haishu-desk]
        status: uncertain
"""


def _validate(source: Path, directory: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(source), "XDG_CACHE_HOME": str(cache)}
    command = ["validate", str(directory), "--format", "json", "--today", "2026-11-23"]
    return subprocess.run(
        [sys.executable, "-m", "cardguide", *command],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def test_a_rule_tightened_in_the_code_is_applied_to_files_a_warm_cache_saw_pass(
    tmp_path: Path,
) -> None:
    # A copy of cardguide as a source checkout, so its code can change between two runs that
    # share one cache.
    shutil.copytree(ROOT / "src" / "cardguide", tmp_path / "src" / "cardguide")
    shutil.copytree(ROOT / "data" / "regions", tmp_path / "data" / "regions")
    local = tmp_path / "desk"
    local.mkdir()
    (local / "haishu.yaml").write_text(CLEAN_DISTRICT, encoding="utf-8")
    cache, source = tmp_path / "cache", tmp_path / "src"
    first = _validate(source, local, cache)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["diagnostics"] == []
    rules = source / "cardguide" / "load" / "rules.py"
    code = rules.read_text(encoding="utf-8")
    assert "MAX_TEXT_CHARS = 5000" in code
    rules.write_text(code.replace("MAX_TEXT_CHARS = 5000", "MAX_TEXT_CHARS = 50"), "utf-8")
    second = _validate(source, local, cache)
    assert second.returncode == 1, second.stderr
    found = json.loads(second.stdout)["diagnostics"]
    assert [d["message"]["en"] for d in found if d["severity"] == "error"] == [
        f"a text of {len(LONG_NOTE)} characters; texts are limited to 50 characters"
    ]
