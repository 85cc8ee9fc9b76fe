"""The JSON cardguide prints and the structs that define it agree by construction."""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path
from typing import Any

import msgspec
import pytest

from cardguide.model import region as model
from cardguide.render import json_other as other
from cardguide.render.json_checklist import Checklist
from cardguide.render.json_schema import SHAPES, output_schema
from cardguide.render.json_shape import KIND_MODELS, OWN, Rule, Text, Words, own_fields
from cardguide.wording.text import LANGS

from .conftest import Invoke
from .test_output_schemas import validator

RICH = {
    # --why on every item, and whether this person can apply here at all
    "apply": ["apply", "--region", "ningbo", "--newborn", "--why"],
    # answers for a date, with the sums behind them
    "reimburse": ["reimburse", "--region", "ningbo", "--bill-date", "2026-05-10", "--why"],
    "place": ["apply", "--region", "海曙区", "--why"],
}
OTHERS = {
    "check": ["check", "--region", "ningbo", "--born", "2026-10-01", "--can-apply", "--why"],
    "faq": ["faq", "--region", "ningbo", "change bank"],
    "guide": ["show", "ningbo"],
    "regions": ["regions"],
    "diff": ["diff", "ningbo", "hangzhou"],
    "validation": ["validate"],
}


def _decoded(text: str, kind: str) -> Any:
    """The JSON decoded into its kind's struct, which writes it back byte for byte."""
    decoded = msgspec.json.decode(text, type=SHAPES[kind])
    again = msgspec.json.format(msgspec.json.encode(decoded), indent=2).decode() + "\n"
    assert again == text
    return decoded


@pytest.mark.parametrize("name", RICH)
def test_a_rich_checklist_decodes_into_the_struct_that_defines_it(
    name: str, invoke: Invoke
) -> None:
    run = invoke([*RICH[name], "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    checklist = msgspec.json.decode(run.stdout, type=Checklist)
    assert _decoded(run.stdout, "checklist") == checklist
    steps: list[Any] = checklist.steps  # structs made from the model: typed as structs only
    answers: list[Any] = checklist.answers
    assert [step.number for step in steps] == list(range(1, len(steps) + 1))
    assert all(not isinstance(step.why, msgspec.UnsetType) for step in steps)
    if name == "reimburse":
        assert answers
        assert all(answer.why.computation for answer in answers)
    else:
        assert checklist.can_apply is not None
    assert (checklist.asked is not None) == (name == "place")  # 海曙区 is covered by Ningbo


def test_without_why_the_reasons_are_left_out_not_null(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "ningbo", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    steps: list[Any] = _decoded(run.stdout, "checklist").steps
    assert all(isinstance(step.why, msgspec.UnsetType) for step in steps)
    assert '"why"' not in run.stdout
    assert '"number": 1,' in run.stdout


@pytest.mark.parametrize("kind", OTHERS)
def test_every_other_kind_decodes_into_its_struct(kind: str, invoke: Invoke) -> None:
    run = invoke([*OTHERS[kind], "--format", "json"])
    assert run.exit_code == 0, run.stderr
    if kind == "validation":  # validate sums up on stderr, however many files there are
        assert re.fullmatch(r"cardguide: 0 errors, 0 warnings in \d+ files\n", run.stderr)
    else:
        assert run.stderr == ""
    decoded = _decoded(run.stdout, kind)
    assert decoded.kind == kind


def test_a_batch_record_and_its_result_decode_into_their_structs(
    invoke: Invoke, tmp_path: Path
) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("command,region,profile\napply,ningbo,newborn\napply,atlantis,\n", "utf-8")
    run = invoke(["batch", str(rows)])
    assert (run.exit_code, run.stderr) == (
        1,
        "cardguide: 1 of 2 rows failed; each has an error result with its row and field\n",
    )
    good, bad = (
        msgspec.json.decode(line, type=other.BatchRecord) for line in run.stdout.splitlines()
    )
    assert isinstance(good.result, dict)
    assert msgspec.convert(good.result, Checklist).region.id == "ningbo"
    assert isinstance(bad.error, other.BatchError)
    assert bad.error.field == "region"
    assert isinstance(bad.result, msgspec.UnsetType)


def test_each_kind_of_item_has_its_own_fields_in_the_models_order() -> None:
    placed = output_schema("check")["$defs"]
    for kind in KIND_MODELS:
        own = own_fields(kind)
        # The struct of any kind (a check's related facts, a diff's versions) keeps this order.
        assert list(own) == [field for field in OWN if field in own], kind
        fields = list(placed[f"{kind.__name__}Placed"]["properties"])
        start = fields.index("id")
        assert fields[start : start + len(own) + 1] == ["id", *own], kind


def test_texts_carry_every_language() -> None:
    assert Text.__struct_fields__ == LANGS
    assert Words.__struct_fields__ == ("code", *LANGS)


def test_a_rules_kinds_are_the_models() -> None:
    assert typing.get_type_hints(Rule)["kind"] == typing.get_type_hints(model.Rule)["kind"]


def test_the_published_schema_is_stricter_than_one_struct_for_every_item() -> None:
    checklist = output_schema("checklist")["$defs"]
    step = checklist["StepPlaced"]
    assert "question" not in step["properties"]  # a FAQ's field is not a step's
    assert step["additionalProperties"] is False
    assert "computation" not in checklist["Why"]["properties"]  # only an answer has sums
    assert "computation" in checklist["VerdictWhy"]["required"]


def test_a_related_fact_must_be_one_kind_of_item(invoke: Invoke) -> None:
    args = ["check", "--region", "ningbo", "--bill-date", "2026-05-10", "--last-paid", "2026-01-01"]
    run = invoke([*args, "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = json.loads(run.stdout)
    check = validator("check")
    assert data["related"]
    assert check.is_valid(data)
    data["related"][0]["question"] = {"en": "?", "zh": "?"}  # a note with a FAQ's question
    assert not check.is_valid(data)
