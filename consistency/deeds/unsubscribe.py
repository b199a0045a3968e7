"""D102 missing-unsubscribe: marketing mails that give no easy way out against an opt-out promise.

Two behaviours are findings: a marketing mail with no List-Unsubscribe header and no visible
unsubscribe link or text, and a mail that says leaving takes a phone call or a letter. Mails
that must reach the customer whatever their preferences (order confirmations, receipts,
shipping notices, password resets) are transactional and exempt; they are recognised by their
subject, or by an order number or reset link in the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from email.utils import parseaddr

from lxml import etree

from consistency.deeds.interface import (Corpus, DeedCheck, DeedsConfig, Observation, capped, make_finding,
                                         plural)
from consistency.deeds.promises import UNSUBSCRIBE, best
from consistency.findings import Finding, Unit
from consistency.types import Document

_F = re.IGNORECASE
_TRANSACTIONAL_SUBJECT = re.compile(
    r"\b(?:order|purchase)\s+(?:confirm\w*|#|no\.?|number|received|update|status|details)|\breceipt\b|\binvoice\b|"
    r"\b(?:has|have|was|were)\s+(?:been\s+)?(?:shipped|dispatched|delivered)\b|"
    r"\bshipp(?:ed|ing)\s+(?:confirmation|notification|update)|\bdelivery\s+(?:notice|notification|update|"
    r"confirmation|attempt)|\bout\s+for\s+delivery\b|\bpassword\b|\bverify\s+your\b|\bverification\s+code\b|"
    r"\bsecurity\s+(?:alert|code)\b|\byour\s+(?:[\w-]+\s+)?order\b|\border\s+[a-z]{0,4}-?\d{3,}|"
    r"\b(?:is|are)\s+on\s+(?:its|their|the)\s+way\b|\brefund\b|^\s*(?:re|fwd?|aw)\s*:|"
    r"^\s*(?:回复|答复|回覆|회신|رد)\s*[:：]|"
    r"订单|訂單|收据|收據|发票|發票|已发货|已發貨|发货通知|配送通知|物流|重置密码|重設密碼|密码|密碼|验证码|驗證碼|退款|"
    r"주문\s?(?:확인|완료|내역)|영수증|결제\s?(?:완료|확인)|배송\s?(?:시작|완료|안내|조회)|발송\s?(?:완료|안내)|"
    r"비밀번호|인증\s?번호|환불|"
    r"تأكيد الطلب|طلبك|إيصال|فاتورة|تم الشحن|تم شحن|كلمة المرور|رمز التحقق|استرداد", _F)
_TRANSACTIONAL_BODY = re.compile(
    r"\border\s+(?:number|no\.?|#)\s*[:#]?\s*[\w-]*\d|\breset\s+your\s+password\b|"
    r"订单号|訂單編號|订单编号|주문\s?번호|رقم الطلب", _F)
_UNSUB = (r"unsubscrib\w*|opt[-\s]?out|stop\s+receiving|退订|退訂|取消订阅|取消訂閱|停止接收|"
          r"수신\s?거부|구독\s?(?:취소|해지)|수신\s?동의\s?철회|수신을?\s?중단|"
          r"إلغاء الاشتراك|الغاء الاشتراك|إيقاف الاشتراك|إلغاء اشتراكك")
_VISIBLE = re.compile(_UNSUB + r"|\bmanage\s+(?:your\s+)?(?:e-?mail\s+)?(?:preferences|subscriptions?)\b|"
                      r"\b(?:e-?mail|communication|subscription)\s+preferences\b|\bupdate\s+your\s+preferences\b", _F)
_UNSUB_HREF = re.compile(r"unsub|opt-?out|preference|manage[-_]?subscription|list-manage", _F)
_CALL = r"(?:call|phone|ring|dial|telephone|write\s+to|send\s+(?:us\s+)?a\s+letter|mail\s+a\s+letter)"
_DEMANDS = tuple(re.compile(p, _F) for p in (
    rf"\bto\s+(?:unsubscribe|opt[-\s]?out|stop\s+receiving)\b[^.!?\n]{{0,60}}\b{_CALL}\b",
    rf"\b{_CALL}\b[^.!?\n]{{0,80}}\bto\s+(?:unsubscribe|opt[-\s]?out|stop\s+receiving)\b",
    r"\b(?:unsubscrib\w*|opt[-\s]?out)\s+(?:only\s+)?(?:by|via|over\s+the)\s+(?:calling|phone|telephone|post|"
    r"mail(?:ing)?\s+a\s+letter|letter|writing)\b",
    r"(?:退订|退訂|取消订阅|取消訂閱|停止接收)[^。！？\n]{0,20}(?:致电|致電|拨打|撥打|来电|來電|电话|電話|来信|來信|邮寄|郵寄|书面|書面)",
    r"(?:致电|致電|拨打|撥打|来电|來電|来信|來信|邮寄|郵寄)[^。！？\n]{0,30}(?:退订|退訂|取消订阅|取消訂閱|停止接收)",
    r"(?:수신\s?거부|구독\s?(?:취소|해지)|수신을?\s?중단)[^.!?\n]{0,30}(?:전화|우편|서면)",
    r"(?:전화|우편|서면)(?:로|를\s?통해|상으로)[^.!?\n]{0,20}(?:수신\s?거부|구독\s?(?:취소|해지))",
    r"(?:لإلغاء الاشتراك|لالغاء الاشتراك|لإيقاف)[^.؟!\n]{0,40}(?:اتصل|اتصلوا|راسلنا بالبريد|أرسل رسالة|أرسلوا رسالة)",
    r"(?:اتصل|اتصلوا)[^.؟!\n]{0,40}(?:لإلغاء الاشتراك|لالغاء الاشتراك)",
))
_VISIBLE_TEXT = etree.XPath("//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::head)]")
_SENTENCE_BOUNDARY = re.compile(r"[.!?。！？؟\n]")


def is_transactional(doc: Document) -> bool:
    """Order, receipt, shipping and password mails, and personal replies ("Re: ..."): they go out
    whatever the customer's preferences."""
    return bool(_TRANSACTIONAL_SUBJECT.search(str(doc.meta.get("subject") or doc.title or ""))
                or _TRANSACTIONAL_BODY.search(doc.text))


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``."""
    before = [m.end() for m in _SENTENCE_BOUNDARY.finditer(text, 0, start)]
    after = _SENTENCE_BOUNDARY.search(text, end)
    s = text[before[-1] if before else 0:after.end() if after else len(text)]
    return " ".join(s.split())


def phone_or_letter_demand(text: str) -> str | None:
    """The sentence saying that unsubscribing takes a call or a letter, if the text has one."""
    for pattern in _DEMANDS:
        m = pattern.search(text)
        if m:
            return _sentence(text, m.start(), m.end())
    return None


def _body(documents: Corpus, doc: Document) -> tuple[str, list[str]]:
    """The mail's visible text and its link targets (text part and HTML part together)."""
    page = documents.page(doc)
    hrefs = [str(h) for h in doc.meta.get("links") or ()]
    if page is None:
        return doc.text, hrefs
    hrefs += [str(h) for h in page.root.xpath("//a/@href")]
    visible = " ".join(_VISIBLE_TEXT(page.root))
    return f"{doc.text}\n{visible}", hrefs


