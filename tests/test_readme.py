"""Every `cardguide` command line README.md shows is run, and does what README says it does.

The lines are read from README.md when the tests are collected, never copied here:

- In a fenced code block, every line with a `cardguide` command: the line starts with
  `cardguide` (after an optional `$ ` prompt and `NAME=value` settings), or `cardguide` starts a
  command after `&&`, `||`, `;` or `|`, or inside `eval "$(...)"`. A `# comment` is not part of
  the line. Only the cardguide command is run: `pip install . &&` before it is CI's job
  (`.ci/run`).
- In running text, a backticked span is a line to type when it is `cardguide` followed by
  options or arguments, with no placeholder (a word in capitals such as FILE, R or KIND, or a
  part in brackets: `cardguide check [--region R]` is a synopsis) and not only a command's name
  (`cardguide replace` in "exactly what `cardguide replace` gives" names the command).

Each line runs in-process through the `invoke` fixture, in a temporary directory that is also
HOME, with "today" fixed by conftest, stdin not a terminal and no CARDGUIDE_PATH but the line's
own. A file or directory the line names (`batch staff.csv`, `validate my-regions/`,
`CARDGUIDE_PATH=~/desk-data`) is made there first. The expected exit code is 0, except for a
checklist command that lacks what it can only ask for in a terminal (`--region`; `--lost` or
`--damaged` for `replace`): README's interview section says that is a usage error, exit 2, with
one line on stderr. Those lines also run once in a simulated terminal, answered, to show they
ask and put only the checklist on stdout. stdout and stderr are asserted separately: stdout
holds the output (`validate`, finding no problem, prints none and counts on stderr), stderr is
empty, `--format json` is JSON and `--format html` a page.

What surrounds the command is asserted as the line promises: `> FILE` by the file's kind (JSON,
HTML, text, a fish script); `| jq PROGRAM` by applying the path PROGRAM names to the JSON;
`| head -1` in a subprocess whose reader stops after one line (in-process output cannot be cut
off), which must end quietly with 0; `| Out-String | Invoke-Expression` as a PowerShell script;
`eval "$(...)"` by evaluating bash's script in bash, where bash is installed, and finding
cardguide's completion registered. Anything else fails with the line named, so a new kind of
line gets a check before it counts as tested.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cardguide.cli import context
from cardguide.commands import CHECKLISTS
from cardguide.wording.text import revision

from .conftest import LANGUAGE_VARIABLES, TEST_TODAY, Invoke, Run

README = Path(__file__).resolve().parents[1] / "README.md"

# How many distinct command lines README shows today, of each kind. Raise these when README
# gains lines; they exist so that an extraction bug cannot leave the main test nearly empty.
FLOOR = {"fenced": 36, "inline": 8}

ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
PLACEHOLDER = re.compile(r"[A-Z]+(\.\.\.)?\]?")


@dataclass(frozen=True)
class Line:
    """One command line README shows, and the cardguide command in it."""

    text: str  # as README shows it, without its comment
    kind: str  # "fenced" or "inline"
    argv: tuple[str, ...]  # cardguide's own arguments
    env: tuple[tuple[str, str], ...] = ()  # NAME=value settings before it
    redirect: str | None = None  # the file stdout goes to (`> FILE`)
    pipe: tuple[tuple[str, ...], ...] = ()  # the commands stdout is piped through
    evaluated: bool = False  # inside `eval "$(...)"`

    @property
    def command(self) -> str | None:
        """The subcommand, or None for a top-level option (`--version`)."""
        return self.argv[0] if self.argv and not self.argv[0].startswith("-") else None

    def value(self, *options: str) -> str | None:
        """The value given to one of `options`, if the line gives one."""
        for before, after in itertools.pairwise(self.argv):
            if before in options:
                return after
        return None


def _words(text: str) -> list[str]:
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    return list(lexer)


def _split(words: list[str], separators: set[str]) -> Iterator[list[str]]:
    part: list[str] = []
    for word in words:
        if word in separators:
            yield part
            part = []
        else:
            part.append(word)
    yield part


def _cardguide_in(words: list[str], text: str, kind: str) -> Line | None:
    """The cardguide command in a shell line's words, with what surrounds it."""
    for listed in _split(words, {"&&", "||", ";"}):
        stages = list(_split(listed, {"|"}))
        for number, stage in enumerate(stages):
            env: list[tuple[str, str]] = []
            while stage and ASSIGNMENT.match(stage[0]):
                name, _, value = stage.pop(0).partition("=")
                env.append((name, value))
            redirect = None
            if ">" in stage:
                at = stage.index(">")
                redirect, stage = stage[at + 1], stage[:at] + stage[at + 2 :]
            if stage[:1] == ["cardguide"]:
                pipe = tuple(tuple(later) for later in stages[number + 1 :])
                return Line(text, kind, tuple(stage[1:]), tuple(env), redirect, pipe)
            if len(stage) == 2 and stage[0] == "eval" and re.fullmatch(r"\$\(.*\)", stage[1]):
                inner = _cardguide_in(_words(stage[1][2:-1]), text, kind)
                if inner is not None:
                    return Line(text, kind, inner.argv, inner.env, evaluated=True)
    return None


