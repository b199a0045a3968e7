"""A report dict like the pipeline builds, for the formatter tests.

Eight findings across English, Arabic, Chinese and Korean (one right-to-left), every channel the
report knows, a words-versus-deeds finding with evidence, a statement that appears in three places,
a draft with a known line, a commitment from the config file, and a statement full of markup that
must come out as inert text. Span offsets are found in the text with ``str.index`` so they are
right by construction.
"""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

import pytest

from consistency.rules import RULES
from consistency.types import content_hash

HOSTILE = ('We sell customer data to partners <script>alert(1)</script> <img src=x onerror=alert(1)> '
           '"><svg onload=alert(1)>')


def statement(role: str, text: str, lang: str, source_type: str, url: str, *, kind: str | None = None,
              spans: tuple[tuple[str, str], ...] = (), title: str = "", published: str | None = None,
              places: tuple[str, ...] = (), **extra: Any) -> dict[str, Any]:
    """One side of a finding; ``spans`` are (substring, label) pairs, ``places`` extra occurrence URLs."""
    start = 100
    occurrences = [{"url": u, "source_type": source_type, "title": title, "published": published,
                    "start": start, "end": start + len(text)} for u in (url, *places)]
    return {
        "role": role, "id": "s-" + content_hash(text, url), "text": text, "lang": lang,
        "kind": kind or ("commitment" if role == "commitment" else "message"), "source_type": source_type,
        "url": url, "title": title, "published": published, "start": start, "end": start + len(text),
        "spans": [{"start": text.index(s), "end": text.index(s) + len(s), "text": s, "label": label}
                  for s, label in spans],
        "occurrences": occurrences, **extra,
    }


def finding(n: int, code: str, severity: str, score: float, explanation: str, commitment: dict[str, Any],
            conflict: dict[str, Any], evidence: list[dict[str, str]] | None = None) -> dict[str, Any]:
    f = {"id": f"F-{n:016x}", "code": code, "rule": RULES[code].name, "severity": severity, "score": score,
         "explanation": explanation, "reasons": [explanation], "new": True, "statements": [commitment, conflict]}
    if evidence:
        f["evidence"] = evidence
    return f


def build_findings() -> list[dict[str, Any]]:
    """Sorted as the pipeline sorts them: severity, then score (highest first), then id."""
    site = "https://www.northwind.example"
    findings = [
        finding(1, "C102", "error", 0.97, "return window: 30 days vs 14 days",
                statement("commitment", "Free returns within 30 days of delivery.", "en", "site", f"{site}/returns/",
                          spans=(("30 days", "duration"),), title="Returns and refunds", published="2024-03-01"),
                statement("conflict", "يمكنك إرجاع المنتجات خلال 14 يومًا من الاستلام.", "ar", "site",
                          f"{site}/ar/returns/", spans=(("14 يومًا", "duration"),), title="الإرجاع",
                          places=(f"{site}/ar/help/", f"{site}/ar/faq/"))),
        finding(2, "D101", "error", 0.99, "a third-party tracker loads on a page covered by the cookie promise",
                statement("commitment", "We never use third-party tracking cookies.", "en", "site",
                          f"{site}/privacy/", spans=(("third-party tracking cookies", "negation"),), title="Privacy"),
                statement("conflict", "blog/cookies loads https://www.googletagmanager.com/gtag/js?id=G-1", "en",
                          "site", f"{site}/blog/cookies/", kind="behaviour", title="Our cookie recipe"),
                evidence=[{"label": "script", "value": "https://www.googletagmanager.com/gtag/js?id=G-1"},
                          {"label": "tracker", "value": "Google Tag Manager (tag-manager)"}]),
        finding(3, "C103", "error", 0.95, "free-shipping threshold: $50 vs 75 USD",
                statement("commitment", "Free shipping on orders over $50.", "en", "site", f"{site}/shipping/",
                          spans=(("$50", "money"),), title="Shipping"),
                statement("conflict", "订单满75美元即可免运费。", "zh", "feed", f"{site}/zh/news/2024-05-sale",
                          spans=(("75美元", "money"),), title="五月促销", published="2024-05-02T08:00:00Z")),
        finding(4, "C105", "error", 0.93, "support hours: 24/7 vs weekdays 9:00-18:00",
                statement("commitment", "Our support team is available 24/7.", "en", "site", f"{site}/contact/",
                          spans=(("24/7", "hours"),), title="Contact"),
                statement("conflict", "고객센터 운영 시간은 평일 오전 9시부터 오후 6시까지입니다.", "ko", "mail",
                          "mid:20240301.abc@northwind.example", spans=(("평일 오전 9시부터 오후 6시까지", "hours"),),
                          title="주문 확인", published="2024-03-01")),
        finding(5, "C201", "error", 0.88, "one statement affirms what the other denies: sell data",
                statement("commitment", "We never sell your personal data.", "en", "site", f"{site}/privacy/",
                          spans=(("never sell", "negation"),), title="Privacy"),
                statement("conflict", HOSTILE, "en", "social", "javascript:alert(1)",
                          spans=(("sell customer data", "affirmation"),), title="<b onmouseover=alert(1)>post</b>")),
        finding(6, "C301", "warning", 0.81, "the pair classifier judges these contradictory",
                statement("commitment", "Every package is shipped in plastic-free packaging.", "en", "site",
                          f"{site}/sustainability/", title="Sustainability"),
                statement("conflict", "تصل الطلبات ملفوفة بغلاف بلاستيكي.", "ar", "social",
                          "https://social.example/northwind/status/42", title="")),
        finding(7, "C107", "warning", 0.74, "carbon-neutral target: 2030 vs 2040",
                statement("commitment", "我们将在2030年前实现碳中和。", "zh", "site", f"{site}/zh/climate/",
                          spans=(("2030年", "date"),), title="气候承诺"),
                statement("conflict", "我们的目标是在2040年实现碳中和。", "zh", "draft", "content/news/climate.md",
                          spans=(("2040年", "date"),), title="climate.md", line=12, column=3)),
        finding(8, "C302", "note", 0.62, "the cross-encoder judges a contradiction (reply time)",
                statement("commitment", "모든 문의에 24시간 이내에 답변합니다.", "ko", "config",
                          "consistency.toml#commitments[2]", spans=(("24시간 이내", "duration"),)),
                statement("conflict", "Expect a reply within a week.", "en", "mail", "mid:welcome.7@northwind.example",
                          spans=(("within a week", "duration"),), title="Welcome to Northwind")),
    ]
    rank = {"error": 0, "warning": 1, "note": 2}
    return sorted(findings, key=lambda f: (rank[f["severity"]], -f["score"], f["id"]))


