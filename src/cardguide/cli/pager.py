"""Long text for a person at a terminal goes through their pager (CLI layer only)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess

# less: quit at once when it fits one screen (-F), keep colours (-R), leave the text on the screen
# when it quits (-X), and search ignoring case (-i).
DEFAULT = "less -FRXi"


def command() -> list[str] | None:
    """The pager to run, or None: PAGER wins; an empty PAGER or `cat` means none."""
    chosen = os.environ.get("PAGER", DEFAULT)
    try:
        words = shlex.split(chosen)
    except ValueError:
        return None
    if not words or words[0] == "cat" or shutil.which(words[0]) is None:
        return None
    return words


def fits(text: str) -> bool:
    """Whether the text fits on one screen, when there is no need for a pager."""
    return text.count("\n") < shutil.get_terminal_size().lines


def show(text: str, pager: list[str]) -> None:
    """Hand the text to the pager and wait until the person quits it."""
    env = {**os.environ}
    env.setdefault("LESSCHARSET", "utf-8")  # Chinese text, whatever the locale says
    with subprocess.Popen(pager, stdin=subprocess.PIPE, env=env) as process:
        assert process.stdin is not None
        try:
            process.stdin.write(text.encode("utf-8"))
            process.stdin.close()
        except BrokenPipeError:
            pass  # they quit before reading it all; that is not an error
        while True:
            try:
                process.wait()
                break
            except KeyboardInterrupt:
                continue  # Ctrl-C belongs to the pager (less uses it to stop a search)
