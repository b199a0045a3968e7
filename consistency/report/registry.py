"""Report formats by name: the one place that knows which formatter answers to ``--format NAME``."""

from __future__ import annotations

import difflib

from consistency.errors import ConfigError
from consistency.report.html import HtmlFormatter
from consistency.report.interface import Formatter
from consistency.report.json_report import JsonFormatter
from consistency.report.junit import JunitFormatter
from consistency.report.sarif import SarifFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "html": HtmlFormatter,
    "json": JsonFormatter,
    "sarif": SarifFormatter,
    "junit": JunitFormatter,
}


def formatter_for(name: str) -> Formatter:
    """The formatter for ``name``; an unknown name is a config error that lists the valid ones."""
    try:
        return FORMATTERS[name]()
    except KeyError:
        valid = ", ".join(sorted(FORMATTERS))
        close = difflib.get_close_matches(str(name).strip().casefold(), list(FORMATTERS), n=1, cutoff=0.5)
        hint = f"did you mean `{close[0]}`? " if close else ""
        raise ConfigError(f"unknown report format {name!r}",
                          f"{hint}valid formats: {valid} (set them with --format or [check] formats)") from None