def _fenced(readme: str) -> Iterator[str]:
    inside = False
    for line in readme.splitlines():
        if re.match(r"\s*(```|~~~)", line):
            inside = not inside
        elif inside:
            yield line


def _running_text(readme: str) -> Iterator[str]:
    """README without its fenced blocks, one paragraph at a time."""
    inside = False
    kept: list[str] = []
    for line in readme.splitlines():
        if re.match(r"\s*(```|~~~)", line):
            inside = not inside
            kept.append("")
        elif not inside:
            kept.append(line)
    yield from re.split(r"\n\s*\n", "\n".join(kept))


def fenced_lines(readme: str) -> list[Line]:
    found = []
    for raw in _fenced(readme):
        if not re.search(r"\bcardguide\b", raw):
            continue
        text = re.sub(r"\s+#\s.*$", "", re.sub(r"^\s*\$ ", "", raw)).strip()
        line = _cardguide_in(_words(text), text, "fenced")
        if line is not None:
            found.append(line)
    return found


def inline_lines(readme: str) -> list[Line]:
    found = []
    for paragraph in _running_text(readme):
        for span in re.findall(r"(?<!`)`([^`]+)`(?!`)", paragraph):
            text = " ".join(span.split())
            words = text.split()
            if words[0] != "cardguide" or len(words) < 2:
                continue
            if any(PLACEHOLDER.fullmatch(word) or word.startswith("[") for word in words):
                continue  # a synopsis, not a line to type
            if len(words) == 2 and not words[1].startswith("-"):
                continue  # a command's name in a sentence
            line = _cardguide_in(_words(text), text, "inline")
            if line is not None:
                found.append(line)
    return found


def readme_lines() -> list[Line]:
    """Every command line README shows, each once (the first place it appears decides its kind)."""
    readme = README.read_text(encoding="utf-8")
    distinct: dict[str, Line] = {}
    for line in [*fenced_lines(readme), *inline_lines(readme)]:
        distinct.setdefault(line.text, line)
    return list(distinct.values())


LINES = readme_lines()
CHECKLIST = {command.name: command for command in CHECKLISTS}


def _flag(facet: str) -> str:
    return "--" + facet.replace("_", "-")


def asks_in_a_terminal_only(line: Line) -> bool:
    """A checklist command missing what only a terminal's interview can supply."""
    command = CHECKLIST.get(line.command or "")
    if command is None:
        return False
    if "--region" not in line.argv:
        return True
    flags = {_flag(facet) for facet in command.circumstances}
    return command.one_of and not flags & set(line.argv)


# A region a help desk adds, valid under `validate --strict` on TEST_TODAY.
DESK_REGION_ID = "haishu"
_TITLE = "Haishu service hall notice board, November 2026"
_NOTE = "The district service hall takes card applications on weekdays."
DESK_REGION = f"""\
id: {DESK_REGION_ID}
level: county
parent: ningbo
names: {{en: Haishu, zh: 海曙}}
last_reviewed: {TEST_TODAY.replace(day=1).isoformat()}
sources:
  - id: local:haishu-desk
    title: {{en: "{_TITLE}", zh: 海曙区服务大厅公告栏，2026年11月, zh_of: {revision(_TITLE)}}}
    status: uncertain
    kind: unofficial
procedures:
  apply:
    notes:
      - id: hall-hours
        text: {{en: {_NOTE}, zh: 区服务大厅工作日受理社保卡申领。, zh_of: {revision(_NOTE)}}}
        sources: [local:haishu-desk]
        status: uncertain
"""

STAFF = """\
command,region,profile,born
apply,ningbo,newborn,
check,宁波,,2026-10-01
activate,shanghai,,
"""


