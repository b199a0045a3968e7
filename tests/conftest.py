"""Suite-wide fixtures. Models load once per session."""

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # tests never reach a model hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def use_encoder():
    from consistency.embed.registry import make_encoder

    return make_encoder("use-multilingual")


@pytest.fixture(scope="session")
def judge():
    from consistency.api import load_judge

    return load_judge()
