"""The files source (HTML, Markdown, text by glob, folder or path) and the local-file helpers it shares
with the mail and social sources: charset decoding, garbled-text detection, display paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.errors import ConfigError
from consistency.sources.files import FilesSource, decode_text, display_path, front_matter, is_garbled, markdown_text
from consistency.sources.interface import SourceContext
from consistency.types import Document, Skipped
from tests.fixtures import build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FILES = FIXTURES / "files"


def collect(path: Path | str, base: Path = FIXTURES, **options: object) -> list[Document | Skipped]:
    return list(FilesSource({"type": "files", "path": str(path), **options}, SourceContext(base_dir=base)).collect())


def by_url(items: list[Document | Skipped]) -> dict[str, Document | Skipped]:
    return {i.url if isinstance(i, Document) else i.item: i for i in items}


def test_built_files_fixtures_are_up_to_date() -> None:
    for rel, data in build.fixtures().items():
        if rel.startswith("files/"):
            assert (FIXTURES / rel).read_bytes() == data, f"run python tests/fixtures/build.py ({rel} is stale)"


def test_markdown_reads_as_the_rendered_page() -> None:
    (doc,) = collect(FILES / "drafts" / "launch.md")
    assert isinstance(doc, Document)
    assert doc.text.split("\n") == [
        "Summer linen is here",
        # a soft-wrapped paragraph is one line; emphasis, link targets and struck-through text go
        "Our new linen range is woven in Portugal and dyed without toxic chemicals, with free returns for 30 days. "
        "Prices start at £45.",
        "What you get",
        "Free shipping over £50",  # task-list box dropped
        "Delivery in 2 to 3 days, anywhere in the UK",  # a list item's continuation line joins it
        "Sign up at https://acme.example/signup",
        "Best sheets I have ever slept on.",  # block quote: the words stay, the marker goes
        "Size | Price",
        "Double | £45",
        "Use code *SUMMER* at checkout.",  # escaped asterisks are text; two trailing spaces break the line
        "Offer ends Sunday.",
        "Setext heading",
    ]  # the image, the code block, the table rule and the HTML comment are not text
    assert (doc.title, doc.published, doc.lang) == ("Summer launch: linen for everyone", "2024-06-01", "en")
    assert (doc.url, doc.source_type, doc.source) == ("files/drafts/launch.md", "files",
                                                      f"files:{FILES / 'drafts' / 'launch.md'}")


def test_markdown_title_falls_back_to_the_first_heading_and_cjk_lines_join_without_a_space() -> None:
    (doc,) = collect(FILES / "drafts" / "nested" / "zh-note.md")
    assert doc.title == "夏季新品"
    assert doc.text.split("\n") == ["夏季新品", "收货后30天内可免费退货。", "모든 주문은 2일 이내에 출고됩니다."]


def test_markdown_text_and_front_matter_helpers() -> None:
    text, heading, meta = markdown_text("+++\ntitle = \"Hours\"\nlang = 'ko'\n+++\nOpen *daily*.\n")
    assert (text, heading, meta) == ("Open daily.", "", {"title": "Hours", "lang": "ko"})
    meta, rest = front_matter("---\ntitle: A: B\nlist:\n  - x\n---\nBody")
    assert meta == {"title": "A: B", "list": ""} and rest == "Body"
    assert front_matter("No front matter\n---\n") == ({}, "No front matter\n---\n")


def test_a_recursive_glob_reads_in_path_order_and_skips_empty_files() -> None:
    items = collect(FILES / "drafts" / "**" / "*.md")
    assert [i.url if isinstance(i, Document) else i.item for i in items] == [
        "files/drafts/empty.md", "files/drafts/launch.md", "files/drafts/nested/zh-note.md"]
    assert isinstance(items[0], Skipped) and items[0].reason == "the file has no text"


def test_a_folder_reads_every_visible_file_and_says_why_one_is_not_read() -> None:
    items = by_url(collect(FILES))
    assert "files/drafts/.hidden.md" not in items
    docx = items["files/brochure.docx"]
    assert isinstance(docx, Skipped) and "unsupported file type .docx" in docx.reason
    assert items["files/latin1.txt"].text == "Livraison offerte dès 50 €.\nRetours acceptés sous 30 jours."
    notes = items["files/notes.txt"]
    assert notes.text == "Store hours\n\nOur Leeds store opens at 9 am on weekdays.\n\nClosed on Sundays."
    assert notes.title == "notes.txt"


def test_a_folder_passes_over_assets_but_a_glob_reports_them(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "post.md").write_text("Free returns.", "utf-8")
    assert [i.url for i in collect(tmp_path, tmp_path)] == ["post.md"]
    png, _ = collect(tmp_path / "*", tmp_path)
    assert png.item == "logo.png" and "unsupported file type .png" in png.reason


def test_html_files_lose_their_chrome_and_keep_their_markup_in_raw() -> None:
    (doc,) = collect(FILES / "page.html")
    assert doc.text == "Returns\nYou can return any item within 30 days of delivery."
    assert (doc.title, doc.lang, doc.published) == ("Returns policy", "en", "2024-03-01T08:00:00+00:00")
    assert "<nav>" in doc.raw


def test_drafts_are_marked_as_drafts() -> None:
    (doc,) = collect(FILES / "notes.txt", source_type="draft", name="draft:notes.txt")
    assert doc.source_type == "draft" and doc.source == "draft:notes.txt"
    with pytest.raises(ConfigError, match="source_type 'site'"):
        collect(FILES / "notes.txt", source_type="site")


def test_an_empty_glob_is_a_skip_but_a_missing_path_is_an_error(tmp_path: Path) -> None:
    (skip,) = collect(tmp_path / "drafts" / "*.md", tmp_path)
    assert isinstance(skip, Skipped) and (skip.item, skip.reason) == ("drafts/*.md", "no files match drafts/*.md")
    with pytest.raises(ConfigError, match="does not exist"):
        collect(tmp_path / "missing.md", tmp_path)


def test_binary_and_undecodable_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b.md").write_bytes(bytes(range(1, 9)) * 40)
    a, b = collect(tmp_path / "*", tmp_path)
    assert a.item == "a.txt" and "binary" in a.reason
    assert b.item == "b.md" and "not readable text" in b.reason


def test_a_file_outside_the_config_folder_is_named_by_its_full_path(tmp_path: Path) -> None:
    (tmp_path / "post.txt").write_text("We ship within 2 days.", "utf-8")
    (doc,) = collect(tmp_path / "post.txt", base=FIXTURES)
    assert doc.url == str(tmp_path / "post.txt")


def test_display_path() -> None:
    assert display_path(FILES / "notes.txt", FIXTURES) == "files/notes.txt"
    assert display_path(Path("/elsewhere/x.md"), FIXTURES) == "/elsewhere/x.md"


@pytest.mark.parametrize(("text", "codec", "label"), [
    ("모든 주문은 영업일 기준 5일 이내에 출고됩니다. 똠", "cp949", "euc-kr"),  # a narrow label on its superset
    ("收货后30天内可免费退货。喆", "gbk", "gb2312"),
    ("모든 주문은 결제 후 영업일 기준 5일 이내에 출고됩니다.", "euc-kr", "iso-2022-kr"),  # wrong label, right family
    ("Délai de retour : 30 jours après réception.", "cp1252", "x-unknown-8859"),  # unknown label, Western family
    ("Rückgabe innerhalb von 30 Tagen.", "utf-8", "us-ascii"),  # UTF-8 labelled ASCII
    ("Rückgabe innerhalb von 30 Tagen.", "utf-8", "no-such-charset"),
    ("يمكنكم إرجاع المنتجات خلال 14 يومًا من تاريخ الاستلام.", "cp1256", None),  # no label: detection
    ("Café opening: 5 € off, this weekend only, with a free coffee for everyone.", "cp1252", None),
])
def test_decode_text_reads_declared_mislabelled_and_unlabelled_bytes(text: str, codec: str, label: str | None) -> None:
    assert decode_text(text.encode(codec), label)[0] == text


def test_decode_text_honours_byte_order_marks() -> None:
    assert decode_text(b"\xef\xbb\xbfplain") == ("plain", "utf-8-sig")
    assert decode_text("日本".encode("utf-16"))[0] == "日本"


@pytest.mark.parametrize(("text", "garbled"), [
    ("Free returns within 30 days.", False),
    ("무료 배송 \ufffd 50,000원", False),  # one bad byte in a sentence is still text
    ("\ufffd\ufffd\ufffd ab", True),
    ("\x01\x02\x03\x04 text", True),
    ("   \n ", True),
])
def test_is_garbled(text: str, garbled: bool) -> None:
    assert is_garbled(text) is garbled