def _region_directory(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    (path / f"{DESK_REGION_ID}.yaml").write_text(DESK_REGION, encoding="utf-8")


def make_files(line: Line, here: Path) -> None:
    """The files a line names, as someone following README would have them."""
    if line.command == "batch" and len(line.argv) > 1 and line.argv[1] != "-":
        # A reader that stops after one line should stop a batch still writing.
        rows = 700 if any(stage[:1] == ("head",) for stage in line.pipe) else 1
        staff = STAFF.splitlines()
        text = "\n".join([staff[0], *staff[1:] * rows]) + "\n"
        (here / line.argv[1]).write_text(text, encoding="utf-8")
    if line.command == "validate":
        for argument in line.argv[1:]:
            if not argument.startswith("-"):
                _region_directory(here / argument)
    data_dir = line.value("--data-dir")
    if data_dir is not None:
        _region_directory(here / data_dir)
    for name, value in line.env:
        if name == "CARDGUIDE_PATH":
            for directory in _expanded(value).split(os.pathsep):
                _region_directory(Path(directory))


def _expanded(value: str) -> str:
    """A setting as the shell hands it on: `~` starting a path in it is HOME."""
    return os.pathsep.join(str(Path(part).expanduser()) for part in value.split(os.pathsep))


def _environment(line: Line) -> dict[str, str]:
    return {name: _expanded(value) for name, value in line.env}


# Cut off after one line, as `| head -1` does; "today" fixed as conftest fixes it in-process.
_MAIN_ON_TEST_TODAY = f"""\
import datetime
from cardguide.cli import options
options.system_today = lambda: datetime.date.fromisoformat({TEST_TODAY.isoformat()!r})
from cardguide.launch import main
main()
"""


def _run_until_the_reader_stops(line: Line, here: Path) -> Run:
    env = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    env.pop("CARDGUIDE_PATH", None)
    env.update(_environment(line))
    args = [sys.executable, "-c", _MAIN_ON_TEST_TODAY, *line.argv]
    with subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=here,
        env=env,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read()
        code = process.wait(timeout=60)
    return Run(code, first.decode("utf-8"), stderr.decode("utf-8"))


def _jq(document: Any, program: str) -> list[Any]:
    """What jq prints for a path of fields and `[]` (all README's programs use)."""
    assert re.fullmatch(r"(\.\w+(\[\])?)+", program), f"teach this test jq {program!r}"
    values = [document]
    for name, each in re.findall(r"\.(\w+)(\[\])?", program):
        values = [value[name] for value in values]
        if each:
            values = [item for value in values for item in value]
    return values


def _json_format(line: Line) -> bool:
    return line.value("--format", "-f") == "json" or line.command == "schema"


def check_what_follows(line: Line, run: Run) -> None:
    """What the line's pipe, redirection or eval promises about cardguide's stdout."""
    if _json_format(line):
        document = json.loads(run.stdout)
        assert "$schema" in document if line.command == "schema" else "kind" in document
    if line.value("--format", "-f") == "html":
        assert run.stdout.startswith("<!DOCTYPE html>")
        assert run.stdout.rstrip().endswith("</html>")
    for stage in line.pipe:
        if stage[0] == "head":
            pass  # the reader stopped after one line: see _run_until_the_reader_stops
        elif stage[0] == "jq":
            printed = _jq(json.loads(run.stdout), stage[-1])
            assert printed, line.text
            assert all(isinstance(value, str) and value for value in printed)
        elif stage == ("Out-String",):
            assert "Register-ArgumentCompleter -Native -CommandName cardguide" in run.stdout
        elif stage == ("Invoke-Expression",):
            pass  # what Out-String hands it is checked above
        else:
            pytest.fail(f"teach this test what piping into {stage[0]!r} promises: {line.text}")
    if line.redirect is not None:
        suffix = Path(line.redirect).suffix
        if suffix == ".json":
            json.loads(run.stdout)
        elif suffix == ".html":
            assert run.stdout.startswith("<!DOCTYPE html>")
        elif suffix == ".txt":
            assert "\x1b" not in run.stdout  # a file gets no escape codes
        elif suffix == ".fish":
            assert "complete " in run.stdout
            assert "cardguide" in run.stdout
        else:
            pytest.fail(f"teach this test what a {suffix!r} file should hold: {line.text}")
    if line.evaluated:
        shell = line.value("--show-completion")
        assert shell is not None, f"teach this test what evaluating {line.text} does"
        assert "cardguide" in run.stdout
        if shell == "bash" and shutil.which("bash"):
            done = subprocess.run(
                ["bash", "-c", 'eval "$1" && complete -p cardguide', "bash", run.stdout],
                capture_output=True,
                text=True,
                check=False,
            )
            assert (done.returncode, done.stderr) == (0, ""), done.stderr
            assert done.stdout.strip().endswith(" cardguide")


def check_command_output(line: Line, run: Run, here: Path) -> None:
    """What the command itself promises on stdout and stderr."""
    if line.command == "validate":
        # Problems go to stdout one per line; there are none, and the count goes to stderr.
        assert run.stdout == ""
        assert re.fullmatch(r"cardguide: 0 errors, 0 warnings in \d+ files?\n", run.stderr)
        return
    assert run.stdout.strip(), line.text
    assert run.stderr == ""
    if line.argv == ("--version",):
        assert re.fullmatch(r"cardguide \d+\.\d+\S*\n", run.stdout)
    if line.command == "batch":
        records = [json.loads(text) for text in run.stdout.splitlines()]
        assert all(record["ok"] for record in records)
        pages = line.value("-o", "--output-dir")
        for record in records:
            if pages is None:
                assert "result" in record
            else:
                assert (here / record["file"]).is_file()
                assert Path(record["file"]).parent == Path(pages)
    if any(name == "CARDGUIDE_PATH" for name, _ in line.env) and line.command == "regions":
        listed = [row.split()[0] for row in run.stdout.splitlines() if row.strip()]
        assert DESK_REGION_ID in listed  # the help desk's own
        assert {"national", "ningbo", "shanghai"} <= set(listed)  # and the shipped ones


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh working directory and HOME; no help desk data but what a line sets."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("CARDGUIDE_PATH", raising=False)
    return tmp_path


@pytest.mark.parametrize("line", LINES, ids=[line.text for line in LINES])
def test_every_command_line_readme_shows_runs_as_it_says(
    line: Line, invoke: Invoke, here: Path
) -> None:
    make_files(line, here)
    if any(stage[:1] == ("head",) for stage in line.pipe):
        run = _run_until_the_reader_stops(line, here)
    else:
        run = invoke(line.argv, env=_environment(line))
    if asks_in_a_terminal_only(line):
        # Without a terminal it never asks: a usage error, one line, nothing on stdout.
        assert (run.exit_code, run.stdout) == (2, ""), run.stderr
        assert len(run.stderr.splitlines()) == 1
        assert run.stderr.startswith("cardguide: error: missing --")
        return
    assert run.exit_code == 0, run.stderr
    check_command_output(line, run, here)
    check_what_follows(line, run)


# What a person answers in the interview, and the options that say the same.
ANSWERS = {"apply": (["ningbo", "1", "n"], ["--region", "ningbo"])}

ASKING = [line for line in LINES if asks_in_a_terminal_only(line)]


@pytest.mark.parametrize("line", ASKING, ids=[line.text for line in ASKING])
def test_a_line_that_asks_puts_only_the_checklist_on_stdout_once_answered_in_a_terminal(
    line: Line, invoke: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert line.command in ANSWERS, f"teach this test how to answer {line.text}"
    answers, same = ANSWERS[line.command]
    expected = invoke([*line.argv, *same])
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)
    run = invoke(line.argv, input="".join(f"{answer}\n" for answer in answers))
    assert run.exit_code == 0, run.stderr
    assert "Region (id or name" in run.stderr  # the questions go to stderr
    assert "Who is applying?" in run.stderr
    assert run.stdout == expected.stdout  # stdout holds only the checklist
    check_what_follows(line, run)


def test_the_extraction_finds_every_command_line_readme_has_today() -> None:
    counts = {kind: sum(line.kind == kind for line in LINES) for kind in FLOOR}
    assert all(counts[kind] >= FLOOR[kind] for kind in FLOOR), counts
    assert ASKING, "README's interview line (cardguide apply) was not found"


def test_every_code_line_that_names_cardguide_is_one_of_the_lines_run() -> None:
    readme = README.read_text(encoding="utf-8")
    mentioned = [raw for raw in _fenced(readme) if re.search(r"\bcardguide\b", raw)]
    assert len(mentioned) == len(fenced_lines(readme))


def test_the_extraction_reads_shell_lines_and_spans_as_the_module_says() -> None:
    readme = textwrap.dedent("""\
        Run `cardguide faq --region ningbo "change bank"`, not `cardguide diff A B`,
        `cardguide check [--region R]` or `cardguide replace`.

        ```sh
        $ cardguide regions   # every region
        pip install . && cardguide apply --region ningbo > out.txt
        eval "$(cardguide --show-completion bash)"
        X=~/d cardguide show ningbo | head -1
        cardguide-like --not-this
        pytest tests
        ```
        """)
    fenced = fenced_lines(readme)
    assert [line.argv for line in fenced] == [
        ("regions",),
        ("apply", "--region", "ningbo"),
        ("--show-completion", "bash"),
        ("show", "ningbo"),
    ]
    assert fenced[0].text == "cardguide regions"
    assert fenced[1].redirect == "out.txt"
    assert fenced[2].evaluated
    assert (fenced[3].env, fenced[3].pipe) == ((("X", "~/d"),), (("head", "-1"),))
    assert [line.argv for line in inline_lines(readme)] == [
        ("faq", "--region", "ningbo", "change bank")
    ]
