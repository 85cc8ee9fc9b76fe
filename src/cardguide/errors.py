"""The one error hierarchy of cardguide, its exit codes and its diagnostic codes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import msgspec
import msgspec.structs

from cardguide.wording import Msg, join, keyed, msg, say

EXIT_OK = 0
EXIT_DATA = 1  # a region file is broken, or a lookup (region, item) failed
EXIT_USAGE = 2  # bad arguments, contradictory profile, missing answer without a terminal
EXIT_INTERNAL = 3  # a defect in cardguide itself: one line, the traceback with CARDGUIDE_DEBUG=1
EXIT_INTERRUPTED = 130  # Ctrl-C during the interview

# Stable diagnostic codes; their titles are the catalog's `rule.CGxxx` words, and the table in
# docs/data-format.md is checked against them. Codes are never renumbered, only added.
RULES: tuple[str, ...] = tuple(f"CG{number:03}" for number in range(1, 38))

Severity = Literal["error", "warning"]


class Diagnostic(msgspec.Struct, frozen=True):
    """One finding about a data file, positioned as precisely as the file allows."""

    code: str
    message: Msg
    file: Path
    line: int | None = None
    column: int | None = None
    keypath: str = ""
    severity: Severity = "error"

    @property
    def where(self) -> str:
        """`file:line:column`, or the file alone when no position is known."""
        if self.line is None:
            return str(self.file)
        return f"{self.file}:{self.line}:{self.column or 1}"

    def as_warning(self) -> Diagnostic:
        return msgspec.structs.replace(self, severity="warning")

    def as_message(self) -> Msg:
        """The whole diagnostic as one line: where, code, message and key path."""
        if self.keypath:
            return msg(
                "diagnostic.at", where=self.where, code=self.code, message=self.message,
                keypath=self.keypath,
            )  # fmt: skip
        return msg("diagnostic", where=self.where, code=self.code, message=self.message)

    def __str__(self) -> str:
        return say(self.as_message(), "en")


class CardguideError(Exception):
    """Base of every anticipated failure; the CLI maps it to `exit_code` and one stderr line.

    `about` names the input the failure is about, when one is to blame: an option such as
    `--born` or `--region`, `profile` for the description of the applicant, or a batch row's
    own field (`row` for a line that is no set of fields). A batch row's error names its field
    from it.
    """

    exit_code = EXIT_DATA
    about: str | None = None

    def __init__(self, message: Msg, about: str | None = None) -> None:
        super().__init__(message.key)
        self.message = message
        if about is not None:
            self.about = about

    def __str__(self) -> str:
        return say(self.message, "en")


class DataError(CardguideError):
    """A region file is broken; carries the diagnostic that names file, line and key path."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.as_message())
        self.diagnostic = diagnostic


class RegionNotFound(CardguideError):
    """No region matches what the user typed; carries close matches for "did you mean"."""

    about = "--region"

    def __init__(self, query: str, suggestions: Sequence[str]) -> None:
        if suggestions:
            message = msg(
                "error.region_unknown_suggest", query=query, names=join(suggestions, "or")
            )
        else:
            message = msg("error.region_unknown", query=query)
        super().__init__(message)
        self.query = query
        self.suggestions = list(suggestions)


class NotCovered(CardguideError):
    """The place is in Hong Kong, Macao or Taiwan, which cardguide does not cover."""

    about = "--region"

    def __init__(self, query: str, name: str) -> None:
        super().__init__(msg("error.not_covered", query=query, name=name))


class AmbiguousPlace(CardguideError):
    """A name several divisions share (朝阳): the person adds the province or city."""

    about = "--region"

    def __init__(self, query: str, places: Sequence[str]) -> None:
        shown = join(places[:5])
        super().__init__(msg("error.ambiguous", query=query, places=shown, example=places[0]))
        self.places = list(places)


class UsageProblem(CardguideError):
    """The command line asks for something impossible or incomplete."""

    exit_code = EXIT_USAGE


class ProfileConflict(UsageProblem):
    """Two profile flags describe situations that cannot both hold."""

    about = "profile"


class Cancelled(CardguideError):
    """The person at the terminal ended the interview (end of input)."""

    exit_code = EXIT_INTERRUPTED


# Operating-system errors that reading data can meet, in words of the catalog (`os.*`); any other
# keeps the system's own description.
OS_REASONS: tuple[str, ...] = (
    "ENOENT", "EACCES", "EISDIR", "ENOTDIR", "ENAMETOOLONG", "ELOOP", "EEXIST", "ENOSPC",
    "ENXIO",
)  # fmt: skip


def os_reason(error: OSError) -> object:
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    return keyed("os", name) if name in OS_REASONS else (error.strerror or name or str(error))
