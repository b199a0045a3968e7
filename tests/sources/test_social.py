import json

import pytest

from consistency.errors import ConfigError
from consistency.sources.interface import SourceContext
from consistency.sources.social import SocialSource
from consistency.types import Document, Skipped


def collect(path, **options):
    src = SocialSource({"type": "social", "path": str(path), **options}, SourceContext(base_dir=path.parent))
    return list(src.collect())


def test_json_array_with_standard_fields(tmp_path):
    p = tmp_path / "posts.json"
    p.write_text(json.dumps([
        {"id": 1, "text": "Free returns within 30 days! 📦", "url": "https://x.example/1",
         "created_at": "2025-03-01T10:00:00Z", "platform": "x"},
        {"id": 2, "text": "무료 배송 🎉", "created_at": 1740823200},
    ], ensure_ascii=False), "utf-8")
    a, b = collect(p, platform="instagram")
    assert (a.url, a.published, a.meta["platform"]) == ("https://x.example/1", "2025-03-01T10:00:00+00:00", "x")
    assert b.url == f"{p}#2" and b.meta["platform"] == "instagram" and b.published.startswith("2025-03-01")


def test_json_lines_with_one_bad_line_and_a_record_without_text(tmp_path):
    p = tmp_path / "posts.jsonl"
    p.write_text('{"text": "one"}\n{not json\n{"message": "no text field"}\n{"text": "four"}\n', "utf-8")
    items = collect(p)
    assert [i.text for i in items if isinstance(i, Document)] == ["one", "four"]
    reasons = [i.reason for i in items if isinstance(i, Skipped)]
    assert any("line 2" in r for r in reasons) and any("fields.text" in r for r in reasons)


def test_a_malformed_json_file_is_one_skip_naming_line_and_column(tmp_path):
    p = tmp_path / "posts.json"
    p.write_text('[{"text": "ok"},\n {"text": broken}]', "utf-8")
    (skip,) = collect(p)
    assert isinstance(skip, Skipped) and "line 2" in skip.reason and "column" in skip.reason


def test_csv_with_bom_and_a_field_mapping_with_nested_json(tmp_path):
    p = tmp_path / "export.csv"
    p.write_bytes("\ufeffmessage,permalink,timestamp\nWe never sell your data.,https://ig.example/p/1,2025-06-02 12:10:00\n"
                  .encode("utf-8"))
    (doc,) = collect(p, fields={"text": "message", "url": "permalink", "created_at": "timestamp"})
    assert doc.text == "We never sell your data." and doc.url == "https://ig.example/p/1"
    assert doc.published == "2025-06-02T12:10:00"
    nested = tmp_path / "n.json"
    nested.write_text(json.dumps([{"data": {"message": "Nested text."}, "link": "https://fb.example/1"}]), "utf-8")
    (doc,) = collect(nested, fields={"text": "data.message", "url": "link"})
    assert doc.text == "Nested text." and doc.url == "https://fb.example/1"


def test_csv_in_cp1252_is_decoded(tmp_path):
    p = tmp_path / "export.csv"
    p.write_bytes("text\nCaf\u00e9 opening: free coffee \u2014 all day.\n".encode("cp1252"))
    (doc,) = collect(p)
    assert doc.text == "Café opening: free coffee — all day."


def test_csv_without_a_text_column_is_a_config_error_naming_the_columns(tmp_path):
    p = tmp_path / "export.csv"
    p.write_text("body,link\nhello,https://x.example\n", "utf-8")
    with pytest.raises(ConfigError) as err:
        collect(p)
    assert "body, link" in err.value.message and "fields" in err.value.hint
