"""D103 form-without-consent: forms collecting email or phone without consent text in or beside them."""

import pytest

from consistency.deeds.forms import forms
from consistency.deeds.interface import Corpus
from tests.deeds.builders import SITE, fixture, page, run, unit

PROMISE = unit("We only email you with your explicit consent.")


def facts_of(html, path="/"):
    return forms(Corpus([page(path, html)]).pages()[0])


def test_only_the_signup_form_without_consent_is_flagged():
    (finding,) = run([page("/newsletter", fixture("forms.html"), title="Newsletter")], [PROMISE])
    values = {e["label"]: e["value"] for e in finding.evidence}
    assert values == {"page": f"{SITE}/newsletter", "form action": f"{SITE}/subscribe", "fields": "email",
                      "contact fields": "email", "consent text": "none found in or right beside the form"}
    assert "collects email" in finding.explanation


def test_search_login_consented_and_privacy_linked_forms_are_recognised():
    by_action = {f.action.removeprefix(SITE): f for f in facts_of(fixture("forms.html"))}
    assert set(by_action) == {"/subscribe", "/signup", "/callback"}  # no search form, no login form
    assert not by_action["/subscribe"].consent
    assert by_action["/signup"].consent and by_action["/signup"].contact_fields == ("phone_number",)
    assert by_action["/callback"].consent  # a privacy-policy link right after the form


@pytest.mark.parametrize("field", [
    '<input name="이메일">', '<input placeholder="邮箱地址">', '<input id="user-mail">',
    '<input name="البريد">', '<input type="tel" name="n">', '<label>电话 <input name="x"></label>',
])
def test_contact_fields_are_recognised_in_four_languages(field):
    (facts,) = facts_of(f"<html><body><form action='/a'>{field}<button>OK</button></form></body></html>")
    assert not facts.consent


@pytest.mark.parametrize("consent", [
    "개인정보 수집에 동의합니다", "我同意隐私政策", "أوافق على سياسة الخصوصية", "By signing up you agree to our terms.",
])
def test_consent_text_is_recognised_in_four_languages(consent):
    html = f"<html><body><form><input type='email' name='e'><p>{consent}</p></form></body></html>"
    (facts,) = facts_of(html)
    assert facts.consent


def test_the_same_footer_form_on_many_pages_is_one_finding():
    html = "<html><body><main>Text</main><footer><form action='/join'><input type='email' name='email'></form>" \
           "</footer></body></html>"
    (finding,) = run([page(f"/p{i}", html) for i in range(4)], [PROMISE])
    assert len(finding.statements[1]["occurrences"]) == 4
    assert finding.explanation.endswith("4 pages have a form (action https://www.example.com/join) that collects "
                                        "email with no consent text or privacy link in or beside it.")


def test_no_consent_promise_means_no_finding():
    assert run([page("/newsletter", fixture("forms.html"))], [unit("Chat with us 24/7.")]) == []
