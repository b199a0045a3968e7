"""The SQLite corpus store: the single source of truth for every stage after collection.

Documents (with their raw-content hash and fetch metadata), statements, the embedding cache
keyed by (model, text hash), the verdict cache keyed by (judge, pair), the crawl frontier for
resuming, and the skipped items of the last collection of each source. WAL mode, so a reader
(a report) never blocks a writer (a crawl).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from consistency.types import Document, Skipped, Statement

SCHEMA_VERSION = 1

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, source_type TEXT NOT NULL, url TEXT NOT NULL,
    title TEXT, lang TEXT, published TEXT, text TEXT NOT NULL, raw TEXT, meta TEXT,
    hash TEXT NOT NULL, fetched_at REAL, segmented_hash TEXT
);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL,
    text_hash TEXT NOT NULL, lang TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    kind TEXT NOT NULL, commitment_score REAL NOT NULL, repeat_of TEXT
);
CREATE INDEX IF NOT EXISTS statements_doc ON statements(doc_id);
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL, text_hash TEXT NOT NULL, dim INTEGER NOT NULL, vec BLOB NOT NULL,
    PRIMARY KEY (model, text_hash)
);
CREATE TABLE IF NOT EXISTS verdicts (
    judge TEXT NOT NULL, pair TEXT NOT NULL, verdict TEXT NOT NULL, PRIMARY KEY (judge, pair)
);
CREATE TABLE IF NOT EXISTS frontier (
    source TEXT PRIMARY KEY, pending TEXT NOT NULL, done TEXT NOT NULL, updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS skipped (source TEXT NOT NULL, item TEXT NOT NULL, reason TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS skipped_source ON skipped(source);
CREATE TABLE IF NOT EXISTS pair_cache (key TEXT PRIMARY KEY, pairs BLOB NOT NULL);
"""


