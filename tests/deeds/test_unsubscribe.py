"""D102 missing-unsubscribe: marketing mails without a way out, or that demand a call, against an opt-out promise."""

import pytest

from consistency.deeds.unsubscribe import is_transactional, phone_or_letter_demand
from tests.deeds.builders import mail, run, unit

PROMISE = unit("Unsubscribe with one click from any email.")
FOOTER = '<p>Not for you? <a href="https://example.com/u/abc">Unsubscribe</a></p>'


def test_newsletter_without_header_or_link_is_flagged_with_evidence():
    bare = mail("Spring collection is here", body_text="New bags for spring.",
                html="<html><head><style>.unsubscribe{color:grey}</style></head>"
                     "<body><p>New bags for spring.</p></body></html>")
    (finding,) = run([bare], [PROMISE])
    assert finding.code == "D102" and finding.rule == "missing-unsubscribe"
    labels = {e["label"]: e["value"] for e in finding.evidence}
    assert labels["List-Unsubscribe header"] == "absent in 1 marketing mail"
    assert labels["unsubscribe link or text"] == "none found in the body"
    assert labels["mail"].startswith("Spring collection is here <mid:")
    assert finding.statements[1]["source_type"] == "mail"
    assert "news@example.com" in finding.explanation


@pytest.mark.parametrize("kwargs", [
    {"list_unsubscribe": "<https://example.com/u/abc>, <mailto:u@example.com>"},
    {"html": f"<html><body><p>New bags.</p>{FOOTER}</body></html>"},
    {"html": '<html><body><a href="https://example.com/email-preferences?id=1">Settings</a></body></html>'},
    {"body_text": "New bags. Manage your email preferences in your account."},
    {"body_text": "新品上市。退订请点击这里。"},
    {"body_text": "신상품 안내. 수신거부는 여기를 클릭하세요."},
    {"body_text": "منتجات جديدة. لإلغاء الاشتراك اضغط هنا."},
])
def test_a_header_or_a_visible_unsubscribe_is_enough(kwargs):
    assert run([mail("Spring collection is here", **kwargs)], [PROMISE]) == []


@pytest.mark.parametrize("subject, body", [
    ("Order confirmation #10023", "Thanks for your order."),
    ("Your receipt from Example", "Total $45.00"),
    ("Your package has shipped", "Track it here."),
    ("Reset your password", "Click the link to choose a new password."),
    ("Thanks!", "Order number: A-10023. We will let you know when it ships."),
    ("订单确认", "感谢您的订购。"),
    ("주문 확인 안내", "주문해 주셔서 감사합니다."),
    ("تأكيد الطلب", "شكرا لطلبك."),
    ("Your Example order EX-20418 is confirmed", "Thanks for shopping with us."),
    ("Your parcel is on its way", "It left our warehouse today."),
    ("Re: Which duvet size do I need?", "Hi Sam, the Queen fits a 90 by 90 inch duvet."),
])
def test_transactional_mail_is_not_flagged(subject, body):
    doc = mail(subject, body_text=body)
    assert is_transactional(doc)
    assert run([doc], [PROMISE]) == []


def test_newsletter_is_not_transactional_even_when_it_mentions_shipping():
    assert not is_transactional(mail("Free shipping this weekend", body_text="Free delivery on every order."))


@pytest.mark.parametrize("text", [
    "New arrivals this week. To unsubscribe, please call our customer line on 0800 123 456.",
    "Call our customer line to stop receiving these emails.",
    "You can unsubscribe by calling 0800 123 456.",
    "To opt out, write to us at 1 Main Street.",
    "退订请致电400-123-4567。",
    "수신거부는 고객센터 전화 1588-0000으로 문의하세요.",
    "لإلغاء الاشتراك اتصل بنا على 800123.",
])
def test_demanding_a_call_or_letter_is_flagged_even_with_a_header(text):
    doc = mail("This week's picks", body_text=text, list_unsubscribe="<mailto:u@example.com>")
    (finding,) = run([doc], [PROMISE])
    sentence = next(e["value"] for e in finding.evidence if e["label"] == "sentence")
    assert sentence in " ".join(text.split())
    assert {"label": "List-Unsubscribe header", "value": "present in 1 of 1"} in finding.evidence


def test_a_phone_number_beside_an_unsubscribe_link_is_not_a_demand():
    assert phone_or_letter_demand("Questions? Call us on 0800 123 456.\nUnsubscribe | Privacy") is None


def test_one_finding_per_sender_lists_every_mail():
    docs = [mail(f"Issue {i}", body_text="News.", mid=f"n{i}@x") for i in range(3)]
    docs.append(mail("Hello from the shop", body_text="News.", sender="shop@example.com", mid="s@x"))
    findings = run(docs, [PROMISE])
    assert sorted(len(f.statements[1]["occurrences"]) for f in findings) == [1, 3]


def test_no_opt_out_promise_means_no_finding():
    assert run([mail("Spring collection is here", body_text="New bags.")],
               [unit("Free returns within 30 days.")]) == []
