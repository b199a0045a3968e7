"""How fast is the judge when every statement is new to it?

    python benchmarks/judge_speed.py [--json]

`scale.py` judges a synthetic corpus built from templates: its 10,946 pairs at 30k statements hold
only about 2,700 distinct texts, and the judge reads each text once (its slots, cues and poles are
cached per text). This benchmark judges every labelled pair of corpora/pairs (train and test),
where nearly every text is distinct, in one process, once from cold caches and once again with the
per-text readings cached. Embeddings are computed first and not timed: the goal is about judging
"once embeddings exist".
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from consistency.api import load_judge  # noqa: E402
from consistency.embed.cache import embed_cached  # noqa: E402
from consistency.judge.data import load_brand_pairs  # noqa: E402
from consistency.judge.judge import PairText  # noqa: E402
from consistency.store import Store  # noqa: E402


def run() -> dict[str, float | int]:
    judge = load_judge()
    pairs = [*load_brand_pairs(split="train"), *load_brand_pairs(split="test")]
    texts = sorted({t for p in pairs for t in (p.a, p.b)})
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite") as store:
        vectors, _ = embed_cached(judge.encoder, texts, store)
    row = dict(zip(texts, vectors))
    batch = [PairText(p.a, p.lang_a, p.b, p.lang_b) for p in pairs]
    ua, ub = np.stack([row[p.a] for p in pairs]), np.stack([row[p.b] for p in pairs])
    t = time.perf_counter()
    judge.judge(batch, ua, ub)
    cold = time.perf_counter() - t
    t = time.perf_counter()
    judge.judge(batch, ua, ub)
    warm = time.perf_counter() - t
    return {"pairs": len(pairs), "distinct_texts": len(texts), "cold_seconds": round(cold, 2),
            "cold_pairs_per_s": round(len(pairs) / cold), "ms_per_text": round(1000 * cold / len(texts), 3),
            "warm_seconds": round(warm, 2), "warm_pairs_per_s": round(len(pairs) / warm)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    out = run()
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{out['pairs']} pairs, {out['distinct_texts']} distinct texts, one process: "
              f"{out['cold_seconds']} s from cold caches ({out['cold_pairs_per_s']} pairs/s, "
              f"{out['ms_per_text']} ms a text); again with every text read: {out['warm_seconds']} s "
              f"({out['warm_pairs_per_s']} pairs/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
