"""The one error hierarchy of cardguide, its exit codes and its diagnostic codes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

EXIT_OK = 0
EXIT_DATA = 1  # a region file is broken, or a lookup (region, item) failed
EXIT_USAGE = 2  # bad arguments, contradictory profile, missing answer without a terminal
EXIT_INTERRUPTED = 130  # Ctrl-C during the interview

# Stable diagnostic codes. The README table is generated from this mapping's order and text;
# codes are never renumbered, only added.
RULES: dict[str, str] = {
    "CG001": "YAML syntax error",
    "CG002": "duplicate key in a mapping",
    "CG003": "unknown key",
    "CG004": "wrong type or value",
    "CG005": "missing required field",
    "CG006": "region id does not match the file name",
    "CG007": "parent region not found",
    "CG008": "parent regions form a cycle",
    "CG009": "duplicate id",
    "CG010": "condition names an unknown profile field",
    "CG011": "fact without a source",
    "CG012": "source id not defined in this file or its ancestors",
    "CG013": "status outside official / secondary / uncertain",
    "CG014": "missing translation for a language the file declares",
    "CG015": "review date in the future",
    "CG016": "review date older than the allowed age",
    "CG017": "file is not valid UTF-8",
    "CG018": "file is empty",
    "CG019": "YAML feature not allowed (anchors, aliases, tags, merge keys, deep nesting)",
    "CG020": "before/after names an item that does not exist",
    "CG021": "region level does not fit its parent",
    "CG022": "item claims a stronger status than any of its sources",
    "CG023": "text contains control characters",
    "CG024": "a rule names a region that does not exist",
    "CG025": "an overlay changes a region's parent or level",
}

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One finding about a data file, positioned as precisely as the file allows."""

    code: str
    message: str
    file: Path
    line: int | None = None
    column: int | None = None
    keypath: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        at = f" (at {self.keypath})" if self.keypath else ""
        return f"{where}: {self.code} {self.message}{at}"


class CardguideError(Exception):
    """Base of every anticipated failure; the CLI maps it to `exit_code` and one stderr line."""

    exit_code = EXIT_DATA

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class DataError(CardguideError):
    """A region file is broken; carries the diagnostic that names file, line and key path."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


class RegionNotFound(CardguideError):
    """No region matches what the user typed; carries close matches for "did you mean"."""

    def __init__(self, query: str, suggestions: Sequence[str]) -> None:
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown region {query!r}{hint} (`cardguide regions` lists them all)")
        self.query = query
        self.suggestions = list(suggestions)


class UsageProblem(CardguideError):
    """The command line asks for something impossible or incomplete."""

    exit_code = EXIT_USAGE


class ProfileConflict(UsageProblem):
    """Two profile flags describe situations that cannot both hold."""


class Cancelled(CardguideError):
    """The person at the terminal ended the interview (end of input)."""

    exit_code = EXIT_INTERRUPTED
