"""The console side of the CLI: the reader's language, messages on stderr, and exit codes."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple, get_args

from cardguide.errors import (
    EXIT_DATA,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    CardguideError,
    os_reason,
)
from cardguide.wording import LangChoice, Msg, join, msg, say
from cardguide.wording.escape import one_line
from cardguide.wording.text import Lang

CHOICES: tuple[LangChoice, ...] = get_args(LangChoice)
# Checked in this order; the first one set decides (POSIX gives LC_ALL precedence).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def language(flag: str | None, environ: Mapping[str, str]) -> LangChoice:
    """--lang, else CARDGUIDE_LANG, else the locale (zh* is Chinese), else English."""
    for wanted in (flag, environ.get("CARDGUIDE_LANG")):
        chosen = (wanted or "").strip().casefold()
        if chosen in CHOICES:
            return chosen
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "").strip()
        if value:
            # LANGUAGE may list several (zh_CN:en_US); the first is the preferred one.
            return "zh" if value.split(":")[0].casefold().startswith("zh") else "en"
    return "en"


def flag_in(args: Sequence[str]) -> str | None:
    """The value of --lang on a command line, before it is parsed (for errors in parsing)."""
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith("--lang="):
            found = arg.removeprefix("--lang=")
    return found


def spoken(choice: LangChoice) -> tuple[Lang, ...]:
    """The languages a message is said in: Chinese then English for `both`."""
    return ("zh", "en") if choice == "both" else (choice,)


class Messages:
    """Writes the tool's messages to stderr in the chosen language(s), one line each."""

    def __init__(self, choice: LangChoice) -> None:
        self.choice = choice

    def write(self, key: str, message: object) -> None:
        for lang in spoken(self.choice):
            # Messages are single lines: data, names and arguments in them may hold newlines.
            # One line whatever data, names and arguments hold; escape sequences shown escaped.
            line = one_line(say(msg(key, message=message), lang))
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def error(self, message: Msg) -> None:
        self.write("cli.error", message)

    def warning(self, message: Msg) -> None:
        self.write("cli.warning", message)

    def note(self, message: Msg) -> None:
        self.write("cli.note", message)


# What a symbol becomes on a stream whose encoding lacks it (GBK has no •; ASCII has no Chinese).
# NFKC is tried first: it turns full-width punctuation (（），：) into ASCII.
_PLAIN = {
    "\u2022": "*", "\u2610": "[ ]", "\u2611": "[x]", "\u2713": "v", "\u2717": "x",
    "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-", "\u2026": "...",
    "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2192": "->",
    "\u00b7": "-", "\u30fb": "-", "\u00d7": "x", "\u2264": "<=", "\u2265": ">=",
    "\u3001": ",", "\u3002": ".", "\u300a": "<", "\u300b": ">", "\u3010": "[", "\u3011": "]",
}  # fmt: skip
PLAIN = "cardguide.plain"  # the codec error handler that uses them


def _fallback(char: str, encoding: str) -> str:
    import unicodedata

    for candidate in (unicodedata.normalize("NFKC", char), _PLAIN.get(char)):
        if candidate and candidate != char:
            try:
                candidate.encode(encoding)
            except (UnicodeEncodeError, LookupError):
                continue
            return candidate
    return "?"


