"""Entry point for `python -m cardguide`."""

from __future__ import annotations

from .cli import main

main()
