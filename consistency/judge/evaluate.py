"""Quality figures of the whole judge (rules + classifier) on data it never trained on.

    python -m consistency.judge.evaluate [--json] [--nli N] [--ablation]

Prints precision, recall and F1 of the contradiction class on the held-out (test-topic) split
of ``corpora/pairs``, per language group and per kind; with ``--nli N``, binary contradiction
accuracy and F1 on N pairs of each public XNLI dev file (non-commercial: evaluation only);
with ``--ablation``, the same figures for each part alone (rules only, classifier only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from consistency.judge.data import EVAL_NLI_FILES, NLI_DIR, PAIRS_DIR, LabelledPair, load_brand_pairs, load_nli
from consistency.types import Verdict


@dataclass(frozen=True, slots=True)
class Scores:
    n: int
    positives: int
    precision: float
    recall: float
    f1: float
    accuracy: float

    def to_dict(self) -> dict[str, float | int]:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in
                zip(("n", "positives", "precision", "recall", "f1", "accuracy"),
                    (self.n, self.positives, self.precision, self.recall, self.f1, self.accuracy))}


def score(gold: Sequence[bool], pred: Sequence[bool]) -> Scores:
    g, p = np.asarray(gold, dtype=bool), np.asarray(pred, dtype=bool)
    tp = float(np.sum(g & p))
    prec = tp / max(1.0, float(np.sum(p)))
    rec = tp / max(1.0, float(np.sum(g)))
    f1 = 2 * prec * rec / max(1e-9, prec + rec)
    acc = float(np.mean(g == p)) if len(g) else 0.0
    return Scores(len(g), int(np.sum(g)), prec, rec, f1, acc)


def judge_pairs(pairs: Sequence[LabelledPair], judge) -> list[Verdict]:  # noqa: ANN001
    from consistency.embed.cache import embed_cached
    from consistency.judge.judge import PairText

    texts = sorted({t for p in pairs for t in (p.a, p.b)})
    vecs, _ = embed_cached(judge.encoder, texts, None)
    row = {t: i for i, t in enumerate(texts)}
    pts = [PairText(p.a, p.lang_a, p.b, p.lang_b) for p in pairs]
    return judge.judge(pts, vecs[[row[p.a] for p in pairs]], vecs[[row[p.b] for p in pairs]])


def breakdown(pairs: Sequence[LabelledPair], verdicts: Sequence[Verdict],
              key: Callable[[LabelledPair], str]) -> dict[str, Scores]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        groups[key(p)].append(i)
    return {g: score([pairs[i].contradiction for i in idx], [verdicts[i].contradiction for i in idx])
            for g, idx in sorted(groups.items())}


def brand_report(judge, pairs_dir: Path = PAIRS_DIR) -> dict[str, object]:  # noqa: ANN001
    pairs = load_brand_pairs(pairs_dir, split="test")
    verdicts = judge_pairs(pairs, judge)
    return {
        "overall": score([p.contradiction for p in pairs], [v.contradiction for v in verdicts]).to_dict(),
        "by_group": {g: s.to_dict() for g, s in breakdown(pairs, verdicts, lambda p: p.group).items()},
        "by_kind": {k: s.to_dict() for k, s in breakdown(pairs, verdicts, lambda p: p.kind).items()},
        "by_code": _codes(pairs, verdicts),
    }


def _codes(pairs: Sequence[LabelledPair], verdicts: Sequence[Verdict]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"true_positive": 0, "false_positive": 0})
    for p, v in zip(pairs, verdicts):
        if v.contradiction:
            out[v.code]["true_positive" if p.contradiction else "false_positive"] += 1
    return dict(sorted(out.items()))


def nli_report(judge, per_file: int, nli_dir: Path = NLI_DIR) -> dict[str, dict[str, float | int]]:  # noqa: ANN001
    out = {}
    for name in EVAL_NLI_FILES:
        pairs = load_nli(name, limit=per_file, seed=1, nli_dir=nli_dir)
        verdicts = judge_pairs(pairs, judge)
        out[name] = score([p.contradiction for p in pairs], [v.contradiction for v in verdicts]).to_dict()
    return out


def _table(title: str, rows: dict[str, dict[str, float | int]]) -> str:
    lines = [title, f"  {'':<22}{'n':>6}{'contr':>7}{'P':>8}{'R':>8}{'F1':>8}{'acc':>8}"]
    for name, s in rows.items():
        lines.append(f"  {name:<22}{s['n']:>6}{s['positives']:>7}{s['precision']:>8.3f}{s['recall']:>8.3f}"
                     f"{s['f1']:>8.3f}{s['accuracy']:>8.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="consistency eval", description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    ap.add_argument("--nli", type=int, default=0, help="also score N pairs of each XNLI dev file")
    ap.add_argument("--ablation", action="store_true", help="also score rules only, classifier only, and rules with the evidence gate alone")
    args = ap.parse_args(argv)
    from consistency.api import load_judge

    judge = load_judge()
    result: dict[str, object] = {"judge": brand_report(judge)}
    if args.ablation:
        for name, part in ablations(judge).items():
            result[name] = brand_report(part)
    if args.nli:
        result["nli"] = nli_report(judge, args.nli)
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
        return 0
    for name, rep in result.items():
        if name == "nli":
            print(_table("public NLI dev (binary contradiction)", rep))  # type: ignore[arg-type]
            continue
        rep = dict(rep)  # type: ignore[arg-type]
        print(f"== {name}: held-out brand pairs (test topics) ==")
        print(_table("overall", {"all": rep["overall"]}))
        print(_table("by language group", rep["by_group"]))
        print(_table("by kind", rep["by_kind"]))
        print("verdicts by code (true/false positives):",
              ", ".join(f"{c} {d['true_positive']}/{d['false_positive']}" for c, d in rep["by_code"].items()))
    return 0


def ablations(judge) -> dict[str, object]:  # noqa: ANN001
    """Judges that keep one part: rules only (model never fires), classifier only (no rules), and rules
    with the evidence gate alone (every pair the gate lets through is flagged, whatever its score)."""
    from consistency.judge.judge import PairJudge

    rules_only = PairJudge(judge.encoder, judge.model, threshold=1.01, rates=judge.rates)
    model_only = PairJudge(judge.encoder, judge.model, threshold=judge.threshold, rates=judge.rates, use_rules=False)
    gate_only = PairJudge(judge.encoder, judge.model, threshold=0.0, rates=judge.rates)
    return {"rules_only": rules_only, "classifier_only": model_only, "rules_and_gate_only": gate_only}


if __name__ == "__main__":
    sys.exit(main())
