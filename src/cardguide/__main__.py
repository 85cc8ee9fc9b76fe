"""Entry point for `python -m cardguide`."""

from __future__ import annotations

from cardguide.launch import main

main()
