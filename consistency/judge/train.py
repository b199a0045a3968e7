"""Train the pair classifier and write the packaged artifact.

    python -m consistency.judge.train            # or: consistency train

Data: the train split of ``corpora/pairs`` (our own brand pairs, split by topic) plus a
seeded sample of the public NLI files whose licences allow commercial use (``TRAIN_NLI_FILES``),
weighted lower: generic NLI teaches little about brand statements (measured: it alone gives
about 0.5 contradiction F1), but it steadies the model. The decision threshold is chosen by
5-fold cross-validation over training *topics* (each fold's topics unseen by its model), with
the deterministic rules and the evidence gate applied as at run time, from ``THRESHOLDS`` (0.05 to
0.9). The labelled pairs are 41 % contradictions and a real check's candidate pairs mostly
consistent, so a low threshold can over-report: with 1,551 training pairs 0.05 gave precision 0.78 on
the demo corpus against 0.83 at 0.2, and the search then started at 0.2. On today's 3,464 pairs and
features it chooses 0.1, and the demo corpus holds (precision 0.83, 2026-12-01); its floor in
tests/test_demo.py checks every retrain. Two models are fitted, an MLP and a linear model; the MLP
ships only if its cross-validated F1 is higher by more than ``MLP_MARGIN``. The test split is never
read here.
The artifact records the training-data hash, the counts, the encoder and the CV figures.
"""

from __future__ import annotations

import argparse
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
from consistency.judge.judge import model_may_flag
from consistency.progress import TqdmObserver
from consistency.store import Store

# An NLI pair counts a quarter of a brand pair. Measured 2026-12-01 (topic-wise CV on the train split):
# weight 0 or 0.1 with a weaker L2 (C 0.005-0.01) scores higher on the labelled pairs (CV F1 0.745-0.752
# against 0.733), but the model it gives over-reports on the demo corpus (precision 0.78, 50 findings,
# against 0.83): the generic pairs keep the model from calling every same-topic pair a contradiction.
NLI_WEIGHT = 0.25
HIDDEN = (64,)
ALPHA = 1.0  # strong L2: ~1k brand pairs against ~1.1k features
LINEAR_C = 0.05  # the linear model's inverse L2 strength, for the same reason
FOLDS = 5
# Both are fitted and cross-validated by topic. The MLP ships only when it beats the linear model by
# more than MLP_MARGIN; otherwise the linear model does (fewer weights, a score one can read feature by
# feature). The MLP's figure is not reproducible across machines: on the same pairs and seed its CV F1
# was 0.7437 on one machine and 0.7476 on another (2026-12-01; float rounding in its training), while
# the linear model's was 0.7468 on both. Without the margin, which model ships depended on the machine.
MODELS = ("linear", "mlp")
MLP_MARGIN = 0.01
# The decision thresholds cross-validation chooses from: 0.05 to 0.9. Until 2026-12-01 the grid
# started at 0.2, and 0.2 was chosen: the lower end hid better thresholds (CV F1 0.754 at 0.1
# against 0.745 at 0.2). Behind the evidence gate most pairs are contradictions, so a low threshold
# can be right; the demo corpus, whose candidate pairs are mostly consistent, checks that it is.
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 19))


def symbolic(pairs: Sequence[LabelledPair]) -> list[dict[str, float]]:
    return [symbolic_features(p.a, p.lang_a, p.b, p.lang_b) for p in pairs]


def featurise(pairs: Sequence[LabelledPair], vectors: dict[str, np.ndarray], names: list[str],
              sym: Sequence[dict[str, float]] | None = None) -> np.ndarray:
    """Feature rows of ``pairs``; ``sym`` is ``symbolic(pairs)`` when the caller has it already."""
    ua = np.stack([vectors[p.a] for p in pairs])
    ub = np.stack([vectors[p.b] for p in pairs])
    return pair_matrix(ua, ub, symbolic(pairs) if sym is None else sym, names)


def _weights(pairs: Sequence[LabelledPair]) -> np.ndarray:
    return np.array([NLI_WEIGHT if p.group.startswith("nli:") else 1.0 for p in pairs])


def _rule_hits(pairs: Sequence[LabelledPair]) -> np.ndarray:
    """Pairs the deterministic rules already call contradictions (the model cannot undo them)."""
    from consistency.judge import cues, slots

    return np.array([slots.compare(p.a, p.lang_a, p.b, p.lang_b) is not None
                     or cues.polarity_conflict(p.a, p.lang_a, p.b, p.lang_b) is not None for p in pairs])


def f1_score(y: np.ndarray, pred: np.ndarray) -> float:
    tp = float(np.sum(pred & y))
    prec, rec = tp / max(1.0, float(np.sum(pred))), tp / max(1.0, float(np.sum(y)))
    return 2 * prec * rec / max(1e-9, prec + rec)


def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, seed: int, kind: str = "mlp"):  # noqa: ANN202 - sklearn
    import warnings

    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    if kind == "linear":
        model = LogisticRegression(C=LINEAR_C, max_iter=3000)
    else:
        model = MLPClassifier(hidden_layer_sizes=HIDDEN, alpha=ALPHA, max_iter=300, random_state=seed,
                              learning_rate_init=1e-3, batch_size=256)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning at max_iter: the CV figures judge the result
        model.fit((x - mean) / scale, y, sample_weight=w)
    return model, mean, scale


