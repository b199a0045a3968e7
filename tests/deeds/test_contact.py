"""D105 contact-channel-mismatch: promised live chat or phone support missing from the contact pages."""

import pytest

from consistency.deeds.contact import channels, is_contact_page
from consistency.deeds.interface import Corpus, DeedsConfig
from consistency.deeds.trackers import resources
from tests.deeds.builders import SITE, page, run, unit

CHAT = unit("Chat with us 24/7.", url=f"{SITE}/", title="Home")
PHONE = unit("Call us any time.", url=f"{SITE}/", title="Home")
MAILTO_ONLY = '<html><body><h1>Contact us</h1><a href="mailto:help@example.com">help@example.com</a></body></html>'
INTERCOM = '<script src="https://widget.intercom.io/widget/abc123"></script>'


def test_contact_page_with_only_mailto_contradicts_a_chat_promise():
    (finding,) = run([page("/contact", MAILTO_ONLY, title="Contact"), page("/", "<html><body>Hi</body></html>")],
                     [CHAT])
    assert finding.code == "D105" and finding.severity == "warning"
    assert {"label": "contact page", "value": f"{SITE}/contact"} in finding.evidence
    assert {"label": "mailto: link", "value": "help@example.com"} in finding.evidence
    assert {"label": "chat", "value": "none found"} in finding.evidence
    assert "1 contact page offers email, but no chat" in finding.explanation


@pytest.mark.parametrize("where", ["/contact", "/"])
def test_a_chat_widget_on_the_contact_page_or_anywhere_on_the_site_is_enough(where):
    html = f"<html><head>{INTERCOM}</head><body>Hi</body></html>"
    docs = [page("/contact", MAILTO_ONLY), page("/about", "<html><body>About</body></html>")]
    docs.append(page(where if where != "/contact" else "/help", html))
    assert run(docs, [CHAT]) == []


def test_a_messaging_link_counts_as_chat():
    html = '<html><body><a href="https://wa.me/15551234567">WhatsApp</a></body></html>'
    assert run([page("/support", html)], [CHAT]) == []


def test_phone_promise_needs_a_tel_link_or_a_labelled_number():
    assert len(run([page("/contact", MAILTO_ONLY)], [PHONE])) == 1
    tel = '<html><body><a href="tel:+18005550100">Call</a></body></html>'
    assert run([page("/contact", tel)], [PHONE]) == []
    assert run([page("/contact", "<html></html>", text="Phone: +1 (800) 555-0100")], [PHONE]) == []
    assert run([page("/contact", "<html></html>", text="전화: 02-1234-5678")], [PHONE]) == []


def test_chat_and_phone_promises_give_one_finding_each():
    findings = run([page("/contact", MAILTO_ONLY)], [CHAT, PHONE])
    assert sorted(f.statements[1]["text"] for f in findings) == [
        "The contact pages offer email, not a live chat", "The contact pages offer email, not a phone number"]


def test_contact_pages_are_found_by_path_or_title_in_four_languages():
    corpus = Corpus([page("/kontakt", "<html></html>"), page("/p/1", "<html></html>", title="고객센터"),
                     page("/p/2", "<html></html>", title="联系我们"), page("/p/3", "<html></html>", title="اتصل بنا"),
                     page("/p/4", "<html></html>", title="Help Center | Brand"),
                     page("/blog/how-we-help-farmers", "<html></html>", title="How we help farmers")])
    assert [is_contact_page(p) for p in corpus.pages()] == [True, True, True, True, True, False]


def test_no_contact_page_or_no_promise_means_no_finding():
    assert run([page("/about", MAILTO_ONLY)], [CHAT]) == []
    assert run([page("/contact", MAILTO_ONLY)], [unit("Free returns within 30 days.")]) == []


def test_channels_lists_what_a_page_offers():
    html = (f'<html><head>{INTERCOM}</head><body><a href="mailto:a@example.com?subject=Hi">mail</a>'
            '<a href="tel:+441234567890">call</a><form><textarea name="m"></textarea></form></body></html>')
    p = Corpus([page("/contact", html)]).pages()[0]
    found = channels(p, resources(p), DeedsConfig())
    assert found.mail == ("a@example.com",) and found.phone == ("tel:+441234567890",) and found.form
    assert found.chat == ("Intercom widget (https://widget.intercom.io/widget/abc123)",)
