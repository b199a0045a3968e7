import numpy as np
import pytest

pytest.importorskip("sentence_transformers", reason="needs the `st` extra")

from consistency.errors import ConfigError  # noqa: E402
from consistency.judge.crossencoder import CrossEncoderNLI, contradiction_index  # noqa: E402
from tests.tiny_models import build_cross_encoder  # noqa: E402

PAIRS = [("we never sell your data", "we sell your data"), ("free returns within 30 days", "returns within 14 days")]


def test_label_order_is_read_from_the_model_config():
    assert contradiction_index({0: "entailment", 1: "neutral", 2: "contradiction"}) == 2
    assert contradiction_index({"0": "CONTRADICTION", "1": "ENTAILMENT", "2": "NEUTRAL"}) == 0
    with pytest.raises(ConfigError):
        contradiction_index({0: "positive", 1: "negative"})


@pytest.mark.parametrize("labels", [["contradiction", "entailment", "neutral"],
                                    ["entailment", "neutral", "contradiction"]])
def test_scores_are_the_contradiction_column_of_the_local_model(tmp_path, labels):
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    folder = build_cross_encoder(tmp_path / "ce", labels)
    ce = CrossEncoderNLI(str(folder))
    scores = ce.contradiction_scores(PAIRS)
    tok = AutoTokenizer.from_pretrained(folder)
    raw = AutoModelForSequenceClassification.from_pretrained(folder).eval()
    with torch.no_grad():
        logits = raw(**tok([a for a, _ in PAIRS], [b for _, b in PAIRS], return_tensors="pt", padding=True)).logits
    expected = torch.softmax(logits, dim=1)[:, labels.index("contradiction")].numpy()
    assert np.allclose(scores, expected, atol=1e-4)


def test_a_model_without_a_contradiction_label_is_refused(tmp_path):
    folder = build_cross_encoder(tmp_path / "sentiment", ["negative", "positive"])
    with pytest.raises(ConfigError, match="no contradiction"):
        CrossEncoderNLI(str(folder))
