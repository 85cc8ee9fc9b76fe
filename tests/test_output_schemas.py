"""Every JSON document cardguide prints validates against the schema it publishes for its kind."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from cardguide.commands import OUTPUT_KINDS
from cardguide.load.catalog import shipped_dir
from cardguide.render import json_schema as output_schema
from cardguide.render.json_shape import KIND_MODELS

from .conftest import Invoke

REGIONS = sorted(p.stem for p in shipped_dir().glob("*.yaml"))
COMMANDS = [
    ["apply"], ["apply", "--newborn", "--why"], ["apply", "--foreign-employee"],
    ["apply", "--replacement"], ["activate"], ["activate", "--channel", "bank"],
    ["replace", "--lost"], ["replace", "--damaged"], ["collect", "--by-proxy"], ["update"],
    ["reimburse", "--bill-date", "2026-05-10"], ["faq"], ["faq", "lost"],
    ["check", "--born", "2026-10-01", "--why"], ["check", "--lost-on", "2026-09-29"],
    ["check", "--bill-date", "2026-05-10", "--last-paid", "2026-01-01"],
    ["check", "--self-employed", "--paid", "2026-10-01"],
]  # fmt: skip


@cache
def validator(kind: str) -> Draft202012Validator:
    schema = output_schema.output_schema(kind)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def assert_valid(data: dict[str, Any]) -> None:
    errors = sorted(validator(data["kind"]).iter_errors(data), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


@pytest.mark.parametrize("region", REGIONS)
def test_every_command_for_every_region_matches_its_published_schema(
    region: str, invoke: Invoke
) -> None:
    for command in COMMANDS:
        run = invoke([command[0], "--region", region, *command[1:], "--format", "json"])
        assert run.exit_code == 0, (command, run.stderr)
        assert_valid(run.json())
    show = invoke(["show", region, "--format", "json"])
    assert_valid(show.json())


def test_listing_diff_validation_and_places_match_their_schemas(invoke: Invoke) -> None:
    for args in (
        ["regions"],
        ["diff", "ningbo", "hangzhou"],
        ["validate"],
        ["apply", "--region", "海曙区"],
        ["check", "--region", "成都", "--last-paid", "2026-01-01"],
    ):
        run = invoke([*args, "--format", "json"])
        assert run.exit_code == 0, run.stderr
        assert_valid(run.json())


def test_the_schema_command_prints_each_kind(invoke: Invoke) -> None:
    for kind in OUTPUT_KINDS:
        run = invoke(["schema", "--output", kind])
        assert (run.exit_code, run.stderr) == (0, "")
        assert json.loads(run.stdout)["properties"]["kind"] == {"const": kind}
    wrong = invoke(["schema", "--output", "pdf"])
    assert wrong.exit_code == 2
    assert "--output" in wrong.stderr


def test_a_schema_rejects_a_field_it_does_not_know() -> None:
    checklist = validator("checklist")
    assert not checklist.is_valid({"kind": "checklist", "surprise": 1})


def test_every_item_field_of_the_model_is_in_the_schema() -> None:
    """Each kind of item, wherever it is shown, has its model fields and no other kind's."""
    defined = {
        name: schema
        for kind in ("check", "guide", "faq")
        for name, schema in output_schema.output_schema(kind)["$defs"].items()
    }
    others = {field for kind in KIND_MODELS for field in kind.__struct_fields__}
    for kind in KIND_MODELS:
        fields = set(kind.__struct_fields__) - {"before", "after"}  # these only order files
        for place in ("Placed", "Version"):
            item = defined[f"{kind.__name__}{place}"]
            assert fields <= set(item["required"]), (kind, place)
            assert not (others - fields) & set(item["properties"]), (kind, place)
    faq_result = output_schema.output_schema("faq")["$defs"]["FaqResult"]
    assert faq_result["required"][:2] == ["score", "id"]
