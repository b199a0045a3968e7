import numpy as np

from consistency.store import CrawlState, Store
from consistency.types import Document, Skipped, Statement


def doc(url: str, text: str) -> Document:
    return Document(source="site:x", source_type="site", url=url, text=text, title="T",
                    meta={"etag": '"v1"', "links": ["https://x.example/b"]})


def test_documents_report_changes_by_content_hash(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        assert store.put_document(doc("https://x.example/a", "Free returns.")) is True
        assert store.put_document(doc("https://x.example/a", "Free returns.")) is False
        assert store.put_document(doc("https://x.example/a", "Returns cost $5.")) is True
        assert store.count("documents") == 1
        assert [d.text for d in store.documents()] == ["Returns cost $5."]


def test_statements_are_replaced_per_document_and_survive_reopen(tmp_path):
    path = tmp_path / "s.sqlite"
    d = doc("https://x.example/a", "Free returns. Fast shipping.")
    with Store(path) as store:
        store.put_document(d)
        assert [x.url for x in store.unsegmented()] == [d.url]
        st = Statement(doc_id=d.id, text="Free returns.", lang="en", start=0, end=13, source_type="site", url=d.url)
        store.replace_statements(d, [st])
        assert store.unsegmented() == []
    with Store(path) as store:
        (got,) = list(store.statements())
        assert got.text == "Free returns." and got.id == st.id


def test_a_new_statement_builder_makes_every_document_stale(tmp_path):
    """Upgrading the segmenter or changing [statements] settings rebuilds unchanged documents too."""
    d = doc("https://x.example/a", "Free returns.")
    with Store(tmp_path / "s.sqlite") as store:
        store.put_document(d)
        assert [x.url for x in store.unsegmented("v1")] == [d.url]
        store.replace_statements(d, [])
        assert store.unsegmented("v1") == []
        assert [x.url for x in store.unsegmented("v2")] == [d.url]
        store.replace_statements(d, [])
        assert store.unsegmented("v2") == []


def test_embedding_cache_roundtrip(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        v = np.arange(4, dtype=np.float32)
        store.put_embeddings("m", [("h1", v)])
        got = store.get_embeddings("m", ["h1", "h2"])
        assert list(got) == ["h1"] and np.array_equal(got["h1"], v)
        assert store.get_embeddings("other-model", ["h1"]) == {}


def test_crawl_state_gives_validators_links_and_frontier(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.put_document(doc("https://x.example/a", "x"))
        state = CrawlState(store)
        assert state.validators("https://x.example/a") == ('"v1"', None)
        assert state.links("https://x.example/a") == ["https://x.example/b"]
        state.frontier_save("site:x", ["https://x.example/c"], ["https://x.example/a"])
        assert state.frontier_load("site:x") == (["https://x.example/c"], ["https://x.example/a"])
        state.frontier_clear("site:x")
        assert state.frontier_load("site:x") is None


def test_skipped_items_are_replaced_per_source(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.replace_skipped("a", [Skipped("a", "u1", "404")])
        store.replace_skipped("a", [Skipped("a", "u2", "500")])
        assert [s.item for s in store.skipped()] == ["u2"]
