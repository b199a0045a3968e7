"""Tiny BERT models built and saved locally by the tests: the real loading code paths run with
no hub and no download."""

from __future__ import annotations

from pathlib import Path

WORDS = ["we", "never", "sell", "your", "data", "free", "returns", "within", "days", "30", "14", "support",
         "is", "open", "24/7", "our", "the", "a", "to", "and", "of", "on", "ship", "orders", "over"]


def _tokenizer(folder: Path):
    from transformers import BertTokenizerFast

    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]) + "\n", "utf-8")
    return BertTokenizerFast(vocab_file=str(vocab), do_lower_case=True)


def _config(**extra):
    from transformers import BertConfig

    return BertConfig(vocab_size=len(WORDS) + 5, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                      intermediate_size=32, max_position_embeddings=64, **extra)


def build_sentence_transformer(folder: Path) -> Path:
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import BertModel

    torch.manual_seed(0)
    raw = folder / "raw"
    raw.mkdir(parents=True)
    tok = _tokenizer(raw)
    BertModel(_config()).save_pretrained(raw)
    tok.save_pretrained(raw)
    word = Transformer(str(raw), max_seq_length=32)
    model = SentenceTransformer(modules=[word, Pooling(word.get_embedding_dimension())], device="cpu")
    out = folder / "st-model"
    model.save(str(out))
    return out


def build_cross_encoder(folder: Path, labels: list[str]) -> Path:
    import torch
    from transformers import BertForSequenceClassification

    torch.manual_seed(0)
    folder.mkdir(parents=True)
    tok = _tokenizer(folder)
    cfg = _config(num_labels=len(labels), id2label=dict(enumerate(labels)),
                  label2id={lab: i for i, lab in enumerate(labels)})
    BertForSequenceClassification(cfg).save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder
