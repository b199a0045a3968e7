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
