"""cardguide: checklists for getting, activating and keeping a Chinese social security card."""

from __future__ import annotations

__version__ = "0.1.0"
