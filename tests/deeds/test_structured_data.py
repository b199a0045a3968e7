"""D104 structured-data-conflict: schema.org JSON-LD and microdata read as sentences and judged against commitments."""

import pytest

from consistency.deeds.interface import Corpus
from consistency.deeds.structured_data import facts, money
from tests.deeds.builders import fixture, page, run, unit


def sentences(html):
    return [f.sentence for f in facts(Corpus([page("/p", html)]).pages()[0])]


def jsonld(body):
    return f'<html><head><script type="application/ld+json">{body}</script></head><body></body></html>'


def test_graph_json_ld_becomes_sentences_and_broken_blocks_are_ignored():
    assert sentences(fixture("product.html")) == [
        "Canvas Tote costs $45.", "Returns are accepted within 14 days.", "Returns are free of charge.",
        "Free shipping on orders over $75."]  # the malformed block (7 days) states nothing


def test_microdata_is_read_like_json_ld():
    assert sentences(fixture("microdata.html")) == ["Linen Shirt costs $60.", "Returns are accepted within 14 days."]


def test_disagreeing_return_window_is_a_finding_citing_both_sides():
    promise = unit("Free returns within 30 days.", url="https://www.example.com/returns", title="Returns")
    findings = run([page("/tote", fixture("product.html")), page("/shirt", fixture("microdata.html"))],
                   [promise, unit("We use only first-party cookies.")])
    (finding,) = findings
    assert finding.code == "D104" and finding.severity == "error"
    assert {"label": "JSON-LD MerchantReturnPolicy.merchantReturnDays", "value": "14"} in finding.evidence
    assert {"label": "microdata MerchantReturnPolicy.merchantReturnDays", "value": "14"} in finding.evidence
    assert "30 days" in finding.explanation and "14 days" in finding.explanation
    assert [o["url"] for o in finding.statements[1]["occurrences"]] == [
        "https://www.example.com/shirt", "https://www.example.com/tote"]


def test_agreeing_structured_data_is_not_a_finding():
    html = jsonld('{"@type": "MerchantReturnPolicy", "merchantReturnDays": "30"}')
    assert run([page("/p", html)], [unit("30-day returns on every order.")]) == []


@pytest.mark.parametrize("commitment, lang", [
    ("Free shipping on orders over $50.", "en"),
    ("满50美元免运费。", "zh"),
])
def test_free_shipping_threshold_conflict_in_any_language(commitment, lang):
    (finding,) = run([page("/tote", fixture("product.html"))], [unit(commitment, lang=lang)])
    assert {"label": "JSON-LD OfferShippingDetails.eligibleTransactionVolume", "value": "$75"} in finding.evidence
    assert "Free shipping on orders over $75." in finding.explanation


def test_best_conflicting_commitment_is_chosen_and_the_others_are_named():
    html = jsonld('{"@type": "MerchantReturnPolicy", "merchantReturnDays": 14}')
    units = [unit("Free returns within 30 days."), unit("You have 60 days to return any item.")]
    (finding,) = run([page("/p", html)], units)
    assert finding.statements[0]["text"] == "Free returns within 30 days."
    assert any(r.startswith("also contradicts “You have 60 days") for r in finding.reasons)


@pytest.mark.parametrize("body", [
    "{not json", "[1, 2", "", '"just a string"', '{"@type": "MerchantReturnPolicy", "merchantReturnDays": "soon"}',
    '{"@type": ["Thing", null], "name": {"@type": "Offer", "price": "free"}}',
])
def test_malformed_or_odd_json_ld_does_not_crash(body):
    assert run([page("/p", jsonld(body))], [unit("Free returns within 30 days.")]) == []


def test_shipping_rates_and_thresholds():
    rate = '{"@type": "MonetaryAmount", "value": 4.95, "currency": "USD"}'
    assert sentences(jsonld(f'{{"@type": "OfferShippingDetails", "shippingRate": {rate}}}')) == []
    assert sentences(jsonld('{"@type": "OfferShippingDetails", "shippingRate": {"value": 0, "currency": "EUR"}}')) \
        == ["Shipping is free."]
    both = (f'{{"@type": "OfferShippingDetails", "shippingRate": {rate}, "freeShippingThreshold": '
            '{"@type": "MonetaryAmount", "value": 50000, "currency": "KRW"}}')
    assert sentences(jsonld(both)) == ["Free shipping on orders over 50,000 KRW."]


def test_money_is_written_as_the_slot_judge_reads_it():
    assert (money(50, "usd"), money(4.95, "EUR"), money(50000, "KRW"), money(3, "")) == (
        "$50", "€4.95", "50,000 KRW", "3")


def test_no_commitments_means_no_finding():
    assert run([page("/tote", fixture("product.html"))], [unit("Free returns within 30 days.", kind="message")]) == []
