"""The global options (-f/--config-file, --color) work before the command and after it
(issue 18: `coursegen check --color never` was refused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import _parser, main

BASE = Path(__file__).parents[1] / "fixtures" / "basecourse"


@pytest.mark.parametrize("argv", [
    ["--color", "never", "-f", str(BASE / "mkdocs.yml"), "check"],
    ["check", "--color", "never", "-f", str(BASE / "mkdocs.yml")],
    ["check", "--color=never", "--config-file", str(BASE / "mkdocs.yml")],
    ["-f", str(BASE / "mkdocs.yml"), "check", "--color", "never"],
])
def test_global_options_before_or_after_the_command(argv, capsys):
    assert main(argv) == 0
    assert capsys.readouterr().err.strip() == "Course OK."


def test_an_option_before_the_command_is_not_reset_after_it():
    args = _parser().parse_args(["--color", "never", "-f", "x.yml", "check", "--strict"])
    assert (args.color, args.config_file) == ("never", "x.yml")
    args = _parser().parse_args(["check"])
    assert (args.color, args.config_file) == ("auto", "mkdocs.yml")


@pytest.mark.parametrize("command", ["check", "build", "serve", "export", "new"])
def test_every_command_accepts_them(command):
    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")  # noqa: SLF001
    options = {o for a in sub.choices[command]._actions for o in a.option_strings}  # noqa: SLF001
    assert {"-f", "--config-file", "--color"} <= options


def test_a_wrong_value_after_the_command_is_refused_as_before(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["check", "--color", "sometimes"])
    assert stop.value.code == 2
    assert "invalid choice: 'sometimes'" in capsys.readouterr().err
