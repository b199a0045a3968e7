"""Train the pair classifier and write the packaged artifact.

    python -m consistency.judge.train            # or: consistency train

Data: the train split of ``corpora/pairs`` (our own brand pairs, split by topic) plus a
seeded sample of the public NLI files whose licences allow commercial use (``TRAIN_NLI_FILES``).
A fifth of the training topics is held back to choose the decision threshold; the test split
is never read here. The artifact records the training-data hash, the counts and the encoder.
Embeddings are cached in a training store, so a rerun after a data change embeds only new text.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from consistency.embed.cache import embed_cached
from consistency.embed.registry import make_encoder
from consistency.judge import classifier
from consistency.judge.data import (
    NLI_DIR, TRAIN_NLI_FILES, LabelledPair, data_hash, load_brand_pairs, load_nli, texts_of,
)
from consistency.judge.features import pair_matrix, symbolic_features, symbolic_names
from consistency.progress import TqdmObserver
from consistency.store import Store

BRAND_WEIGHT = 4.0  # a brand pair counts this many NLI pairs: it is the domain we judge
HIDDEN = (128,)


def featurise(pairs: Sequence[LabelledPair], vectors: dict[str, np.ndarray], names: list[str]) -> np.ndarray:
    ua = np.stack([vectors[p.a] for p in pairs])
    ub = np.stack([vectors[p.b] for p in pairs])
    sym = [symbolic_features(p.a, p.lang_a, p.b, p.lang_b) for p in pairs]
    return pair_matrix(ua, ub, sym, names)


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    best = (0.5, -1.0)
    for t in np.arange(0.2, 0.81, 0.02):
        pred = p >= t
        tp = float(np.sum(pred & y))
        prec = tp / max(1.0, float(np.sum(pred)))
        rec = tp / max(1.0, float(np.sum(y)))
        f1 = 2 * prec * rec / max(1e-9, prec + rec)
        if f1 > best[1] + 1e-9:
            best = (round(float(t), 2), f1)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="consistency train", description=__doc__.split("\n")[0])
    ap.add_argument("--output", type=Path, default=classifier.default_artifact_dir())
    ap.add_argument("--nli-dir", type=Path, default=NLI_DIR)
    ap.add_argument("--nli-per-file", type=int, default=4000)
    ap.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "consistency" / "train.sqlite")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    t0 = time.time()

    brand = load_brand_pairs(split="train")
    topics = sorted({p.topic for p in brand})
    rng = random.Random(args.seed)
    val_topics = set(rng.sample(topics, max(1, len(topics) // 5)))
    fit_brand = [p for p in brand if p.topic not in val_topics]
    val_brand = [p for p in brand if p.topic in val_topics]
    nli: list[LabelledPair] = []
    for name in TRAIN_NLI_FILES:
        nli += load_nli(name, limit=args.nli_per_file, seed=args.seed, nli_dir=args.nli_dir)
    print(f"brand pairs: {len(fit_brand)} fit + {len(val_brand)} threshold ({len(val_topics)} topics); "
          f"NLI pairs: {len(nli)}", file=sys.stderr)

    encoder = make_encoder("use-multilingual")
    texts = texts_of([*brand, *nli])
    with Store(args.cache) as store:
        vecs, fresh = embed_cached(encoder, texts, store, observer=TqdmObserver(disable=False))
    vectors = dict(zip(texts, vecs))
    print(f"embedded {fresh} new of {len(texts)} texts", file=sys.stderr)

    names = symbolic_names()
    train_pairs = [*fit_brand, *nli]
    x = featurise(train_pairs, vectors, names)
    y = np.array([p.contradiction for p in train_pairs])
    w = np.array([1.0 if p.group.startswith("nli:") else BRAND_WEIGHT for p in train_pairs])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6

    from sklearn.neural_network import MLPClassifier

    def fit(xs: np.ndarray, ys: np.ndarray, ws: np.ndarray) -> MLPClassifier:
        model = MLPClassifier(hidden_layer_sizes=HIDDEN, alpha=1e-3, max_iter=60, random_state=args.seed,
                              early_stopping=False, learning_rate_init=1e-3, batch_size=256)
        return model.fit((xs - mean) / scale, ys, sample_weight=ws)

    model = fit(x, y, w)
    xv = featurise(val_brand, vectors, names)
    pv = model.predict_proba((xv - mean) / scale)[:, 1]
    threshold, val_f1 = best_threshold(np.array([p.contradiction for p in val_brand]), pv)
    print(f"threshold {threshold} (validation F1 {val_f1:.3f} on held-back train topics)", file=sys.stderr)

    # Refit on every training pair with the chosen settings.
    all_pairs = [*brand, *nli]
    xa = featurise(all_pairs, vectors, names)
    ya = np.array([p.contradiction for p in all_pairs])
    wa = np.array([1.0 if p.group.startswith("nli:") else BRAND_WEIGHT for p in all_pairs])
    model = fit(xa, ya, wa)
    meta = {
        "encoder": encoder.id,
        "symbolic_features": names,
        "threshold": threshold,
        "validation_f1": round(val_f1, 4),
        "hidden": list(HIDDEN),
        "train_data_sha256": data_hash(all_pairs),
        "train_counts": {"brand_pairs": len(brand), "nli_pairs": len(nli),
                         "nli_files": {n: args.nli_per_file for n in TRAIN_NLI_FILES}},
        "licence_note": "trained only on corpora/pairs (project-written, MIT) and CC BY-SA NLI files: "
                        + ", ".join(TRAIN_NLI_FILES),
        "seed": args.seed,
    }
    classifier.save(args.output, model.coefs_, model.intercepts_, mean, scale, meta)
    print(f"wrote {args.output} in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
