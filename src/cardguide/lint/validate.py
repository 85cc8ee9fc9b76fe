"""Checking region files against every data rule at once, as `cardguide validate` reports them."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from cardguide.documents import Validation
from cardguide.errors import DataError, Diagnostic, UsageProblem
from cardguide.lint.checklist_rules import checklist_problems
from cardguide.lint.completeness import dropped_items
from cardguide.load import catalog, compiled
from cardguide.load.catalog import Catalog
from cardguide.load.loader import Layer, parsed_data, read_file
from cardguide.load.rules import content_problems, name_problems, translation_problems
from cardguide.load.yamlread import portability_problem
from cardguide.resolve.chain import load_chain, resolve
from cardguide.wording import msg


def region_files(paths: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The YAML files named, with directories standing for the files in them, and the
    directories refused for holding too many (CG033) before any of their files is read."""
    files: list[Path] = []
    crowded: list[Diagnostic] = []
    for path in paths:
        # os.path, not Path: Python 3.11's Path raises on a name too long.
        if os.path.isdir(path):  # noqa: PTH112
            entries = sorted(path.glob("*.yaml"))
            if len(entries) > catalog.MAX_FILES:
                too_many = msg("catalog.too_many", count=len(entries), limit=catalog.MAX_FILES)
                crowded.append(Diagnostic("CG033", too_many, path, 1, 1))
            else:
                files.extend(entries)
        elif os.path.exists(path):  # noqa: PTH110
            files.append(path)  # a FIFO or device is reported (CG029), never read
        else:
            raise UsageProblem(msg("error.no_path", path=path))
    return list(dict.fromkeys(files)), crowded


def review_dates(layer: Layer, today: datetime.date, max_age: int) -> Iterator[Diagnostic]:
    reviewed = layer.region.last_reviewed
    if reviewed > today:
        future = msg("validate.review_future", date=reviewed, today=today)
        yield layer.diagnostic("CG015", future, ("last_reviewed",))
    elif (today - reviewed).days > max_age:
        old = msg("validate.review_old", date=reviewed, n=(today - reviewed).days, max=max_age)
        yield layer.diagnostic("CG016", old, ("last_reviewed",)).as_warning()


def _read_each(
    files: Sequence[Path],
    catalog: Catalog,
    today: datetime.date,
    max_age: int,
    found: list[Diagnostic],
) -> list[Layer]:
    """Each file read and put to the per-file rules; the layers of those that could be read."""
    layers: list[Layer] = []
    passed = compiled.ValidatedBytes()
    try:
        for file in files:
            try:
                layer = catalog.load(file)
                raw = read_file(file)
            except DataError as error:
                found.append(error.diagnostic)
                continue
            found.extend(review_dates(layer, today, max_age))  # depends on the day: never kept
            found.extend(name_problems(layer))  # depends on the file's name: never kept
            layers.append(layer)
            # The per-file rules depend on the file's bytes alone: bytes that passed them all before
            # pass again, and are not parsed twice more (the portability check re-reads the file
            # with PyYAML's pure-Python parser, two thirds of the time validate takes).
            if passed.remember(raw):
                continue
            own = [*content_problems(layer), *translation_problems(layer)]
            if (problem := portability_problem(file, raw, parsed_data(layer, raw))) is not None:
                own.append(problem)
            found.extend(own)
            if not own:
                passed.add(raw, layer.region)
    finally:
        passed.save()  # what passed so far, even when the run is cut short
    return layers


def validate(
    files: Sequence[Path],
    catalog: Catalog,
    today: datetime.date,
    max_age: int,
    problems: Sequence[Diagnostic] = (),
) -> Validation:
    """Every problem in `files`: per-file rules, review dates, and their chains of parents.

    `catalog` must be built with `checked=False`, so a parent with content problems is still
    followed; those problems are reported for the parent's own file.
    """
    found: list[Diagnostic] = list(problems)
    layers = _read_each(files, catalog, today, max_age, found)
    for layer in layers:
        region_id = layer.region.id
        if layer.file not in catalog.files_for(region_id):
            continue  # id and file name disagree (CG006): the chain cannot be followed
        try:
            guide = resolve(load_chain(catalog, region_id), report=found.append)
            found.extend(dropped_items(catalog, layer, guide))
            # Reported at the file that brings the second item in, when that file is checked.
            found.extend(checklist_problems(guide, layer))
        except DataError as error:
            found.append(error.diagnostic)
    unique = dict.fromkeys(found)  # chains share ancestors: report each problem once
    ordered = sorted(unique, key=lambda d: (str(d.file), d.line or 0, d.column or 0, d.code))
    return Validation(list(files), ordered)
