"""What a Python user imports. The CLI is a thin shell over these functions.

    from consistency import api
    cfg = api.load_config("consistency.toml")
    api.crawl(cfg)
    for st in api.statements(cfg): ...
    result = api.check(cfg)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from consistency.config.loader import Config, load_config
from consistency.progress import QUIET, Observer
from consistency.store import CrawlState, Store
from consistency.types import Document, NotModified, Skipped

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


def crawl(cfg: Config, observer: Observer = QUIET, offline: bool = False, fetcher: Any = None,
          executor: Any = None) -> CrawlSummary:
    """Collect every configured source into the store, then (re)build statements of changed documents
    (in ``executor``'s workers when it has any)."""
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
        totals = _build_statements(cfg, store, observer, summaries, executor)
    return CrawlSummary(summaries, *totals)


def _collect_one(source: Any, store: Store, observer: Observer) -> SourceSummary:
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


BUILD_CHUNK = 32  # documents per worker task when statements are built in parallel


def _build_statements(cfg: Config, store: Store, observer: Observer,
                      summaries: list[SourceSummary], executor: Any = None) -> tuple[int, int]:
    from consistency.executor import SerialExecutor
    from consistency.statements.build import build_chunk, builder_version, repeated_boilerplate

    todo = store.unsegmented(builder_version(cfg))
    observer.start("statements", total=len(todo))
    chunks = [todo[i:i + BUILD_CHUNK] for i in range(0, len(todo), BUILD_CHUNK)]
    parallel = executor is not None and not isinstance(executor, SerialExecutor) and len(chunks) > 1
    wave = 4 * getattr(executor, "workers", 2) if parallel else 1
    for start in range(0, len(chunks), wave):
        group = chunks[start:start + wave]
        results = executor.map(build_chunk, group, cfg) if parallel else [build_chunk(cfg, c) for c in group]
        for docs, built in zip(group, results):
            for doc, statements in zip(docs, built):
                store.replace_statements(doc, statements)
            observer.advance(len(docs))
    observer.finish()
    sc = cfg["statements"]
    store.set_repeats(repeated_boilerplate(store.statement_sources(), sc["boilerplate_share"],
                                           sc["boilerplate_min_docs"]))
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


# -- judging ------------------------------------------------------------------------------

def load_judge(cfg: Config | None = None) -> Any:
    """The configured contradiction judge (packaged classifier, default encoder unless configured)."""
    from consistency.embed.registry import make_encoder
    from consistency.judge.classifier import PairClassifier
    from consistency.judge.judge import PairJudge

    cfg = cfg or load_config()
    embed, judge_cfg = cfg["embed"], cfg["judge"]
    cross = None
    if judge_cfg.get("cross_encoder"):
        from consistency.judge.crossencoder import CrossEncoderNLI

        cross = CrossEncoderNLI(judge_cfg["cross_encoder"])
    return PairJudge(make_encoder(embed["model"], embed["batch_size"]), PairClassifier.load(),
                     threshold=judge_cfg.get("threshold"), cross_encoder=cross, rates=judge_cfg.get("rates"))


def compare(a: str, b: str, cfg: Config | None = None) -> dict[str, Any]:
    """Judge one pair of statements; the dict printed by `consistency compare A B`."""
    return load_judge(cfg).judge_texts(a, b).to_dict()


def compare_pairs_file(path: str, judge: Any) -> Iterator[dict[str, Any]]:
    """Judge every line (``id``, ``a``, ``b``) of a JSON Lines file, in input order."""
    import json

    from consistency.errors import InputError
    from consistency.judge.judge import PairText
    from consistency.statements.langid import detect_lang

    rows = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    r = json.loads(line)
                    rows.append((r.get("id", n), str(r["a"]), str(r["b"])))
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    raise InputError(f"{path}, line {n}: not a pair ({exc})",
                                     'each line must be a JSON object like {"id": 1, "a": "...", "b": "..."}') from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc}", "pass an existing JSON Lines file") from None
    for start in range(0, len(rows), 2048):
        chunk = rows[start:start + 2048]
        vecs = judge.encoder.encode([t for _, a, b in chunk for t in (a, b)])
        pts = [PairText(a, detect_lang(a), b, detect_lang(b)) for _, a, b in chunk]
        for (pid, _, _), v in zip(chunk, judge.judge(pts, vecs[0::2], vecs[1::2])):
            d = v.to_dict()
            yield {"id": pid, "contradiction": d["contradiction"], "score": d["score"], "code": d["code"],
                   "reasons": d["reasons"]}


# -- check ---------------------------------------------------------------------------------

@dataclass(slots=True)
class CheckResult:
    report: dict[str, Any]
    findings: list[Any]
    exit_code: int
    written: list[Path]
    fail_on: str

    def summary(self) -> str:
        s = self.report["stats"]
        f = s["findings"]
        lines = [
            f"{s['documents']} documents, {s['statements']} statements, {s['commitments']} commitments, "
            f"{s['pairs_judged']} pairs judged",
            f"findings: {f['error']} errors, {f['warning']} warnings, {f['note']} notes "
            f"({s['new_findings']} new); {s['skipped']} items skipped",
        ]
        lines += [f"report: {p}" for p in self.written]
        if self.exit_code == 1:
            lines.append(f"failing: new findings at or above --fail-on {self.fail_on}")
        return "\n".join(lines)


