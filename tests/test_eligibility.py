"""`check --can-apply`, household registration and the other new facets, end to end."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from cardguide.cli import context

from .conftest import MINIMAL_NATIONAL, Invoke

CITY = """\
id: city
level: city
parent: national
names: {en: Testcity}
last_reviewed: 2026-01-01
procedures:
  apply:
    eligibility:
      - id: who-may-apply
        when: {all: [hukou_local]}
        can_apply: "yes"
        text: {en: People with local hukou can apply.}
        sources: [test:a]
        status: secondary
      - id: who-may-apply
        when: {all: [hukou_elsewhere]}
        can_apply: need_more_information
        text: {en: Others only once insured here.}
        sources: [test:a]
        status: secondary
      - id: foreigners
        when: {all: [foreign_employee]}
        can_apply: "no"
        text: {en: Foreigners apply elsewhere.}
        sources: [test:a]
        status: secondary
"""


@pytest.fixture
def regions(regions_dir: Callable[..., Path]) -> None:
    regions_dir("national", MINIMAL_NATIONAL)
    regions_dir("city", CITY)


def can_apply(invoke: Invoke, *args: str) -> dict[str, object]:
    run = invoke(["check", "--region", "city", "--can-apply", *args, "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, ""), run.stderr
    answer = run.json()["can_apply"]
    assert isinstance(answer, dict)
    return answer


@pytest.mark.usefixtures("regions")
@pytest.mark.parametrize(
    ("args", "answer", "rules"),
    [
        ((), "need_more_information", []),  # the rule turns on hukou, which was not given
        (("--hukou", "local"), "yes", ["who-may-apply"]),
        (("--hukou", "elsewhere"), "need_more_information", ["who-may-apply"]),
        (("--foreign-employee",), "no", ["foreigners"]),
    ],
)
def test_can_apply_answers_from_the_regions_rules_for_this_person(
    invoke: Invoke, args: tuple[str, ...], answer: str, rules: list[str]
) -> None:
    found = can_apply(invoke, *args)
    assert found["answer"] == answer
    assert [rule["id"] for rule in found["rules"]] == rules  # type: ignore[attr-defined]


@pytest.mark.usefixtures("regions")
def test_a_region_without_rules_on_who_may_apply_says_to_ask(invoke: Invoke) -> None:
    run = invoke(["check", "--region", "national", "--can-apply", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.json()["can_apply"]["answer"] == "need_more_information"
    text = invoke(["check", "--region", "national", "--can-apply", "--lang", "zh"])
    assert (text.exit_code, text.stderr) == (0, "")
    assert "没有找到这里关于谁可以申领的规定" in text.stdout


@pytest.mark.usefixtures("regions")
def test_the_apply_checklist_carries_the_same_answer(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "city", "--hukou", "local", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.json()["can_apply"]["answer"] == "yes"
    text = invoke(["apply", "--region", "city", "--hukou", "local", "--lang", "zh"])
    assert (text.exit_code, text.stderr) == (0, "")
    assert "能不能在这里申领" in text.stdout
    assert "--hukou" not in text.stdout


@pytest.mark.usefixtures("regions")
@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--hukou", "local", "--hk-macao-taiwan"], "no mainland household registration"),
        (["--hukou", "elsewhere", "--foreign-employee"], "no Chinese household registration"),
        (["--hk-macao-taiwan", "--foreign-employee"], "not foreigners"),
    ],
)
def test_contradictory_answers_about_registration_are_usage_errors_with_the_reason(
    invoke: Invoke, args: list[str], reason: str
) -> None:
    run = invoke(["apply", "--region", "city", *args])
    assert (run.exit_code, run.stdout) == (2, "")
    assert reason in run.stderr


@pytest.mark.usefixtures("regions")
def test_a_value_other_than_local_or_elsewhere_is_a_usage_error(invoke: Invoke) -> None:
    run = invoke(["apply", "--region", "city", "--hukou", "abroad"])
    assert (run.exit_code, run.stdout) == (2, "")
    assert "local, elsewhere" in run.stderr


@pytest.mark.usefixtures("regions")
def test_batch_takes_hukou_as_a_column(invoke: Invoke, tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("command,region,hukou\napply,city,local\napply,city,nowhere\n")
    run = invoke(["batch", str(rows)])
    first, second = (json.loads(line) for line in run.stdout.splitlines())
    assert first["result"]["can_apply"]["answer"] == "yes"
    assert second["error"]["field"] == "hukou"
    assert run.exit_code == 1
    assert run.stderr == (
        "cardguide: 1 of 2 rows failed; each has an error result with its row and field\n"
    )


@pytest.mark.usefixtures("regions")
def test_the_interview_asks_about_hukou_only_where_the_rules_differ_by_it(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    here = invoke(["apply", "--region", "city", "--format", "json"], input="1\n2\n")
    assert here.exit_code == 0
    assert "Where is the household registration" in here.stderr
    assert here.json()["profile"]["given"] == ["hukou_elsewhere"]
    there = invoke(["apply", "--region", "national", "--format", "json"], input="")
    assert "household registration" not in there.stderr
    assert (there.exit_code, there.stderr) == (0, "")  # nothing to ask here at all
    assert there.json()["region"]["id"] == "national"
