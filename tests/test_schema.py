"""The published JSON Schema: generated from the model, committed, and met by every shipped file."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from cardguide.load.catalog import shipped_dir

from .conftest import Invoke

SCHEMA_FILE = Path(__file__).parents[1] / "schema" / "region.schema.json"
SHIPPED = sorted(shipped_dir().glob("*.yaml"))
EDITOR_LINE = "# yaml-language-server: $schema=../../schema/region.schema.json\n"


def as_json(value: Any) -> Any:
    """YAML data as JSON would carry it: dates become ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return jsonschema.Draft202012Validator(schema, format_checker=checker)


def test_the_schema_command_prints_the_committed_schema(invoke: Invoke) -> None:
    run = invoke(["schema"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.stdout == SCHEMA_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_each_shipped_file_meets_the_schema(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith(EDITOR_LINE), "editors find the schema through this line"
    errors = [e.message for e in validator.iter_errors(as_json(yaml.safe_load(text)))]
    assert errors == []


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_each_shipped_file_reads_the_same_without_libyaml(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=yaml.SafeLoader) == yaml.load(text, Loader=yaml.CSafeLoader)


def test_the_schema_refuses_what_the_loader_refuses(
    validator: jsonschema.Draft202012Validator,
) -> None:
    region = {"id": "x", "level": "city", "names": {"en": "X"}, "last_reviewed": "2026-02-30"}
    messages = [e.message for e in validator.iter_errors({**region, "colour": "red"})]
    assert "'2026-02-30' is not a 'date'" in messages
    assert any("'colour' was unexpected" in m for m in messages)
    step = {"id": "s", "text": {"en": "t"}, "sources": ["a:b"], "status": "official"}
    good = {**region, "last_reviewed": "2026-01-01", "procedures": {"apply": {"steps": [step]}}}
    assert validator.is_valid(good)
    for field, value in (("status", "maybe"), ("sources", []), ("id", "Not An Id")):
        bad = {**good, "procedures": {"apply": {"steps": [{**step, field: value}]}}}
        assert not validator.is_valid(bad), field
