"""The quality gate of the shipped judge: contradiction F1 on held-out brand topics, per language group.

Floors are pinned a little under what `python -m consistency.judge.evaluate` measures for the
shipped artifact (consistency/judge/model/metrics.json). The issue's targets are higher (0.85
English, 0.75 elsewhere); the floors stop a change from making things worse unnoticed.
"""

import json
from pathlib import Path

import pytest

from consistency.api import load_judge
from consistency.judge.evaluate import brand_report

OVERALL_F1_FLOOR = 0.76
GROUP_F1_FLOOR = {"en": 0.75, "ar": 0.78, "zh": 0.72, "ko": 0.76, "cross": 0.78}
OVERALL_PRECISION_FLOOR = 0.75

METRICS = Path(__file__).resolve().parents[2] / "consistency" / "judge" / "model" / "metrics.json"


@pytest.fixture(scope="module")
def report():
    return brand_report(load_judge())


def test_overall_f1_and_precision_floor(report):
    assert report["overall"]["f1"] >= OVERALL_F1_FLOOR, report["overall"]
    assert report["overall"]["precision"] >= OVERALL_PRECISION_FLOOR, report["overall"]


@pytest.mark.parametrize("group", sorted(GROUP_F1_FLOOR))
def test_group_f1_floor(report, group):
    got = report["by_group"][group]
    assert got["f1"] >= GROUP_F1_FLOOR[group], f"{group}: {got}"


def test_shipped_metrics_describe_the_shipped_artifact(report):
    """metrics.json beside the weights was measured on this artifact, and still matches it."""
    shipped = json.loads(METRICS.read_text("utf-8"))
    meta = json.loads((METRICS.parent / "meta.json").read_text("utf-8"))
    assert shipped["train_data_sha256"] == meta["train_data_sha256"]
    assert shipped["judge"]["overall"]["f1"] == pytest.approx(report["overall"]["f1"], abs=0.01)


def test_the_gate_alone_ablation_flags_exactly_the_pairs_with_evidence():
    from consistency.judge.evaluate import ablations
    from consistency.judge.features import symbolic_features
    from consistency.judge.judge import model_may_flag

    judge = load_judge()
    gate_only = ablations(judge)["rules_and_gate_only"]
    pairs = [("Size swaps don't cost you anything.", "Ordered the wrong size? The swap and both delivery legs are free."),
             ("We pack every order in paper.", "Orders are packed in plastic."),
             ("We pack every order in paper.", "Our new linen range is out now."),
             ("Returns are free within 30 days.", "You can return items within 30 days.")]
    for a, b in pairs:
        shipped, alone = judge.judge_texts(a, b, "en", "en"), gate_only.judge_texts(a, b, "en", "en")
        assert alone.contradiction == model_may_flag(symbolic_features(a, "en", b, "en")), (a, b)
        assert alone.contradiction or not shipped.contradiction  # the classifier only turns pairs away
