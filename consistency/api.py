"""What a Python user imports. The CLI is a thin shell over these functions.

    from consistency import api
    cfg = api.load_config("consistency.toml")
    api.crawl(cfg)
    for st in api.statements(cfg): ...
    result = api.check(cfg)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from consistency.config.loader import Config, load_config
from consistency.progress import QUIET, Observer
from consistency.store import CrawlState, Store
from consistency.types import Document, Skipped

__all__ = ["load_config", "open_store", "crawl", "statements", "CrawlSummary"]


def open_store(cfg: Config) -> Store:
    return Store(cfg["store"]["path"])


@dataclass(slots=True)
class SourceSummary:
    label: str
    documents: int = 0
    changed: int = 0
    unchanged: int = 0
    statements: int = 0
    skipped: list[Skipped] = field(default_factory=list)


@dataclass(slots=True)
class CrawlSummary:
    sources: list[SourceSummary]
    statements_total: int = 0
    commitments_total: int = 0

    @property
    def skipped(self) -> list[Skipped]:
        return [s for src in self.sources for s in src.skipped]

    def render(self) -> str:
        lines = ["collected:"]
        width = max((len(s.label) for s in self.sources), default=10)
        for s in self.sources:
            lines.append(f"  {s.label:<{width}}  {s.documents:>5} documents ({s.changed} new or changed,"
                         f" {s.unchanged} unchanged)  {s.statements:>6} statements  {len(s.skipped)} skipped")
        lines.append(f"  total: {self.statements_total} statements, {self.commitments_total} commitments")
        if self.skipped:
            lines.append("skipped:")
            lines.extend(f"  {s.item}: {s.reason}" for s in self.skipped)
        return "\n".join(lines)


def _make_fetcher(options: dict[str, Any]) -> Any:
    if options.get("local_root"):
        from consistency.sources.local import LocalFolderFetcher

        return LocalFolderFetcher(options["local_root"], options["url"])
    return None


def crawl(cfg: Config, observer: Observer = QUIET, offline: bool = False, fetcher: Any = None) -> CrawlSummary:
    """Collect every configured source into the store, then (re)build statements of changed documents."""
    from consistency.sources.interface import SourceContext
    from consistency.sources.registry import make_source
    from consistency.statements.build import config_documents

    summaries: list[SourceSummary] = []
    with open_store(cfg) as store:
        state = CrawlState(store)
        for options in cfg.sources:
            local = _make_fetcher(options)
            ctx = SourceContext(base_dir=cfg.base_dir, fetcher=local or fetcher, state=state,
                                observer=observer, offline=offline and local is None)
            source = make_source(options, ctx)
            summaries.append(_collect_one(source, store, observer))
        for doc in config_documents(cfg):
            store.put_document(doc)
        totals = _build_statements(cfg, store, observer, summaries)
    return CrawlSummary(summaries, *totals)


def _collect_one(source: Any, store: Store, observer: Observer) -> SourceSummary:
    from consistency.sources.net import NotModified

    summary = SourceSummary(source.label)
    observer.start(f"collect {source.label}")
    for item in source.collect():
        if isinstance(item, Skipped):
            summary.skipped.append(item)
        elif isinstance(item, NotModified):
            store.touch_document(item.url)
            summary.documents += 1
            summary.unchanged += 1
        else:
            changed = store.put_document(item)
            summary.documents += 1
            summary.changed += changed
            summary.unchanged += not changed
        observer.advance(1, getattr(item, "url", "") or getattr(item, "item", ""))
    observer.finish()
    store.replace_skipped(source.label, summary.skipped)
    return summary


def _build_statements(cfg: Config, store: Store, observer: Observer,
                      summaries: list[SourceSummary]) -> tuple[int, int]:
    from consistency.statements.build import StatementBuilder, repeated_boilerplate

    builder = StatementBuilder.from_config(cfg)
    todo = store.unsegmented()
    observer.start("statements", total=len(todo))
    for doc in todo:
        store.replace_statements(doc, builder.build(doc))
        observer.advance(1)
    observer.finish()
    docs_per_source = Counter(d.source for d in store.documents())
    sc = cfg["statements"]
    store.set_repeats(repeated_boilerplate(store.statement_sources(), sc["boilerplate_share"],
                                           sc["boilerplate_min_docs"], docs_per_source))
    per_source: dict[str, int] = defaultdict(int)
    label_of = {d.id: d.source for d in store.documents()}
    commitments = 0
    total = 0
    for st in store.statements():
        per_source[label_of.get(st.doc_id, "")] += 1
        commitments += st.kind == "commitment"
        total += 1
    for s in summaries:
        s.statements = per_source.get(s.label, 0)
    return total, commitments


def statements(cfg: Config, include_repeats: bool = False) -> Iterator[dict[str, Any]]:
    """Every stored statement as a dict (the JSON Lines record of ``consistency statements``)."""
    with open_store(cfg) as store:
        for st in store.statements(include_repeats=include_repeats):
            d = st.to_dict()
            yield {k: d[k] for k in ("id", "text", "lang", "kind", "source_type", "url", "title", "published",
                                     "start", "end", "commitment_score")}


def documents(cfg: Config) -> list[Document]:
    with open_store(cfg) as store:
        return list(store.documents())


def default_output_dir(cfg: Config) -> Path:
    import re

    slug = re.sub(r"[^a-z0-9]+", "-", cfg.brand.casefold()).strip("-") or "brand"
    return Path("reports") / slug
