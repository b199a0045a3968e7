"""D104 structured-data-conflict: what a page declares to search engines against what the brand writes.

Pages declare return windows, return fees, shipping rates and prices in schema.org JSON-LD and
microdata. Each declared fact becomes a plain English sentence ("Returns are accepted within
14 days.") that the typed slot judge (``consistency.judge.slots.compare``) holds against every
commitment, in any language. Malformed JSON-LD is ignored: a broken block states nothing.

A flat non-zero shipping rate is not turned into a sentence: a product's rate says nothing
about a free-shipping threshold that the product's price may not reach.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from consistency.deeds.interface import (Corpus, DeedCheck, DeedsConfig, Observation, Page, capped, make_finding,
                                         plural)
from consistency.findings import Finding, Unit
from consistency.judge.slots import compare
from consistency.types import Document

_SCHEMA_PREFIX = re.compile(r"^(?:https?://schema\.org/|schema:)", re.IGNORECASE)
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)*")
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
_SHIPPING_TYPES = frozenset({"OfferShippingDetails", "ShippingRateSettings", "ShippingConditions"})
_LINK_TAGS = {"a": "href", "link": "href", "area": "href", "img": "src", "audio": "src", "video": "src",
              "source": "src", "iframe": "src", "embed": "src", "object": "data", "meta": "content",
              "time": "datetime", "data": "value", "meter": "value"}


@dataclass(frozen=True, slots=True)
class Fact:
    """One declared fact: the sentence the judge reads, and where it is written in the markup."""

    sentence: str
    evidence: tuple[tuple[str, str], ...]  # (label, value): ("JSON-LD MerchantReturnPolicy.merchantReturnDays", "14")


def _name(value: Any) -> str:
    return _SCHEMA_PREFIX.sub("", str(value)).strip()


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("@type", ())
    return {_name(x) for x in (t if isinstance(t, list) else [t])}


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _number(value: Any) -> float | None:
    value = _first(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    m = _NUMBER.search(str(value or ""))
    if not m:
        return None
    digits = m.group()
    digits = digits.replace(",", "") if re.search(r",\d{3}(?:\D|$)", digits) else digits.replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def money(amount: float, currency: str) -> str:
    """An amount as the slot judge reads it: "$50", "€4.95", "50,000 KRW"."""
    text = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    code = currency.upper().strip()
    if code in _SYMBOLS:
        return _SYMBOLS[code] + text
    return f"{text} {code}" if code else text


def _amount(node: Any) -> tuple[float, str, str] | None:
    """(amount, currency, which property) of a MonetaryAmount or PriceSpecification, or of a bare number."""
    node = _first(node)
    if not isinstance(node, dict):
        n = _number(node)
        return (n, "", "") if n is not None else None
    for key in ("value", "price", "minPrice", "maxValue", "minValue"):
        n = _number(node.get(key))
        if n is not None:
            return n, str(_first(node.get("currency") or node.get("priceCurrency") or "")), key
    return None


# -- reading the markup --------------------------------------------------------------------

def json_ld(page: Page) -> list[Any]:
    """Every JSON-LD block of the page that parses; broken blocks are left out."""
    out = []
    for script in page.root.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        try:
            out.append(json.loads(script.text or "", strict=False))
        except (ValueError, RecursionError):
            continue
    return out


def _item_value(el: Any) -> Any:
    if el.get("itemscope") is not None:
        return microdata_item(el)
    if el.get("content") is not None:
        return el.get("content")
    attr = _LINK_TAGS.get(el.tag)
    if attr and el.get(attr) is not None:
        return el.get(attr)
    return " ".join(el.text_content().split())


def microdata_item(scope: Any) -> dict[str, Any]:
    """An itemscope element as a JSON-LD-like dict: its @type and its own itemprops (nested items too)."""
    item: dict[str, Any] = {"@type": [_name(t) for t in (scope.get("itemtype") or "").split()]}
    for el in scope.iterdescendants():
        if el.get("itemprop") is None:
            continue
        owner = el.getparent()
        while owner is not None and owner is not scope and owner.get("itemscope") is None:
            owner = owner.getparent()
        if owner is not scope:
            continue
        value = _item_value(el)
        for prop in el.get("itemprop").split():
            if prop in item:
                item[prop] = [*item[prop], value] if isinstance(item[prop], list) else [item[prop], value]
            else:
                item[prop] = value
    return item


def microdata(page: Page) -> list[dict[str, Any]]:
    """Every top-level microdata item of the page."""
    return [microdata_item(el) for el in page.root.xpath("//*[@itemscope and not(@itemprop)]")]


def _nodes(value: Any, context: str = "") -> Iterator[tuple[dict[str, Any], str]]:
    """Every dict in a JSON-LD value (``@graph`` and lists included), with the nearest product name."""
    if isinstance(value, list):
        for v in value:
            yield from _nodes(v, context)
    elif isinstance(value, dict):
        name = value.get("name") if _types(value) & {"Product", "ProductGroup", "Service"} else None
        context = str(_first(name)) if name else context
        yield value, context
        for v in value.values():
            yield from _nodes(v, context)


# -- facts ---------------------------------------------------------------------------------

def _return_facts(node: dict[str, Any], where: str) -> Iterator[Fact]:
    days = _number(node.get("merchantReturnDays"))
    if days is not None and days > 0:
        yield Fact(f"Returns are accepted within {days:.0f} days.",
                   ((f"{where}.merchantReturnDays", str(_first(node["merchantReturnDays"]))),))
    category = _name(_first(node.get("returnPolicyCategory") or ""))
    if category == "MerchantReturnNotPermitted":
        yield Fact("Returns are not accepted.", ((f"{where}.returnPolicyCategory", category),))
    fees = _name(_first(node.get("returnFees") or ""))
    if fees == "FreeReturn":
        yield Fact("Returns are free of charge.", ((f"{where}.returnFees", fees),))
    fee = _amount(node.get("returnShippingFeesAmount"))
    if fee is not None and fee[0] > 0:
        yield Fact(f"Returns cost {money(fee[0], fee[1])}.",
                   ((f"{where}.returnShippingFeesAmount", money(fee[0], fee[1])),))


def _threshold(node: dict[str, Any]) -> tuple[str, tuple[float, str, str] | None]:
    for key in ("freeShippingThreshold", "eligibleTransactionVolume"):
        amount = _amount(node.get(key))
        if amount is not None:
            return key, amount
    return "", None


def _shipping_facts(node: dict[str, Any], where: str) -> Iterator[Fact]:
    rate_node = _first(node.get("shippingRate"))
    rate = _amount(rate_node)
    key, threshold = _threshold(node)
    if threshold is None and isinstance(rate_node, dict):
        key, threshold = _threshold(rate_node)
        key = f"shippingRate.{key}"
    evidence: list[tuple[str, str]] = []
    rate_text = threshold_text = ""
    if rate is not None:
        rate_text = money(rate[0], rate[1])
        evidence.append((f"{where}.shippingRate", rate_text))
    if threshold is not None:
        threshold_text = money(threshold[0], threshold[1] or (rate[1] if rate else ""))
        evidence.append((f"{where}.{key}", threshold_text))
    if threshold is not None and (rate is None or rate[0] == 0 or key.endswith("freeShippingThreshold")):
        yield Fact(f"Free shipping on orders over {threshold_text}.", tuple(evidence))
    elif threshold is not None and rate is not None:
        yield Fact(f"Shipping costs {rate_text} on orders over {threshold_text}.", tuple(evidence))
    elif rate is not None and rate[0] == 0:
        yield Fact("Shipping is free.", tuple(evidence))


def _offer_facts(node: dict[str, Any], where: str, product: str) -> Iterator[Fact]:
    price = _amount(node) if "price" in node else _amount(node.get("priceSpecification"))
    if price is None or price[0] <= 0:
        return
    currency = price[1] or str(_first(node.get("priceCurrency") or ""))
    shown = money(price[0], currency)
    yield Fact(f"{product or 'The product'} costs {shown}.", ((f"{where}.price", shown),))


def facts(page: Page) -> tuple[Fact, ...]:
    """Every fact the page declares in JSON-LD and microdata, without repeats, in document order."""
    out: dict[Fact, None] = {}
    for kind, blocks in (("JSON-LD", json_ld(page)), ("microdata", microdata(page))):
        for node, product in _nodes(blocks):
            types = _types(node)
            for t in sorted(types):
                where = f"{kind} {t}"
                if t == "MerchantReturnPolicy":
                    out.update(dict.fromkeys(_return_facts(node, where)))
                elif t in _SHIPPING_TYPES:
                    out.update(dict.fromkeys(_shipping_facts(node, where)))
                elif t == "Offer":
                    out.update(dict.fromkeys(_offer_facts(node, where, product)))
    return tuple(out)


class StructuredDataConflict(DeedCheck):
    """D104 structured-data-conflict: a page's schema.org data disagrees with a written commitment.

    Bad::

        Returns page: "Free returns within 30 days."
        Product page JSON-LD: {"@type": "MerchantReturnPolicy", "merchantReturnDays": 14}

    Good::

        Returns page: "30-day returns on every order."
        Product page JSON-LD: {"@type": "MerchantReturnPolicy", "merchantReturnDays": 30}

    One finding per declared fact, listing every page that declares it, against the commitment
    it conflicts with most surely (the others are named in the reasons).
    """

    code = "D104"

    def run(self, documents: Corpus, promises: Sequence[Unit], config: DeedsConfig) -> list[Finding]:
        if not promises:
            return []
        seen: dict[str, tuple[list[Fact], dict[str, Document]]] = {}
        for page in documents.pages():
            for fact in documents.derived(facts, page):
                entry = seen.setdefault(fact.sentence, ([], {}))
                if fact not in entry[0]:
                    entry[0].append(fact)
                entry[1][page.url] = page.doc
        out = []
        for sentence, (found, docs) in sorted(seen.items()):
            conflicts = [(c, u) for u in promises if (c := compare(u.text, u.lang, sentence, "en", config.rates))]
            if not conflicts:
                continue
            conflicts.sort(key=lambda cu: (-cu[0].score, cu[1].key))
            conflict, unit = conflicts[0]
            declared = "; ".join(sorted({f"{label} = {value}" for f in found for label, value in f.evidence}))
            seen_as = Observation(
                key=f"structured-data:{sentence}", text=f"Structured data declares: {sentence}",
                docs=tuple(docs.values()),
                evidence=(*({"label": label, "value": value} for label, value in
                            sorted({e for f in found for e in f.evidence})),
                          {"label": "read as", "value": sentence}, *capped("page", docs)),
                detail=f"{plural(len(docs), 'page')} declare{'s' if len(docs) == 1 else ''} “{sentence}” "
                       f"in structured data ({declared}); {conflict.reason}")
            others = [f"also contradicts “{u.text}” ({c.reason})" for c, u in conflicts[1:]]
            out.append(make_finding(self.code, config, unit, (), seen_as, score=conflict.score,
                                    extra_reasons=(conflict.reason, *others)))
        return out