def _draft_statements(cfg: Config, drafts: Sequence[str]) -> tuple[list[Any], list[Skipped]]:
    from consistency.sources.files import FilesSource
    from consistency.sources.interface import SourceContext
    from consistency.statements.build import StatementBuilder

    builder = StatementBuilder.from_config(cfg)
    out, skipped = [], []
    for path in drafts:
        src = FilesSource({"path": str(Path(path).resolve()), "source_type": "draft", "name": f"draft:{path}"},
                          SourceContext(base_dir=Path.cwd()))
        for item in src.collect():
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                out += builder.build(item)
    return out, skipped


def check(cfg: Config, observer: Observer = QUIET, offline: bool = False, collect: bool = True,
          drafts: Sequence[str] = (), write_baseline: str | None = None, workers: int = 1,
          executor: str = "local", scheduler: str | None = None, fetcher: Any = None) -> CheckResult:
    """Collect (unless ``collect`` is False), judge, write the configured reports, decide the exit code.

    ``workers`` and ``executor`` decide where statement building, encoding and judging run; the
    results are the same wherever they run."""
    from consistency.executor import make_executor

    with make_executor(executor, workers, scheduler) as ex:
        live = None
        if collect:
            crawl_summary = crawl(cfg, observer=observer, offline=offline, fetcher=fetcher, executor=ex)
            observer.log(crawl_summary.render())
            live = frozenset(s.label for s in crawl_summary.sources) | {"config"}
        return _check(cfg, observer, drafts, write_baseline, ex, live)


def _live_document_ids(store: Store, live_sources: frozenset[str] | None, observer: Observer) -> set[str]:
    """The stored documents of the sources this run collected. A source taken out of the config keeps
    its documents in the store (nothing stored is lost), but they are no longer the brand's to check.
    Without a crawl in this run (``--no-crawl``, drafts) every stored document counts."""
    rows = list(store.document_sources())
    kept = {doc_id for doc_id, source in rows if live_sources is None or source in live_sources}
    if len(kept) < len(rows):
        gone = sorted({source for _, source in rows} - (live_sources or frozenset()))
        observer.log(f"not checked: {len(rows) - len(kept)} stored documents of sources no longer in the "
                     f"config ({', '.join(gone)})")
    return kept


def _check(cfg: Config, observer: Observer, drafts: Sequence[str], write_baseline: str | None,
           ex: Any, live_sources: frozenset[str] | None = None) -> CheckResult:
    from consistency import __version__
    from consistency.check import gate_from_config, judge_units, make_units, stats
    from consistency.check import write_baseline as _write_baseline
    from consistency.report.interface import write_reports
    from consistency.rules import RULES

    judge = load_judge(cfg)
    with open_store(cfg) as store:
        live_ids = _live_document_ids(store, live_sources, observer)
        stored = [st for st in store.statements(include_repeats=True) if st.doc_id in live_ids]
        skipped = store.skipped()
        n_docs = len(live_ids)
        draft_sts, draft_skipped = _draft_statements(cfg, drafts) if drafts else ([], [])
        skipped += draft_skipped
        units = make_units([*stored, *draft_sts])
        pc = cfg["pairing"]
        run = judge_units(units, judge, store, pc["top_k"], pc["min_similarity"], observer,
                          draft_only=bool(drafts), executor=ex, cfg=cfg)
        deeds = [] if drafts else _deeds_findings(cfg, [d for d in store.documents() if d.id in live_ids], units)
    gate = gate_from_config(cfg["check"])
    findings = gate.apply([*run.findings, *deeds])
    report = {
        "tool": {"name": "consistency", "version": __version__,
                 "informationUri": "https://example.invalid/consistency"},
        "brand": cfg.brand,
        "generated_from": str(cfg.path.name if cfg.path else ""),
        "mode": "draft" if drafts else "full",
        "stats": stats(n_docs, [*stored, *draft_sts], units, run, findings, skipped),
        "rules": [r.to_dict() for r in RULES.values()],
        "commitments": [{"id": u.first.id, "text": u.text, "url": u.first.url, "lang": u.lang}
                        for u in units if u.kind == "commitment"],
        "findings": [f.to_dict() for f in findings],
        "skipped": [s.to_dict() for s in skipped],
    }
    out_dir = Path(cfg["check"]["output_dir"] or default_output_dir(cfg))
    written = write_reports(report, out_dir, cfg["check"]["formats"])
    if write_baseline:
        _write_baseline(write_baseline, findings)
    return CheckResult(report, findings, gate.exit_code(findings), written, cfg["check"]["fail_on"])


def _deeds_findings(cfg: Config, documents: Sequence[Document], units: Sequence[Any]) -> list[Any]:
    """Words-versus-deeds findings (what pages and mails do against what the brand says)."""
    from consistency.deeds import run_checks

    return run_checks(cfg, list(documents), units)
