"""The social source: JSON arrays, JSON Lines and CSV exports; field mapping; times; malformed input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency.errors import ConfigError
from consistency.sources.interface import SourceContext
from consistency.sources.social import SocialSource, lookup, parse_time
from consistency.types import Document, Skipped
from tests.fixtures import build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SOCIAL = FIXTURES / "social"
DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"
MAY_1 = "2024-05-01T09:30:00+00:00"


def collect(path: Path, base: Path = FIXTURES, **options: object) -> list[Document | Skipped]:
    return list(SocialSource({"type": "social", "path": str(path), **options}, SourceContext(base_dir=base)).collect())


def split(items: list[Document | Skipped]) -> tuple[list[Document], list[Skipped]]:
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Skipped)]


def test_built_social_fixtures_are_up_to_date() -> None:
    for rel, data in build.fixtures().items():
        if rel.startswith("social/"):
            assert (FIXTURES / rel).read_bytes() == data, f"run python tests/fixtures/build.py ({rel} is stale)"


def test_json_array_with_the_standard_fields() -> None:
    docs, _ = split(collect(SOCIAL / "posts.json"))
    first = docs[0]
    assert (first.url, first.title, first.text, first.published) == (
        "https://social.example/ig/1", "instagram post ig-1", "Free returns within 30 days, always.", MAY_1)
    assert first.source_type == "social" and first.meta == {"platform": "instagram", "id": "ig-1"}
    # No url: the post is named by file and id; a numeric id stays exact.
    assert docs[1].url == "social/posts.json#1790000000002" and docs[1].meta["id"] == "1790000000002"
    assert docs[3].text == "Live chat is open 24/7."  # surrounding spaces trimmed


def test_times_in_every_export_format_become_iso() -> None:
    docs, _ = split(collect(SOCIAL / "posts.json"))
    published = {d.meta["id"]: d.published for d in docs}
    assert published == {
        "ig-1": MAY_1,  # ISO with Z
        "1790000000002": MAY_1,  # unix seconds
        "x-3": MAY_1,  # unix milliseconds
        "x-4": MAY_1,  # Twitter's "Wed May 01 09:30:00 +0000 2024"
        "fb-5": MAY_1,  # RFC 2822
        "wb-6": "last Tuesday",  # unreadable: kept as written
    }


def test_the_platform_option_is_the_default_not_an_override() -> None:
    docs, _ = split(collect(SOCIAL / "posts.json", platform="x"))
    platforms = {d.meta["id"]: d.meta["platform"] for d in docs}
    assert platforms["x-4"] == "x" and platforms["ig-1"] == "instagram"
    without, _ = split(collect(SOCIAL / "posts.json"))
    assert [d.title for d in without if d.meta["id"] == "x-4"] == ["social post x-4"]


def test_unreadable_records_are_skipped_and_the_rest_is_read() -> None:
    docs, skips = split(collect(SOCIAL / "posts.json"))
    assert len(docs) == 6
    reasons = {s.item: s.reason for s in skips}
    assert set(reasons) == {"social/posts.json#6", "social/posts.json#7", "social/posts.json#8"}
    assert "empty `text`" in reasons["social/posts.json#6"]
    assert "not an object" in reasons["social/posts.json#7"]
    assert reasons["social/posts.json#8"] == 'record 8 has no `text` field (map it with fields.text = "caption")'


def test_nested_export_with_a_field_mapping() -> None:
    fields = {"text": "message.body", "url": "permalink_url", "created_at": "created_time"}
    docs, skips = split(collect(SOCIAL / "nested.json", fields=fields, platform="facebook"))
    assert skips == []
    assert [(d.url, d.text, d.published, d.title) for d in docs] == [
        ("https://facebook.example/acme/posts/456", "We never share your data with advertisers.", MAY_1,
         "facebook post 123_456"),
        ("https://facebook.example/acme/posts/789", "Members earn 2 points per dollar.", "2024-05-02T09:30:00+00:00",
         "facebook post 123_789"),
    ]


def test_a_malformed_json_file_is_one_skip_naming_the_place_and_the_fix() -> None:
    (skip,) = collect(SOCIAL / "malformed.json")
    assert isinstance(skip, Skipped) and skip.item == "social/malformed.json"
    assert "line 4, column 3" in skip.reason and "JSON Lines" in skip.reason


def test_json_lines_with_a_bad_line_and_a_record_without_text() -> None:
    docs, skips = split(collect(SOCIAL / "posts.jsonl"))
    assert [d.text for d in docs] == ["Shipping is free over $75.", "We answer every message within 24 hours."]
    assert [s.item for s in skips] == ["social/posts.jsonl#1", "social/posts.jsonl#2"]
    assert skips[0].reason.startswith("line 2 is not valid JSON")
    assert 'fields.text = "full_text"' in skips[1].reason and "(line 4)" in skips[1].reason


def test_json_lines_saved_as_json_are_recognised() -> None:
    docs, skips = split(collect(SOCIAL / "lines_saved_as.json"))
    assert [d.meta["id"] for d in docs] == ["l-1", "l-2"] and skips == []


def test_csv_with_a_bom_semicolons_and_a_multiline_cell() -> None:
    docs, skips = split(collect(SOCIAL / "bom.csv"))
    (doc,) = docs
    assert doc.text == "무료 배송은 50,000원 이상;\n주문 시 적용됩니다."
    assert doc.url == "https://social.example/ko/1" and doc.published == "2024-06-02T09:00:00+09:00"
    (skip,) = skips
    assert skip.item == "social/bom.csv#1" and "(line 4)" in skip.reason  # the quoted cell spans lines 2-3


def test_csv_in_windows_1252_is_decoded() -> None:
    fields = {"text": "message", "url": "permalink", "created_at": "timestamp"}
    docs, _ = split(collect(SOCIAL / "cp1252.csv", fields=fields, platform="instagram"))
    assert [d.text for d in docs] == ["Café opening: 5 € off, this weekend only",
                                      "Returns within 30 days; naïve questions welcome"]
    assert [d.published for d in docs] == ["2024-06-01T10:00:00", "2024-06-01T10:00:00+00:00"]


def test_a_csv_without_the_text_column_is_a_config_error_naming_the_columns() -> None:
    with pytest.raises(ConfigError) as err:
        collect(SOCIAL / "notext.csv")
    assert "columns: caption, link, date" in err.value.message
    assert 'fields = { text = "caption" }' in err.value.hint


def test_json_where_no_record_has_the_text_field_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"full_text": "a", "id": 1}, {"full_text": "b", "id": 2}]), "utf-8")
    with pytest.raises(ConfigError, match="fields found: full_text, id") as err:
        collect(path, tmp_path)
    assert 'text = "full_text"' in err.value.hint
    (doc, _) = collect(path, tmp_path, fields={"text": "full_text"})
    assert doc.text == "a" and doc.url == "export.json#1"


@pytest.mark.parametrize(("options", "message"), [
    ({"fields": {"txt": "body"}}, "unknown field 'txt'"),
    ({"fields": {"text": 3}}, "`fields.text` must be a field name"),
    ({"fields": "body"}, "`fields` must be a table"),
])
def test_bad_field_mappings_are_config_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        collect(SOCIAL / "posts.json", **options)


def test_missing_file_folder_and_unknown_format_are_config_errors(tmp_path: Path) -> None:
    (tmp_path / "posts.xml").write_text("<posts/>", "utf-8")
    for path, message in ((tmp_path / "gone.json", "does not exist"), (tmp_path, "is a folder"),
                          (tmp_path / "posts.xml", "cannot read .xml")):
        with pytest.raises(ConfigError, match=message):
            collect(path, tmp_path)


@pytest.mark.parametrize(("value", "iso"), [
    ("2024-05-01T09:30:00Z", MAY_1),
    ("2024-05-01", "2024-05-01"),
    (1714555800, MAY_1),
    ("1714555800", MAY_1),
    (1714555800123, "2024-05-01T09:30:00.123000+00:00"),
    ("Wed May 01 09:30:00 +0000 2024", MAY_1),
    ("Wed, 01 May 2024 09:30:00 GMT", MAY_1),
    ("", None),
    (None, None),
    (True, None),
    ("next week", "next week"),
])
def test_parse_time(value: object, iso: str | None) -> None:
    assert parse_time(value) == iso


def test_lookup_reaches_into_nested_objects_and_lists() -> None:
    record = {"media": [{"caption": "first"}], "a.b": "literal key", "a": {"b": "nested"}}
    assert lookup(record, "media.0.caption") == "first"
    assert lookup(record, "a.b") == "literal key"  # a key with a dot in it wins
    assert lookup(record, "media.3.caption") is None and lookup(record, "nope") is None


def test_the_demo_exports_are_read_whole() -> None:
    docs, skips = split(collect(DEMO / "social" / "posts.json", DEMO))
    assert len(docs) == 14 and skips == []
    fields = {"text": "message", "url": "permalink", "created_at": "timestamp"}
    docs, skips = split(collect(DEMO / "social" / "posts.csv", DEMO, platform="instagram", fields=fields))
    assert len(docs) == 5 and skips == []
    assert all(d.url.startswith("https://instagram.example/p/") and d.meta["platform"] == "instagram" for d in docs)


def test_an_x_twitter_archive_tweets_js_is_read_with_a_field_mapping(tmp_path: Path) -> None:
    archive = tmp_path / "tweets.js"
    archive.write_text('window.YTD.tweets.part0 = [\n'
                       ' {"tweet": {"id_str": "1790", "full_text": "Free returns, always.",'
                       ' "created_at": "Wed May 01 09:30:00 +0000 2024"}},\n'
                       ' {"tweet": {"id_str": "1791", "full_text": "", "created_at": "Wed May 01 10:00:00 +0000 2024"}}\n'
                       ']', "utf-8")
    fields = {"text": "tweet.full_text", "id": "tweet.id_str", "created_at": "tweet.created_at"}
    docs, skips = split(collect(archive, tmp_path, platform="twitter", fields=fields))
    assert [(d.text, d.title, d.published) for d in docs] == [("Free returns, always.", "twitter post 1790", MAY_1)]
    assert [s.item for s in skips] == ["tweets.js#1"]  # the empty post
