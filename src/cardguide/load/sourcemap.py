"""Where each value of a parsed region file was written, for diagnostics that name a line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

from cardguide.errors import Diagnostic
from cardguide.wording import Msg

KeyPath = tuple[str | int, ...]


def format_keypath(path: KeyPath) -> str:
    """`("procedures", "apply", "steps", 0)` → `procedures.apply.steps[0]`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class Document(msgspec.Struct):
    """Parsed YAML plus the 1-based (line, column) of each value and each mapping key."""

    file: Path
    data: Any
    values: dict[KeyPath, tuple[int, int]] = msgspec.field(default_factory=dict)
    keys: dict[KeyPath, tuple[int, int]] = msgspec.field(default_factory=dict)
    # For a file loaded in compiled form: reads the positions the first time one is needed.
    locate: Callable[[], Document] | None = None

    def position(self, path: KeyPath, *, key: bool = False) -> tuple[int, int] | None:
        """Where `path` is written; the nearest enclosing node when the path itself is absent."""
        if self.locate is not None:
            parsed, self.locate = self.locate(), None
            self.values, self.keys = parsed.values, parsed.keys
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if key and prefix in self.keys:
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return None

    def diagnostic(
        self, code: str, message: Msg, path: KeyPath, *, key: bool = False
    ) -> Diagnostic:
        pos = self.position(path, key=key)
        return Diagnostic(
            code=code,
            message=message,
            file=self.file,
            line=pos[0] if pos else None,
            column=pos[1] if pos else None,
            keypath=format_keypath(path),
        )
