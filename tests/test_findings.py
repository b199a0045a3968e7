"""Findings hold their units, not copies: each side is a mapping computed on access."""

import json

from consistency.findings import SIDE_KEYS, Side, Unit, _side, make_finding
from consistency.types import Span, Statement, Verdict


def _unit(text, kind, *urls):
    occ = tuple(Statement(doc_id=f"d{i}", text=text, lang="en", start=3, end=3 + len(text), source_type="site",
                          url=u, title="T", kind=kind) for i, u in enumerate(urls))
    return Unit(text=text, lang="en", kind=kind, occurrences=occ)


PROMISE = _unit("Free returns within 30 days.", "commitment", "https://b.example/returns")
MESSAGE = _unit("Return items within 14 days.", "message", "https://b.example/faq", "https://b.example/help")
VERDICT = Verdict(True, 0.97, "C102", "duration-conflict", ("return period: 30 days vs 14 days",),
                  (Span(20, 27, "30 days", "duration"),), (Span(20, 27, "14 days", "duration"),))


def test_a_side_reads_like_the_dict_a_report_writes():
    side = Side("conflict", MESSAGE, VERDICT.spans_b, "message")
    d = side.to_dict()
    assert list(d) == list(SIDE_KEYS) and dict(side) == d and side == d
    assert d["id"] == MESSAGE.first.id and d["url"] == "https://b.example/faq" and d["start"] == 3
    assert d["spans"] == [{"start": 20, "end": 27, "text": "14 days", "label": "duration"}]
    assert [o["url"] for o in d["occurrences"]] == ["https://b.example/faq", "https://b.example/help"]
    assert _side("conflict", MESSAGE, VERDICT.spans_b) == d


def test_a_finding_puts_the_commitment_first_and_serialises_to_plain_dicts():
    f = make_finding(MESSAGE, PROMISE, VERDICT)
    assert f.statements[0]["role"] == "commitment" and f.statements[0]["text"] == PROMISE.text
    assert f.statements[0]["spans"][0]["text"] == "14 days"  # the verdict's sides swap with the units
    d = f.to_dict()
    assert all(type(s) is dict for s in d["statements"])
    assert json.loads(json.dumps(d)) == d
    assert f.with_new(False).to_dict()["statements"] == d["statements"]
