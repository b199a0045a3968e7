"""Loading labelled pairs: the project's brand pairs and the public NLI files.

Only data that allows commercial use trains the shipped artifact (see ``TRAIN_NLI_FILES``);
the non-commercial files serve evaluation only.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PAIRS_DIR = REPO / "corpora" / "pairs"
NLI_DIR = REPO.parent / "shared" / "data" / "nli"

# CC BY-SA files (commercial use allowed). ko_xnli_* are CC BY-SA translations of CC BY-NC
# sentences: left out, the cautious reading.
TRAIN_NLI_FILES = ("en_snli_devtest", "en_newprotocols_train", "en_breaking_nli", "ko_klue_nli_dev")
# Non-commercial or parallel files: evaluation only.
EVAL_NLI_FILES = ("en_xnli_dev", "ar_xnli_dev", "zh_xnli_dev", "ko_xnli_dev")


@dataclass(frozen=True, slots=True)
class LabelledPair:
    id: str
    a: str
    b: str
    lang_a: str
    lang_b: str
    contradiction: bool
    label: str
    kind: str
    group: str  # en, ar, zh, ko, cross (brand pairs) or nli:<file>
    topic: str
    split: str


def _langs(code: str) -> tuple[str, str]:
    a, _, b = code.partition("-")
    return a, b or a


def group_of(lang_code: str) -> str:
    return "cross" if "-" in lang_code else lang_code


def pair_files(folder: Path = PAIRS_DIR) -> list[Path]:
    """Every ``pairs*.jsonl`` of the labelled corpus, in name order."""
    return sorted(folder.glob("pairs*.jsonl"))


def load_brand_pairs(folder: Path = PAIRS_DIR, split: str | None = None) -> list[LabelledPair]:
    out = []
    for path in pair_files(folder):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                r = json.loads(line)
                if split and r["split"] != split:
                    continue
                la, lb = _langs(r["lang"])
                out.append(LabelledPair(r["id"], r["a"], r["b"], la, lb, r["label"] == "contradiction", r["label"],
                                        r["kind"], group_of(r["lang"]), r["topic"], r["split"]))
    return out


def load_nli(name: str, limit: int | None = None, seed: int = 0, nli_dir: Path = NLI_DIR) -> list[LabelledPair]:
    path = nli_dir / f"{name}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    if limit is not None and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    return [LabelledPair(f"{name}:{i}", r["premise"], r["hypothesis"], r["lang"], r["lang"],
                         r["label"] == "contradiction", r["label"], "nli", f"nli:{name}", name, "train")
            for i, r in enumerate(rows)]


def data_hash(pairs: Iterable[LabelledPair]) -> str:
    h = hashlib.sha256()
    for p in pairs:
        h.update(json.dumps([p.a, p.b, p.lang_a, p.lang_b, p.contradiction], ensure_ascii=False).encode())
    return h.hexdigest()


def texts_of(pairs: Sequence[LabelledPair]) -> list[str]:
    return sorted({t for p in pairs for t in (p.a, p.b)})
