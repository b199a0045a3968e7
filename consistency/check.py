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
from consistency.pairing import EXACT_LIMIT, Pair, candidate_pairs
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
    # A large corpus is held in float16 (half the memory) while the store keeps float32: the HNSW
    # index is half precision anyway, and the judge reads its chunk's rows from the store in full.
    half = store is not None and len(units) > EXACT_LIMIT
    vectors, embedded = embed_cached(judge.encoder, [u.text for u in units], store, observer,
                                     executor=executor if parallel else None,
                                     dtype=np.float16 if half else np.float32)
    timings["embed"] = time.perf_counter() - t

    t = time.perf_counter()
    pairs = _candidates(units, vectors, judge.encoder.id, store, top_k, min_similarity, draft_only)
    timings["pair"] = time.perf_counter() - t

    t = time.perf_counter()
    keys = [content_hash(units[p.a].text, units[p.b].text) for p in pairs]
    stored = store.verdict_keys(judge.id, keys) if store is not None else set()
    todo = [i for i, k in enumerate(keys) if k not in stored]
    found = _Findings(units, pairs)
    rows = _Rows(units, vectors, store, judge.encoder.id)
    observer.start("judge", total=len(todo))
    # Chunks are cut evenly for the workers (a pair's verdict does not depend on its chunk). A
    # chunk's vectors are gathered only when its wave runs, and verdicts turn into findings as they
    # arrive: nothing holds every pair's vectors or verdicts at once.
    workers = getattr(executor, "workers", 2) if parallel else 1
    chunks = _even_chunks(todo, JUDGE_CHUNK, workers)
    wave = 4 * workers if parallel else 1
    for start in range(0, len(chunks), wave):
        group = chunks[start:start + wave]
        tasks = [_judge_task(units, pairs, rows, idx) for idx in group]
        results = (executor.map(judge_chunk, tasks, cfg) if parallel  # type: ignore[union-attr]
                   else [[v.to_dict() for v in judge.judge(*task)] for task in tasks])
        del tasks
        for idx, fresh in zip(group, results):
            if store is not None:
                store.put_verdicts(judge.id, [(keys[i], v) for i, v in zip(idx, fresh)])
            for i, v in zip(idx, fresh):
                found.add(i, v)
            observer.advance(len(idx))
    observer.finish()
    if store is not None and stored:  # the cached verdicts, read back a chunk at a time
        cached_idx = [i for i, k in enumerate(keys) if k in stored]
        for start in range(0, len(cached_idx), JUDGE_CHUNK):
            block = cached_idx[start:start + JUDGE_CHUNK]
            verdicts = store.get_verdicts(judge.id, [keys[i] for i in block])
            for i in block:
                found.add(i, verdicts[keys[i]])
    timings["judge"] = time.perf_counter() - t
    return JudgeRun(found.sorted(), len(pairs), timings, embedded, len(keys) - len(todo))


def _even_chunks(items: Sequence[int], most: int, workers: int) -> list[Sequence[int]]:
    """``items`` cut into chunks of at most ``most``, as even as can be, in a multiple of ``workers``.

    A verdict does not depend on the chunk its pair is judged in, so the cut changes no finding;
    it sets how the work is shared. Cut at ``most`` with the rest in a last chunk, 10,946 pairs were
    4,096 + 4,096 + 2,754: one of two workers judged 6,850 of them while the other waited."""
    count = min(len(items), workers * -(-len(items) // (workers * most)))
    if not count:
        return []
    size, longer = divmod(len(items), count)  # the first ``longer`` chunks hold one item more
    bounds = [k * size + min(k, longer) for k in range(count + 1)]
    return [items[lo:hi] for lo, hi in zip(bounds, bounds[1:])]


def _judge_task(units: Sequence[Unit], pairs: Sequence[Pair], rows: _Rows,
                idx: Sequence[int]) -> tuple[list[PairText], np.ndarray, np.ndarray]:
    """The judge's input for pairs ``idx``: their texts and both sides' float32 vectors."""
    texts = [PairText(units[pairs[i].a].text, units[pairs[i].a].lang, units[pairs[i].b].text,
                      units[pairs[i].b].lang) for i in idx]
    return texts, rows([pairs[i].a for i in idx]), rows([pairs[i].b for i in idx])


@dataclass(frozen=True, slots=True, eq=False)
class _Rows:
    """Float32 vectors of some units: from the matrix when it is float32, else from the store, which
    keeps what the encoder gave (so the judge sees the same numbers whatever precision is held)."""

    units: Sequence[Unit]
    vectors: np.ndarray
    store: Store | None
    encoder_id: str

    def __call__(self, idx: Sequence[int]) -> np.ndarray:
        if self.vectors.dtype == np.float32 or self.store is None:
            return self.vectors[list(idx)].astype(np.float32, copy=False)
        hashes = [content_hash(self.units[i].text) for i in idx]
        stored = self.store.get_embeddings(self.encoder_id, sorted(set(hashes)))
        return np.stack([stored[h] for h in hashes]) if hashes else np.zeros((0, self.vectors.shape[1]), np.float32)


class _Findings:
    """Findings by id, built as verdicts arrive in any order. Of two pairs with the same finding id
    the higher score wins, and of equal scores the earlier pair: the same as reading pairs in order."""

    __slots__ = ("units", "pairs", "best")

    def __init__(self, units: Sequence[Unit], pairs: Sequence[Pair]) -> None:
        self.units = units
        self.pairs = pairs
        self.best: dict[str, tuple[int, Finding]] = {}

    def add(self, i: int, verdict: dict[str, Any]) -> None:
        if not verdict["contradiction"]:
            return
        a, b = self.units[self.pairs[i].a], self.units[self.pairs[i].b]
        if verdict["code"] in MODEL_CODES and written_together(a, b):
            return
        f = make_finding(a, b, _verdict_from_dict(verdict))
        old = self.best.get(f.id)
        if old is None or (f.score, -i) > (old[1].score, -old[0]):
            self.best[f.id] = (i, f)

    def sorted(self) -> list[Finding]:
        return sorted((f for _, f in self.best.values()), key=lambda f: f.sort_key)


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
