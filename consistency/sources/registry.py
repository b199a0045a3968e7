"""Source types by name. A new source is one module implementing ``Source`` plus one line here.

Classes are imported on first use, so an offline run never imports the HTTP stack.
"""

from __future__ import annotations

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
    if kind not in SOURCES:
        raise ConfigError(f"unknown source type {kind!r}", f"use one of {', '.join(SOURCES)}")
    module, _, name = SOURCES[kind].partition(":")
    return getattr(import_module(module), name)


def make_source(options: Mapping[str, Any], ctx: SourceContext) -> Source:
    return source_class(str(options["type"]))(options, ctx)
