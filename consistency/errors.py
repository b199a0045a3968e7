"""Errors that reach the user. Each says what is wrong and how to fix it; the CLI maps them to exit code 2."""

from __future__ import annotations


class ConsistencyError(Exception):
    """A usage, config or input error: exit code 2, with a fix-it hint."""

    exit_code = 2

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class ConfigError(ConsistencyError):
    """The configuration file is missing, malformed or has a wrong key or value."""


class InputError(ConsistencyError):
    """An input given on the command line (a pairs file, a draft) cannot be read."""
