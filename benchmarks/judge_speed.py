"""How fast is the judge when every statement is new to it?

    python benchmarks/judge_speed.py [--workers N] [--json]

`scale.py` judges a synthetic corpus built from templates: its 10,946 pairs at 30k statements hold
only about 2,700 distinct texts, and the judge reads each text once (its slots, cues and poles are
cached per text). This benchmark judges every labelled pair of corpora/pairs (train and test),
where nearly every text is distinct, in one process, once from cold caches and once again with the
per-text readings cached. Embeddings are computed first and not timed: the goal is about judging
"once embeddings exist".

With ``--workers N`` the pairs are judged as ``consistency check --workers N`` judges them: in chunks,
by N worker processes that each build the judge once and keep their own per-text caches. The check
cuts chunks of ``JUDGE_CHUNK`` pairs, more than all the labelled pairs together, so here they are cut
into 4 N chunks instead. The workers are started and given one pair each to build their judges before
the clock starts (should one worker take two of them, the other builds its judge inside the timed pass,
and the figure is a lower bound). Only the cold pass is timed: a second pass would not send a chunk
back to the worker that read it.
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

from consistency.api import load_config, load_judge  # noqa: E402
from consistency.check import judge_chunk  # noqa: E402
from consistency.embed.cache import embed_cached  # noqa: E402
from consistency.executor import make_executor  # noqa: E402
from consistency.judge.data import load_brand_pairs  # noqa: E402
from consistency.judge.judge import PairText  # noqa: E402
from consistency.store import Store  # noqa: E402


def run(workers: int = 1) -> dict[str, float | int]:
    judge = load_judge()
    pairs = [*load_brand_pairs(split="train"), *load_brand_pairs(split="test")]
    texts = sorted({t for p in pairs for t in (p.a, p.b)})
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite") as store:
        vectors, _ = embed_cached(judge.encoder, texts, store)
    row = dict(zip(texts, vectors))
    batch = [PairText(p.a, p.lang_a, p.b, p.lang_b) for p in pairs]
    ua, ub = np.stack([row[p.a] for p in pairs]), np.stack([row[p.b] for p in pairs])
    out: dict[str, float | int] = {"pairs": len(pairs), "distinct_texts": len(texts), "workers": workers}
    if workers > 1:
        cold = _in_workers(workers, batch, ua, ub)
    else:
        t = time.perf_counter()
        judge.judge(batch, ua, ub)
        cold = time.perf_counter() - t
        t = time.perf_counter()
        judge.judge(batch, ua, ub)
        warm = time.perf_counter() - t
        out.update(warm_seconds=round(warm, 2), warm_pairs_per_s=round(len(pairs) / warm))
    return {**out, "cold_seconds": round(cold, 2), "cold_pairs_per_s": round(len(pairs) / cold),
            "ms_per_text": round(1000 * cold / len(texts), 3)}


def _in_workers(workers: int, batch: list[PairText], ua: np.ndarray, ub: np.ndarray) -> float:
    """Seconds to judge ``batch`` from cold caches in ``workers`` processes, in 4 chunks per worker."""
    cfg = load_config()
    size = -(-len(batch) // (4 * workers))
    chunks = [(batch[i:i + size], ua[i:i + size], ub[i:i + size]) for i in range(0, len(batch), size)]
    with make_executor("local", workers=workers) as executor:
        # one tiny chunk per worker first: each builds its judge (seconds) before the clock starts
        executor.map(judge_chunk, [(batch[:1], ua[:1], ub[:1])] * workers, cfg)
        t = time.perf_counter()
        executor.map(judge_chunk, chunks, cfg)
        return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workers", type=int, default=1, help="judge in N worker processes, as check --workers N does")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    out = run(args.workers)
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{out['pairs']} pairs, {out['distinct_texts']} distinct texts, "
              f"{'one process' if out['workers'] == 1 else str(out['workers']) + ' workers'}: "
              f"{out['cold_seconds']} s from cold caches ({out['cold_pairs_per_s']} pairs/s, "
              f"{out['ms_per_text']} ms a text)"
              + (f"; again with every text read: {out['warm_seconds']} s ({out['warm_pairs_per_s']} pairs/s)"
                 if "warm_seconds" in out else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
