"""The seam every source implements.

A source turns one ``[[sources]]`` entry of the config into a stream of ``Document`` and
``Skipped`` values. It never raises for a bad item: a malformed page, mail or post is a
``Skipped`` with its reason, and the stream goes on. It raises ``ConfigError`` only for a
problem the user must fix before anything can be collected (a missing file, a bad URL).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from consistency.progress import Observer, QUIET
from consistency.types import Document, NotModified, Skipped


@dataclass(slots=True)
class SourceContext:
    """What a source may use besides its own options.

    ``fetcher`` is the only way to the network (see ``consistency.sources.net``).
    ``state`` is the store's view for incremental work: conditional-request validators
    of earlier fetches and the crawl frontier, so an interrupted crawl resumes.
    """

    base_dir: Path
    fetcher: Any = None  # consistency.sources.net.Fetcher
    state: Any = None  # consistency.store.CrawlState or None
    observer: Observer = field(default_factory=lambda: QUIET)
    offline: bool = False


class Source(ABC):
    """One configured source. Subclasses set ``type`` and implement ``collect``."""

    type: ClassVar[str]

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        self.options = dict(options)
        self.ctx = ctx

    @property
    def label(self) -> str:
        """A short, stable name for this source in summaries and reports."""
        name = self.options.get("name")
        if name:
            return str(name)
        where = self.options.get("url") or self.options.get("path") or ""
        return f"{self.type}:{where}"

    @abstractmethod
    def collect(self) -> Iterator[Document | Skipped | NotModified]:
        """Yield every document of this source, a ``Skipped`` for each item that failed, and a
        ``NotModified`` for each page the server says is unchanged since the stored copy."""
