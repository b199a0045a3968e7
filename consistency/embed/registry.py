"""Choose an encoder by name. Built-in names first; anything else is a sentence-transformers
model name or a local model folder."""

from __future__ import annotations

from collections.abc import Callable

from consistency.embed.interface import Encoder


def _use(batch_size: int) -> Encoder:
    from consistency.embed.use import UseEncoder

    return UseEncoder(batch_size=batch_size)


def _minilm(batch_size: int) -> Encoder:
    from consistency.embed.st import SentenceTransformerEncoder, packaged_minilm_path

    return SentenceTransformerEncoder(packaged_minilm_path(), batch_size=batch_size)


BUILTIN: dict[str, Callable[[int], Encoder]] = {
    "use-multilingual": _use,
    "minilm": _minilm,
}

_cache: dict[tuple[str, int], Encoder] = {}


def make_encoder(name: str, batch_size: int = 64) -> Encoder:
    """An encoder for ``name``, loaded once per process."""
    key = (name, batch_size)
    if key not in _cache:
        if name in BUILTIN:
            _cache[key] = BUILTIN[name](batch_size)
        else:
            from consistency.embed.st import SentenceTransformerEncoder

            _cache[key] = SentenceTransformerEncoder(name, batch_size=batch_size)
        _cache[key].spec = key
    return _cache[key]


def encode_chunk(spec: tuple[str, int], texts: list[str]):  # noqa: ANN201
    """Executor task: encode one chunk with the encoder named by ``spec`` (loaded once per worker)."""
    return make_encoder(*spec).encode(texts)
