"""Docs as tests: every command has help text and is shown in the README or docs/."""

from pathlib import Path

import click
import pytest
import typer

from enlace.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(p.read_text(encoding="utf-8")
                 for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
                 if p.exists())


def _commands(group: click.Group, prefix: str = "enlace") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found += _commands(command, path)
    return found


COMMANDS = _commands(typer.main.get_command(app))


def test_there_are_commands():
    assert {"enlace extract", "enlace evaluate", "enlace demo"} <= {p for p, _ in COMMANDS}


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_command_has_help(path, command):
    assert (command.help or command.short_help or "").strip(), f"{path} has no help text"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_command_is_documented(path, command):
    assert path in DOCS, f"`{path}` appears neither in README.md nor in docs/*.md"
