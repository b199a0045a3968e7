"""write_reports: one file per format, names checked before anything is written."""

from __future__ import annotations

import json

import pytest

from consistency.errors import ConfigError
from consistency.report.interface import write_reports


def test_writes_one_file_per_format_in_order(report, tmp_path):
    out = tmp_path / "reports" / "northwind"  # does not exist yet
    paths = write_reports(report, out, ["sarif", "html", "json", "junit"])
    assert [p.name for p in paths] == ["report.sarif", "report.html", "report.json", "report.junit.xml"]
    assert all(p.parent == out and p.stat().st_size > 0 for p in paths)
    assert json.loads((out / "report.json").read_text("utf-8"))["brand"] == "Northwind Outfitters"


def test_repeated_format_is_written_once(report, tmp_path):
    assert [p.name for p in write_reports(report, tmp_path, ["json", "json"])] == ["report.json"]


def test_unknown_format_fails_before_writing_anything(report, tmp_path):
    out = tmp_path / "out"
    with pytest.raises(ConfigError) as err:
        write_reports(report, out, ["json", "htlm"])
    assert "htlm" in err.value.message
    assert "did you mean `html`?" in err.value.hint
    assert not out.exists()


def test_text_is_written_as_utf8_with_unix_newlines(report, tmp_path):
    (path,) = write_reports(report, tmp_path, ["json"])
    data = path.read_bytes()
    assert b"\r\n" not in data
    assert "يمكنك إرجاع المنتجات".encode() in data
