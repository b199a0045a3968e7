"""Source types by name. A new source is one module implementing ``Source`` plus one line here.

Classes are imported on first use: a run imports only the sources it configures, so a config
with mail and files never loads the crawler or feedparser.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from importlib import import_module
from typing import Any

from consistency.errors import ConfigError
from consistency.sources.interface import Source, SourceContext

SOURCES: dict[str, str] = {
    "site": "consistency.sources.site:SiteSource",
    "feed": "consistency.sources.feed:FeedSource",
    "mail": "consistency.sources.mail:MailSource",
    "social": "consistency.sources.social:SocialSource",
    "files": "consistency.sources.files:FilesSource",
}


def source_class(kind: str) -> type[Source]:
    """The class for a source type name; an unknown name is a ``ConfigError`` with a suggestion."""
    if kind not in SOURCES:
        close = difflib.get_close_matches(kind, SOURCES, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}?" if close else f"use one of {', '.join(SOURCES)}"
        raise ConfigError(f"unknown source type {kind!r}", hint)
    module, _, name = SOURCES[kind].partition(":")
    return getattr(import_module(module), name)


def make_source(options: Mapping[str, Any], ctx: SourceContext) -> Source:
    """The source for one ``[[sources]]`` table (its ``type`` picks the class)."""
    if not options.get("type"):
        raise ConfigError("a source has no `type`", f"add type = \"...\" (one of {', '.join(SOURCES)})")
    return source_class(str(options["type"]))(options, ctx)
