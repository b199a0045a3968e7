"""From units to findings: what `consistency check` reports for a set of statements."""

from consistency.check import judge_units, make_units
from consistency.types import Statement

MODEL_PAIR = ("Every parcel we send uses plastic-free packaging.", "Each towel set arrives wrapped in plastic film.")
RULE_PAIR = ("Free returns within 30 days of delivery.", "You can return items within 14 days of delivery.")


def _statements(pair, same_doc):
    return [Statement(doc_id="page" if same_doc else f"page{i}", text=t, lang="en", start=0, end=len(t),
                      source_type="site", url="https://brand.example/" + ("p" if same_doc else str(i)),
                      kind="commitment" if i == 0 else "message") for i, t in enumerate(pair)]


def _codes(judge, pair, same_doc):
    run = judge_units(make_units(_statements(pair, same_doc)), judge, None, top_k=5, min_similarity=0.0)
    return [f.code for f in run.findings]


def test_a_model_verdict_between_sentences_of_one_document_is_not_reported(judge):
    assert judge.judge_texts(*MODEL_PAIR, "en", "en").code == "C301"  # the premise: only the model flags it
    assert _codes(judge, MODEL_PAIR, same_doc=False) == ["C301"]
    assert _codes(judge, MODEL_PAIR, same_doc=True) == []


def test_a_typed_conflict_on_one_page_is_still_reported(judge):
    assert _codes(judge, RULE_PAIR, same_doc=True) == ["C102"]


def test_findings_are_the_same_whichever_verdicts_are_cached(judge, tmp_path, monkeypatch):
    """Verdicts become findings as they arrive (fresh ones chunk by chunk, cached ones read back in
    chunks), never all held at once; the order they arrive in does not change the findings."""
    from consistency.store import Store

    monkeypatch.setattr("consistency.check.JUDGE_CHUNK", 2)
    pairs = [MODEL_PAIR, RULE_PAIR, ("We never sell your personal data.", "We sell your data to partners."),
             ("Support is available 24/7.", "Support is open 9am to 5pm on weekdays.")]
    units = make_units([Statement(doc_id=f"page{n}-{i}", text=t, lang="en", start=0, end=len(t), source_type="site",
                                  url=f"https://brand.example/{n}/{i}", kind="commitment" if i == 0 else "message")
                        for n, pair in enumerate(pairs) for i, t in enumerate(pair)])

    def findings(store):
        run = judge_units(units, judge, store, top_k=5, min_similarity=0.0)
        return [f.to_dict() for f in run.findings], run.cached_verdicts

    cold, _ = findings(None)
    assert len(cold) >= 2
    with Store(tmp_path / "s.sqlite") as store:
        assert findings(store) == (cold, 0)
        kept = [k for (k,) in store.db.execute("SELECT pair FROM verdicts ORDER BY pair")]
        store.db.execute("DELETE FROM verdicts WHERE pair IN (?, ?)", kept[:2])  # half fresh, half cached
        again, cached = findings(store)
    assert again == cold and 0 < cached < len(kept)


def test_a_corpus_held_in_half_precision_is_judged_on_the_stored_full_vectors(judge, tmp_path, monkeypatch):
    """Above the exact-search limit the check holds float16 vectors; the judge reads each chunk's
    float32 rows back from the store, so verdicts and scores match a float32 run exactly."""
    import numpy as np

    from consistency import check
    from consistency.store import Store

    held = []
    embed = check.embed_cached
    monkeypatch.setattr(check, "embed_cached", lambda *a, **k: held.append(k["dtype"]) or embed(*a, **k))
    pairs = [MODEL_PAIR, RULE_PAIR, ("We never sell your personal data.", "We sell your data to partners.")]
    units = make_units([s for pair in pairs for s in _statements(pair, same_doc=False)])
    full = [f.to_dict() for f in judge_units(units, judge, None, top_k=5, min_similarity=0.0).findings]
    monkeypatch.setattr(check, "EXACT_LIMIT", 0)
    with Store(tmp_path / "s.sqlite") as store:
        half = [f.to_dict() for f in judge_units(units, judge, store, top_k=5, min_similarity=0.0).findings]
    assert held == [np.float32, np.float16]
    assert half == full and len(full) >= 2


def test_judging_chunks_share_the_pairs_evenly_among_the_workers():
    """Every pair once, in order, no chunk over the limit, as many chunks as a multiple of the workers,
    and no chunk more than one pair longer than another: two workers get equal shares of the work."""
    from consistency.check import _even_chunks

    for n, most, workers in [(10_946, 4096, 2), (10_946, 4096, 1), (7, 3, 2), (1, 4096, 4), (8192, 4096, 2)]:
        chunks = _even_chunks(list(range(n)), most, workers)
        assert [i for c in chunks for i in c] == list(range(n))
        assert max(map(len, chunks)) <= most
        assert max(map(len, chunks)) - min(map(len, chunks)) <= 1
        assert len(chunks) % workers == 0 or len(chunks) == n
    assert [len(c) for c in _even_chunks(list(range(10_946)), 4096, 2)] == [2737, 2737, 2736, 2736]
    assert _even_chunks([], 4096, 2) == []