def _plain(error: UnicodeError) -> tuple[str, int]:
    """Each character the stream cannot carry as its plain form, or ? when it has none."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chars = error.object[error.start : error.end]
    return "".join(_fallback(char, error.encoding) for char in chars), error.end


def tolerant_streams() -> None:
    """Let stdout and stderr carry every character their encoding has and a plain form of the
    rest, so no command fails because of where its output goes (a GBK console on Chinese
    Windows, a file redirected there, an ASCII locale)."""
    import codecs
    import contextlib

    # A stream closed before the start (`cardguide regions >&-`) is None in Python: reading
    # finds nothing and writing goes nowhere, as with /dev/null.
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115, PTH123
    codecs.register_error(PLAIN, _plain)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A stream that cannot change keeps its own rule.
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors=PLAIN)


def styling(out: Any, environ: Mapping[str, str]) -> bool | None:
    """Whether text written to `out` has styles: never with NO_COLOR (https://no-color.org: set
    and not empty) or into output that is no terminal while nothing in the environment says to
    treat it as one (https://force-color.org); else None, rich's to decide."""
    if environ.get("NO_COLOR"):
        return False
    if "FORCE_COLOR" in environ or environ.get("TTY_COMPATIBLE") in ("0", "1"):
        return None  # rich's own switches: left to it
    isatty = getattr(out, "isatty", None)
    try:
        return None if isatty is not None and isatty() else False
    except ValueError:  # a closed stream
        return False


def text_width(environ: Mapping[str, str]) -> int:
    """The width of plain text, as rich takes it when writing to no terminal: the terminal the
    command runs in (its input, output or error stream), then COLUMNS, then 80."""
    width = 0
    for descriptor in (1, 2) if sys.platform == "win32" else (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        break
    columns = environ.get("COLUMNS", "")
    if columns.isdigit():
        width = int(columns)
    return width or 80


def data_encoding(stream: Any) -> str:
    """The encoding for data that says its own (JSON is UTF-8, a page declares UTF-8, a CSV
    has a byte-order mark): UTF-8 into a file or pipe, the terminal's own at a terminal."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    return str(getattr(stream, "encoding", None) or "utf-8") if terminal else "utf-8"


def usage_message(error: Any, command: str) -> Msg:
    """click's usage errors in catalog words: one line, with where to find help.

    `command` names the command line's command for errors that carry no context of their own.
    typer names none of click's error classes but its base, so each kind is known by the
    attributes click documents for it.
    """
    if error.ctx is not None:
        command = error.ctx.command_path
    option_name = getattr(error, "option_name", None)
    possibilities = getattr(error, "possibilities", None)
    if option_name is not None and possibilities is not None:  # no such option
        if possibilities:
            close = ", ".join(sorted(possibilities))
            return msg("error.no_option_close", option=option_name, close=close)
        return msg("error.no_option", option=option_name, command=command)
    param = getattr(error, "param", None)
    if param is not None:
        # An option by its flag; an argument by the name its help shows (REGION).
        name = param.opts[0] if param.opts and param.opts[0].startswith("-") else None
        name = name or getattr(param, "metavar", None) or str(param.name).upper()
        if hasattr(error, "param_type"):  # a missing argument or option
            return msg("error.missing_argument", name=name, command=command)
        choices = getattr(param.type, "choices", None)
        if choices:
            return msg("error.choice", option=name, choices=join(choices), command=command)
        minimum = getattr(param.type, "min", None)  # the one number option, --max-age
        if minimum is not None:
            return msg("error.at_least", option=name, min=minimum, command=command)
        return msg("error.bad_value", option=name, detail=error.message, command=command)
    if option_name is not None:
        # The parser says this for exactly two mistakes, told apart only by its words.
        key = "error.no_value" if "does not take" in error.message else "error.needs_value"
        return msg(key, option=option_name, command=command)
    return msg("error.usage", detail=error.format_message(), command=command)


def run(main: Callable[[], Any], choice: LangChoice, command: str = "cardguide") -> int:
    """Run the command line and turn every way it can end into an exit code and one line.

    This is the one place errors are caught: anticipated ones (CardguideError) by their own
    codes, click's usage errors as 2, Ctrl-C as 130, a closed stdout quietly, and anything else
    as an internal error (3) whose traceback shows only with CARDGUIDE_DEBUG=1.
    """
    ended = outcome(main, command)
    if ended.message is not None:
        Messages(choice).error(ended.message)
    return ended.code


class Ending(NamedTuple):
    """How a run ended: its exit code, and for a failure the message that says why and the
    input it was about (an option such as `--born`, or `profile`), when one is to blame."""

    code: int
    message: Msg | None = None
    about: str | None = None


def outcome(main: Callable[[], Any], command: str = "cardguide") -> Ending:
    """How a run ended. `run` prints the message; `batch` keeps it as one row's result."""
    from typer import Abort, TyperException

    try:
        code = main()
    except CardguideError as error:
        return Ending(error.exit_code, error.message, error.about)
    except TyperException as error:
        if getattr(error, "exit_code", None) != EXIT_USAGE:
            return _internal(error)  # no command of cardguide makes click fail otherwise
        return Ending(EXIT_USAGE, usage_message(error, command))
    except Abort:  # end of input where click itself asked (never in cardguide)
        return Ending(EXIT_INTERRUPTED)
    except BrokenPipeError:
        quiet_stdout()
        return Ending(EXIT_OK)
    except OSError as error:
        if error.errno not in _WRITE_FAILURES:
            return _internal(error)
        # The output could not be written (a full disk, /dev/full): said, and not tried again
        # when the interpreter flushes at exit.
        quiet_stdout()
        return Ending(EXIT_DATA, msg("error.write", reason=os_reason(error)))
    except Exception as error:  # the last resort: a defect, never a traceback by default
        return _internal(error)
    return Ending(code if isinstance(code, int) else EXIT_OK)


# Errors from writing the output that say nothing about cardguide: the disk, not a defect.
_WRITE_FAILURES = frozenset(
    {errno.ENOSPC, errno.EFBIG, errno.EIO, getattr(errno, "EDQUOT", errno.ENOSPC)}
)


def _internal(error: Exception) -> Ending:
    if os.environ.get("CARDGUIDE_DEBUG"):
        import traceback

        traceback.print_exc()
    return Ending(EXIT_INTERNAL, msg("error.internal", kind=type(error).__name__))


def quiet_stdout() -> None:
    """After the reader closed the pipe, let the interpreter's final flush fail silently."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a real file (a test's capture): nothing will flush to it
