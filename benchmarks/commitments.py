"""How well does the commitment detector separate commitments from messages, and how fast?

    python benchmarks/commitments.py [--split test] [--threshold 0.5] [--json]

Quality: precision, recall and F1 of the "commitment" label on the held-out topics of
corpora/commitments (the test split; the model never saw those topics), overall and per
language. Speed: statements scored per second (cues + score, one process).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from consistency.statements.commitments import DEFAULT_THRESHOLD, CommitmentDetector  # noqa: E402
from consistency.statements.train_commitments import Example, load_examples  # noqa: E402


def prf(examples: Sequence[Example], predicted: Sequence[bool]) -> dict[str, float | int]:
    tp = sum(p and ex.is_commitment for ex, p in zip(examples, predicted))
    fp = sum(p and not ex.is_commitment for ex, p in zip(examples, predicted))
    fn = sum(not p and ex.is_commitment for ex, p in zip(examples, predicted))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(examples), "tp": tp, "fp": fp, "fn": fn,
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _grouped(examples: Sequence[Example], predicted: Sequence[bool],
             key: Callable[[Example], str]) -> dict[str, dict[str, float | int]]:
    groups: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        groups.setdefault(key(ex), []).append(i)
    return {g: prf([examples[i] for i in idx], [predicted[i] for i in idx]) for g, idx in sorted(groups.items())}


def evaluate(split: str = "test", threshold: float = DEFAULT_THRESHOLD) -> dict[str, object]:
    """The figures for one split: overall, per language, the errors, and scoring speed."""
    examples = load_examples(split)
    detector = CommitmentDetector(threshold=threshold)
    predicted = [detector.is_commitment(ex.text, ex.lang) for ex in examples]
    by_lang = _grouped(examples, predicted, lambda ex: ex.lang)
    by_topic = _grouped(examples, predicted, lambda ex: ex.topic)
    errors = [{"text": ex.text, "lang": ex.lang, "label": ex.label, "score": round(detector.score(ex.text, ex.lang), 3)}
              for ex, p in zip(examples, predicted) if p != ex.is_commitment]

    texts = [(ex.text, ex.lang) for ex in examples] * max(1, 20000 // max(1, len(examples)))
    start = time.perf_counter()
    for text, lang in texts:
        detector.score(text, lang)
    per_second = len(texts) / (time.perf_counter() - start)
    return {"split": split, "threshold": threshold, "overall": prf(examples, predicted), "by_lang": by_lang,
            "by_topic": by_topic, "topics": sorted(by_topic), "errors": errors,
            "statements_per_second": round(per_second)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="test", choices=("train", "test"))
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    result = evaluate(args.split, args.threshold)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"commitment detection, {args.split} split (topics: {', '.join(result['topics'])}), "
          f"threshold {args.threshold:g}")
    print(f"{'':14} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}")
    rows = {"overall": result["overall"], **result["by_lang"], **result["by_topic"]}
    for name, r in rows.items():
        print(f"{name:14} {r['n']:>4} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}")
    print(f"speed: {result['statements_per_second']:,} statements/s")
    if result["errors"]:
        print("errors:")
        for e in result["errors"]:
            print(f"  [{e['lang']}] {e['label']:<10} {e['score']:.2f}  {e['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