class Store:
    """A thin, explicit layer over one SQLite file. Not thread-safe; one per process."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_DDL)
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> _Tx:
        return _Tx(self.db)

    # -- documents -------------------------------------------------------------------------
    def put_document(self, doc: Document) -> bool:
        """Store ``doc``; return True when it is new or its content changed."""
        row = self.db.execute("SELECT hash FROM documents WHERE id = ?", (doc.id,)).fetchone()
        changed = row is None or row[0] != doc.hash
        self.db.execute(
            "INSERT INTO documents (id, source, source_type, url, title, lang, published, text, raw, meta,"
            " hash, fetched_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET source=excluded.source, title=excluded.title, lang=excluded.lang,"
            " published=excluded.published, text=excluded.text, raw=excluded.raw, meta=excluded.meta,"
            " hash=excluded.hash, fetched_at=excluded.fetched_at",
            (doc.id, doc.source, doc.source_type, doc.url, doc.title, doc.lang, doc.published, doc.text,
             doc.raw, json.dumps(doc.meta, sort_keys=True, default=str), doc.hash, time.time()),
        )
        return changed

    def touch_document(self, url: str, source_type: str = "site") -> None:
        """Record that a document was seen unchanged (a 304)."""
        self.db.execute("UPDATE documents SET fetched_at = ? WHERE url = ? AND source_type = ?",
                        (time.time(), url, source_type))

    def documents(self, source_types: Sequence[str] | None = None) -> Iterator[Document]:
        sql = "SELECT source, source_type, url, text, title, lang, published, raw, meta FROM documents"
        args: tuple[Any, ...] = ()
        if source_types:
            sql += f" WHERE source_type IN ({','.join('?' * len(source_types))})"
            args = tuple(source_types)
        for row in self.db.execute(sql + " ORDER BY source_type, url", args):
            yield Document(source=row[0], source_type=row[1], url=row[2], text=row[3], title=row[4] or "",
                           lang=row[5], published=row[6], raw=row[7] or "", meta=json.loads(row[8] or "{}"))

    def document_sources(self) -> Iterator[tuple[str, str]]:
        """(document id, source label) of every stored document, without loading its text."""
        yield from self.db.execute("SELECT id, source FROM documents ORDER BY id")

    def unsegmented(self, builder_version: str = "") -> list[Document]:
        """Documents whose statements are missing or stale: the document changed, or the statement
        builder did (its code or settings, ``builder_version``), in which case every document is."""
        if self.get_meta("statements_builder") != builder_version:
            self.db.execute("UPDATE documents SET segmented_hash = NULL")
            self.set_meta("statements_builder", builder_version)
        ids = {r[0] for r in self.db.execute(
            "SELECT id FROM documents WHERE segmented_hash IS NULL OR segmented_hash != hash")}
        return [d for d in self.documents() if d.id in ids]

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def count(self, table: str) -> int:
        assert table in ("documents", "statements", "embeddings", "verdicts", "skipped")
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # -- statements ------------------------------------------------------------------------
    def replace_statements(self, doc: Document, statements: Sequence[Statement]) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM statements WHERE doc_id = ?", (doc.id,))
            self.db.executemany(
                "INSERT OR REPLACE INTO statements (id, doc_id, idx, text, text_hash, lang, start, \"end\", kind,"
                " commitment_score) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(s.id, doc.id, i, s.text, s.text_hash, s.lang, s.start, s.end, s.kind, s.commitment_score)
                 for i, s in enumerate(statements)],
            )
            self.db.execute("UPDATE documents SET segmented_hash = hash WHERE id = ?", (doc.id,))

    def set_repeats(self, repeats: dict[str, str]) -> None:
        """Mark statements that repeat a site-wide boilerplate sentence (id -> id of the kept one)."""
        with self.transaction():
            self.db.execute("UPDATE statements SET repeat_of = NULL")
            self.db.executemany("UPDATE statements SET repeat_of = ? WHERE id = ?",
                                [(keep, sid) for sid, keep in repeats.items()])

    def statements(self, include_repeats: bool = False) -> Iterator[Statement]:
        sql = (
            "SELECT s.doc_id, s.text, s.lang, s.start, s.\"end\", d.source_type, d.url, d.title, d.published,"
            " s.kind, s.commitment_score FROM statements s JOIN documents d ON d.id = s.doc_id"
        )
        if not include_repeats:
            sql += " WHERE s.repeat_of IS NULL"
        for row in self.db.execute(sql + " ORDER BY d.source_type, d.url, s.idx"):
            yield Statement(doc_id=row[0], text=row[1], lang=row[2], start=row[3], end=row[4], source_type=row[5],
                            url=row[6], title=row[7] or "", published=row[8], kind=row[9], commitment_score=row[10])

    def statement_sources(self) -> Iterator[tuple[str, str, str, str]]:
        """(statement id, document id, source label, text) in document order, for boilerplate detection."""
        yield from self.db.execute(
            "SELECT s.id, s.doc_id, d.source, s.text FROM statements s JOIN documents d ON d.id = s.doc_id"
            " ORDER BY d.url, s.idx")

    # -- embedding cache -------------------------------------------------------------------
    def get_embeddings(self, model: str, text_hashes: Sequence[str]) -> dict[str, np.ndarray]:
        return dict(self.iter_embeddings(model, text_hashes))

    def iter_embeddings(self, model: str, text_hashes: Sequence[str]) -> Iterator[tuple[str, np.ndarray]]:
        """(text hash, vector) for each hash that has one, streamed: the caller copies what it keeps."""
        for chunk_start in range(0, len(text_hashes), 900):
            chunk = text_hashes[chunk_start:chunk_start + 900]
            q = f"SELECT text_hash, vec FROM embeddings WHERE model = ? AND text_hash IN ({','.join('?' * len(chunk))})"
            for h, blob in self.db.execute(q, (model, *chunk)):
                yield h, np.frombuffer(blob, dtype=np.float32)

    def put_embeddings(self, model: str, items: Iterable[tuple[str, np.ndarray]]) -> None:
        with self.transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?,?,?,?)",
                [(model, h, int(v.shape[0]), np.ascontiguousarray(v, dtype=np.float32).tobytes()) for h, v in items],
            )

    # -- verdict cache ---------------------------------------------------------------------
    def get_verdicts(self, judge: str, pairs: Sequence[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for i in range(0, len(pairs), 900):
            chunk = pairs[i:i + 900]
            q = f"SELECT pair, verdict FROM verdicts WHERE judge = ? AND pair IN ({','.join('?' * len(chunk))})"
            for key, blob in self.db.execute(q, (judge, *chunk)):
                found[key] = json.loads(blob)
        return found

    def verdict_keys(self, judge: str, pairs: Sequence[str]) -> set[str]:
        """Which of ``pairs`` have a cached verdict, without reading (or holding) the verdicts."""
        found: set[str] = set()
        for i in range(0, len(pairs), 900):
            chunk = pairs[i:i + 900]
            q = f"SELECT pair FROM verdicts WHERE judge = ? AND pair IN ({','.join('?' * len(chunk))})"
            found.update(key for (key,) in self.db.execute(q, (judge, *chunk)))
        return found

    def put_verdicts(self, judge: str, items: Iterable[tuple[str, dict[str, Any]]]) -> None:
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO verdicts VALUES (?,?,?)",
                                [(judge, k, json.dumps(v, sort_keys=True)) for k, v in items])

    # -- candidate-pair cache --------------------------------------------------------------
    def get_pairs(self, key: str) -> np.ndarray | None:
        """The candidate pairs of the last run with these inputs: rows of (a, b, similarity)."""
        row = self.db.execute("SELECT pairs FROM pair_cache WHERE key = ?", (key,)).fetchone()
        return None if row is None else np.frombuffer(row[0], dtype=np.float64).reshape(-1, 3)

    def put_pairs(self, key: str, pairs: np.ndarray) -> None:
        """Keep only the latest run's pairs: any change to the inputs makes older ones useless."""
        with self.transaction():
            self.db.execute("DELETE FROM pair_cache")
            self.db.execute("INSERT INTO pair_cache VALUES (?,?)",
                            (key, np.ascontiguousarray(pairs, dtype=np.float64).tobytes()))

    # -- skipped ---------------------------------------------------------------------------
    def replace_skipped(self, source: str, skipped: Sequence[Skipped]) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM skipped WHERE source = ?", (source,))
            self.db.executemany("INSERT INTO skipped VALUES (?,?,?)", [(s.source, s.item, s.reason) for s in skipped])

    def skipped(self) -> list[Skipped]:
        return [Skipped(*row) for row in self.db.execute("SELECT source, item, reason FROM skipped ORDER BY source, item")]


class CrawlState:
    """The store's view for incremental crawling: validators, stored links, the frontier."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _meta(self, url: str) -> dict[str, Any]:
        row = self.store.db.execute(
            "SELECT meta FROM documents WHERE url = ? AND source_type = 'site'", (url,)).fetchone()
        return json.loads(row[0]) if row and row[0] else {}

    def validators(self, url: str) -> tuple[str | None, str | None]:
        meta = self._meta(url)
        return meta.get("etag"), meta.get("last_modified")

    def links(self, url: str) -> list[str]:
        return list(self._meta(url).get("links", []))

    def frontier_load(self, source: str) -> tuple[list[str], list[str]] | None:
        row = self.store.db.execute("SELECT pending, done FROM frontier WHERE source = ?", (source,)).fetchone()
        return (json.loads(row[0]), json.loads(row[1])) if row else None

    def frontier_save(self, source: str, pending: list[str], done: list[str]) -> None:
        self.store.db.execute("INSERT OR REPLACE INTO frontier VALUES (?,?,?,?)",
                              (source, json.dumps(pending), json.dumps(done), time.time()))

    def frontier_clear(self, source: str) -> None:
        self.store.db.execute("DELETE FROM frontier WHERE source = ?", (source,))


class _Tx:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")
