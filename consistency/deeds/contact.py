"""D105 contact-channel-mismatch: a promised live chat or phone line that the contact pages do not offer.

Contact pages are site pages whose path or title says contact, support or help (in four
languages). A chat is offered by a chat widget script (a customer-success entity of the packaged
list, or Drift) on any page, or by a messaging link (WhatsApp, Messenger, KakaoTalk, LINE,
Telegram, a "chat" link) on a contact page; a phone line by a ``tel:`` link or a labelled phone
number on a contact page. Without contact pages there is nothing to hold the promise against.
A widget injected later by a tag manager cannot be seen in the HTML; the evidence says what was found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from consistency.deeds.interface import (Corpus, DeedCheck, DeedsConfig, Observation, Page, capped, make_finding,
                                         plural)
from consistency.deeds.promises import LIVE_CHAT, PHONE, Promise, best
from consistency.deeds.trackers import Resource, classify, resources
from consistency.findings import Finding, Unit

_F = re.IGNORECASE
# A path segment that starts with the word ("/contact-us", "/help/returns"), not "/blog/how-we-help".
_CONTACT_PATH = re.compile(r"(?:^|/)(?:contact|support|help|kontakt|customer[-_]?(?:service|care))", _F)
# A title that is about contacting ("Contact us | Brand"), not one that uses the word ("How we help").
_CONTACT_TITLE = re.compile(r"^\s*(?:contact|support|help|kontakt)\b|\bcontact\s+us\b|"
                            r"\b(?:help|support)\s+cent(?:er|re)\b|\bcustomer\s+(?:service|care|support)\b|"
                            r"고객\s?센터|문의|联系|聯繫|聯絡|客服|帮助中心|幫助中心|اتصل|تواصل|الدعم|خدمة العملاء", _F)
_CHAT_WIDGET_NAMES = frozenset({"Drift"})  # chat widgets the list files under another category
_CHAT_HREF = re.compile(r"^https?://(?:wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|m\.me|pf\.kakao\.com|"
                        r"line\.me|t\.me)/|[/#?=]chat\b|livechat", _F)
_CHAT_TEXT = re.compile(r"\b(?:live\s+)?chat\b|채팅|在线客服|在線客服|聊天|دردشة|محادثة", _F)
_PHONE_NUMBER = re.compile(
    r"(?:phone|tel(?:ephone)?|call(?:\s+us)?|hotline|전화|연락처|电话|電話|热线|熱線|هاتف|الهاتف|اتصل)"
    r"[^\d+]{0,25}(\+?\d[\d\s().-]{5,}\d)|(\+\d{1,3}[\s.-]?\(?\d[\d\s().-]{6,}\d)", _F)


@dataclass(frozen=True, slots=True)
class Channels:
    """The contact channels one page offers."""

    mail: tuple[str, ...]
    phone: tuple[str, ...]
    chat: tuple[str, ...]
    form: bool


def is_contact_page(page: Page) -> bool:
    return bool(_CONTACT_PATH.search(urlsplit(page.url).path) or _CONTACT_TITLE.search(page.doc.title))


def _widgets(found: Sequence[Resource], config: DeedsConfig) -> list[str]:
    """The chat widget scripts among a page's resources."""
    out = []
    for res in found:
        entity = classify(res.host, config)
        if entity is not None and (entity.category == "customer-success" or entity.name in _CHAT_WIDGET_NAMES):
            out.append(f"{entity.name} widget ({res.url})")
    return out


def channels(page: Page, found: Sequence[Resource], config: DeedsConfig) -> Channels:
    """Mail, phone and chat channels of a page; ``found`` are its resources (``trackers.resources``)."""
    mail, phone, chat = [], [], []
    for a in page.root.iter("a"):
        href = (a.get("href") or "").strip()
        low = href.lower()
        if low.startswith("mailto:"):
            mail.append(unquote(href[7:].split("?")[0]))
        elif low.startswith(("tel:", "callto:")):
            phone.append(href)
        elif _CHAT_HREF.search(href) or (_CHAT_TEXT.search(a.text_content()) and href):
            chat.append(href)
    phone += [" ".join((m[1] or m[2]).split()) for m in _PHONE_NUMBER.finditer(page.doc.text)
              if sum(ch.isdigit() for ch in (m[1] or m[2])) >= 7]
    chat += _widgets(found, config)
    form = any(f.xpath(".//textarea|.//input[@type='email']") for f in page.root.iter("form"))
    return Channels(tuple(dict.fromkeys(mail)), tuple(dict.fromkeys(phone)), tuple(dict.fromkeys(chat)), form)


def _found(pages: Sequence[tuple[Page, Channels]]) -> list[dict[str, str]]:
    rows = [*capped("contact page", [p.url for p, _ in pages])]
    rows += capped("mailto: link", [m for _, c in pages for m in c.mail])
    rows += capped("phone", [t for _, c in pages for t in c.phone])
    rows += capped("chat", [t for _, c in pages for t in c.chat])
    if any(c.form for _, c in pages):
        rows.append({"label": "contact form", "value": "present"})
    return rows


class ContactChannelMismatch(DeedCheck):
    """D105 contact-channel-mismatch: the brand promises live chat or phone support the contact pages lack.

    Bad::

        Home page: "Chat with us 24/7."
        /contact: <a href="mailto:help@example.com">help@example.com</a>  (no chat widget anywhere)

    Good::

        /contact: <script src="https://widget.intercom.io/widget/abc"></script> and a tel: link
                  when the brand also promises phone support.

    One finding per missing channel (chat, phone), listing every contact page.
    """

    code = "D105"

    def run(self, documents: Corpus, promises: Sequence[Unit], config: DeedsConfig) -> list[Finding]:
        chat_promise, phone_promise = best(promises, LIVE_CHAT), best(promises, PHONE)
        if chat_promise is None and phone_promise is None:
            return []
        pages = documents.pages()
        contact = [(p, channels(p, documents.derived(resources, p), config)) for p in pages if is_contact_page(p)]
        if not contact:
            return []
        out = []
        site_chat = any(_widgets(documents.derived(resources, p), config) for p in pages)
        if chat_promise is not None and not site_chat and not any(c.chat for _, c in contact):
            out.append(self._finding(config, chat_promise, contact, "chat", "a live chat"))
        if phone_promise is not None and not any(c.phone for _, c in contact):
            out.append(self._finding(config, phone_promise, contact, "phone", "a phone number"))
        return out

    def _finding(self, config: DeedsConfig, promise: Promise, contact: list[tuple[Page, Channels]],
                 channel: str, missing: str) -> Finding:
        offered = sorted({"email" for _, c in contact if c.mail} | {"phone" for _, c in contact if c.phone}
                         | {"chat" for _, c in contact if c.chat} | {"contact form" for _, c in contact if c.form})
        offers = ", ".join(offered) if offered else "no contact channel at all"
        n = plural(len(contact), "contact page")
        seen = Observation(
            key=f"contact:no-{channel}", text=f"The contact pages offer {offers}, not {missing}",
            docs=tuple(p.doc for p, _ in contact),
            evidence=(*_found(contact), {"label": channel, "value": "none found"}),
            detail=f"{n} offer{'s' if len(contact) == 1 else ''} {offers}, but no {channel}")
        return make_finding(self.code, config, promise.unit, promise.cues, seen)
