"""Which encoder should be the default? Speed and cross-lingual pairing quality, measured.

    python benchmarks/embedders.py [--models use-multilingual,minilm] [--json]

Speed: sentences per second on the statements of corpora/pairs (all languages), batched.
Pairing: for every pair of corpora/pairs labelled contradiction or consistent (same topic),
is statement ``a`` among the top-k neighbours of ``b`` out of all distinct ``a`` texts?
Reported as recall@k per language group: cross-lingual recall is what lets an Arabic returns
page find the English returns promise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consistency.embed.registry import make_encoder  # noqa: E402
from consistency.judge.data import load_brand_pairs  # noqa: E402


def measure(name: str, k: int) -> dict[str, object]:
    pairs = [p for p in load_brand_pairs() if p.label != "unrelated"]
    texts = sorted({t for p in pairs for t in (p.a, p.b)})
    t0 = time.perf_counter()
    enc = make_encoder(name)
    load_s = time.perf_counter() - t0
    enc.encode(texts[:8])  # warm-up
    t0 = time.perf_counter()
    vecs = enc.encode(texts)
    secs = time.perf_counter() - t0
    row = {t: i for i, t in enumerate(texts)}
    a_texts = sorted({p.a for p in pairs})
    a_rows = np.array([row[t] for t in a_texts])
    a_index = {t: i for i, t in enumerate(a_texts)}
    hits: dict[str, list[bool]] = defaultdict(list)
    for p in pairs:
        sims = vecs[a_rows] @ vecs[row[p.b]]
        top = np.argsort(-sims)[:k]
        group = "cross" if p.lang_a != p.lang_b else p.lang_a
        hits[group].append(a_index[p.a] in set(top.tolist()))
    return {
        "model": enc.id,
        "load_seconds": round(load_s, 2),
        "sentences": len(texts),
        "sentences_per_second": round(len(texts) / secs, 1),
        f"recall_at_{k}": {g: round(float(np.mean(h)), 3) for g, h in sorted(hits.items())},
        "pairs": {g: len(h) for g, h in sorted(hits.items())},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--models", default="use-multilingual,minilm")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results = []
    for name in args.models.split(","):
        try:
            results.append(measure(name.strip(), args.k))
        except Exception as exc:  # a missing optional backend is a row, not a crash
            results.append({"model": name, "error": str(exc)})
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            print(json.dumps(r, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
