"""The interview: suggestions taken with Enter, ambiguous places chosen, and going back."""

from __future__ import annotations

from typing import Any

import pytest

from cardguide.cli import context

from .conftest import Invoke


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(context, "stdin_is_tty", lambda: True)


def _answer(invoke: Invoke, args: list[str], answers: list[str]) -> tuple[dict[str, Any], str]:
    run = invoke([*args, "--format", "json"], input="".join(f"{a}\n" for a in answers))
    assert run.exit_code == 0, run.stderr
    return run.json(), run.stderr


def test_enter_takes_the_place_that_was_probably_meant(invoke: Invoke) -> None:
    data, asked = _answer(invoke, ["apply"], ["ningpo", "", "1", "n"])
    assert data["region"]["id"] == "ningbo"
    assert "Did you mean ningbo? [Y/n]" in asked


def test_a_declined_suggestion_asks_for_the_place_again(invoke: Invoke) -> None:
    data, asked = _answer(invoke, ["apply"], ["ningpo", "n", "shanghai", "1", "n"])
    assert data["region"]["id"] == "shanghai"
    assert asked.count("Region (id or name") == 2
    assert "unknown region 'ningpo'" in asked


def test_a_place_with_two_meanings_is_chosen_from_a_list(invoke: Invoke) -> None:
    data, asked = _answer(invoke, ["activate"], ["朝阳区", "1", "1"])
    assert data["region"]["id"] == "beijing"
    assert data["asked"]["code"] == "110105"
    assert "  1. 北京市朝阳区" in asked


def test_less_than_goes_back_to_the_question_before(invoke: Invoke) -> None:
    # Region ningbo, then back from "who is applying" to the region, which becomes shanghai.
    data, asked = _answer(invoke, ["apply"], ["ningbo", "<", "shanghai", "1", "n"])
    assert data["region"]["id"] == "shanghai"
    assert asked.startswith("(Type < to go back one question.)\n")
    assert asked.count("Region (id or name") == 2


def test_going_back_changes_only_the_answer_taken_back(invoke: Invoke) -> None:
    # Newborn, then back from the replacement question, then an adult: the region stays.
    data, asked = _answer(invoke, ["apply", "--region", "ningbo"], ["2", "<", "1", "n"])
    assert data["region"]["id"] == "ningbo"
    assert data["profile"]["given"] == []
    assert "Region (id" not in asked
    assert asked.count("Who is applying?") == 2


def test_going_back_from_the_first_question_says_so(invoke: Invoke) -> None:
    data, asked = _answer(invoke, ["apply"], ["<", "返回", "ningbo", "1", "n"])
    assert data["region"]["id"] == "ningbo"
    assert asked.count("This is the first question.") == 2


def test_going_back_from_a_suggestion_returns_to_the_place_question(invoke: Invoke) -> None:
    data, _asked = _answer(invoke, ["apply"], ["ningpo", "<", "shanghai", "1", "n"])
    assert data["region"]["id"] == "shanghai"


def test_the_interview_speaks_chinese_and_takes_chinese_answers(invoke: Invoke) -> None:
    data, asked = _answer(invoke, ["apply", "--lang", "zh"], ["宁波", "2", "否"])
    assert data["region"]["id"] == "ningbo"
    assert data["profile"]["given"] == ["newborn"]
    assert "（输入 < 可回到上一个问题）" in asked


def _in_a_terminal(args: list[str], keys: bytes) -> str:
    """Run cardguide on a pseudo-terminal, type the keys, and return all it showed."""
    import os
    import pty
    import select
    import signal
    import sys
    import time

    pid, fd = pty.fork()
    if pid == 0:  # the child: cardguide with the terminal as stdin, stdout and stderr
        env = {**os.environ, "NO_COLOR": "1", "PAGER": "cat", "LANG": "C.UTF-8", "TERM": "xterm"}
        os.execve(sys.executable, [sys.executable, "-m", "cardguide", *args], env)
    time.sleep(1.0)  # let it start and ask (typed keys before that would still be read)
    os.write(fd, keys)
    shown = b""
    deadline = time.monotonic() + 30  # an answer it could not take leaves it waiting for more
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child has ended and the terminal is closed
            break
        if not chunk:
            break
        shown += chunk
    else:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return shown.decode("utf-8", errors="replace")


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs a POSIX terminal")
def test_answers_can_be_edited_like_any_shell_line() -> None:
    # "ngbo", Ctrl-A to the start of the line, "ni": readline makes that "ningbo".
    shown = _in_a_terminal(["activate", "--format", "json"], b"ngbo\x01ni\r1\r")
    assert '"id": "ningbo"' in shown, shown


def test_a_parent_whose_babys_card_is_lost_is_led_to_a_childs_replacement(
    invoke: Invoke,
) -> None:
    # Newborn, then yes to a lost or damaged card, then lost: no conflict, nothing asked again.
    data, asked = _answer(invoke, ["apply", "--region", "ningbo"], ["2", "y", "1"])
    assert data["kind"] == "checklist"
    assert set(data["profile"]["given"]) >= {"minor", "lost"}
    assert "newborn" not in data["profile"]["given"]
    assert "replaced as a child's card" in asked
    assert asked.count("Who is applying?") == 1
