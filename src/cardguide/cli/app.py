"""The command line, made from the command registry: one app, one way every command runs."""

# No `from __future__ import annotations`: typer evaluates the root options' annotations
# in every run, and string ones must each be compiled first.

import enum
import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer

from cardguide import __version__
from cardguide.cli.context import asks, complete, emit, report
from cardguide.cli.group import COMPLETE_VAR, Group, HelpedCommand
from cardguide.cli.options import (
    TAKES_EXTRA,
    LangOption,
    output_of,
    refuse_extra,
    request_of,
    signature,
)
from cardguide.cli.terminal import Messages
from cardguide.commands import BY_NAME, COMMANDS, OUTPUT_KINDS, Command
from cardguide.errors import EXIT_DATA, UsageProblem
from cardguide.wording import msg


def _new_app() -> typer.Typer:
    made = typer.Typer(
        name="cardguide",
        cls=Group,
        no_args_is_help=True,
        rich_markup_mode=None,  # plain help and plain one-line errors, without loading rich
        pretty_exceptions_enable=False,
        add_completion=False,  # --show-completion below takes the shell's name
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    made.callback()(_root)
    return made


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"cardguide {__version__}")
        raise typer.Exit()


def _show_completion(ctx: typer.Context, param: typer.CallbackParam, shell: str | None) -> None:
    if shell is None:
        return
    from typer.completion import show_callback

    from cardguide.cli.completion import SHELLS

    if shell not in SHELLS:
        raise UsageProblem(msg("error.shell", shell=shell, shells=", ".join(SHELLS)))
    show_callback(ctx, param, shell)  # prints the script for _CARDGUIDE_COMPLETE and exits


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True),
    ] = False,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="SHELL",
            callback=_show_completion,
            is_eager=True,
            expose_value=False,
        ),
    ] = None,
) -> None:
    pass  # the group's own options act as they are read (--version, --show-completion)


def run(command: Command, values: dict[str, Any]) -> None:
    """One command line: the request from its options, the missing answers asked for in a
    terminal, the document built, and everything said around it on stderr."""
    from cardguide.resolve.find import catalog_for

    assert command.build is not None
    output = output_of(values)
    request = request_of(command, values)
    catalog = catalog_for(request.data_dirs)
    said = Messages(request.lang)
    try:
        if command.reports_left_out:
            report(catalog, request.lang)  # a crowded or odd local directory, said first
        if asks(command, output):
            request = complete(command, request, catalog)
        answer = command.build(request, catalog)
    finally:
        if command.reports_left_out:
            report(catalog, request.lang)  # found or not
    for note in answer.notes:
        said.note(note)
    for warning in answer.warnings:
        said.warning(warning)
    emit(answer.document, request, output)
    if answer.summary is not None:
        said.note(answer.summary)
    if answer.failed:
        raise typer.Exit(EXIT_DATA)


def _command(command: Command) -> Callable[..., None]:
    """The function typer reads a registry entry's options from, and runs."""

    def function(ctx: typer.Context, **values: Any) -> None:
        refuse_extra(ctx)
        run(command, values)

    function.__name__ = command.name
    function.__signature__ = signature(command)  # type: ignore[attr-defined]
    return function


OutputKind = enum.Enum("OutputKind", {kind: kind for kind in OUTPUT_KINDS}, type=str)  # type: ignore[misc]


def schema(
    ctx: typer.Context,
    output: Annotated[
        OutputKind | None,
        typer.Option("--output", metavar="KIND"),
    ] = None,
    lang: LangOption = None,  # the language of its --help and messages, read before parsing
) -> None:
    from cardguide.load.schema import region_schema, schema_text
    from cardguide.render.json_schema import output_schema

    refuse_extra(ctx)
    schema = region_schema() if output is None else output_schema(output.value)
    typer.echo(schema_text(schema), nl=False)


def _runner(command: Command) -> Callable[..., None]:
    """The function behind a registry entry: its own for the two commands that build no single
    document (they run in the command line), else one made from what the entry takes."""
    function: Callable[..., None]
    if command.name == "schema":
        function = schema
    elif command.name == "batch":
        from cardguide.cli.batch_command import batch

        function = batch
    else:
        return _command(command)
    return function


def _app_of(names: Sequence[str]) -> typer.Typer:
    made = _new_app()
    for name in names:
        runner = _runner(BY_NAME[name])
        made.command(name=name, cls=HelpedCommand, context_settings=TAKES_EXTRA)(runner)
    return made


@functools.cache
def full_app() -> typer.Typer:
    """The app with every command: for help, completion and the tests."""
    return _app_of([command.name for command in COMMANDS])


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # `from cardguide.cli.app import app` finds the whole app
        return full_app()
    raise AttributeError(name)


def _app_for(argv: list[str]) -> typer.Typer:
    """The app with only the command named, when one is: typer builds each command's options
    from its signature at every start, and one command costs a fraction of fourteen."""
    named = next((arg for arg in argv if not arg.startswith("-")), None)
    if named not in BY_NAME or COMPLETE_VAR in os.environ:  # help, a mistyped name, completion
        return full_app()
    return _app_of([named])


def main() -> None:
    _app_for(sys.argv[1:])(prog_name="cardguide")
