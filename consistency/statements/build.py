"""Document -> statements: segment, detect language, drop fragments, classify commitments.

This is the one door into the statements stage; the pieces it calls (segmentation, language
id, the fragment filter, the commitment detector) each live in their own module.
"""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from consistency.statements.commitments import CommitmentDetector
from consistency.statements.filter import boilerplate_sentences, is_statement, normalise
from consistency.statements.langid import detect_lang
from consistency.statements.segment import segment
from consistency.types import Document, Statement, content_hash

@dataclass(slots=True)
class StatementBuilder:
    """Turns documents into statements under one configuration."""

    commitment_urls: Sequence[str] = ()
    threshold: float = 0.5
    min_chars: int = 8
    detector: CommitmentDetector = field(default_factory=CommitmentDetector)

    @classmethod
    def from_config(cls, cfg: Any) -> StatementBuilder:
        urls = [g for c in cfg.commitments for g in c.get("urls", [])]
        sc = cfg["statements"]
        threshold = sc["commitment_threshold"]
        return cls(commitment_urls=urls, threshold=threshold, min_chars=sc["min_chars"],
                   detector=CommitmentDetector(threshold=threshold))

    def _url_is_commitment(self, url: str) -> bool:
        return any(fnmatch.fnmatchcase(url, g) for g in self.commitment_urls)

    def build(self, doc: Document) -> list[Statement]:
        if doc.source_type == "config":
            # An explicit commitment from the config is one statement, whole.
            text = doc.text.strip()
            lang = doc.lang or detect_lang(text)
            return [self._statement(doc, text, lang, 0, len(doc.text), "commitment", 1.0)]
        forced = self._url_is_commitment(doc.url)
        doc_lang = document_lang(doc)
        out = []
        for start, end in segment(doc.text, doc_lang):
            text = doc.text[start:end]
            lang = detect_lang(text, hint=doc_lang)
            if not is_statement(text, lang, min_chars=self.min_chars):
                continue
            score = self.detector.score(text, lang)
            kind = "commitment" if forced or score >= self.threshold else "message"
            out.append(self._statement(doc, text, lang, start, end, kind, 1.0 if forced else score))
        return out

    @staticmethod
    def _statement(doc: Document, text: str, lang: str, start: int, end: int, kind: str, score: float) -> Statement:
        return Statement(doc_id=doc.id, text=text, lang=lang, start=start, end=end, source_type=doc.source_type,
                         url=doc.url, title=doc.title, published=doc.published, kind=kind,
                         commitment_score=round(float(score), 4))


DOC_SAMPLE = 4000  # characters of a document read to detect its language


def document_lang(doc: Document) -> str | None:
    """The document's language: as declared (a page's ``lang``), else detected from its text.

    Mails, posts and drafts rarely declare one; detected over the whole text, it decides the short
    lines the statement alone cannot ("Livraison offerte." in a French newsletter is French).
    """
    if doc.lang:
        return doc.lang
    lang = detect_lang(doc.text[:DOC_SAMPLE])
    return None if lang == "und" else lang


@lru_cache(maxsize=1)
def _code_version() -> str:
    folder = Path(__file__).parent
    return content_hash(*(f.read_bytes().decode("utf-8") for f in sorted(folder.glob("*.py"))),
                        *(f.read_bytes().hex() for f in sorted(folder.glob("*.json"))))


def builder_version(cfg: Any) -> str:
    """Changes when statements could come out differently: the statements code, its model, or its settings."""
    import json

    return content_hash(_code_version(), json.dumps([cfg["statements"], list(cfg.commitments)], sort_keys=True,
                                                    default=str))


_worker_builders: dict[str, StatementBuilder] = {}


def build_chunk(cfg: Any, docs: list[Document]) -> list[list[Statement]]:
    """Executor task: the statements of each document (the builder is made once per worker)."""
    import json

    key = json.dumps([cfg["statements"], list(cfg.commitments)], sort_keys=True, default=str)
    if key not in _worker_builders:
        _worker_builders[key] = StatementBuilder.from_config(cfg)
    return [_worker_builders[key].build(doc) for doc in docs]


def config_documents(cfg: Any) -> list[Document]:
    """Explicit ``[[commitments]]`` with ``text`` become one-statement documents."""
    where = str(cfg.path) if cfg.path else "config"
    return [
        Document(source="config", source_type="config", url=c.get("url") or f"{where}#commitments[{i}]",
                 text=c["text"], title="Commitment from configuration", lang=c.get("lang"))
        for i, c in enumerate(cfg.commitments) if c.get("text")
    ]


def repeated_boilerplate(rows: Iterable[tuple[str, str, str, str]], share: float, min_docs: int) -> dict[str, str]:
    """Statements that repeat a sentence found on most documents of one source (footer slogans).

    ``rows`` are (statement id, document id, source label, text) in document order. Returns
    {repeat statement id: kept statement id}: the first occurrence is kept, the rest point to it.
    """
    by_source: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    ids: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sid, doc_id, source, text in rows:
        by_source[source][doc_id].add(text)
        ids[(source, normalise(text))].append(sid)
    repeats: dict[str, str] = {}
    for source, docs in by_source.items():
        for text in sorted(boilerplate_sentences(docs, min_docs=min_docs, share=share)):
            kept, *rest = ids[(source, text)]
            repeats.update({sid: kept for sid in rest})
    return repeats
