"""What `validate` found in the files it read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from cardguide.errors import Diagnostic

if TYPE_CHECKING:  # imported where used: most commands need none of them
    pass


class Validation(msgspec.Struct, frozen=True):
    """What `validate` found in the files it read."""

    files: list[Path]
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)
