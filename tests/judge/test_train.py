"""The training code path: what `consistency train` saves is the model it fitted.

Fitted on small synthetic features (no embeddings, no NLI files), so that it runs anywhere.
"""

import numpy as np
import pytest

from consistency.judge import classifier, train


@pytest.mark.parametrize("kind", train.MODELS)
def test_the_saved_artifact_predicts_what_the_fitted_model_predicts(tmp_path, kind):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 12)).astype(np.float32)
    y = (x[:, 0] + 0.5 * x[:, 3] > 0).astype(int)
    model, mean, scale = train._fit(x, y, np.ones(len(y)), seed=0, kind=kind)
    meta = {"encoder": "test", "symbolic_features": [], "threshold": 0.5, "train_data_sha256": "0" * 64}
    classifier.save(tmp_path, *train.layers_of(model), mean, scale, meta)

    loaded = classifier.PairClassifier.load(tmp_path)
    expected = model.predict_proba((x - mean) / scale)[:, 1]
    assert loaded.predict_proba(x) == pytest.approx(expected, abs=1e-4)
    assert loaded.meta["layers"] == (1 if kind == "linear" else len(train.HIDDEN) + 1)
    assert ((loaded.predict_proba(x) >= 0.5) == y).mean() > 0.9  # it learned the rule it was shown


def test_the_mlp_ships_only_when_it_beats_the_linear_model_by_more_than_the_margin():
    # the MLP's cross-validated F1 moves by about 0.004 between machines: a smaller lead must not
    # decide which model ships
    assert train.choose_model({"linear": (0.2, 0.7468), "mlp": (0.2, 0.7476)}) == "linear"
    assert train.choose_model({"linear": (0.2, 0.7468), "mlp": (0.2, 0.7437)}) == "linear"
    assert train.choose_model({"linear": (0.2, 0.696), "mlp": (0.2, 0.703 + train.MLP_MARGIN)}) == "mlp"
    assert train.choose_model({"linear": (0.2, 0.703), "mlp": (0.3, 0.696)}) == "linear"
