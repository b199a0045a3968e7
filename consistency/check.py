"""`consistency check`, end to end after collection:
statements -> units (distinct texts) -> embeddings -> candidate pairs -> verdicts -> findings.

Everything expensive is cached in the store by content hash (embeddings by text, verdicts by
pair and judge version), so an unchanged re-run costs little more than reading the store.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from consistency.embed.cache import embed_cached
from consistency.executor import Executor, SerialExecutor
from consistency.findings import MODEL_CODES, Finding, Gate, Unit, make_finding, written_together
from consistency.judge.judge import PairJudge, PairText
from consistency.pairing import Pair, candidate_pairs
from consistency.progress import QUIET, Observer
from consistency.statements.filter import normalise
from consistency.store import Store
from consistency.types import Skipped, Statement, Verdict, content_hash

JUDGE_CHUNK = 4096  # pairs per judging task; the same whatever executor runs them


def make_units(statements: Sequence[Statement]) -> list[Unit]:
    """Group statements by normalised text; a text is a commitment if any occurrence is one."""
    groups: dict[str, list[Statement]] = defaultdict(list)
    for st in statements:
        groups[normalise(st.text)].append(st)
    units = []
    for key in sorted(groups):
        occ = sorted(groups[key], key=lambda s: (s.source_type != "config", s.kind != "commitment", s.url, s.start))
        kind = "commitment" if any(o.kind == "commitment" for o in occ) else "message"
        units.append(Unit(text=occ[0].text, lang=occ[0].lang, kind=kind, occurrences=tuple(occ)))
    return units


@dataclass(slots=True)
class JudgeRun:
    findings: list[Finding]
    pairs_judged: int
    timings: dict[str, float] = field(default_factory=dict)
    embedded: int = 0
    cached_verdicts: int = 0


def judge_units(units: Sequence[Unit], judge: PairJudge, store: Store | None, top_k: int, min_similarity: float,
                observer: Observer = QUIET, draft_only: bool = False, executor: Executor | None = None,
                cfg: Any = None) -> JudgeRun:
    """Pair every commitment with its neighbours and turn contradictions into findings.

    With a parallel ``executor`` (and the ``cfg`` workers rebuild the judge from), embedding and
    judging run in workers; the nearest-neighbour index is built once, here.
    """
    timings: dict[str, float] = {}
    parallel = executor is not None and not isinstance(executor, SerialExecutor) and cfg is not None
    t = time.perf_counter()
    vectors, embedded = embed_cached(judge.encoder, [u.text for u in units], store, observer,
                                     executor=executor if parallel else None)
    timings["embed"] = time.perf_counter() - t

    t = time.perf_counter()
    pairs = _candidates(units, vectors, judge.encoder.id, store, top_k, min_similarity, draft_only)
    timings["pair"] = time.perf_counter() - t

    t = time.perf_counter()
    keys = [content_hash(units[p.a].text, units[p.b].text) for p in pairs]
    verdicts = store.get_verdicts(judge.id, keys) if store is not None else {}
    todo = [i for i, k in enumerate(keys) if k not in verdicts]
    cached = len(keys) - len(todo)
    observer.start("judge", total=len(todo))
    chunks = []
    for start in range(0, len(todo), JUDGE_CHUNK):
        idx = todo[start:start + JUDGE_CHUNK]
        texts = [PairText(units[pairs[i].a].text, units[pairs[i].a].lang, units[pairs[i].b].text,
                          units[pairs[i].b].lang) for i in idx]
        chunks.append((idx, (texts, vectors[[pairs[i].a for i in idx]], vectors[[pairs[i].b for i in idx]])))
    wave = 4 * getattr(executor, "workers", 2) if parallel else 1
    for start in range(0, len(chunks), wave):
        group = chunks[start:start + wave]
        results = (executor.map(judge_chunk, [c for _, c in group], cfg) if parallel  # type: ignore[union-attr]
                   else [[v.to_dict() for v in judge.judge(*c)] for _, c in group])
        for (idx, _), fresh in zip(group, results):
            if store is not None:
                store.put_verdicts(judge.id, [(keys[i], v) for i, v in zip(idx, fresh)])
            verdicts.update({keys[i]: v for i, v in zip(idx, fresh)})
            observer.advance(len(idx))
    observer.finish()
    timings["judge"] = time.perf_counter() - t

    findings: dict[str, Finding] = {}
    for p, key in zip(pairs, keys):
        if verdicts[key]["contradiction"]:
            if verdicts[key]["code"] in MODEL_CODES and written_together(units[p.a], units[p.b]):
                continue
            f = make_finding(units[p.a], units[p.b], _verdict_from_dict(verdicts[key]))
            if f.id not in findings or findings[f.id].score < f.score:
                findings[f.id] = f
    return JudgeRun(sorted(findings.values(), key=lambda f: f.sort_key), len(pairs), timings, embedded, cached)


def _candidates(units: Sequence[Unit], vectors: np.ndarray, encoder_id: str, store: Store | None, top_k: int,
                min_similarity: float, draft_only: bool) -> list[Pair]:
    """Candidate pairs, from the store when the statements, their kinds and the settings are unchanged:
    an unchanged re-run does not rebuild the nearest-neighbour index."""
    key = content_hash(encoder_id, str(top_k), str(min_similarity), str(draft_only),
                       *(f"{u.kind}:{int(u.is_draft)}:{u.text}" for u in units))
    cached = store.get_pairs(key) if store is not None else None
    if cached is not None:
        return [Pair(int(a), int(b), float(s)) for a, b, s in cached]
    queries = [i for i, u in enumerate(units) if u.kind == "commitment" or (draft_only and u.is_draft)]
    pairs = candidate_pairs(vectors, queries, top_k=top_k, min_similarity=min_similarity)
    pairs = [p for p in pairs if units[p.a].kind == "commitment" or units[p.b].kind == "commitment"]
    if draft_only:
        pairs = [p for p in pairs if units[p.a].is_draft or units[p.b].is_draft]
    if store is not None:
        store.put_pairs(key, np.array([(p.a, p.b, p.similarity) for p in pairs], dtype=np.float64).reshape(-1, 3))
    return pairs


_worker_judges: dict[str, PairJudge] = {}


def judge_chunk(cfg: Any, chunk: tuple[list[PairText], np.ndarray, np.ndarray]) -> list[dict[str, Any]]:
    """Executor task: judge one chunk of pairs with the judge ``cfg`` describes (built once per worker)."""
    from consistency.api import load_judge

    key = json.dumps([cfg["embed"], cfg["judge"]], sort_keys=True)
    if key not in _worker_judges:
        _worker_judges[key] = load_judge(cfg)
    return [v.to_dict() for v in _worker_judges[key].judge(*chunk)]


def _verdict_from_dict(d: dict[str, Any]) -> Verdict:
    from consistency.types import Span

    return Verdict(d["contradiction"], d["score"], d["code"], d["rule"], tuple(d["reasons"]),
                   tuple(Span(**s) for s in d["spans_a"]), tuple(Span(**s) for s in d["spans_b"]))


def read_baseline(path: str | None) -> frozenset[str]:
    if not path:
        return frozenset()
    from consistency.errors import InputError

    try:
        data = json.loads(Path(path).read_text("utf-8"))
        return frozenset(f["id"] if isinstance(f, dict) else f for f in data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"cannot read baseline {path}: {exc}",
                         "pass a file written by --write-baseline (or a report.json)") from None


def write_baseline(path: str, findings: Sequence[Finding]) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    body = {"findings": [{"id": f.id, "code": f.code, "explanation": f.explanation} for f in findings]}
    Path(path).write_text(json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")


def stats(documents: int, statements: Sequence[Statement], units: Sequence[Unit], run: JudgeRun,
          findings: Sequence[Finding], skipped: Sequence[Skipped]) -> dict[str, Any]:
    by_sev = Counter(f.severity for f in findings)
    return {
        "documents": documents,
        "statements": len(statements),
        "distinct_statements": len(units),
        "commitments": sum(u.kind == "commitment" for u in units),
        "pairs_judged": run.pairs_judged,
        "findings": {s: by_sev.get(s, 0) for s in ("error", "warning", "note")},
        "new_findings": sum(f.new for f in findings),
        "skipped": len(skipped),
        "by_channel": dict(sorted(Counter(f.statements[1]["source_type"] for f in findings).items())),
        "by_language": dict(sorted(Counter(f.statements[1]["lang"] for f in findings).items())),
        "statements_by_language": dict(sorted(Counter(s.lang for s in statements).items())),
    }


def gate_from_config(check_cfg: dict[str, Any]) -> Gate:
    return Gate(fail_on=check_cfg["fail_on"], baseline=read_baseline(check_cfg.get("baseline")),
                suppress=frozenset(check_cfg.get("suppress", [])))
