"""Region files loaded with their own rules checked, and compiled so the next load skips both."""

from __future__ import annotations

from pathlib import Path

from cardguide.errors import DataError
from cardguide.load import compiled
from cardguide.load.loader import Layer, compiled_layer, parse_layer, read_file
from cardguide.load.rules import check_layer, name_problems


def load_layer(file: Path, overlay: bool = False) -> Layer:
    """Read, parse, decode and check one region file; the first error is raised as DataError.

    A file whose exact bytes were compiled before (shipped, or loaded here without a problem)
    is read in compiled form: no YAML is parsed and nothing is checked again.
    """
    raw = read_file(file)
    layer = compiled_layer(file, raw, overlay)
    if layer is not None:
        for problem in name_problems(layer):
            raise DataError(problem)
        return layer
    layer = parse_layer(file, raw, overlay)
    for problem in check_layer(layer):
        raise DataError(problem)
    compiled.store(raw, layer.region)
    return layer


def build_shipped(regions: Path, target: Path) -> int:
    """Compile every shipped file into `target`, with the digest of the code that did it, for
    the wheel (hatch_build.py). A broken file raises DataError, and no wheel is built."""
    target.mkdir(parents=True, exist_ok=True)
    (target / compiled.CODE_DIGEST).write_text(compiled.code_digest() + "\n", encoding="ascii")
    files = sorted(regions.glob("*.yaml"))
    for file in files:
        compiled.store(read_file(file), load_layer(file).region, target)
    return len(files)
