import pytest

from consistency.errors import ConfigError
from consistency.sources.files import FilesSource, markdown_text
from consistency.sources.interface import SourceContext
from consistency.types import Document, Skipped


def collect(pattern, base, **options):
    return list(FilesSource({"type": "files", "path": str(pattern), **options}, SourceContext(base_dir=base)).collect())


def test_markdown_front_matter_and_markup_are_read():
    text, meta = markdown_text(
        "---\ntitle: \"Holiday letter\"\ndate: 2025-12-01\nlang: en-GB\n---\n# Gifts\n\n"
        "- Returns within **14 days**.\n- See [our policy](https://x.example/returns).\n\n```\ncode\n```\n")
    assert meta == {"title": "Holiday letter", "date": "2025-12-01", "lang": "en-GB"}
    assert text.splitlines() == ["Gifts", "", "Returns within 14 days.", "See our policy."]


def test_glob_reads_html_md_txt_and_skips_other_types(tmp_path):
    d = tmp_path / "drafts"
    d.mkdir()
    (d / "a.md").write_text("# Draft\nFree returns within 14 days.\n", "utf-8")
    (d / "b.html").write_text("<html lang='ko'><title>공지</title><body><nav>메뉴</nav><p>무료 반품.</p></body></html>",
                              "utf-8")
    (d / "c.txt").write_text("Support is open 24/7.", "utf-8")
    (d / "d.docx").write_bytes(b"PK\x03\x04")
    items = collect(d / "*", tmp_path, source_type="draft")
    docs = {i.url: i for i in items if isinstance(i, Document)}
    assert set(docs) == {"drafts/a.md", "drafts/b.html", "drafts/c.txt"}
    assert docs["drafts/a.md"].title == "Draft" and docs["drafts/a.md"].source_type == "draft"
    assert docs["drafts/b.html"].lang == "ko" and docs["drafts/b.html"].text == "무료 반품."
    (skip,) = [i for i in items if isinstance(i, Skipped)]
    assert skip.item == "drafts/d.docx" and "unsupported" in skip.reason


def test_an_empty_glob_is_a_skip_but_a_missing_file_is_an_error(tmp_path):
    (skip,) = collect(tmp_path / "none" / "*.md", tmp_path)
    assert isinstance(skip, Skipped) and "no files" in skip.reason
    with pytest.raises(ConfigError):
        collect(tmp_path / "missing.md", tmp_path)
