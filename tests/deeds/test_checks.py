"""run_checks: the registry, config switches, severity overrides and a deterministic order."""

import json
import random

from consistency.config.loader import load_config
from consistency.deeds import CHECKS, run_checks
from consistency.deeds.interface import DeedCheck
from consistency.findings import Finding
from consistency.rules import RULES
from tests.deeds.builders import fixture, mail, page, run, unit

UNITS = [unit("We use only first-party cookies."), unit("Unsubscribe with one click from any email."),
         unit("We only email you with your explicit consent."), unit("Free returns within 30 days."),
         unit("Chat with us 24/7."), unit("Our bags are made to last.", kind="message")]


def corpus():
    return [page("/journal", fixture("tracked.html"), set_cookie=[{"name": "_ga", "domain": "example.com"}]),
            page("/newsletter", fixture("forms.html")), page("/tote", fixture("product.html")),
            page("/contact", '<html><body><a href="mailto:help@example.com">Mail us</a></body></html>',
                 title="Contact"),
            mail("Spring collection", body_text="New bags."),
            mail("Summer picks", body_text="To unsubscribe, call 0800 123 456.", sender="shop@example.com")]


def test_registry_covers_every_deeds_rule_with_a_documented_check():
    assert sorted(CHECKS) == sorted(c for c in RULES if c.startswith("D"))
    for code, cls in CHECKS.items():
        assert issubclass(cls, DeedCheck) and cls.code == code
        assert "Bad::" in cls.__doc__ and "Good::" in cls.__doc__ and cls.__doc__.startswith(code)


def test_every_check_fires_on_the_demo_corpus_with_complete_findings():
    findings = run(corpus(), UNITS)
    assert {f.code for f in findings} == set(CHECKS)
    for f in findings:
        assert isinstance(f, Finding) and f.rule == RULES[f.code].name and f.evidence
        assert f.statements[0]["kind"] == "commitment" and f.statements[1]["kind"] == "behaviour"
        assert f.id.startswith("F-") and f.explanation.startswith("The commitment “")
        json.dumps(f.to_dict())  # every finding serialises
    assert len({f.id for f in findings}) == len(findings)


def test_output_is_deterministic_whatever_the_input_order():
    first = [f.to_dict() for f in run(corpus(), UNITS)]
    docs, units = corpus(), list(UNITS)
    random.Random(7).shuffle(docs)
    random.Random(7).shuffle(units)
    assert [f.to_dict() for f in run(docs, units)] == first
    assert [f.to_dict()["severity"] for f in run(docs, units)] == sorted(
        (d["severity"] for d in first), key=["error", "warning", "note"].index)


def test_a_check_can_be_switched_off_and_severity_overridden():
    only = run(corpus(), UNITS, checks=("D103", "D105"))
    assert {f.code for f in only} == {"D103", "D105"}
    assert run(corpus(), UNITS, checks=()) == []
    overridden = run(corpus(), UNITS, severity={"D101": "note", "D105": "error"})
    assert {f.severity for f in overridden if f.code == "D101"} == {"note"}
    assert {f.severity for f in overridden if f.code == "D105"} == {"error"}


def test_no_promise_means_no_contradiction():
    assert run(corpus(), [unit("Our bags are made to last."), unit("We use only first-party cookies.",
                                                                     kind="message")]) == []


def test_run_checks_takes_a_loaded_config():
    assert {f.code for f in run_checks(load_config(None), corpus(), UNITS)} == set(CHECKS)
