"""The deeds seam: config defaults and validation, the shared parsed corpus, the behaviour side of a finding."""

import pytest

from consistency.config.loader import load_config
from consistency.deeds.interface import Corpus, DeedsConfig, behaviour_side
from consistency.errors import ConfigError
from consistency.findings import _side
from tests.deeds.builders import mail, page, unit


def test_defaults_run_every_check_with_rule_severities():
    config = DeedsConfig.from_mapping({})
    assert config.checks == ("D101", "D102", "D103", "D104", "D105")
    assert config.severity_of("D101") == "error" and config.severity_of("D105") == "warning"
    assert config.first_party_hosts == () and config.tracker_hosts == ()


def test_from_config_takes_site_and_brand_hosts_and_judge_rates(tmp_path):
    path = tmp_path / "consistency.toml"
    path.write_text('[brand]\nname = "B"\nurl = "https://brand.example/"\n[judge]\nrates = { KRW = 0.00072 }\n'
                    '[[sources]]\ntype = "site"\nurl = "https://www.shop.example/en/"\n', "utf-8")
    config = DeedsConfig.from_config(load_config(path))
    assert config.first_party_hosts == ("brand.example", "shop.example")
    assert dict(config.rates) == {"KRW": 0.00072}
    assert DeedsConfig.from_config(load_config(None)).checks == DeedsConfig().checks


@pytest.mark.parametrize("data, message", [
    ({"check": ["D101"]}, "unknown key `deeds.check`"),
    ({"checks": ["D109"]}, "'D109', which is not a deeds check"),
    ({"severity": {"D101": "fatal"}}, "`deeds.severity.D101` is 'fatal'"),
    ({"severity": {"C101": "note"}}, "'C101', which is not a deeds check"),
])
def test_bad_config_is_a_config_error_with_a_hint(data, message):
    with pytest.raises(ConfigError) as err:
        DeedsConfig.from_mapping(data)
    assert message in err.value.message and err.value.hint


def test_pages_are_parsed_once_and_mail_html_is_the_part_after_the_headers():
    doc = page("/", "<html><body><p>Hi</p></body></html>")
    m = mail("News", html="<html><body><a href='https://x.example/u'>Unsubscribe</a></body></html>")
    corpus = Corpus([doc, m, page("/empty", "")])
    assert corpus.page(doc) is corpus.page(doc)
    assert [p.url for p in corpus.pages()] == [doc.url]  # mails and empty pages are not site pages
    assert corpus.page(m).root.xpath("//a/@href") == ["https://x.example/u"]
    plain = mail("Plain <text>", body_text="Hi <you>")  # no HTML part: the headers are not parsed as HTML
    assert Corpus([plain]).page(plain) is None
    calls = []

    def links(p):
        calls.append(p)
        return p.root.xpath("//a/@href")

    assert corpus.derived(links, corpus.page(m)) == corpus.derived(links, corpus.page(m)) == ["https://x.example/u"]
    assert len(calls) == 1


def test_behaviour_side_has_the_keys_of_a_statement_side():
    docs = [page("/b", "<html></html>", title="B"), page("/a", "<html></html>", title="A"),
            page("/a", "<html></html>", title="A")]
    side = behaviour_side("k", "Loads a tracker", docs)
    assert set(side) == set(_side("commitment", unit("x"), []))
    assert (side["role"], side["kind"], side["lang"], side["url"], side["title"]) == (
        "conflict", "behaviour", "en", "https://www.example.com/a", "A")
    assert [o["url"] for o in side["occurrences"]] == ["https://www.example.com/a", "https://www.example.com/b"]
