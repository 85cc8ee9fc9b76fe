"""Scenario tests written as YAML: who applies where, and what their checklist must contain."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from cardguide.model.profile import flag_for
from cardguide.model.region import KINDS

from .conftest import Invoke

# The shipped files were reviewed on 22 or 23 November 2026.
STALE = re.compile(r"data last reviewed over a year ago: .*\(2026-1[12]-[0-9]{2}\)")

SCENARIOS_DIR = Path(__file__).parent / "scenarios"
SEED_PAGES = {"000", "001", "002", "003", "004"}
KEYS = {
    "name", "seeds", "cites", "question", "command", "region", "profile", "channel", "dates",
    "query", "expect", "order", "absent", "origins", "statuses", "fields", "dated", "unknown",
    "results", "answers", "text", "text_zh", "exit_code", "stderr", "stale", "ages", "asked",
    "related", "caveats", "rests_on", "unlisted", "can_apply",
}  # fmt: skip


def load_scenarios() -> list[dict[str, Any]]:
    scenarios: list[dict[str, Any]] = []
    for path in sorted(SCENARIOS_DIR.glob("*.yaml")):
        scenarios.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
    return scenarios


SCENARIOS = load_scenarios()


def test_every_scenario_name_is_a_full_sentence() -> None:
    for scenario in SCENARIOS:
        name = scenario["name"]
        assert name[0].isupper(), name
        assert name.endswith("."), name
        assert len(name.split()) >= 6, name
    assert len({s["name"] for s in SCENARIOS}) == len(SCENARIOS)


def test_every_seed_page_has_scenarios() -> None:
    covered = {seed for scenario in SCENARIOS for seed in scenario.get("seeds", [])}
    assert covered >= SEED_PAGES


def test_every_scenario_names_what_it_rests_on() -> None:
    for scenario in SCENARIOS:
        assert "seeds" in scenario or "cites" in scenario, scenario["name"]


def command_line(scenario: dict[str, Any], fmt: str, lang: str = "en") -> list[str]:
    args = [scenario.get("command", "apply"), "--no-input", "--lang", lang]
    if "region" in scenario:
        args += ["--region", scenario["region"]]
    if "query" in scenario:
        args.append(scenario["query"])
    for facet in scenario.get("profile", []):
        args += flag_for(facet).split()  # `--hukou local` is an option and its value
    for event, day in scenario.get("dates", {}).items():
        args += [flag_for(event), day.isoformat()]  # YAML reads 2026-10-01 as a date
    if "channel" in scenario:
        args += ["--channel", scenario["channel"]]
    if "can_apply" in scenario and scenario.get("command") == "check":
        args.append("--can-apply")
    return [*args, "--format", fmt]


def everything(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every item in a JSON document by id: checklist sections, answers and FAQ results."""
    lists = [data.get(kind, []) for kind in KINDS] + [
        data.get("answers", []),
        data.get("results", []),
        data.get("related", []),
        (data.get("can_apply") or {}).get("rules", []),
    ]
    return {item["id"]: item for items in lists for item in items}


