"""D103 form-without-consent: forms that collect an email address or phone number with no consent text.

A form collects contact details when it has an ``email`` or ``tel`` input, or a field whose name,
id, placeholder, autocomplete or label says email or phone (in four languages). Consent counts
when the form or the element right beside it says consent, agree, privacy policy (동의, 同意,
أوافق ...), or links to a privacy page. Login forms (a password and at most one other field) are
not collecting anything new and are skipped. The same footer form on every page is one finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from consistency.deeds.interface import (Corpus, DeedCheck, DeedsConfig, Observation, Page, capped, make_finding,
                                         plural)
from consistency.deeds.promises import CONSENT, best
from consistency.findings import Finding, Unit
from consistency.types import Document

_F = re.IGNORECASE
_NOT_FIELDS = frozenset({"hidden", "submit", "button", "image", "reset"})
_CONTACT_TYPES = frozenset({"email", "tel"})
_CONTACT_NAME = re.compile(r"e-?mail|(?<![a-z])mail(?![a-z])|phone|(?<![a-z])tel(?![a-z])|mobile|"
                           r"메일|이메일|전화|휴대폰|연락처|电话|電話|邮箱|郵箱|手机|手機|البريد|هاتف|الجوال|جوال", _F)
_CONSENT = re.compile(
    r"\bconsent\w*|\bagree\w*|\baccept\w*\b[^.]{0,40}\b(?:terms|privacy|policy)\b|"
    r"\bprivacy\s+(?:policy|notice|statement)\b|\bopt(?:ing)?[-\s]?in\b|\bGDPR\b|"
    r"동의|개인\s?정보\s?(?:처리|수집|보호)|同意|隐私政策|隱私政策|隐私声明|隱私權|"
    r"أوافق|موافق|سياسة الخصوصية", _F)
_PRIVACY_HREF = re.compile(r"privacy|datenschutz|gdpr|개인정보|隐私|隱私|الخصوصية", _F)
_NEIGHBOUR_CHARS = 600  # beside the form means a line or two, not the whole page


@dataclass(frozen=True, slots=True)
class FormFacts:
    action: str  # resolved URL, or "" when the form posts to its own page
    fields: tuple[str, ...]  # name (or id, or type) of every visible field
    contact_fields: tuple[str, ...]
    consent: bool


def _field_name(el: Any) -> str:
    return str(el.get("name") or el.get("id") or el.get("type") or el.tag)


def _is_contact(el: Any) -> bool:
    if (el.get("type") or "").lower() in _CONTACT_TYPES:
        return True
    attrs = " ".join(el.get(a) or "" for a in ("name", "id", "placeholder", "autocomplete", "aria-label"))
    label = el.getparent().text_content() if el.getparent() is not None and el.getparent().tag == "label" else ""
    return bool(_CONTACT_NAME.search(f"{attrs} {label}"))


def _neighbours(form: Any) -> list[Any]:
    """The elements right before and after the form (or its only-child wrapper)."""
    node = form
    while node.getprevious() is None and node.getnext() is None:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        node = parent
    return [n for n in (node.getprevious(), node.getnext()) if n is not None]


def _has_consent(form: Any) -> bool:
    parts = [form, *_neighbours(form)]
    text = " ".join(p.text_content()[:_NEIGHBOUR_CHARS] if p is not form else p.text_content() for p in parts)
    if _CONSENT.search(text):
        return True
    return any(_PRIVACY_HREF.search(a.get("href") or "") for p in parts for a in p.iter("a"))


def forms(page: Page) -> tuple[FormFacts, ...]:
    """What each form on the page collects and whether consent is asked beside it."""
    out = []
    for form in page.root.iter("form"):
        fields = [el for el in form.iter("input", "textarea", "select")
                  if (el.get("type") or "").lower() not in _NOT_FIELDS]
        visible = [el for el in fields if (el.get("type") or "").lower() not in ("checkbox", "radio")]
        if any((el.get("type") or "").lower() == "password" for el in fields) and len(visible) <= 2:
            continue  # a login form
        contact = [el for el in fields if _is_contact(el)]
        if not contact:
            continue
        action = (form.get("action") or "").strip()
        out.append(FormFacts(urljoin(page.url, action) if action else "", tuple(_field_name(el) for el in fields),
                             tuple(_field_name(el) for el in contact), _has_consent(form)))
    return tuple(out)


class FormWithoutConsent(DeedCheck):
    """D103 form-without-consent: a form collects contact details with no consent text, against a consent promise.

    Bad::

        Privacy policy: "We only email you with your explicit consent."
        Footer: <form action="/subscribe"><input type="email" name="email"><button>Join</button></form>

    Good::

        <form action="/subscribe"><input type="email" name="email">
          <label><input type="checkbox" name="consent"> I agree to receive emails
          (<a href="/privacy">privacy policy</a>)</label></form>

    One finding per distinct form (action and fields), listing every page that has it.
    """

    code = "D103"

    def run(self, documents: Corpus, promises: Sequence[Unit], config: DeedsConfig) -> list[Finding]:
        promise = best(promises, CONSENT)
        if promise is None:
            return []
        found: dict[tuple[str, tuple[str, ...]], tuple[FormFacts, dict[str, Document]]] = {}
        for page in documents.pages():
            for facts in documents.derived(forms, page):
                if not facts.consent:
                    found.setdefault((facts.action, facts.fields), (facts, {}))[1][page.url] = page.doc
        return [make_finding(self.code, config, promise.unit, promise.cues, self._observation(facts, docs))
                for _, (facts, docs) in sorted(found.items())]

    @staticmethod
    def _observation(facts: FormFacts, docs: dict[str, Document]) -> Observation:
        action = facts.action or "(posts to its own page)"
        collects = ", ".join(facts.contact_fields)
        return Observation(
            key=f"form:{facts.action}:{','.join(facts.fields)}",
            text=f"A form (action {action}) collects {collects} without consent text",
            docs=tuple(docs.values()),
            evidence=(*capped("page", docs), {"label": "form action", "value": action},
                      {"label": "fields", "value": ", ".join(facts.fields)},
                      {"label": "contact fields", "value": collects},
                      {"label": "consent text", "value": "none found in or right beside the form"}),
            detail=f"{plural(len(docs), 'page')} {'has' if len(docs) == 1 else 'have'} a form (action {action}) "
                   f"that collects {collects} with no consent text or privacy link in or beside it")
