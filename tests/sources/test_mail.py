"""The mail source: mbox files and .eml folders; transfer encodings; declared, mislabelled and unknown
charsets; quoted replies and signatures; broken messages; the demo mailbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency.errors import ConfigError
from consistency.sources.interface import SourceContext
from consistency.sources.mail import MailSource, decode_header_value, strip_replies, unflow, unwrap
from consistency.types import Document, Skipped
from tests.fixtures import build

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"


def collect(path: Path, base: Path = FIXTURES) -> list[Document | Skipped]:
    return list(MailSource({"path": str(path)}, SourceContext(base_dir=base)).collect())


@pytest.fixture(scope="module")
def mbox() -> list[Document | Skipped]:
    return collect(FIXTURES / "mail" / "sample.mbox")


@pytest.fixture(scope="module")
def docs(mbox: list[Document | Skipped]) -> dict[str, Document]:
    return {d.url: d for d in mbox if isinstance(d, Document)}


def test_built_mail_fixtures_are_up_to_date() -> None:
    for rel, data in build.fixtures().items():
        if rel.startswith("mail/"):
            assert (FIXTURES / rel).read_bytes() == data, f"run python tests/fixtures/build.py ({rel} is stale)"


def test_every_message_is_a_document_or_a_skip_in_mailbox_order(mbox: list[Document | Skipped]) -> None:
    kinds = ["doc" if isinstance(item, Document) else "skip" for item in mbox]
    assert kinds == ["doc"] * 7 + ["skip", "doc", "skip", "skip"]
    assert all(item.source == "mail:" + str(FIXTURES / "mail" / "sample.mbox") for item in mbox)
    assert all(d.source_type == "mail" and d.lang is None for d in mbox if isinstance(d, Document))


def test_reply_keeps_the_brand_words_only(docs: dict[str, Document]) -> None:
    doc = docs["mid:care-1@acme.example"]
    # The customer's quoted "14 days", the "On ... wrote:" line and the signature are not the brand speaking.
    assert doc.text == "Hi Dana,\n\nYou can return any item within 30 days of delivery, and the return label is free."
    assert doc.title == "Re: Rückgabe – your return"  # raw UTF-8 in the header, not RFC 2047
    assert doc.published == "2024-06-04T10:00:00+02:00"
    assert doc.meta["from"] == "Acme Care <care@acme.example>"
    assert doc.meta["to"] == "Dana Lee <dana@example.com>"
    assert doc.meta["has_html"] is False and doc.meta["links"] == []
    assert doc.meta["list_unsubscribe"] is None


def test_quoted_printable_newsletter(docs: dict[str, Document]) -> None:
    doc = docs["mid:sale-2024@news.acme.example"]
    assert doc.title == "Summer sale ☀"
    # text/plain is preferred over HTML, and its lines wrapped at column 70 are joined again.
    assert doc.text.split("\n\n") == [
        "Free standard shipping on every order over $50 until Sunday. Orders placed before 2 pm leave our "
        "warehouse the same day, and every parcel is packed in recycled paper.",
        "Don’t want these emails? Unsubscribe: https://acme.example/unsubscribe?u=7",
    ]
    assert doc.meta["list_unsubscribe"] == "<https://acme.example/unsubscribe?u=7>, <mailto:u@acme.example>"
    assert doc.meta["list_unsubscribe_post"] == "List-Unsubscribe=One-Click"
    assert doc.meta["has_html"] is True
    assert doc.meta["links"] == ["https://acme.example/unsubscribe?u=7", "https://acme.example/preferences"]
    headers, html = doc.raw.split("\n\n", 1)
    assert "List-Unsubscribe: <https://acme.example/unsubscribe?u=7>, <mailto:u@acme.example>" in headers.split("\n")
    assert html.startswith("<html") and '<a href="https://acme.example/unsubscribe?u=7">' in html


def test_html_only_mail_labelled_euc_kr_but_written_in_cp949(docs: dict[str, Document]) -> None:
    doc = docs["mid:ko-1@acme.example"]
    assert doc.title == "봄 세일 안내"
    assert doc.text.split("\n")[:2] == ["50,000원 이상 주문 시 무료 배송됩니다.",
                                        "이번 주에는 똠양꿍 세트도 준비했습니다."]
    assert doc.meta["links"] == ["https://acme.example/ko/unsubscribe"]
    assert "<p>50,000원 이상 주문 시 무료 배송됩니다.</p>" in doc.raw


@pytest.mark.parametrize(("url", "sentence", "title"), [
    # windows-1256, quoted-printable
    ("mid:ar-1@acme.example", "يمكنكم إرجاع المنتجات خلال 14 يومًا من تاريخ الاستلام.", "سياسة الإرجاع"),
    # labelled gb2312, written in GBK
    ("mid:zh-1@acme.example", "客服喆喆每天在线。", "退货政策 喆"),
    # an unknown label (x-unknown-8859) on windows-1252
    ("mid:fr-1@acme.example", "Café offert à chaque commande de plus de 50 €.", "Retours"),
    # labelled iso-2022-kr, 8-bit EUC-KR bytes
    ("mid:ko-2@acme.example", "모든 주문은 결제 후 영업일 기준 5일 이내에 출고됩니다.", "배송 안내"),
])
def test_odd_and_wrong_charsets_are_read(docs: dict[str, Document], url: str, sentence: str, title: str) -> None:
    doc = docs[url]
    assert sentence in doc.text.split("\n")
    assert doc.title == title
    assert "\ufffd" not in doc.text + doc.title


def test_broken_messages_are_skipped_with_their_place_and_reason(mbox: list[Document | Skipped]) -> None:
    skips = {s.item: s.reason for s in mbox if isinstance(s, Skipped)}
    assert set(skips) == {"mail/sample.mbox#7", "mail/sample.mbox#9", "mail/sample.mbox#10"}
    assert "multipart boundary never found" in skips["mail/sample.mbox#7"]
    assert "no blank line between headers and body" in skips["mail/sample.mbox#7"]
    assert "application/pdf" in skips["mail/sample.mbox#9"]
    assert "not readable text" in skips["mail/sample.mbox#10"]


def test_message_without_message_id_is_named_by_its_place(docs: dict[str, Document]) -> None:
    doc = docs["mail/sample.mbox#8"]
    assert doc.text == "Our store in Leeds now opens at 9 am on weekdays."
    assert doc.published is None  # "sometime soon"


def test_eml_folder_is_read_recursively_in_path_order() -> None:
    items = collect(FIXTURES / "mail" / "eml")
    assert all(isinstance(i, Document) for i in items)  # notes.txt is not a message and is not read
    flowed, html_reply, outlook = items
    assert [i.url for i in items] == ["mid:flowed-1@acme.example", "mail/eml/2024/02-html-reply.eml",
                                      "mid:outlook-1@acme.example"]
    # format=flowed (labelled "utf8"): soft line breaks are joined.
    assert flowed.text == "We ship every order within 2 business days, and returns are free for 30 days.\n\nAcme"
    assert flowed.published == "2024-06-01T10:00:00+00:00"
    # An HTML reply: the quoted customer's "14 days" is not the brand's statement.
    assert html_reply.text == "Returns are accepted within 30 days, whatever the reason."
    assert outlook.text == "Our Leeds store opens at 9 am."


def test_a_single_message_file_is_read_as_one_message() -> None:
    (doc,) = collect(FIXTURES / "mail" / "eml" / "2025" / "03-outlook.eml")
    assert isinstance(doc, Document) and doc.url == "mid:outlook-1@acme.example"


def test_a_path_outside_the_config_folder_is_shown_whole(tmp_path: Path) -> None:
    (tmp_path / "one.eml").write_bytes(b"Subject: Hi\nContent-Type: text/plain\n\nWe open at 9 am.\n")
    (doc,) = collect(tmp_path / "one.eml", base=FIXTURES)
    assert doc.url == str(tmp_path / "one.eml")


def test_empty_mailbox_and_empty_folder_say_so(tmp_path: Path) -> None:
    (tmp_path / "empty.mbox").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    assert [s.reason for s in collect(tmp_path / "empty.mbox", tmp_path)] == ["no messages in this file"]
    assert [s.reason for s in collect(tmp_path / "folder", tmp_path)] == ["no .eml files under this folder"]


def test_missing_path_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist") as err:
        collect(tmp_path / "nowhere.mbox")
    assert "mbox" in err.value.hint


def test_collecting_twice_gives_the_same_documents(mbox: list[Document | Skipped]) -> None:
    assert collect(FIXTURES / "mail" / "sample.mbox") == mbox


def test_demo_mailbox_matches_its_labels() -> None:
    expected = json.loads((DEMO / "expected.json").read_text("utf-8"))
    items = collect(DEMO / "mail" / "newsletters.mbox", base=DEMO)
    skipped = [s.item for s in items if isinstance(s, Skipped)]
    assert skipped == [s["item"] for s in expected["skipped"] if s["item"].startswith("mail/")]
    urls = {d.url for d in items if isinstance(d, Document)}
    wanted = [c["where"] for c in expected["deeds"] + expected["deed_near_misses"] if c["where"].startswith("mid:")]
    assert wanted and set(wanted) <= urls


@pytest.mark.parametrize(("header", "text"), [
    ("=?utf-8?q?Caf=C3=A9?= =?utf-8?q?_ouvert?=", "Café ouvert"),
    ("=?x-unknown-8859?q?caf=E9?= today", "café today"),  # unknown label: its family says Western
    ("=?utf-8?B?bm90IGJhc2U2NA*?=", "=?utf-8?B?bm90IGJhc2U2NA*?="),  # a broken encoded word is kept as written
    ("Acme\n  <news@acme.example>", "Acme <news@acme.example>"),  # folded
])
def test_header_values_are_decoded_leniently(header: str, text: str) -> None:
    assert decode_header_value(header) == text


def test_strip_replies() -> None:
    body = "Thanks!\n\nOn Monday, Dana wrote:\n\n> old text\n>> older\nNew answer.\n>From now on, 24/7.\n-- \nSig"
    # The attribution line and the quote go; ">From" is an mbox-escaped "From", not a quote.
    assert strip_replies(body) == "Thanks!\nNew answer.\nFrom now on, 24/7."


def test_unflow_with_delsp() -> None:
    assert unflow("Wir liefern inner \nhalb von 2 Tagen.\n", delsp=True) == "Wir liefern innerhalb von 2 Tagen.\n"


def test_unwrap_leaves_text_that_is_not_hard_wrapped_alone() -> None:
    lines = "Hi Sam,\n\nFree standard shipping on all US orders over $50.\n\nMade with care.\nTidewell, Portland ME"
    assert unwrap(lines) == lines


def test_empty_and_quote_only_bodies_are_skipped_with_different_reasons(tmp_path: Path) -> None:
    box = tmp_path / "box.mbox"
    box.write_bytes(b"From a@b Mon Jun  3 10:00:00 2024\nSubject: empty\nMessage-ID: <e@x>\n\n\n\n"
                    b"From a@b Mon Jun  3 10:00:00 2024\nSubject: quote\nMessage-ID: <q@x>\n\n> only a quote\n\n"
                    b"From a@b Mon Jun  3 10:00:00 2024\nSubject: fine\nMessage-ID: <f@x>\n\nWe open at 9 am.\n")
    empty, quote, fine = collect(box, tmp_path)
    assert (empty.item, empty.reason) == ("box.mbox#0", "the message body is empty")
    assert quote.item == "box.mbox#1" and "quoted replies" in quote.reason
    assert isinstance(fine, Document) and fine.url == "mid:f@x"


def test_a_file_without_any_mail_header_is_skipped_not_read_as_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "eml"
    folder.mkdir()
    (folder / "junk.eml").write_bytes(b"garbage without headers at all\x00\x01")
    (folder / "note.eml").write_bytes(b"Note: we could say free returns\n\nWe ship free, always.\n")
    (folder / "real.eml").write_bytes(b"From: Acme <news@acme.example>\nSubject: Hi\n\nWe ship free, always.\n")
    junk, note, real = collect(folder, tmp_path)
    reason = "not an email message: no From, To, Subject, Date or Message-ID header"
    assert (junk.item, junk.reason) == ("eml/junk.eml", reason)
    assert (note.item, note.reason) == ("eml/note.eml", reason)
    assert isinstance(real, Document) and real.text == "We ship free, always." and real.title == "Hi"
