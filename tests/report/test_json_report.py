"""report.json: the record itself, byte-identical for the same record."""

from __future__ import annotations

import json

import pytest

from consistency.report.json_report import JsonFormatter


def _reordered(value):
    """The same data with every dict's keys inserted in reverse order."""
    if isinstance(value, dict):
        return {k: _reordered(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_reordered(v) for v in value]
    return value


def test_same_record_gives_byte_identical_output_whatever_the_key_order(report):
    first = JsonFormatter().render(report)
    assert JsonFormatter().render(report) == first
    assert JsonFormatter().render(_reordered(report)) == first


def test_output_round_trips_and_keeps_non_ascii_text_readable(report):
    text = JsonFormatter().render(report)
    assert json.loads(text) == report
    assert "订单满75美元即可免运费。" in text and "\\u" not in text
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.startswith('{\n  "brand"')  # sorted keys, two-space indent


def test_findings_keep_the_order_they_were_given(report):
    ids = [f["id"] for f in json.loads(JsonFormatter().render(report))["findings"]]
    assert ids == [f["id"] for f in report["findings"]]


def test_a_nan_score_is_refused_rather_than_written_as_invalid_json(report):
    report["findings"][0]["score"] = float("nan")
    with pytest.raises(ValueError):
        JsonFormatter().render(report)