def layers_of(model) -> tuple[list[np.ndarray], list[np.ndarray]]:  # noqa: ANN001 - sklearn model
    """Weights and biases, layer by layer, as the numpy forward pass reads them."""
    if hasattr(model, "coefs_"):
        return list(model.coefs_), list(model.intercepts_)
    return [model.coef_.T.copy()], [model.intercept_.copy()]


def _decided(brand: Sequence[LabelledPair],
             sym: Sequence[dict[str, float]] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(rule hits, model may flag) per pair: what the run-time judge decides before the classifier's score."""
    may = np.array([model_may_flag(f) for f in (symbolic(brand) if sym is None else sym)])
    return _rule_hits(brand), may


def cross_validate(brand: Sequence[LabelledPair], nli: Sequence[LabelledPair], x_brand: np.ndarray,
                   x_nli: np.ndarray, seed: int, kind: str = "mlp",
                   decided: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[float, float]:
    """(threshold, F1) chosen on out-of-fold predictions, folds split by topic, rules included.
    ``decided`` is ``_decided(brand)``, passed in when several models are cross-validated on the same pairs."""
    from sklearn.model_selection import GroupKFold

    y = np.array([p.contradiction for p in brand])
    y_nli = np.array([p.contradiction for p in nli])
    oof = np.zeros(len(brand))
    for fit_idx, val_idx in GroupKFold(FOLDS).split(x_brand, y, [p.topic for p in brand]):
        xs = np.vstack([x_brand[fit_idx], x_nli])
        ys = np.concatenate([y[fit_idx], y_nli])
        ws = np.concatenate([np.ones(len(fit_idx)), _weights(nli)])
        model, mean, scale = _fit(xs, ys, ws, seed, kind)
        oof[val_idx] = model.predict_proba((x_brand[val_idx] - mean) / scale)[:, 1]
    rules, may = decided if decided is not None else _decided(brand)
    best = max((f1_score(y, ((oof >= t) & may) | rules), t) for t in THRESHOLDS)
    return best[1], best[0]


def choose_model(cv: dict[str, tuple[float, float]]) -> str:
    """The model to ship from {kind: (threshold, CV F1)}: the MLP only if it beats the linear model by
    more than ``MLP_MARGIN``."""
    return "mlp" if cv["mlp"][1] > cv["linear"][1] + MLP_MARGIN else "linear"


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
    nli: list[LabelledPair] = []
    for name in TRAIN_NLI_FILES:
        nli += load_nli(name, limit=args.nli_per_file, seed=args.seed, nli_dir=args.nli_dir)
    print(f"brand pairs: {len(brand)} ({len({p.topic for p in brand})} topics); NLI pairs: {len(nli)}",
          file=sys.stderr)

    encoder = make_encoder("use-multilingual")
    texts = texts_of([*brand, *nli])
    with Store(args.cache) as store:
        vecs, fresh = embed_cached(encoder, texts, store, observer=TqdmObserver(disable=False))
    vectors = dict(zip(texts, vecs))
    print(f"embedded {fresh} new of {len(texts)} texts", file=sys.stderr)

    names = symbolic_names()
    sym_brand = symbolic(brand)  # once, for the feature rows and for what the rules and the gate decide
    x_brand, x_nli = featurise(brand, vectors, names, sym_brand), featurise(nli, vectors, names)
    decided = _decided(brand, sym_brand)
    cv = {kind: cross_validate(brand, nli, x_brand, x_nli, args.seed, kind, decided) for kind in MODELS}
    for kind, (t, f1) in cv.items():
        print(f"{kind}: threshold {t}, cross-validated F1 {f1:.3f} (rules + classifier, unseen topics)",
              file=sys.stderr)
    kind = choose_model(cv)
    threshold, cv_f1 = cv[kind]

    all_pairs = [*brand, *nli]
    model, mean, scale = _fit(np.vstack([x_brand, x_nli]), np.array([p.contradiction for p in all_pairs]),
                              _weights(all_pairs), args.seed, kind)
    meta = {
        "encoder": encoder.id,
        "symbolic_features": names,
        "model": kind,
        "threshold": threshold,
        "cv_f1_train_topics": round(cv_f1, 4),
        "cv_f1_by_model": {k: round(f, 4) for k, (_, f) in cv.items()},
        "hidden": list(HIDDEN) if kind == "mlp" else [],
        "alpha": ALPHA if kind == "mlp" else None,
        "linear_c": LINEAR_C if kind == "linear" else None,
        "nli_weight": NLI_WEIGHT,
        "train_data_sha256": data_hash(all_pairs),
        "train_counts": {"brand_pairs": len(brand), "brand_topics": len({p.topic for p in brand}),
                         "nli_pairs": len(nli), "nli_files": list(TRAIN_NLI_FILES)},
        "licence_note": "trained only on corpora/pairs (project-written, MIT) and CC BY-SA NLI files: "
                        + ", ".join(TRAIN_NLI_FILES),
        "seed": args.seed,
    }
    classifier.save(args.output, *layers_of(model), mean, scale, meta)
    print(f"wrote {args.output} in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
