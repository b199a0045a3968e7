"""Fit the commitment detector's cue weights and write ``commitment_model.json``.

    python -m consistency.statements.train_commitments [--output PATH]

Data: the train split of ``corpora/commitments/commitments.jsonl`` (our own sentences, split
by topic). The regularisation strength is chosen by leave-one-topic-out cross-validation on
the training topics, so the held-out test topics are never read here; the benchmark
(``benchmarks/commitments.py``) reports on them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from consistency.errors import InputError
from consistency.statements.commitment_cues import FEATURE_NAMES, features
from consistency.statements.commitments import MODEL_FILE, CommitmentModel

REPO = Path(__file__).resolve().parents[2]
DATA_FILE = REPO / "corpora" / "commitments" / "commitments.jsonl"
LABELS = ("commitment", "message")
C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    lang: str
    label: str  # commitment | message
    topic: str
    split: str  # train | test

    @property
    def is_commitment(self) -> bool:
        return self.label == "commitment"


def load_examples(split: str | None = None, path: Path = DATA_FILE) -> list[Example]:
    """The labelled sentences, optionally one split, in file order."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the commitment data at {path}: {exc.strerror}",
                         "run from a checkout of the repository (corpora/ is not installed with the package)") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            ex = Example(text=row["text"], lang=row["lang"], label=row["label"], topic=row["topic"], split=row["split"])
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}: not a labelled sentence ({exc})",
                             'each line is {"text", "lang", "label", "topic", "split"}') from None
        if ex.label not in LABELS:
            raise InputError(f"{path}:{n}: label {ex.label!r} is not one of {', '.join(LABELS)}", "fix the line")
        if split is None or ex.split == split:
            out.append(ex)
    return out


def matrix(examples: Sequence[Example]) -> np.ndarray:
    """One row of binary cue and shape features per example, columns in FEATURE_NAMES order."""
    index = {name: i for i, name in enumerate(FEATURE_NAMES)}
    x = np.zeros((len(examples), len(FEATURE_NAMES)), dtype=np.float64)
    for row, ex in enumerate(examples):
        for name, value in features(ex.text, ex.lang).items():
            x[row, index[name]] = value
    return x


def f1(y: np.ndarray, pred: np.ndarray) -> float:
    tp = float(np.sum(pred & y))
    return 2 * tp / max(1.0, float(np.sum(pred)) + float(np.sum(y)))


def fit(x: np.ndarray, y: np.ndarray, c: float):  # -> LogisticRegression (import kept local: training only)
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(x, y)


def topic_cv_f1(x: np.ndarray, y: np.ndarray, topics: Sequence[str], c: float) -> float:
    """F1 over all training sentences, each predicted by a model that never saw its topic."""
    topics_arr = np.array(topics)
    pred = np.zeros_like(y)
    for topic in sorted(set(topics)):
        held = topics_arr == topic
        pred[held] = fit(x[~held], y[~held], c).predict(x[held])
    return f1(y, pred)


def data_hash(examples: Sequence[Example]) -> str:
    h = hashlib.sha256()
    for ex in examples:
        h.update(json.dumps([ex.text, ex.lang, ex.label, ex.topic], ensure_ascii=False).encode())
    return h.hexdigest()[:16]


# The training set is balanced (and the fit reweights classes), but most published statements
# are not commitments. The intercept is shifted by logit(prior) so that a statement with no
# cue at all reads as a message: the standard base-rate correction for a classifier trained
# at a 50/50 prior and applied where positives are rarer.
DEPLOYMENT_PRIOR = 0.25


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m consistency.statements.train_commitments",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA_FILE)
    ap.add_argument("--output", type=Path, default=MODEL_FILE)
    args = ap.parse_args(argv)

    train = load_examples("train", args.data)
    x = matrix(train)
    y = np.array([ex.is_commitment for ex in train])
    topics = [ex.topic for ex in train]
    scores = {c: topic_cv_f1(x, y, topics, c) for c in C_GRID}
    best_c = max(C_GRID, key=lambda c: (round(scores[c], 4), -c))  # ties: the stronger regularisation
    for c in C_GRID:
        print(f"C={c:<5g} leave-one-topic-out F1 {scores[c]:.3f}{'  <- chosen' if c == best_c else ''}",
              file=sys.stderr)

    model = fit(x, y, best_c)
    weights = {name: float(w) for name, w in zip(FEATURE_NAMES, model.coef_[0]) if abs(w) > 1e-9}
    meta = {
        "C": best_c,
        "cv_f1": round(scores[best_c], 4),
        "train_sentences": len(train),
        "train_topics": sorted(set(topics)),
        "train_data_sha256": data_hash(train),
        "data": "corpora/commitments/commitments.jsonl, split=train (project-written, MIT)",
        "deployment_prior": DEPLOYMENT_PRIOR,
    }
    shift = float(np.log(DEPLOYMENT_PRIOR / (1 - DEPLOYMENT_PRIOR)))
    CommitmentModel(weights=weights, intercept=float(model.intercept_[0]) + shift, meta=meta).save(args.output)
    print(f"wrote {args.output} ({len(weights)} weights, {len(train)} training sentences)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
