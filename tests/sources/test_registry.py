"""The source registry: every type name builds its class, config and registry agree, imports stay lazy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from consistency.config.loader import SOURCE_SCHEMA
from consistency.errors import ConfigError
from consistency.sources.interface import Source, SourceContext
from consistency.sources.registry import SOURCES, make_source, source_class
from consistency.types import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize("kind", sorted(SOURCES))
def test_every_type_name_resolves_to_its_source_class(kind: str) -> None:
    cls = source_class(kind)
    assert issubclass(cls, Source) and cls.type == kind


def test_the_registry_knows_every_source_type_the_config_accepts() -> None:
    assert set(SOURCES) == set(SOURCE_SCHEMA)


def test_make_source_builds_a_working_source_from_its_options() -> None:
    options = {"type": "mail", "path": str(FIXTURES / "mail" / "eml"), "name": "care inbox"}
    source = make_source(options, SourceContext(base_dir=FIXTURES))
    assert source.label == "care inbox" and source.options == options
    assert all(isinstance(d, Document) and d.source == "care inbox" for d in source.collect())


@pytest.mark.parametrize(("options", "message", "hint"), [
    ({"type": "mial", "path": "x"}, "unknown source type 'mial'", "did you mean 'mail'?"),
    ({"type": "fax", "path": "x"}, "unknown source type 'fax'", "site, feed, mail, social, files"),
    ({"path": "x"}, "a source has no `type`", "site, feed, mail, social, files"),
])
def test_bad_types_are_config_errors_with_a_hint(options: dict[str, str], message: str, hint: str) -> None:
    with pytest.raises(ConfigError) as err:
        make_source(options, SourceContext(base_dir=FIXTURES))
    assert err.value.message == message and hint in err.value.hint


def test_local_sources_do_not_load_the_crawler_or_feedparser() -> None:
    code = ("import sys; from consistency.sources.registry import source_class; "
            "[source_class(k) for k in ('mail', 'social', 'files')]; "
            "print(sorted(m for m in ('feedparser', 'consistency.sources.site', 'consistency.sources.feed') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]"
