"""Property tests: any region, profile, command and format ends as documented, never a traceback."""

from __future__ import annotations

import copy
import datetime
import json
import re
from pathlib import Path

import msgspec
import msgspec.inspect
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardguide.load.catalog import shipped_dir
from cardguide.load.decode_errors import misfit
from cardguide.load.yamlread import read_yaml
from cardguide.model.region import RegionFile
from cardguide.wording.escape import escape_controls, escape_json, has_controls, one_line

from .conftest import Invoke
from .test_output_schemas import assert_valid

REGIONS = sorted(p.stem for p in shipped_dir().glob("*.yaml"))
PLACES = ["海曙区", "成都", "Luoyang", "330281", "余杭区", "北京朝阳", "浦东新区", "香港"]
FACETS = [
    "--newborn", "--minor", "--student", "--self-employed", "--left-job",
    "--foreign-employee", "--employer", "--replacement",
]  # fmt: skip
COMMANDS = {
    "apply": [],
    "activate": [],
    "replace": ["--lost"],
    "collect": [],
    "update": [],
    "reimburse": [],
    "faq": [],
    "show": None,  # takes the region as an argument
    "check": ["--born", "2026-10-01"],
}
DOCUMENTED = {0, 1, 2}
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=True,  # the same examples on every run: a failure can always be reproduced
)


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(sorted(COMMANDS)))
    place = draw(st.sampled_from(REGIONS + PLACES))
    extra = COMMANDS[command]
    args = [command, place] if extra is None else [command, "--region", place, *extra]
    if extra is not None and command not in {"faq"}:
        args += draw(st.lists(st.sampled_from(FACETS), max_size=3, unique=True))
    args += ["--format", draw(st.sampled_from(["text", "json", "markdown", "html"]))]
    args += ["--lang", draw(st.sampled_from(["en", "zh", "both"]))]
    return [*args, "--no-input"] if command != "show" else args


@SETTINGS
@given(args=command_lines())
def test_any_command_line_ends_as_documented(args: list[str], invoke: Invoke) -> None:
    run = invoke(args)
    assert run.exit_code in DOCUMENTED, (args, run.stderr)
    assert "Traceback" not in run.stderr
    assert not has_controls(run.stdout + run.stderr)
    if run.exit_code != 0:
        assert run.stdout == ""
        # One line per message; `--lang both` says it in Chinese and then English.
        assert len(run.stderr.splitlines()) == (2 if "both" in args else 1), run.stderr
        return
    if "json" in args:
        data = json.loads(run.stdout, parse_constant=lambda name: pytest.fail(name))
        assert_valid(data)  # against the schema cardguide publishes for its kind
    if "html" in args:  # one whole page, and nothing from data became a tag
        assert run.stdout.count("<html") == 1
        assert run.stdout.rstrip().endswith("</html>")
        assert "<script" not in run.stdout


MUTATIONS = st.sampled_from(
    [
        ("delete a line", None),
        ("duplicate a line", None),
        ("indent a line", None),
        ("replace a value", "~"),
        ("replace a value", "[]"),
        ("replace a value", "{}"),
        ("replace a value", "0"),
        ("replace a value", "-1"),
        ("replace a value", "'\\u202e'"),
        ("replace a value", "9999-99-99"),
        ("replace a value", "&a x"),
        ("replace a value", "!tag x"),
    ]
)
_VALUE = re.compile(r"^(\s*-?\s*[\w-]+:\s)(.+)$")


@SETTINGS
@given(
    region=st.sampled_from(REGIONS),
    mutation=MUTATIONS,
    where=st.floats(min_value=0, max_value=1, exclude_max=True),
)
def test_a_mutated_region_file_is_valid_or_refused_with_a_rule_code(
    region: str,
    mutation: tuple[str, str | None],
    where: float,
    invoke: Invoke,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    lines = (shipped_dir() / f"{region}.yaml").read_text(encoding="utf-8").splitlines()
    index = int(where * len(lines))
    kind, value = mutation
    if kind == "delete a line":
        del lines[index]
    elif kind == "duplicate a line":
        lines.insert(index, lines[index])
    elif kind == "indent a line":
        lines[index] = " " + lines[index]
    elif (found := _VALUE.match(lines[index])) is not None:
        lines[index] = found.group(1) + str(value)
    directory: Path = tmp_path_factory.mktemp("mutated")
    path = directory / f"{region}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = invoke(["validate", str(path), "--format", "json"])
    assert run.exit_code in {0, 1}, run.stderr
    assert "Traceback" not in run.stderr
    diagnostics = run.json()["diagnostics"]
    assert all(re.fullmatch(r"CG\d{3}", d["code"]) for d in diagnostics)
    assert (run.exit_code == 1) == any(d["severity"] == "error" for d in diagnostics)


@given(st.text())
def test_escaped_text_holds_no_control_and_text_without_one_is_unchanged(text: str) -> None:
    escaped = escape_controls(text)
    assert not has_controls(escaped)
    assert (escaped == text) == (not has_controls(text))
    assert not any(c in one_line(text) for c in "\n\r\t")


# Every character next to the ones escaped, by code point or by its UTF-8 bytes: C1 controls
# and their neighbours, U+061B to U+061D, U+2000 to U+206F (“, —, the bidi marks).
_NEAR_CONTROLS = [
    chr(c) for c in (*range(0x7E, 0xC1), *range(0x61B, 0x61E), *range(0x2000, 0x2070))
]


@given(st.text())
def test_json_output_is_escaped_as_any_text_is(text: str) -> None:
    import msgspec

    for one in (text, *(f"宁波{near}a\n" for near in _NEAR_CONTROLS)):
        encoded = msgspec.json.encode({"text": one})
        assert escape_json(encoded) == escape_controls(encoded.decode("utf-8")), ascii(one)


# Values a hand-edited file may put anywhere: every kind YAML gives, and ones near the model's
# limits (an empty list, a long id, a date that does not exist, a number that is not one).
ODD_VALUES = st.sampled_from(
    [None, True, 0, -1, 1948, 2.5, float("nan"), float("inf"), "", "x", "2026-13-01",
     "2026-11-01", "a" * 90, [], ["xx"], [{"kind": "notes"}], {}, {"en": "x", "two words": None},
     datetime.date(2026, 1, 1), datetime.datetime(2026, 1, 1, 3, 4)]
)  # fmt: skip


def _places(node: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path] if path else []
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in items:
        found += _places(child, (*path, key))
    return found


@SETTINGS
@given(region=st.sampled_from(REGIONS), where=st.floats(0, 1, exclude_max=True), value=ODD_VALUES,
       drop=st.booleans())  # fmt: skip
def test_the_model_refuses_data_exactly_when_a_rule_names_where(
    region: str, where: float, value: object, drop: bool
) -> None:
    file = shipped_dir() / f"{region}.yaml"
    data = read_yaml(file, file.read_bytes()).data
    path = _places(data)[int(where * len(_places(data)))]
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if drop and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = copy.deepcopy(value)
    try:
        msgspec.convert(data, RegionFile, strict=True)
        refused = False
    except msgspec.ValidationError:
        refused = True
    found = misfit(data, msgspec.inspect.type_info(RegionFile))
    assert refused == (found is not None), (path, found)
