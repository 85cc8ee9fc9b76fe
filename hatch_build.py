"""Wheel build step: the shipped region files' compiled forms, made from the code being built."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledRegions(BuildHookInterface):  # type: ignore[type-arg]
    """Puts cardguide/compiled/ into a regular wheel, so an installed command parses no YAML.

    An editable install reads the source tree, whose code may change at any moment: it gets
    none, and compiles what it loads into the user's cache instead.
    """

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        sys.path.insert(0, str(Path(self.root) / "src"))
        from cardguide.load.checked import build_shipped

        target = Path(tempfile.mkdtemp(prefix="cardguide-compiled-"))
        build_shipped(Path(self.root) / "data" / "regions", target)
        build_data["force_include"][str(target)] = "cardguide/compiled"
