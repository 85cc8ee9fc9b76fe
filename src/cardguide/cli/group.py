"""The command group every command runs through: one place where a run becomes an exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from cardguide.cli.terminal import flag_in, language, quiet_stdout, run, tolerant_streams
from cardguide.errors import (
    EXIT_OK,
    EXIT_USAGE,
    UsageProblem,
)
from cardguide.wording import LangChoice, join, msg

COMPLETE_VAR = "_CARDGUIDE_COMPLETE"  # set by the completion scripts when they ask


def refuse_undecodable(argv: Sequence[str]) -> None:
    """A word of the command line that was not text in the system's encoding (Python keeps its
    bytes as lone surrogates) is a usage error: it could name no region, query or date."""
    for number, arg in enumerate(argv, start=1):
        if any("\udc80" <= char <= "\udcff" for char in arg):
            raise UsageProblem(msg("error.undecodable_argument", n=number))


class HelpedCommand(TyperCommand):
    """A command whose --help is written by help_page, in the language the group chose for the
    run (imported only when help is asked for)."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from cardguide.cli.help_page import command_help, page, width

        choice: LangChoice = getattr(ctx.find_root().command, "language", "en")
        formatter.write(page(self, ctx, choice, width(), command_help(self.name or "")))


def _typed_so_far() -> list[str]:
    """The words of the command line a shell is completing, as its completion script hands
    them over (COMP_WORDS from bash, _TYPER_COMPLETE_ARGS from the others)."""
    import shlex

    typed = os.environ.get("_TYPER_COMPLETE_ARGS") or os.environ.get("COMP_WORDS", "")
    try:
        return shlex.split(typed)
    except ValueError:  # a quote still open while typing
        return typed.split()


class Group(TyperGroup):
    """Runs every command through `terminal.run`, the one place errors become exit codes."""

    language: LangChoice = "en"

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        choice = language(flag_in(argv), os.environ)
        self.language = choice  # --help pages are written in it
        tolerant_streams()
        if COMPLETE_VAR in os.environ:  # the shell asks what may come next
            from typer.completion import get_completion_inspect_parameters

            from cardguide.cli.help_page import localize

            # The line typed so far comes in the environment, not as arguments: a --lang on it
            # chooses the menu's language as it would the command's.
            choice = language(flag_in(_typed_so_far()), os.environ)
            localize(self, choice)
            # Makes zsh and fish known, not only bash: typer does this on the same call when
            # it adds its own completion options, which cardguide replaces.
            get_completion_inspect_parameters()

        def invoke() -> Any:
            refuse_undecodable(argv)
            return super(Group, self).main(
                argv, prog_name, complete_var or COMPLETE_VAR, False, windows_expand_args, **extra
            )

        named = next((arg for arg in argv if not arg.startswith("-")), "")
        command = f"cardguide {named}" if named in self.commands else "cardguide"
        code = run(invoke, choice, command)
        if standalone_mode:
            sys.exit(code)
        return code

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from cardguide.cli.help_page import app_help, page, width

        formatter.write(page(self, ctx, self.language, width(), app_help()))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # `cardguide` alone: the help, on stderr, and a usage exit, as click does.
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            typer.echo(ctx.get_help(), err=True)
            raise typer.Exit(EXIT_USAGE)
        return list(super().parse_args(ctx, args))

    def invoke(self, ctx: Any) -> Any:
        # click turns a closed stdout into exit 1 before terminal.outcome could see it; the
        # reader stopping (`| head -1`) is no failure.
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            quiet_stdout()
            return EXIT_OK

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        # An unknown command is a usage error in the catalog's words, with close ones named.
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            import difflib

            close = difflib.get_close_matches(name, list(self.commands))
            key = "error.no_command_close" if close else "error.no_command"
            raise UsageProblem(msg(key, name=name, close=join(close, "or")))
        return super().resolve_command(ctx, args)