def build_report(findings: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The whole report; stats agree with the findings the way the pipeline computes them."""
    findings = build_findings() if findings is None else findings
    severities = Counter(f["severity"] for f in findings)
    commitments: dict[str, dict[str, Any]] = {}
    for f in findings:
        c = f["statements"][0]
        commitments.setdefault(c["id"], {"id": c["id"], "text": c["text"], "url": c["url"], "lang": c["lang"]})
    kept = [{"id": "s-kept-1", "text": "Gift wrapping is free on every order.", "url": "https://www.northwind.example/gifts/",
             "lang": "en"},
            {"id": "s-kept-2", "text": "Lifetime repairs on all backpacks, " + "no questions asked, " * 10 + "ever.",
             "url": "https://www.northwind.example/repairs/", "lang": "en"}]
    return {
        "tool": {"name": "consistency", "version": "0.1.0", "informationUri": "https://example.invalid/consistency"},
        "brand": "Northwind Outfitters",
        "generated_from": "corpora/demo/consistency.toml",
        "mode": "full",
        "stats": {
            "documents": 40, "statements": 900, "distinct_statements": 850, "commitments": 120, "pairs_judged": 3000,
            "findings": {s: severities.get(s, 0) for s in ("error", "warning", "note")},
            "new_findings": sum(f["new"] for f in findings), "skipped": 2,
            "by_channel": dict(sorted(Counter(f["statements"][1]["source_type"] for f in findings).items())),
            "by_language": dict(sorted(Counter(f["statements"][1]["lang"] for f in findings).items())),
            "statements_by_language": {"ar": 200, "en": 400, "ko": 150, "zh": 150},
        },
        "rules": [r.to_dict() for r in RULES.values()],
        "commitments": [*commitments.values(), *kept],
        "findings": findings,
        "skipped": [
            {"source": "site:https://www.northwind.example/", "item": "https://www.northwind.example/docs/size-guide.pdf",
             "reason": "content type application/pdf is not HTML"},
            {"source": "mail:inbox.mbox", "item": "inbox.mbox#17", "reason": "cannot decode <b>charset</b> x-unknown"},
        ],
    }


@pytest.fixture
def report() -> dict[str, Any]:
    return build_report()


@pytest.fixture
def empty_report() -> dict[str, Any]:
    r = build_report([])
    r["skipped"] = []
    r["stats"]["skipped"] = 0
    return r


@pytest.fixture
def make_report():
    """Build a report from findings changed by a test (deep-copied, so tests never share state)."""
    def make(edit=None) -> dict[str, Any]:
        findings = copy.deepcopy(build_findings())
        if edit:
            edit(findings)
        return build_report(findings)
    return make
