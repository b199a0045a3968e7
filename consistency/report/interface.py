"""The report stage's seam: one report dict in, one file per format out.

The pipeline builds a single plain ``report`` dict (documented in docs/report-schema.md) and every
format renders from it; a formatter never re-derives findings, it only lays them out. A new format
is one module with a ``Formatter`` subclass plus one line in ``registry.FORMATTERS``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar


class Formatter(ABC):
    """Renders the whole report in one format."""

    name: ClassVar[str]  # the name users pass to --format, e.g. "sarif"
    filename: ClassVar[str]  # the file written into the output folder, e.g. "report.sarif"

    @abstractmethod
    def render(self, report: Mapping[str, Any]) -> str | bytes:
        """The file's content. ``str`` is written as UTF-8 with ``\\n`` line ends on every platform."""


def write_reports(report: Mapping[str, Any], output_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Write one file per format into ``output_dir`` (created if missing); return the paths in format order.

    Every format name is checked before anything is written, so a typo in the last format does not
    leave a half-written folder behind. Repeated names are written once.
    """
    # Imported here because the registry imports every formatter, and each formatter imports this module.
    from consistency.report.registry import formatter_for

    formatters = [formatter_for(name) for name in dict.fromkeys(formats)]
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for formatter in formatters:
        content = formatter.render(report)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = output_dir / formatter.filename
        path.write_bytes(data)  # bytes, so the output is byte-identical on every platform
        written.append(path)
    return written
