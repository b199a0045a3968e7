import base64

import pytest

from consistency.errors import ConfigError
from consistency.sources.interface import SourceContext
from consistency.sources.mail import MailSource
from consistency.types import Document, Skipped


def message(subject: str, body: bytes, *, charset: str = "utf-8", cte: str = "8bit", ctype: str = "text/plain",
            msgid: str | None = "m1@example.com", extra: str = "") -> bytes:
    head = (f"From: Brand <news@brand.example>\nTo: you@example.com\nSubject: {subject}\n"
            f"Date: Fri, 14 Mar 2025 14:02:11 +0000\n"
            + (f"Message-ID: <{msgid}>\n" if msgid else "") + extra
            + f"MIME-Version: 1.0\nContent-Type: {ctype}; charset={charset}\nContent-Transfer-Encoding: {cte}\n\n")
    return head.encode("ascii") + body + b"\n"


def mbox(tmp_path, *messages: bytes):
    path = tmp_path / "box.mbox"
    path.write_bytes(b"".join(b"From sender@example.com Fri Mar 14 14:02:11 2025\n" + m + b"\n" for m in messages))
    return path


def collect(path):
    return list(MailSource({"type": "mail", "path": str(path)}, SourceContext(base_dir=path.parent)).collect())


def test_charsets_and_transfer_encodings_are_decoded(tmp_path):
    korean = "50,000원 이상 구매 시 무료 배송됩니다.".encode("euc-kr")
    arabic = "الشحن مجاني للطلبات فوق 300 ريال.".encode("windows-1256")
    chinese = "收货后30天内可免费退货。".encode("gb2312")
    docs = collect(mbox(
        tmp_path,
        message("=?utf-8?q?Spring_is_here_=F0=9F=8C=BF?=", "Free returns within 30 days.".encode(), msgid="a@x"),
        message("ko", base64.b64encode(korean), charset="euc-kr", cte="base64", msgid="b@x"),
        message("ar", arabic, charset="windows-1256", msgid="c@x"),
        message("zh", chinese, charset="gb2312", msgid="d@x"),
        message("qp", b"Support is open 24/7 =E2=80=94 always.", cte="quoted-printable", msgid="e@x"),
    ))
    by_url = {d.url: d for d in docs}
    assert by_url["mid:a@x"].title == "Spring is here 🌿"
    assert by_url["mid:b@x"].text == "50,000원 이상 구매 시 무료 배송됩니다."
    assert by_url["mid:c@x"].text == "الشحن مجاني للطلبات فوق 300 ريال."
    assert by_url["mid:d@x"].text == "收货后30天内可免费退货。"
    assert by_url["mid:e@x"].text == "Support is open 24/7 — always."
    assert by_url["mid:a@x"].published == "2025-03-14T14:02:11+00:00"


def test_a_bogus_charset_label_falls_back_to_detection(tmp_path):
    (doc,) = collect(mbox(tmp_path, message("x", "Rückgabe innerhalb von 30 Tagen.".encode("utf-8"),
                                            charset="x-no-such-charset")))
    assert doc.text == "Rückgabe innerhalb von 30 Tagen."


def test_html_only_mail_keeps_unsubscribe_headers_and_links(tmp_path):
    html = (b"<html><body><p>Spring linen is back.</p>"
            b"<p><a href='https://brand.example/unsubscribe?u=1'>Unsubscribe</a></p></body></html>")
    (doc,) = collect(mbox(tmp_path, message(
        "news", html, ctype="text/html",
        extra="List-Unsubscribe: <https://brand.example/u/1>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n")))
    assert "Spring linen is back." in doc.text
    assert doc.meta["list_unsubscribe"] == "<https://brand.example/u/1>"
    assert doc.meta["list_unsubscribe_post"] == "List-Unsubscribe=One-Click"
    assert doc.meta["has_html"] and "https://brand.example/unsubscribe?u=1" in doc.meta["links"]
    assert "<a href" in doc.raw  # later checks read the HTML part


def test_quotes_and_signature_are_dropped_and_missing_message_id_uses_the_position(tmp_path):
    body = b"Thanks for asking.\nReturns are free.\n> old quoted text\n-- \nSam, Customer care"
    path = mbox(tmp_path, message("re", body, msgid=None))
    (doc,) = collect(path)
    assert doc.text == "Thanks for asking.\nReturns are free."
    assert doc.url == f"{path}#0"


def test_a_broken_message_is_skipped_with_its_reason_and_the_rest_is_read(tmp_path):
    broken = (b"Subject: broken\nContent-Type: multipart/mixed; boundary=\"never\"\n\n"
              b"no boundary ever appears\n")
    items = collect(mbox(tmp_path, message("ok", b"Free returns within 30 days.", msgid="ok@x"), broken,
                         message("ok2", b"We never sell your data.", msgid="ok2@x")))
    docs = [i for i in items if isinstance(i, Document)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [d.url for d in docs] == ["mid:ok@x", "mid:ok2@x"]
    assert len(skipped) == 1 and skipped[0].item.endswith("#1") and skipped[0].reason


def test_a_folder_of_eml_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.eml").write_bytes(message("one", b"First mail.", msgid="1@x"))
    (tmp_path / "b" / "c.eml").write_bytes(message("two", b"Second mail.", msgid="2@x"))
    assert [d.title for d in collect(tmp_path)] == ["one", "two"]


def test_a_missing_mailbox_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        collect(tmp_path / "nope.mbox")
