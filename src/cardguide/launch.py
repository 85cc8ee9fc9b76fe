"""The console entry point: the command line, run with the cyclic garbage collector off."""

from __future__ import annotations

import gc


def main() -> None:
    # A command allocates a few hundred thousand objects and is done in a tenth of a second.
    # Reference counting frees them; the cyclic collector walked them about sixty times a run
    # and found under 500 to free (6 ms of `apply --format json`, 9 ms of text). `batch`, which
    # runs for as long as its file is, turns it back on.
    gc.disable()
    from cardguide.cli.app import (
        main as run,  # imported here: importing makes most of what it walked
    )

    run()