def has_visible_unsubscribe(text: str, hrefs: Sequence[str]) -> bool:
    """An unsubscribe or preferences link or sentence anywhere in the body."""
    return bool(_VISIBLE.search(text)) or any(_UNSUB_HREF.search(h) for h in hrefs)


def _sender(doc: Document) -> str:
    return parseaddr(str(doc.meta.get("from") or ""))[1].lower() or "(unknown sender)"


def _subject(doc: Document) -> str:
    return f"{doc.meta.get('subject') or doc.title or '(no subject)'} <{doc.url}>"


class MissingUnsubscribe(DeedCheck):
    """D102 missing-unsubscribe: a marketing mail gives no easy way to opt out, against an opt-out promise.

    Bad::

        Privacy policy: "You can unsubscribe with one click from any email."
        Newsletter: no List-Unsubscribe header, no unsubscribe link,
                    "To unsubscribe, call our customer line on 0800 123 456."

    Good::

        Newsletter: List-Unsubscribe: <https://example.com/u/123>, and an "Unsubscribe" link in the footer.

    One finding per sender and behaviour (no way out at all; a call or letter demanded).
    """

    code = "D102"

    def run(self, documents: Corpus, promises: Sequence[Unit], config: DeedsConfig) -> list[Finding]:
        promise = best(promises, UNSUBSCRIBE)
        if promise is None:
            return []
        missing: dict[str, list[Document]] = {}
        demands: dict[str, list[tuple[Document, str]]] = {}
        for doc in documents.of_type("mail"):
            if is_transactional(doc):
                continue
            text, hrefs = _body(documents, doc)
            demand = phone_or_letter_demand(text)
            if demand is not None:
                demands.setdefault(_sender(doc), []).append((doc, demand))
            elif not doc.meta.get("list_unsubscribe") and not has_visible_unsubscribe(text, hrefs):
                missing.setdefault(_sender(doc), []).append(doc)
        seen = [self._missing(sender, docs) for sender, docs in missing.items()]
        seen += [self._demand(sender, found) for sender, found in demands.items()]
        return [make_finding(self.code, config, promise.unit, promise.cues, s)
                for s in sorted(seen, key=lambda s: s.key)]

    @staticmethod
    def _missing(sender: str, docs: list[Document]) -> Observation:
        n = plural(len(docs), "marketing mail")
        return Observation(
            key=f"no-unsubscribe:{sender}",
            text=f"{n} from {sender} without a List-Unsubscribe header or an unsubscribe link",
            docs=tuple(docs),
            evidence=(*capped("mail", [_subject(d) for d in docs]),
                      {"label": "List-Unsubscribe header", "value": f"absent in {n}"},
                      {"label": "List-Unsubscribe-Post header", "value": f"absent in {n}"},
                      {"label": "unsubscribe link or text", "value": "none found in the body"}),
            detail=f"{n} from {sender} {'carries' if len(docs) == 1 else 'carry'} no List-Unsubscribe header "
                   "and no unsubscribe link or text")

    @staticmethod
    def _demand(sender: str, found: list[tuple[Document, str]]) -> Observation:
        docs = [d for d, _ in found]
        with_header = sum(1 for d in docs if d.meta.get("list_unsubscribe"))
        n = plural(len(docs), "marketing mail")
        first = sorted(s for _, s in found)[0]
        return Observation(
            key=f"unsubscribe-by-phone-or-letter:{sender}",
            text=f"{n} from {sender} {'says' if len(docs) == 1 else 'say'} unsubscribing takes a phone call or a letter",
            docs=tuple(docs),
            evidence=(*capped("mail", [_subject(d) for d in docs]), *capped("sentence", [s for _, s in found]),
                      {"label": "List-Unsubscribe header", "value": f"present in {with_header} of {len(docs)}"}),
            detail=f"{n} from {sender} {'says' if len(docs) == 1 else 'say'}: “{first}”")