def item_ids(data: dict[str, Any], kind: str) -> list[str]:
    return [item["id"] for item in data[kind]]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_scenario(scenario: dict[str, Any], invoke: Invoke) -> None:
    assert set(scenario) <= KEYS, set(scenario) - KEYS
    run = invoke(command_line(scenario, "json"))
    assert run.exit_code == scenario.get("exit_code", 0), run.stderr
    if run.exit_code != 0:
        assert run.stdout == ""
        for fragment in scenario["stderr"]:
            assert fragment in run.stderr
        return
    assert run.stderr == ""
    data = run.json()
    found = everything(data)
    checked: set[str] = set()

    for kind, wanted in scenario.get("expect", {}).items():
        assert set(wanted) <= set(item_ids(data, kind)), (kind, item_ids(data, kind))
        checked.update(wanted)
    for kind, wanted in scenario.get("order", {}).items():
        assert [i for i in item_ids(data, kind) if i in wanted] == wanted, item_ids(data, kind)
        checked.update(wanted)
    for kind, unwanted in scenario.get("absent", {}).items():
        assert not set(unwanted) & set(item_ids(data, kind)), (kind, item_ids(data, kind))
    for item_id, origin in scenario.get("origins", {}).items():
        assert found[item_id]["origin"] == origin, item_id
        checked.add(item_id)
    for item_id, status in scenario.get("statuses", {}).items():
        assert found[item_id]["status"] == status, item_id
        checked.add(item_id)
    for item_id, fields in scenario.get("fields", {}).items():
        for field, value in fields.items():
            assert found[item_id][field] == value, (item_id, field)
        checked.add(item_id)
    for item_id in scenario.get("dated", []):
        assert found[item_id]["dated"] is not None, item_id
        checked.add(item_id)
    if "unknown" in scenario:
        assert sorted(data["unknown"]) == sorted(scenario["unknown"])
    if "can_apply" in scenario:
        assert data["can_apply"]["answer"] == scenario["can_apply"], data["can_apply"]
        checked.update(rule["id"] for rule in data["can_apply"]["rules"])
    if "unlisted" in scenario:
        assert [one["documents"] for one in data["unlisted"]] == scenario["unlisted"]
    if "results" in scenario:
        ranked = [item["id"] for item in data["results"]]
        assert ranked[: len(scenario["results"])] == scenario["results"], ranked
        checked.update(scenario["results"])
    for item_id, year in scenario.get("ages", {}).items():
        assert found[item_id]["as_of"] == year, item_id
        checked.add(item_id)
    if "asked" in scenario:
        # null: the place asked for is a region with data; else which region covers it.
        wanted_place = scenario["asked"]
        asked = data["asked"]
        assert asked == wanted_place if wanted_place is None else asked is not None
        for key, value in (wanted_place or {}).items():
            assert asked[key] == value, (key, asked)
    for item_id in scenario.get("related", []):
        assert item_id in [item["id"] for item in data["related"]], data["related"]
        checked.add(item_id)
    for item_id in scenario.get("caveats", []):
        assert found[item_id].get("region_caveats"), item_id
        checked.add(item_id)
    for item_id, rests in scenario.get("rests_on", {}).items():
        assert found[item_id]["rests_on"] == rests, item_id
        assert found[item_id]["caveat"] is not None, item_id
        checked.add(item_id)
    for item_id, expected in scenario.get("answers", {}).items():
        answer = found[item_id]
        assert answer["answer"] == expected["answer"], answer["reason"]
        if "date" in expected:
            assert expected["date"].isoformat() in [d["date"] for d in answer["dates"]]
        checked.add(item_id)

    # The seed pages and sources a scenario claims must be cited by the items it checked.
    refs = {ref for i in checked for ref in found[i]["sources"]}
    cited = {ref.split("_")[0].removeprefix("seed:") for ref in refs}
    assert set(scenario.get("seeds", [])) <= cited, (scenario.get("seeds"), cited)
    assert set(scenario.get("cites", [])) <= refs, (scenario.get("cites"), refs)

    # The same answer in text, citing the seed pages it comes from; a `today` a year after the
    # data's review date brings the staleness warning, and nothing else may reach stderr.
    text_run = invoke(command_line(scenario, "text"))
    assert text_run.exit_code == 0
    if scenario.get("stale"):
        assert STALE.search(text_run.stderr), text_run.stderr
    else:
        assert text_run.stderr == ""
    flat = " ".join(text_run.stdout.split())
    for fragment in scenario.get("text", []):
        assert fragment in flat, fragment
    for seed in scenario.get("seeds", []):
        assert f"seed:{seed}_" in flat, seed
    for ref in scenario.get("cites", []):
        assert ref in flat, ref

    # What a Chinese reader is told: the same checklist in Chinese words.
    if "text_zh" in scenario:
        zh_run = invoke(command_line(scenario, "text", "zh"))
        assert zh_run.exit_code == 0
        joined = "".join(zh_run.stdout.split())  # Chinese wraps between any two characters
        for fragment in scenario["text_zh"]:
            assert "".join(fragment.split()) in joined, fragment
