"""Entry point for `python -m cardguide`."""

from __future__ import annotations

from .launch import main

main()
