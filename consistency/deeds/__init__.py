"""Words versus deeds: what pages and mails do, held against what the brand promises.

    from consistency.deeds import run_checks
    findings = run_checks(cfg, documents, units)

Each check (D101..D105) is one ``DeedCheck`` in its own module, registered in ``CHECKS``.
Pages are parsed once per run and shared between checks through a ``Corpus``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from consistency.deeds.contact import ContactChannelMismatch
from consistency.deeds.forms import FormWithoutConsent
from consistency.deeds.interface import Corpus, DeedCheck, DeedsConfig
from consistency.deeds.structured_data import StructuredDataConflict
from consistency.deeds.trackers import ThirdPartyTracking
from consistency.deeds.unsubscribe import MissingUnsubscribe
from consistency.findings import Finding, Unit
from consistency.types import Document

CHECKS: dict[str, type[DeedCheck]] = {
    cls.code: cls for cls in (ThirdPartyTracking, MissingUnsubscribe, FormWithoutConsent, StructuredDataConflict,
                              ContactChannelMismatch)
}

__all__ = ["CHECKS", "Corpus", "DeedCheck", "DeedsConfig", "run_checks", "run_with"]


def run_with(config: DeedsConfig, documents: Sequence[Document], units: Sequence[Unit]) -> list[Finding]:
    """Run the configured checks; findings sorted by severity, score, id (the report's order), then code."""
    corpus = Corpus(documents)
    promises = [u for u in units if u.kind == "commitment"]
    findings = [f for code in config.checks for f in CHECKS[code]().run(corpus, promises, config)]
    return sorted(findings, key=lambda f: (*f.sort_key, f.code))


def run_checks(cfg: Any, documents: Sequence[Document], units: Sequence[Unit]) -> list[Finding]:
    """Words-versus-deeds findings for a loaded ``Config`` (its ``[deeds]`` table and site sources)."""
    return run_with(DeedsConfig.from_config(cfg), documents, units)
